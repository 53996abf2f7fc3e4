/**
 * The routes the canvas draws its links along, by link id: written by the router (routes.ts,
 * loaded after the first screen), read by each edge for its own link.
 */
import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { Connector } from '../render/types';

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
interface Watcher {
  readonly listeners: Set<() => void>;
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => Connector | undefined;
}
const watchers = new Map<string, Watcher>();

function watcherOf(id: string): Watcher {
  let watcher = watchers.get(id);
  if (!watcher) {
    const listeners = new Set<() => void>();
    const made: Watcher = {
      listeners,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0 && watchers.get(id) === made) watchers.delete(id);
        };
      },
      get: () => useRoutes.getState().byId.get(id),
    };
    watcher = made;
    watchers.set(id, watcher);
  }
  return watcher;
}

const noRoute = () => undefined;
const noSubscription = () => () => {};

/** The route of link `id` (undefined while it has none, or for no id), re-rendering when it changes. */
export function useRoute(id: string | undefined): Connector | undefined {
  const watcher = id === undefined ? undefined : watcherOf(id);
  return useSyncExternalStore(
    watcher?.subscribe ?? noSubscription,
    watcher?.get ?? noRoute,
    watcher?.get ?? noRoute,
  );
}

/** Subscribe to one link's route (`useRoutes.getState().byId.get(id)`): called when it changes. */
export function watchRoute(id: string, listener: () => void): () => void {
  return watcherOf(id).subscribe(listener);
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
  const ids = told?.byId === state.byId ? told.ids : [...watchers.keys()];
  for (const id of ids) for (const listener of [...(watchers.get(id)?.listeners ?? [])]) listener();
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
