import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module afresh, on a stand-in window whose pointer events the test sends. */
async function fresh() {
  vi.resetModules();
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  const activity = await import('./activity');
  const send = (type: string) => page.dispatchEvent(new Event(type));
  return { ...activity, send };
}

/** Still only `ms` after now: not a millisecond before (fake timers). */
function expectStillOnlyAfter(stillFor: (ms: number) => boolean, ms: number): void {
  expect(stillFor(ms)).toBe(false);
  vi.advanceTimersByTime(ms - 1);
  expect(stillFor(ms)).toBe(false);
  vi.advanceTimersByTime(1);
  expect(stillFor(ms)).toBe(true);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('The page is still', () => {
  it('when nothing happened yet', async () => {
    const { stillFor } = await fresh();
    expect(stillFor(150)).toBe(true);
  });

  it('not right after the view moved (a pan or zoom by wheel or keys holds no button)', async () => {
    vi.useFakeTimers();
    const { stillFor, viewMoved } = await fresh();
    viewMoved();
    expectStillOnlyAfter(stillFor, 150);
  });

  it('not while a button is held, however long', async () => {
    vi.useFakeTimers();
    const { stillFor, send } = await fresh();
    stillFor(150); // Starts watching the pointer.
    send('pointerdown');
    vi.advanceTimersByTime(5000);
    expect(stillFor(150)).toBe(false);
    send('pointerup');
    // A drop's own work follows the release: still only a while after it.
    expectStillOnlyAfter(stillFor, 150);
  });

  it('again when the window loses the pointer with a button held (no pointerup comes)', async () => {
    vi.useFakeTimers();
    const { stillFor, send } = await fresh();
    stillFor(150);
    send('pointerdown');
    vi.advanceTimersByTime(200);
    send('blur');
    expectStillOnlyAfter(stillFor, 150);
  });
});

describe('whenStill', () => {
  it('waits out a pan: it resolves once the view has rested', async () => {
    vi.useFakeTimers();
    const { whenStill, viewMoved } = await fresh();
    let done = false;
    void whenStill(150).then(() => (done = true));
    for (let i = 0; i < 30; i++) {
      viewMoved();
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });

  it('is never forced in without a cap, and never later than its cap with one', async () => {
    vi.useFakeTimers();
    const asked: (IdleRequestOptions | undefined)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: IdleRequestOptions) => {
      asked.push(options);
      setTimeout(run, 0);
      return 0;
    });
    const { whenStill, viewMoved } = await fresh();
    viewMoved(); // So that each wait checks again after the first.
    const uncapped = whenStill(150);
    await vi.advanceTimersByTimeAsync(400);
    await uncapped;
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.every((options) => options === undefined)).toBe(true);
    asked.length = 0;
    viewMoved();
    const capped = whenStill(150, { capMs: 1000 });
    await vi.advanceTimersByTimeAsync(400);
    await capped;
    expect(asked.length).toBeGreaterThan(1);
    for (const options of asked) expect(options?.timeout).toBeLessThanOrEqual(1000);
  });

  it('resolves at its cap even if the page never rests', async () => {
    vi.useFakeTimers();
    const { whenStill, send, stillFor } = await fresh();
    stillFor(0);
    send('pointerdown');
    let done = false;
    void whenStill(150, { capMs: 1000 }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });
});
