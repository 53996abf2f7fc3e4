/**
 * Autosave: every change to the design is written to this tab's slot in IndexedDB (debounced),
 * and the tab restores it on reload (session.ts). When the page is hidden or goes away, typed
 * edits are committed first and the save is flushed; a save that may not commit in time is
 * also put in the tab's journal (synchronous), so a reload mid-typing keeps what was typed.
 *
 * A save of a large design is work (at 3,000 elements: its text, ~1 MB, its fingerprint and
 * the write's copy, 50–100 ms on a 2-core machine): it runs when the page is idle, a step per
 * idle moment, so it never lengthens the task or the frames of an edit that follows a pause of
 * the debounce (a delete's late renders, a paste's findings). Nor while the canvas is routing an
 * edit: a step between the worker's answer and its drawing delayed a delete's or a paste's
 * settled drawing. A flush (the page going away, a download, a replacement) does it at once.
 */
import type { Design } from '../model/schema';
import { storageErrorText } from './kv';
import { flushPendingEdits } from './pendingEdits';
import { isRoutingBusy, routingSettled } from './routingBusy';
import type { TabSession } from './session';
import { useStudio } from './studio';
import { notify } from './ui';

export const AUTOSAVE_DEBOUNCE_MS = 250;
/**
 * A save's step waits for the canvas's routing and an idle moment this long at most, both
 * together (a page never idle, or a router that never answers, still saves).
 */
export const AUTOSAVE_IDLE_WAIT_MS = 1000;

export interface Autosave {
  /** Commit typed edits and write now; resolves when the write has committed (or failed). */
  flush(): Promise<void>;
  stop(): void;
}

/** A save that a newer one made needless, dropped at its next step (never an error). */
class Superseded extends Error {}

/** Start saving every change into the session's slot. */
export function startAutosave(session: TabSession): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Design | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let writing = 0;
  let failing = false;
  /** The number of the last save started: an older one still stepping stops. */
  let latest = 0;
  /** A save under way a step per idle moment (not yet written). */
  let stepping = false;

  const idleFor = (timeout: number) =>
    new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout });
      else setTimeout(resolve, 0);
    });
  /**
   * An idle moment once the canvas has drawn the edit it is routing (if any): the routing's
   * wait counts against the idle moment's, so a step still waits AUTOSAVE_IDLE_WAIT_MS at most.
   */
  const idle = (): Promise<void> => {
    if (!isRoutingBusy()) return idleFor(AUTOSAVE_IDLE_WAIT_MS);
    const start = Date.now();
    return routingSettled(AUTOSAVE_IDLE_WAIT_MS).then(() =>
      idleFor(Math.max(1, AUTOSAVE_IDLE_WAIT_MS - (Date.now() - start))),
    );
  };

  const write = (design: Design, stepwise: boolean) => {
    writing++;
    const mine = ++latest;
    stepping = stepwise;
    // Each step waits for an idle moment; a newer save since makes the rest needless (and the
    // older design must not be written after the newer one).
    const pause = async () => {
      await idle();
      if (mine !== latest) throw new Superseded();
    };
    inFlight = session
      .save(design, undefined, stepwise ? pause : undefined)
      .then(() => {
        if (failing) notify('success', 'Autosave works again: the design is stored.');
        failing = false;
      })
      .catch((error: unknown) => {
        if (error instanceof Superseded) return;
        if (!failing)
          notify(
            'error',
            `Autosave failed (${storageErrorText(error)}). Download the design file to keep it.`,
          );
        failing = true;
      })
      .finally(() => {
        writing--;
        if (mine === latest) stepping = false;
      });
    return inFlight;
  };

  /** Write the pending design: at once, or (`stepwise`) a step per idle moment. */
  const flushNow = (stepwise = false) => {
    if (timer) clearTimeout(timer);
    timer = null;
    // A save still stepping is started again at once, with the newest design.
    if (!stepwise && stepping) pending ??= useStudio.getState().design;
    const design = pending;
    pending = null;
    if (design && !useStudio.getState().readOnly) void write(design, stepwise);
    return inFlight;
  };

  const unsubscribe = useStudio.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // The design as it is at the idle moment (an edit meanwhile is saved with it).
      void idle().then(() => {
        if (pending) flushNow(true);
      });
    }, AUTOSAVE_DEBOUNCE_MS);
  });

  /**
   * The design last put in the journal. A page going away is told twice (hidden, then pagehide):
   * the second time the journal already holds that design, and writing it again (its text, ~1 MB
   * at 3,000 elements, into sessionStorage) only made the reload wait for the old page longer.
   */
  let journaled: Design | null = null;
  /** The page is hidden or going away: nothing typed or changed may be left behind. */
  const onLeave = () => {
    flushPendingEdits();
    const { design, readOnly } = useStudio.getState();
    const unsaved = pending !== null || writing > 0;
    if (unsaved && !readOnly && design !== journaled && session.writeJournal(design))
      journaled = design;
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
