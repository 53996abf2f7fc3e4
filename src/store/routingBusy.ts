/**
 * Whether the canvas's link router (src/canvas/routes.ts, which sets it) has an edit still to
 * draw. The store does not import the canvas: autosave reads this to keep its steps (each a long
 * task at 3,000 elements) out of the way between the worker's answer and its drawing.
 */
let busy = false;
const waiting = new Set<() => void>();

export function setRoutingBusy(value: boolean): void {
  if (busy === value) return;
  busy = value;
  if (busy) return;
  const done = [...waiting];
  waiting.clear();
  for (const resolve of done) resolve();
}

export function isRoutingBusy(): boolean {
  return busy;
}

/** Resolves once the router has nothing left to draw (at once if so now), or after `capMs`. */
export function routingSettled(capMs: number): Promise<void> {
  if (!busy) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, capMs));
    waiting.add(done);
  });
}
