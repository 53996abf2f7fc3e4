/**
 * Autosave: every change to the design is written to this tab's slot in IndexedDB (debounced),
 * and the tab restores it on reload (session.ts). When the page is hidden or goes away, typed
 * edits are committed first and the save is flushed; a save that may not commit in time is
 * also put in the tab's journal (synchronous), so a reload mid-typing keeps what was typed.
 */
import type { Design } from '../model/schema';
import { storageErrorText } from './kv';
import { flushPendingEdits } from './pendingEdits';
import type { TabSession } from './session';
import { useStudio } from './studio';
import { notify } from './ui';

export const AUTOSAVE_DEBOUNCE_MS = 250;

export interface Autosave {
  /** Commit typed edits and write now; resolves when the write has committed (or failed). */
  flush(): Promise<void>;
  stop(): void;
}

/** Start saving every change into the session's slot. */
export function startAutosave(session: TabSession): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Design | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let writing = 0;
  let failing = false;

  const write = (design: Design) => {
    writing++;
    inFlight = session
      .save(design)
      .then(() => {
        if (failing) notify('success', 'Autosave works again: the design is stored.');
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing)
          notify(
            'error',
            `Autosave failed (${storageErrorText(error)}). Download the design file to keep it.`,
          );
        failing = true;
      })
      .finally(() => writing--);
    return inFlight;
  };

  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const design = pending;
    pending = null;
    if (design && !useStudio.getState().readOnly) void write(design);
    return inFlight;
  };

  const unsubscribe = useStudio.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flushNow, AUTOSAVE_DEBOUNCE_MS);
  });

  /** The page is hidden or going away: nothing typed or changed may be left behind. */
  const onLeave = () => {
    flushPendingEdits();
    const unsaved = pending !== null || writing > 0;
    if (unsaved && !useStudio.getState().readOnly)
      session.writeJournal(useStudio.getState().design);
    void flushNow();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onLeave();
  };
  window.addEventListener('pagehide', onLeave);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    flush: () => {
      flushPendingEdits();
      return flushNow();
    },
    stop: () => {
      void flushNow();
      unsubscribe();
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
