import { describe, expect, it, vi } from 'vitest';
import { toDocument } from '../io/document';
import { DesignBuilder } from '../model/builder';
import { designSchema, type Design } from '../model/schema';
import { MemoryKeyValue } from './kv';
import { LEGACY_AUTOSAVE_KEY, LEGACY_RECENT_KEY } from './legacy';
import { listRecent } from './recent';
import {
  IDLE_SLOT_LIMIT,
  JOURNAL_KEY,
  JOURNAL_TEXT_KEY,
  openSession,
  TAB_SLOT_KEY,
  type Conflict,
  type SessionEnv,
  type TabChannel,
  type TabLocks,
  type TabMessage,
} from './session';
import { listSlots, slotKey } from './slots';

/** One browser: shared storage, locks and channel; each tab its own sessionStorage. */
class Browser {
  readonly kv = new MemoryKeyValue();
  readonly locks = new Map<string, number>();
  readonly listeners = new Set<{ tab: number; handler: (m: TabMessage) => void }>();
  readonly local = new MapStorage();
  private clock = 1000;
  private tabs = 0;

  tab(tabStore = new MapStorage()): Tab {
    return new Tab(this, ++this.tabs, tabStore);
  }
  now = () => ++this.clock;
}

class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

class Tab {
  constructor(
    readonly browser: Browser,
    readonly id: number,
    readonly tabStore: MapStorage,
  ) {}
  get env(): SessionEnv {
    const { browser, id } = this;
    const locks: TabLocks = {
      hold: (name) => {
        const owner = browser.locks.get(name);
        if (owner !== undefined && owner !== id) return Promise.resolve(false);
        browser.locks.set(name, id);
        return Promise.resolve(true);
      },
      held: () => Promise.resolve(new Set(browser.locks.keys())),
    };
    const channel: TabChannel = {
      post: (message) => {
        for (const l of browser.listeners) if (l.tab !== id) l.handler(message);
      },
      listen: (handler) => {
        const entry = { tab: id, handler };
        browser.listeners.add(entry);
        return () => browser.listeners.delete(entry);
      },
    };
    return {
      kv: browser.kv,
      locks,
      channel,
      tabStore: this.tabStore,
      legacy: browser.local,
      now: browser.now,
    };
  }
  /** The page goes away (reload or close): its locks are released. */
  unload() {
    for (const [name, owner] of this.browser.locks)
      if (owner === this.id) this.browser.locks.delete(name);
    for (const l of this.browser.listeners) if (l.tab === this.id) this.browser.listeners.delete(l);
  }
  /** The same tab after a reload: same sessionStorage. */
  reload(): Tab {
    this.unload();
    return new Tab(this.browser, this.id, this.tabStore);
  }
}

