/**
 * Subscriptions by element id, for values kept outside React (marks.ts, routeStore.ts): each
 * drawn element subscribes to its own id, and a change tells only the ids it touches, where a
 * store selector per element would run for every drawn element on each change.
 */
import { useSyncExternalStore } from 'react';

/** What a drawn element hands useSyncExternalStore for its id. */
export interface Watcher<T> {
  readonly subscribe: (listener: () => void) => () => void;
  readonly get: () => T;
}

export interface KeyedWatch<T> {
  /** Subscribe to one id's value: `listener` is called when it is told the value changed. */
  watch(id: string, listener: () => void): () => void;
  /** One id's value (`none` for no id), re-rendering when it is told the value changed. */
  use(id: string | undefined): T;
  /**
   * The subscribe and get functions for one id, the same ones while it has subscribers (what
   * `use` renders with).
   */
  watcher(id: string): Watcher<T>;
  /** Tell the subscribers of these ids (all watched ids when omitted). */
  tell(ids?: Iterable<string>): void;
}

/** Watchers of `get(id)`, one per id while something subscribes to it. */
export function keyedWatch<T>(get: (id: string) => T, none: T): KeyedWatch<T> {
  /** The listeners of each id that has any. */
  const listenersOf = new Map<string, Set<() => void>>();
  /** Each id's functions, kept while it has listeners so that a re-render does not resubscribe. */
  const watchers = new Map<string, Watcher<T>>();
  const watcherOf = (id: string): Watcher<T> => {
    let watcher = watchers.get(id);
    if (!watcher) {
      const made: Watcher<T> = {
        // The listeners are looked up when the element subscribes, not when it rendered. A
        // subscription made again with the functions of a render, after a cleanup that emptied
        // and dropped their set, used to join that dropped set and was never told again: links
        // left straight on the canvas with their routes in the store. React does this to every
        // element it mounts in development (StrictMode runs each effect's cleanup and the effect
        // again), and to an element remounted in one commit (the old one's cleanup runs between
        // the new one's render and its subscription).
        subscribe: (listener) => {
          let listeners = listenersOf.get(id);
          if (!listeners) {
            listeners = new Set();
            listenersOf.set(id, listeners);
          }
          if (!watchers.has(id)) watchers.set(id, made);
          const joined = listeners;
          joined.add(listener);
          return () => {
            joined.delete(listener);
            if (joined.size > 0 || listenersOf.get(id) !== joined) return;
            listenersOf.delete(id);
            if (watchers.get(id) === made) watchers.delete(id);
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
    watcher: watcherOf,
    use(id) {
      const watcher = id === undefined ? undefined : watcherOf(id);
      return useSyncExternalStore(
        watcher?.subscribe ?? noSubscription,
        watcher?.get ?? getNone,
        watcher?.get ?? getNone,
      );
    },
    tell(ids) {
      for (const id of ids ? [...ids] : [...listenersOf.keys()])
        for (const listener of [...(listenersOf.get(id) ?? [])]) listener();
    },
  };
}
