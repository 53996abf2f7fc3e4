/**
 * Subscriptions by element id, for values kept outside React (marks.ts, routeStore.ts): each
 * drawn element subscribes to its own id, and a change tells only the ids it touches, where a
 * store selector per element would run for every drawn element on each change.
 */
import { useSyncExternalStore } from 'react';

interface Watcher<T> {
  readonly listeners: Set<() => void>;
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => T;
}

export interface KeyedWatch<T> {
  /** Subscribe to one id's value: `listener` is called when it is told the value changed. */
  watch(id: string, listener: () => void): () => void;
  /** One id's value (`none` for no id), re-rendering when it is told the value changed. */
  use(id: string | undefined): T;
  /** Tell the subscribers of these ids (all watched ids when omitted). */
  tell(ids?: Iterable<string>): void;
}

/** Watchers of `get(id)`, one per id while something subscribes to it. */
export function keyedWatch<T>(get: (id: string) => T, none: T): KeyedWatch<T> {
  const watchers = new Map<string, Watcher<T>>();
  const watcherOf = (id: string): Watcher<T> => {
    let watcher = watchers.get(id);
    if (!watcher) {
      const listeners = new Set<() => void>();
      const made: Watcher<T> = {
        listeners,
        subscribe: (listener) => {
          listeners.add(listener);
          return () => {
            listeners.delete(listener);
            if (listeners.size === 0 && watchers.get(id) === made) watchers.delete(id);
          };
        },
        get: () => get(id),
      };
      watcher = made;
      watchers.set(id, watcher);
    }
    return watcher;
  };
  const getNone = () => none;
  const noSubscription = () => () => {};
  return {
    watch: (id, listener) => watcherOf(id).subscribe(listener),
    use(id) {
      const watcher = id === undefined ? undefined : watcherOf(id);
      return useSyncExternalStore(
        watcher?.subscribe ?? noSubscription,
        watcher?.get ?? getNone,
        watcher?.get ?? getNone,
      );
    },
    tell(ids) {
      for (const id of ids ? [...ids] : [...watchers.keys()])
        for (const listener of [...(watchers.get(id)?.listeners ?? [])]) listener();
    },
  };
}
