import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesignBuilder } from '../model/builder';
import {
  AUTOSAVE_DEBOUNCE_MS,
  AUTOSAVE_IDLE_WAIT_MS,
  startAutosave,
  type Autosave,
} from './autosave';
import { MemoryKeyValue } from './kv';
import { setRoutingBusy } from './routingBusy';
import { JOURNAL_KEY, openSession, type TabSession } from './session';
import { listSlots } from './slots';
import { useStudio } from './studio';

const named = (name: string) => new DesignBuilder(name).site('a', 'DC A').build();

/** The page: its events, its sessionStorage, and the idle moments the test hands out. */
class Page {
  readonly window = new EventTarget();
  readonly document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  readonly tabStore = new Map<string, string>();
  readonly idle: (() => void)[] = [];
  /** Let the page be idle once: the oldest waiting callback runs. */
  async idleOnce(): Promise<void> {
    this.idle.shift()?.();
    await settle();
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('Autosave', () => {
  let page: Page;
  let kv: MemoryKeyValue;
  let session: TabSession;
  let autosave: Autosave;
  let writes: ReturnType<typeof vi.spyOn>;
  let texts: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    page = new Page();
    vi.stubGlobal('window', page.window);
    vi.stubGlobal('document', page.document);
    vi.stubGlobal('requestIdleCallback', (run: () => void) => page.idle.push(run));
    kv = new MemoryKeyValue();
    const start = await openSession({
      kv,
      locks: { hold: () => Promise.resolve(true), held: () => Promise.resolve(new Set()) },
      channel: { post: () => undefined, listen: () => () => undefined },
      tabStore: {
        getItem: (k) => page.tabStore.get(k) ?? null,
        setItem: (k, v) => void page.tabStore.set(k, v),
        removeItem: (k) => void page.tabStore.delete(k),
      },
      legacy: null,
    });
    session = start.session;
    useStudio.getState().replaceDesign(named('opened'));
    // Stored once (and the loader a save needs is there, as it is once a design is drawn).
    await session.save(named('opened'));
    autosave = startAutosave(session);
    writes = vi.spyOn(kv, 'setMany');
    texts = vi.spyOn(JSON, 'stringify');
    // The debounce's clock is the test's; idle moments are handed out by the page above.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(() => {
    setRoutingBusy(false);
    autosave.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const stored = async () => (await listSlots(kv)).map((slot) => slot.name);

  it('an edit’s task and the debounce after it neither write nor hash: the idle moments do', async () => {
    useStudio.getState().rename('edited');
    vi.advanceTimersByTime(AUTOSAVE_DEBOUNCE_MS);
    await settle();
    expect(texts).not.toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
    // A step per idle moment: the text, its fingerprint, the write.
    await page.idleOnce();
    expect(texts).toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
    await page.idleOnce();
    expect(writes).not.toHaveBeenCalled();
    await page.idleOnce();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual(['edited']);
  });

  it('no step runs while the canvas is routing an edit: each waits until it has drawn', async () => {
    setRoutingBusy(true);
    useStudio.getState().rename('edited');
    vi.advanceTimersByTime(AUTOSAVE_DEBOUNCE_MS);
    await page.idleOnce();
    expect(texts).not.toHaveBeenCalled();
    // Drawn: the first step (the text) waits for an idle moment, as it does with no routing.
    setRoutingBusy(false);
    await settle();
    expect(texts).not.toHaveBeenCalled();
    // Another edit's routing between two steps: the rest wait for it too.
    setRoutingBusy(true);
    await page.idleOnce();
    expect(texts).toHaveBeenCalled();
    await page.idleOnce();
    await page.idleOnce();
    expect(writes).not.toHaveBeenCalled();
    setRoutingBusy(false);
    await settle();
    await page.idleOnce();
    await page.idleOnce();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual(['edited']);
  });

  it('a routing that never ends delays a step by the idle wait at most', async () => {
    setRoutingBusy(true);
    useStudio.getState().rename('edited');
    vi.advanceTimersByTime(AUTOSAVE_DEBOUNCE_MS);
    await page.idleOnce();
    expect(texts).not.toHaveBeenCalled();
    for (let step = 0; step < 3; step++) {
      vi.advanceTimersByTime(AUTOSAVE_IDLE_WAIT_MS);
      await settle();
      await page.idleOnce();
    }
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual(['edited']);
  });

  it('the page going away while the canvas routes writes at once', async () => {
    setRoutingBusy(true);
    useStudio.getState().rename('edited');
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(await stored()).toEqual(['edited']);
  });

  it('the page going away mid-save writes the newest design at once', async () => {
    useStudio.getState().rename('edited');
    vi.advanceTimersByTime(AUTOSAVE_DEBOUNCE_MS);
    await page.idleOnce();
    useStudio.getState().rename('edited again');
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual(['edited again']);
    expect(page.tabStore.has(JOURNAL_KEY)).toBe(true);
    // The older save, left halfway, never writes over it.
    while (page.idle.length > 0) await page.idleOnce();
    vi.runAllTimers();
    await settle();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await stored()).toEqual(['edited again']);
  });

  it('a page going away (hidden, then pagehide) puts its design in the journal once', async () => {
    useStudio.getState().rename('edited');
    const journal = vi.spyOn(page.tabStore, 'set');
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(journal.mock.calls.filter(([key]) => key === JOURNAL_KEY)).toHaveLength(1);
    expect(await stored()).toEqual(['edited']);
    // Another change before the page goes: that design is put in the journal too.
    page.document.visibilityState = 'visible';
    useStudio.getState().rename('edited again');
    page.window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(journal.mock.calls.filter(([key]) => key === JOURNAL_KEY)).toHaveLength(2);
    expect(await stored()).toEqual(['edited again']);
  });

  it('a hidden page saves at once, as a page going away does', async () => {
    useStudio.getState().rename('edited');
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(await stored()).toEqual(['edited']);
  });
});
