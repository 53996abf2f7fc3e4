/**
 * The routes the canvas draws its links along, by link id: written by the router (routes.ts,
 * loaded after the first screen), read by each edge for its own link.
 */
import { create } from 'zustand';
import type { Connector } from '../render/types';

interface RoutesState {
  readonly byId: ReadonlyMap<string, Connector>;
}

export const useRoutes = create<RoutesState>()(() => ({ byId: new Map() }));
