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

/**
 * Why the router could not draw the links (its worker or its WebAssembly failed to load, or it
 * threw), or null while it works: the canvas then keeps straight lines and says so
 * (RoutingNotice.tsx), with a way to try again.
 */
interface RoutingFailure {
  readonly message: string | null;
  /** Start the router again (set by routes.ts while it runs). */
  readonly retry: (() => void) | null;
}

export const useRoutingFailure = create<RoutingFailure>()(() => ({ message: null, retry: null }));