const design = (name: string): Design => new DesignBuilder(name).site('a', 'DC A').build();
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Tab sessions', () => {
  it('a reloaded tab gets its own design back', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const first = await openSession(tab.env);
    expect(first.design).toBeNull();
    await first.session.save(design('mine'));
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('mine');
    expect(again.session.slotId).toBe(first.session.slotId);
  });

  it('two tabs edit the same design in two slots: both survive a reload of both', async () => {
    const browser = new Browser();
    const a = browser.tab();
    const sa = await openSession(a.env);
    await sa.session.save(design('shared'));
    const b = browser.tab();
    const sb = await openSession(b.env);
    // B opens a copy of A's design (A holds its slot), in a slot of its own, same identity.
    expect(sb.design?.name).toBe('shared');
    expect(sb.session.slotId).not.toBe(sa.session.slotId);
    expect(sb.session.designId).toBe(sa.session.designId);

    await sa.session.save(design('TAB-A-work'));
    await sb.session.save(design('TAB-B-work'));
    const ra = await openSession(a.reload().env);
    const rb = await openSession(b.reload().env);
    expect(ra.design?.name).toBe('TAB-A-work');
    expect(rb.design?.name).toBe('TAB-B-work');
    // A finds B's newer version of the same design, and is offered it.
    expect(ra.conflict?.name).toBe('TAB-B-work');
  });

  it('a tab is told when another tab saves a different version of its design', async () => {
    const browser = new Browser();
    const sa = await openSession(browser.tab().env);
    await sa.session.save(design('v1'));
    const sb = await openSession(browser.tab().env);
    const heard: Conflict[] = [];
    sa.session.onConflict((c) => heard.push(c));
    await sb.session.save(design('v2 from B'));
    await flush();
    expect(heard.map((c) => c.name)).toEqual(['v2 from B']);
    expect(heard[0]?.slotId).toBe(sb.session.slotId);
  });

  it('is quiet when another tab saves another design, or the same content', async () => {
    const browser = new Browser();
    const sa = await openSession(browser.tab().env);
    await sa.session.save(design('v1'));
    const sb = await openSession(browser.tab().env);
    const heard: Conflict[] = [];
    sa.session.onConflict((c) => heard.push(c));
    await sb.session.save(design('v1'));
    sb.session.startNewDesign();
    await sb.session.save(design('something else'));
    await flush();
    expect(heard).toEqual([]);
  });

  it('after "keep both" the designs are apart: no more offers', async () => {
    const browser = new Browser();
    const sa = await openSession(browser.tab().env);
    await sa.session.save(design('v1'));
    const sb = await openSession(browser.tab().env);
    const heard: Conflict[] = [];
    sa.session.onConflict((c) => heard.push(c));
    sa.session.fork();
    await sb.session.save(design('v2'));
    await flush();
    expect(heard).toEqual([]);
  });

  it('a new tab takes the newest slot no open tab holds', async () => {
    const browser = new Browser();
    const a = browser.tab();
    const sa = await openSession(a.env);
    await sa.session.save(design('closed tab'));
    a.unload();
    const sb = await openSession(browser.tab().env);
    expect(sb.design?.name).toBe('closed tab');
    expect(sb.session.slotId).toBe(sa.session.slotId);
  });

  it('moves idle slots beyond the limit to Recent designs when told to tidy, not before', async () => {
    const browser = new Browser();
    // Tabs that were open: each left a slot, held while they live.
    const others = Array.from({ length: IDLE_SLOT_LIMIT + 2 }, () => browser.tab());
    for (const [i, tab] of others.entries()) {
      const start = await openSession(tab.env);
      await start.session.save(design(`closed ${i}`));
    }
    // This tab opens while every one of them is still open (its design is a copy of the newest).
    const start = await openSession(browser.tab().env);
    expect(start.design?.name).toBe(`closed ${IDLE_SLOT_LIMIT + 1}`);
    for (const tab of others) tab.unload();
    expect((await listSlots(browser.kv)).length).toBe(IDLE_SLOT_LIMIT + 3);
    expect(await listRecent(browser.kv)).toEqual([]);

    await start.tidy();
    const after = await listSlots(browser.kv);
    // Its own slot and the newest IDLE_SLOT_LIMIT idle ones stay; the two oldest are in Recent.
    expect(after.length).toBe(IDLE_SLOT_LIMIT + 1);
    expect(after.map((s) => s.slotId)).toContain(start.session.slotId);
    expect((await listRecent(browser.kv)).map((e) => e.name).sort()).toEqual([
      'closed 0',
      'closed 1',
    ]);
  });

  it('a duplicated tab (same sessionStorage) forks instead of sharing the slot', async () => {
    const browser = new Browser();
    const a = browser.tab();
    const sa = await openSession(a.env);
    await sa.session.save(design('original'));
    const copy = new MapStorage();
    for (const [k, v] of a.tabStore.items) copy.setItem(k, v);
    const sb = await openSession(browser.tab(copy).env);
    expect(sb.session.slotId).not.toBe(sa.session.slotId);
    expect(sb.design?.name).toBe('original');
    expect((await listSlots(browser.kv)).length).toBe(2);
  });

  it('a journal newer than the slot wins (the save had not committed when the page went)', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    expect(s.session.writeJournal(design('typed just before reload'))).toBe(true);
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('typed just before reload');
    await flush();
    expect(tab.tabStore.getItem(JOURNAL_KEY)).toBeNull();
    // It is now stored in the slot too.
    expect((await listSlots(browser.kv))[0]?.name).toBe('typed just before reload');
  });

  it('a journal opens at once; it stays until its write into the slot has committed', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    s.session.writeJournal(design('typed just before reload'));
    // The storage takes its time to commit the next write.
    let commit = () => undefined as void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const setMany = browser.kv.setMany.bind(browser.kv);
    const write = vi
      .spyOn(browser.kv, 'setMany')
      .mockImplementationOnce((entries) => committed.then(() => setMany(entries)));
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('typed just before reload');
    expect(tab.tabStore.getItem(JOURNAL_KEY)).not.toBeNull();
    // This tab's next save is written after the journal's design, never before it.
    const next = again.session.save(design('edited after the reload'));
    commit();
    await next;
    expect(write).toHaveBeenCalledTimes(2);
    expect(tab.tabStore.getItem(JOURNAL_KEY)).toBeNull();
    expect((await listSlots(browser.kv))[0]?.name).toBe('edited after the reload');
  });

  it('a journal this studio wrote comes back without the schema checking it again', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    s.session.writeJournal(design('typed just before reload'));
    const check = vi.spyOn(designSchema, 'safeParse');
    try {
      const again = await openSession(tab.reload().env);
      expect(again.design?.name).toBe('typed just before reload');
      expect(check).not.toHaveBeenCalled();
    } finally {
      check.mockRestore();
    }
  });

  it('a journal keeps the newer one written while its design was being stored', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    s.session.writeJournal(design('first journal'));
    let commit = () => undefined as void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const setMany = browser.kv.setMany.bind(browser.kv);
    vi.spyOn(browser.kv, 'setMany').mockImplementationOnce((entries) =>
      committed.then(() => setMany(entries)),
    );
    const again = await openSession(tab.reload().env);
    // The page goes away again before the first journal's write has committed.
    again.session.writeJournal(design('second journal'));
    commit();
    await flush();
    const third = await openSession(tab.reload().env);
    expect(third.design?.name).toBe('second journal');
  });

  it('the journal keeps its text under a key of its own, as written', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    expect(s.session.writeJournal(design('typed just before reload'))).toBe(true);
    const text = tab.tabStore.getItem(JOURNAL_TEXT_KEY);
    expect(text).toBe(JSON.stringify(toDocument(design('typed just before reload'))));
    // The record names the text; it does not hold it.
    expect(tab.tabStore.getItem(JOURNAL_KEY)?.length).toBeLessThan(300);
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('typed just before reload');
    await flush();
    expect(tab.tabStore.getItem(JOURNAL_KEY)).toBeNull();
    expect(tab.tabStore.getItem(JOURNAL_TEXT_KEY)).toBeNull();
  });

  it('a start whose slot is newer than the journal reads the journal’s record only', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    const large = new DesignBuilder('large');
    for (let i = 0; i < 80; i++) large.site(`site-${i}`, `Data centre number ${i}`);
    expect(s.session.writeJournal(large.build())).toBe(true);
    const long = tab.tabStore.getItem(JOURNAL_TEXT_KEY) ?? tab.tabStore.getItem(JOURNAL_KEY) ?? '';
    expect(long.length).toBeGreaterThan(5000);
    await s.session.save(design('newer'));
    const read = vi.spyOn(tab.tabStore, 'getItem');
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('newer');
    // Nothing as long as the journal's text was read from the tab's storage.
    const lengths = read.mock.results.map((r) => String(r.value ?? '').length);
    expect(Math.max(...lengths)).toBeLessThan(long.length);
    // And the journal, done with, is gone, its text too.
    expect(tab.tabStore.getItem(JOURNAL_KEY)).toBeNull();
    expect(tab.tabStore.getItem(JOURNAL_TEXT_KEY)).toBeNull();
  });

  it('a journal an older studio wrote (its text inside the record) is still read', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    // The journal as studios before the text's own key wrote it.
    tab.tabStore.setItem(
      JOURNAL_KEY,
      JSON.stringify({
        slotId: s.session.slotId,
        designId: s.session.designId,
        savedAt: browser.now() + 1000,
        json: JSON.stringify(toDocument(design('typed in an older studio'))),
      }),
    );
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('typed in an older studio');
    await flush();
    // Kept in the slot, and the old record is gone.
    expect((await listSlots(browser.kv))[0]?.name).toBe('typed in an older studio');
    expect(tab.tabStore.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('a journal whose text is not the one its record names is passed over', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    s.session.writeJournal(design('typed'));
    tab.tabStore.setItem(JOURNAL_TEXT_KEY, JSON.stringify(toDocument(design('another text'))));
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('saved');
    expect(again.notices).toEqual([]);
  });

  it('a journal too large for the tab’s storage leaves the one before intact', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    await s.session.save(design('saved'));
    expect(s.session.writeJournal(design('first journal'))).toBe(true);
    const setItem = tab.tabStore.setItem.bind(tab.tabStore);
    const full = vi.spyOn(tab.tabStore, 'setItem').mockImplementation((key, value) => {
      if (value.length > 2000) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    });
    const large = new DesignBuilder('too large');
    for (let i = 0; i < 80; i++) large.site(`site-${i}`, `Data centre number ${i}`);
    expect(s.session.writeJournal(large.build())).toBe(false);
    expect(full).toHaveBeenCalled();
    full.mockRestore();
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('first journal');
  });

  it('an older journal loses to the slot', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const s = await openSession(tab.env);
    s.session.writeJournal(design('old'));
    await s.session.save(design('newer'));
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('newer');
  });

  it('moves what an older studio kept in localStorage, losing nothing', async () => {
    const browser = new Browser();
    browser.local.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify(toDocument(design('autosaved'))));
    browser.local.setItem(
      LEGACY_RECENT_KEY,
      JSON.stringify([
        {
          name: 'newer',
          savedAt: '2025-01-02T00:00:00.000Z',
          json: JSON.stringify(design('newer')),
        },
        {
          name: 'older',
          savedAt: '2025-01-01T00:00:00.000Z',
          json: JSON.stringify(design('older')),
        },
      ]),
    );
    const tab = browser.tab();
    const s = await openSession(tab.env);
    expect(s.design?.name).toBe('autosaved');
    expect(await s.later).toEqual([]);
    const recent = await listRecent(browser.kv);
    expect(recent.map((e) => [e.name, e.savedAt])).toEqual([
      ['newer', '2025-01-02T00:00:00.000Z'],
      ['older', '2025-01-01T00:00:00.000Z'],
    ]);
    expect(browser.local.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
    expect(browser.local.getItem(LEGACY_RECENT_KEY)).toBeNull();
    expect(tab.tabStore.getItem(TAB_SLOT_KEY)).toBe(s.session.slotId);
  });

  it('keeps the old localStorage keys when the move could not be stored', async () => {
    const browser = new Browser();
    const text = JSON.stringify(toDocument(design('autosaved')));
    browser.local.setItem(LEGACY_AUTOSAVE_KEY, text);
    browser.kv.failWith = new Error('refused');
    const s = await openSession(browser.tab().env);
    // The design still opens (it is checked, and in localStorage still), and the user is told.
    expect(s.design?.name).toBe('autosaved');
    expect(await s.later).toEqual([expect.stringMatching(/could not be moved/u)]);
    expect(browser.local.getItem(LEGACY_AUTOSAVE_KEY)).toBe(text);
  });

  describe('a first visit after an older studio', () => {
    /** A browser whose writes commit only when `commit()` is called, as a busy disk's. */
    const slowDisk = () => {
      const browser = new Browser();
      browser.local.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify(toDocument(design('autosaved'))));
      const order: string[] = [];
      const waiting: (() => void)[] = [];
      const write = browser.kv.setMany.bind(browser.kv);
      browser.kv.setMany = (entries) => {
        order.push(`write ${entries.map(([, v]) => (v as { name?: string }).name).join()}`);
        return new Promise<void>((resolve) => waiting.push(resolve)).then(() => write(entries));
      };
      const commit = async () => {
        while (waiting.length > 0) {
          waiting.shift()?.();
          await flush();
        }
      };
      const reads = vi.spyOn(browser.kv, 'get');
      const readMany = vi.spyOn(browser.kv, 'getMany');
      return {
        browser,
        order,
        commit,
        reads: () => reads.mock.calls.length + readMany.mock.calls.length,
      };
    };

    it('opens the autosave, checked once, before its move into storage has committed', async () => {
      const { browser, order, commit } = slowDisk();
      const parse = designSchema.safeParse.bind(designSchema);
      const check = vi
        .spyOn(designSchema, 'safeParse')
        .mockImplementation((...args: Parameters<typeof parse>) => {
          order.push('check');
          return parse(...args);
        });
      try {
        const s = await openSession(browser.tab().env);
        expect(s.design?.name).toBe('autosaved');
        expect(order).toEqual(['write autosaved', 'check']);
        // Still in localStorage until the move has committed; gone after.
        expect(browser.local.getItem(LEGACY_AUTOSAVE_KEY)).not.toBeNull();
        await commit();
        expect(await s.later).toEqual([]);
        expect(browser.local.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
        expect((await listSlots(browser.kv)).map((slot) => slot.name)).toEqual(['autosaved']);
      } finally {
        check.mockRestore();
      }
    });

    it('opens the autosave without waiting for its slot’s lock, and holds it once granted', async () => {
      const { browser, commit } = slowDisk();
      const tab = browser.tab();
      const env = tab.env;
      // The browser grants locks late (a busy machine): only when `grants` are called.
      const grants: (() => void)[] = [];
      const slow: SessionEnv = {
        ...env,
        locks: {
          ...env.locks,
          hold: (name, waitMs) =>
            new Promise((resolve) => grants.push(() => resolve(env.locks.hold(name, waitMs)))),
        },
      };
      const s = await Promise.race([
        openSession(slow),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the opening waited for the lock')), 1000),
        ),
      ]);
      expect(s.design?.name).toBe('autosaved');
      expect(grants).toHaveLength(1);
      grants[0]?.();
      await flush();
      const held = [...browser.locks].filter(([name]) => name.endsWith(s.session.slotId));
      expect(held.map(([, owner]) => owner)).toEqual([tab.id]);
      // A tab opened once the move has committed finds the slot held: it starts from a copy.
      await commit();
      const opening = openSession(browser.tab().env);
      // Its own writes wait for the disk too.
      for (let i = 0; i < 10; i++) await commit().then(flush);
      const other = await opening;
      expect(other.design?.name).toBe('autosaved');
      expect(other.session.slotId).not.toBe(s.session.slotId);
    });

    it('reads nothing back from storage before the design is open', async () => {
      const { browser, reads } = slowDisk();
      const s = await openSession(browser.tab().env);
      expect(s.design?.name).toBe('autosaved');
      expect(reads()).toBe(0);
    });

    it('an edit saved while the move commits is stored after it, never under it', async () => {
      const { browser, commit } = slowDisk();
      const tab = browser.tab();
      const s = await openSession(tab.env);
      const saved = s.session.save(design('edited'));
      await commit();
      await saved;
      await commit();
      const slots = await listSlots(browser.kv);
      expect(slots.map((slot) => [slot.slotId, slot.name])).toEqual([[s.session.slotId, 'edited']]);
      // The reload opens the edit, in the same slot.
      const again = await openSession(tab.reload().env);
      expect(again.design?.name).toBe('edited');
      expect(again.session.slotId).toBe(s.session.slotId);
    });
  });

  it('an autosave that is not JSON is refused in words about a stored copy, not a file', async () => {
    const browser = new Browser();
    browser.local.setItem(LEGACY_AUTOSAVE_KEY, '{"nodes": [ oops');
    const s = await openSession(browser.tab().env);
    expect(s.design).toBeNull();
    expect(s.notices).toEqual([
      'The last autosaved design could not be restored (the stored copy is not valid JSON: it may be truncated or corrupted). It was kept in Recent designs.',
    ]);
    const recent = await listRecent(browser.kv);
    expect(recent[0]?.problem).toBe(
      'the stored copy is not valid JSON: it may be truncated or corrupted',
    );
  });

  it('an autosaved design that no longer loads is kept in Recent designs, not overwritten', async () => {
    const browser = new Browser();
    browser.local.setItem(LEGACY_AUTOSAVE_KEY, '{"version":1,"nodes":[{"kind":"bogus"}]}');
    const s = await openSession(browser.tab().env);
    expect(s.design).toBeNull();
    expect(s.notices[0]).toMatch(/could not be restored .*kept in Recent designs/u);
    const recent = await listRecent(browser.kv);
    expect(recent.length).toBe(1);
    // Its entry says what it holds, read from its text, and why it did not open.
    expect(recent[0]).toMatchObject({ name: 'Untitled design', elements: 1, workloads: 0 });
    expect(recent[0]?.problem).toMatch(/^name: missing/u);
  });

  it('a design this tab stored comes back without the schema checking it again', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const first = await openSession(tab.env);
    await first.session.save(design('mine'));
    const check = vi.spyOn(designSchema, 'safeParse');
    try {
      const again = await openSession(tab.reload().env);
      expect(again.design?.name).toBe('mine');
      expect(check).not.toHaveBeenCalled();
    } finally {
      check.mockRestore();
    }
  });

  it('a reloaded tab reads its slot once, and tells its own next save from another tab’s', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const first = await openSession(tab.env);
    await first.session.save(design('mine'));
    const slot = slotKey(first.session.slotId);
    const reads = vi.spyOn(browser.kv, 'get');
    const again = await openSession(tab.reload().env);
    expect(again.design?.name).toBe('mine');
    expect(reads.mock.calls.filter(([key]) => key === slot)).toHaveLength(1);
    reads.mockRestore();
    // The same document saved again by another tab of the same design is no conflict.
    const conflicts: Conflict[] = [];
    again.session.onConflict((c) => conflicts.push(c));
    const other = browser.tab();
    const copy = await openSession(other.env);
    await copy.session.save(design('mine'));
    await flush();
    expect(conflicts).toEqual([]);
  });

  it('a stored design changed since it was saved gets the full check: told, and kept in Recent', async () => {
    const browser = new Browser();
    const tab = browser.tab();
    const first = await openSession(tab.env);
    await first.session.save(design('mine'));
    // Its text changes in storage; the fingerprint saved with it stays.
    const key = slotKey(first.session.slotId);
    const record = JSON.parse(browser.kv.items.get(key) ?? '{}') as { json: string };
    record.json = record.json.replace('"DC A"', '7');
    browser.kv.items.set(key, JSON.stringify(record));

    const again = await openSession(tab.reload().env);
    expect(again.design).toBeNull();
    expect(again.notices[0]).toMatch(
      /could not be restored \(nodes\[0\]\.label \(id "a"\): .*kept in Recent designs/u,
    );
    const recent = await listRecent(browser.kv);
    expect(recent.length).toBe(1);
    expect(recent[0]).toMatchObject({ name: 'mine', elements: design('mine').nodes.length });
    expect(recent[0]?.problem).toMatch(/^nodes\[0\]\.label \(id "a"\): /u);
  });
});
