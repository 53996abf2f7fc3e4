/**
 * Whether the user is at work on the canvas, for what the studio does in the background at idle
 * moments (the rehearsals of findings.ts): a button held on the page (a drag, a box selection, a
 * pan by drag), a press, or the canvas' view moved (a pan or zoom by wheel, keys or a fit, which
 * hold no button). Such work waits until the page has been still a while: an idle callback also
 * comes between two frames of a pan, and at 3,000 elements a rehearsal takes 15–200 ms, several
 * frames (a CPU profile of bench:ui's pan at 3,000 elements, half a second after its drop, held
 * 70 ms of rehearsals a run; the same pan again a second later, none).
 */

let held = false;
/** When the last press, release or view move came (Date.now()). */
let stirredAt = -Infinity;
let watched = false;

function watchPointer(): void {
  if (watched || typeof window === 'undefined') return;
  watched = true;
  const options = { capture: true, passive: true } as const;
  // A release is a stir too: a drop's own work (its routes, its findings) follows it.
  const release = () => {
    held = false;
    stirredAt = Date.now();
  };
  window.addEventListener(
    'pointerdown',
    () => {
      held = true;
      stirredAt = Date.now();
    },
    options,
  );
  window.addEventListener('pointerup', release, options);
  window.addEventListener('pointercancel', release, options);
  window.addEventListener('blur', release);
}

/** The canvas' view moved (React Flow's onMove: every step of a pan or zoom, whatever made it). */
export function viewMoved(): void {
  stirredAt = Date.now();
}

/** Whether the page has been still for `ms`: no press, release or view move, and no button held now. */
export function stillFor(ms: number): boolean {
  watchPointer();
  return !held && Date.now() - stirredAt >= ms;
}

/** Without requestIdleCallback (Safari), an idle moment is this far off: a timer's. */
const NO_IDLE_CALLBACK_MS = 50;

/** Run `run` at an idle moment, forced in at `until` (Date.now() time) if that is finite. */
const atIdle = (run: () => void, until: number): void => {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(
      run,
      Number.isFinite(until) ? { timeout: Math.max(1, until - Date.now()) } : undefined,
    );
  else setTimeout(run, NO_IDLE_CALLBACK_MS);
};

/**
 * Resolves at an idle moment once the page has been still for `stillMs`, `afterMs` from now at
 * the earliest, or `capMs` from now at the latest (work that must be done, a save, is done
 * anyway); in a page that has been still, at the first idle moment after `afterMs`. Watches from
 * now: a press before the first check counts.
 */
export function whenStill(
  stillMs: number,
  { afterMs = 0, capMs = Infinity }: { afterMs?: number; capMs?: number } = {},
): Promise<void> {
  watchPointer();
  const until = Date.now() + capMs;
  return new Promise((resolve) => {
    const check = () => {
      const left = until - Date.now();
      if (left <= 0 || stillFor(stillMs)) {
        resolve();
        return;
      }
      // Again once it may be still (a move or press may come meanwhile: checked again then).
      const wait = held ? stillMs : stillMs - (Date.now() - stirredAt);
      setTimeout(() => atIdle(check, until), Math.max(1, Math.min(wait, left)));
    };
    // Without idle callbacks, the first check is the next timer's idle moment, as ever.
    if (afterMs > 0 && typeof requestIdleCallback === 'function')
      setTimeout(() => atIdle(check, until), afterMs);
    else atIdle(check, until);
  });
}
