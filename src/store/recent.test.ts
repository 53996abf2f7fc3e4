import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { emptyDesign } from '../model/defaults';
import {
  listRecent,
  loadRecent,
  pushRecent,
  RECENT_KEY,
  RECENT_LIMIT,
  removeRecent,
  type RecentStorage,
} from './recent';

class MemoryStorage implements RecentStorage {
  readonly items = new Map<string, string>();
  /** Refuse writes longer than this many characters (a storage quota). */
  constructor(readonly quotaChars = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quotaChars) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

const named = (name: string) => new DesignBuilder(name).site('a', 'DC A').build();
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));

describe('Recent designs', () => {
  it('keeps the design put aside, newest first, readable through the loader', () => {
    const storage = new MemoryStorage();
    pushRecent(named('first'), { storage, now: at(1) });
    pushRecent(named('second'), { storage, now: at(2) });
    const entries = listRecent(storage);
    expect(entries.map((e) => e.name)).toEqual(['second', 'first']);
    expect(entries[0]?.savedAt).toBe('2025-01-01T12:02:00.000Z');
    const loaded = entries[1] && loadRecent(entries[1]);
    expect(loaded?.ok && loaded.design.name).toBe('first');
  });

  it(`keeps only the last ${RECENT_LIMIT}`, () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) pushRecent(named(`d${i}`), { storage });
    const entries = listRecent(storage);
    expect(entries).toHaveLength(RECENT_LIMIT);
    expect(entries[0]?.name).toBe(`d${RECENT_LIMIT + 2}`);
  });

  it('the same design saved again moves to the top instead of appearing twice', () => {
    const storage = new MemoryStorage();
    pushRecent(named('a'), { storage, now: at(1) });
    pushRecent(named('b'), { storage, now: at(2) });
    pushRecent(named('a'), { storage, now: at(3) });
    expect(listRecent(storage).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it('does not keep a blank design', () => {
    const storage = new MemoryStorage();
    pushRecent(emptyDesign(), { storage });
    expect(listRecent(storage)).toEqual([]);
  });

  it('drops the oldest entries when storage is full, rather than failing', () => {
    const one = JSON.stringify([
      { name: 'x', savedAt: at(0).toISOString(), json: JSON.stringify(named('d0')) },
    ]).length;
    const storage = new MemoryStorage(one * 2.5);
    for (let i = 0; i < 5; i++) expect(pushRecent(named(`d${i}`), { storage })).toBe(true);
    const names = listRecent(storage).map((e) => e.name);
    expect(names[0]).toBe('d4');
    expect(names.length).toBeLessThan(5);
  });

  it('reads a damaged list as empty, and a removed entry is gone', () => {
    const storage = new MemoryStorage();
    storage.setItem(RECENT_KEY, '{not json');
    expect(listRecent(storage)).toEqual([]);
    pushRecent(named('a'), { storage });
    pushRecent(named('b'), { storage });
    removeRecent(0, storage);
    expect(listRecent(storage).map((e) => e.name)).toEqual(['a']);
    removeRecent(0, storage);
    expect(listRecent(storage)).toEqual([]);
  });

  it('works without storage (nothing kept, nothing thrown)', () => {
    expect(pushRecent(named('a'), { storage: null })).toBe(true);
    expect(listRecent(null)).toEqual([]);
  });
});
