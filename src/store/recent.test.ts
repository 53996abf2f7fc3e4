import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { emptyDesign } from '../model/defaults';
import { MemoryKeyValue } from './kv';
import {
  listRecent,
  loadRecent,
  pushRecent,
  RECENT_INDEX_KEY,
  RECENT_LABEL_MAX,
  RECENT_LIMIT,
  removeRecent,
} from './recent';

const named = (name: string) => new DesignBuilder(name).site('a', 'DC A').build();
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));

describe('Recent designs', () => {
  it('keeps the design put aside, newest first, readable through the loader', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('first'), { now: at(1) });
    await pushRecent(kv, named('second'), { now: at(2) });
    const entries = await listRecent(kv);
    expect(entries.map((e) => e.name)).toEqual(['second', 'first']);
    expect(entries[0]?.savedAt).toBe('2025-01-01T12:02:00.000Z');
    expect(entries[0]?.elements).toBe(1);
    const loaded = entries[1] && (await loadRecent(kv, entries[1]));
    expect(loaded?.ok && loaded.design.name).toBe('first');
  });

  it(`keeps only the last ${RECENT_LIMIT}, and forgets the stored documents of the others`, async () => {
    const kv = new MemoryKeyValue();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) await pushRecent(kv, named(`d${i}`));
    const entries = await listRecent(kv);
    expect(entries).toHaveLength(RECENT_LIMIT);
    expect(entries[0]?.name).toBe(`d${RECENT_LIMIT + 2}`);
    expect((await kv.keys()).filter((k) => k !== RECENT_INDEX_KEY)).toHaveLength(RECENT_LIMIT);
  });

  it('the same design saved again moves to the top instead of appearing twice', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('a'), { now: at(1) });
    await pushRecent(kv, named('b'), { now: at(2) });
    await pushRecent(kv, named('a'), { now: at(3) });
    expect((await listRecent(kv)).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it('a copy kept with a name keeps it, trimmed and cut to its length; kept again, the new name', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('a'), { now: at(1), label: '  before the gateway change ' });
    await pushRecent(kv, named('b'), { now: at(2) });
    const [b, a] = await listRecent(kv);
    expect(a?.label).toBe('before the gateway change');
    expect(b).not.toHaveProperty('label');
    await pushRecent(kv, named('a'), { now: at(3), label: 'x'.repeat(RECENT_LABEL_MAX + 20) });
    const [again, ...rest] = await listRecent(kv);
    expect(again?.label).toBe('x'.repeat(RECENT_LABEL_MAX));
    expect(rest.map((e) => e.name)).toEqual(['b']);
  });

  it('an index entry whose name for a copy is not text is not an entry', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('a'));
    const [entry] = await listRecent(kv);
    await kv.setMany([[RECENT_INDEX_KEY, [{ ...entry, label: 42 }]]]);
    expect(await listRecent(kv)).toEqual([]);
  });

  it('does not keep a blank design (and that is no failure)', async () => {
    const kv = new MemoryKeyValue();
    expect(await pushRecent(kv, emptyDesign())).toEqual({ ok: true });
    expect(await listRecent(kv)).toEqual([]);
  });

  it('reports a failure when storage is full, and keeps what was stored before', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('kept'));
    kv.quotaChars = [...kv.items].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    const result = await pushRecent(kv, named('too-much'));
    expect(result.ok).toBe(false);
    expect(!result.ok && (result.error as Error).name).toBe('QuotaExceededError');
    expect((await listRecent(kv)).map((e) => e.name)).toEqual(['kept']);
  });

  it('reports any refused write as a failure, never as success', async () => {
    const kv = new MemoryKeyValue();
    kv.failWith = new Error('disk unplugged');
    expect((await pushRecent(kv, named('a'))).ok).toBe(false);
    expect(await listRecent(kv)).toEqual([]);
  });

  it('reads a damaged index as empty, and a removed entry is gone', async () => {
    const kv = new MemoryKeyValue();
    await kv.setMany([[RECENT_INDEX_KEY, { not: 'a list' }]]);
    expect(await listRecent(kv)).toEqual([]);
    await pushRecent(kv, named('a'));
    await pushRecent(kv, named('b'));
    const [b] = await listRecent(kv);
    await removeRecent(kv, b?.id ?? '');
    expect((await listRecent(kv)).map((e) => e.name)).toEqual(['a']);
  });

  it('says so when an entry’s document is missing', async () => {
    const kv = new MemoryKeyValue();
    await pushRecent(kv, named('a'));
    const [a] = await listRecent(kv);
    await kv.delMany([`recent:${a?.id ?? ''}`]);
    const result = a && (await loadRecent(kv, a));
    expect(result && !result.ok && result.error.message).toMatch(/no longer in browser storage/u);
  });
});
