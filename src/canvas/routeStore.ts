/**
 * The routes the canvas draws its links along, by link id: written by the router (routes.ts,
 * loaded after the first screen), read by each edge for its own link.
 */
import { create } from 'zustand';
import type { Connector } from '../render/types';
import { keyedWatch } from './keyedWatch';

interface RoutesState {
  readonly byId: ReadonlyMap<string, Connector>;
}

export const useRoutes = create<RoutesState>()(() => ({ byId: new Map() }));

/**
 * Each drawn link's subscription to its own route, by link id (as marks.ts does for marks): a
 * drawing tells only the links whose route it changed. A store selector per edge ran for every
 * drawn link on each of a drag's previews, most of the 77 ms `publish` took in a CPU profile
 * of a 3,000-element drag, for the few links the drag moved.
 */
const watched = keyedWatch<Connector | undefined>(
  (id) => useRoutes.getState().byId.get(id),
  undefined,
);

/** The route of link `id` (undefined while it has none, or for no id), re-rendering when it changes. */
export function useRoute(id: string | undefined): Connector | undefined {
  return watched.use(id);
}

/** Subscribe to one link's route (`useRoutes.getState().byId.get(id)`): called when it changes. */
export function watchRoute(id: string, listener: () => void): () => void {
  return watched.watch(id, listener);
}

/** The routes being set by `setRoutes`, and the ids whose route they change. */
let told: {
  readonly byId: ReadonlyMap<string, Connector>;
  readonly ids: readonly string[];
} | null = null;

/**
 * Show `byId`, which differs from the routes shown only at `changed` (the ids whose route it
 * changes, adds or removes): only those links' subscribers are told. Routes set otherwise
 * (`useRoutes.setState`) tell every link's.
 */
export function setRoutes(byId: ReadonlyMap<string, Connector>, changed: readonly string[]): void {
  told = { byId, ids: changed };
  try {
    useRoutes.setState({ byId });
  } finally {
    told = null;
  }
}

useRoutes.subscribe((state, prev) => {
  if (state.byId === prev.byId) return;
  watched.tell(told?.byId === state.byId ? told.ids : undefined);
});

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
