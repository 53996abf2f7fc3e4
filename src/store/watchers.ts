/**
 * Listeners kept by the id of what they show (a link, an element's findings): a change tells
 * only the ids it touched, where a selector per component ran once per drawn node or link on
 * every update (linkWatch.ts, findings.ts). `use` reads the value of one id in React, re-rendering
 * only when that id is told.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface Watchers {
  /** Call `tell` whenever `id` is told; returns the stop. */
  watch(id: string, tell: () => void): () => void;
  /** Tell the listeners of `id`. */
  tell(id: string): void;
  /** Tell every listener. */
  tellAll(): void;
  /** The ids someone listens to. */
  ids(): IterableIterator<string>;
  readonly size: number;
}

export function watchers(): Watchers {
  const byId = new Map<string, Set<() => void>>();
  const tell = (id: string) => {
    const mine = byId.get(id);
    if (mine) for (const listener of [...mine]) listener();
  };
  return {
    watch(id, listener) {
      let mine = byId.get(id);
      if (!mine) byId.set(id, (mine = new Set()));
      mine.add(listener);
      return () => {
        mine.delete(listener);
        if (mine.size === 0) byId.delete(id);
      };
    },
    tell,
    tellAll: () => {
      for (const id of [...byId.keys()]) tell(id);
    },
    ids: () => byId.keys(),
    get size() {
      return byId.size;
    },
  };
}

/** The value `read(id)` in React, re-read when `id` is told. */
export function useWatched<T>(list: Watchers, id: string, read: (id: string) => T): T {
  const subscribe = useCallback((tell: () => void) => list.watch(id, tell), [list, id]);
  const get = useCallback(() => read(id), [read, id]);
  return useSyncExternalStore(subscribe, get, get);
}
