import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { emptyDesign } from '../model/defaults';
import type { Design } from '../model/schema';
import { MemoryKeyValue } from './kv';
import { toDocument } from '../io/document';
import { LEGACY_AUTOSAVE_KEY } from './legacy';
import {
  applyStoredDesign,
  designStorage,
  flushDesign,
  openStoredDesign,
  replaceOpenDesign,
  usePersistence,
  usePersistenceStore,
} from './persistence';
import { useValidated, validatorReady } from './findings';
import { listRecent } from './recent';
import { useStudio } from './studio';

const named = (name: string) => new DesignBuilder(name).site('a', 'DC A').build();

/** Wait until the studio asks the user, then answer. */
async function answerWhenAsked(choice: 'download' | 'replace' | 'cancel') {
  for (let i = 0; i < 100; i++) {
    const question = usePersistence.getState().question;
    if (question) return question.answer(choice);
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error('never asked');
}

/** Open the studio's storage in `kv` with `design` left where an older studio kept it. */
function openLeftByOlderStudio(kv: MemoryKeyValue, design: Design) {
  const legacy = new Map([[LEGACY_AUTOSAVE_KEY, JSON.stringify(toDocument(design))]]);
  return openStoredDesign({
    kv,
    locks: { hold: () => Promise.resolve(true), held: () => Promise.resolve(new Set()) },
    channel: { post: () => undefined, listen: () => () => undefined },
    tabStore: null,
    legacy: {
      getItem: (k) => legacy.get(k) ?? null,
      removeItem: (k) => void legacy.delete(k),
    },
  });
}

describe('Replacing the open design', () => {
  let kv: MemoryKeyValue;
  beforeEach(() => {
    kv = new MemoryKeyValue();
    usePersistenceStore(kv);
    useStudio.getState().replaceDesign(named('open one'));
  });

  it('stores the open design in Recent designs before replacing it', async () => {
    expect(await replaceOpenDesign(named('incoming'))).toBe(true);
    expect(useStudio.getState().design.name).toBe('incoming');
    expect((await listRecent(kv)).map((e) => e.name)).toEqual(['open one']);
  });

  it('does not ask about a blank design', async () => {
    useStudio.getState().replaceDesign(emptyDesign());
    kv.failWith = new Error('full');
    expect(await replaceOpenDesign(named('incoming'))).toBe(true);
    expect(usePersistence.getState().question).toBeNull();
  });

  describe('when storage is full', () => {
    beforeEach(() => {
      kv.quotaChars = 10;
    });

    it('asks, and "keep it open" leaves the open design untouched', async () => {
      const before = useStudio.getState().design;
      const done = replaceOpenDesign(named('incoming'));
      await answerWhenAsked('cancel');
      expect(await done).toBe(false);
      expect(useStudio.getState().design).toBe(before);
    });

    it('says why in the question', async () => {
      const done = replaceOpenDesign(named('incoming'));
      await new Promise((r) => setTimeout(r, 5));
      expect(usePersistence.getState().question?.reason).toBe('browser storage is full');
      expect(usePersistence.getState().question?.name).toBe('open one');
      usePersistence.getState().question?.answer('cancel');
      await done;
    });

    it('"download it" hands the open design to the download, then replaces', async () => {
      const downloaded: string[] = [];
      const done = replaceOpenDesign(named('incoming'), {
        download: (d) => downloaded.push(d.name),
      });
      await answerWhenAsked('download');
      expect(await done).toBe(true);
      expect(downloaded).toEqual(['open one']);
      expect(useStudio.getState().design.name).toBe('incoming');
    });

    it('"replace anyway" replaces without a copy', async () => {
      const done = replaceOpenDesign(named('incoming'));
      await answerWhenAsked('replace');
      expect(await done).toBe(true);
      expect(useStudio.getState().design.name).toBe('incoming');
    });
  });
});

describe('Restoring the stored design at start', () => {
  it('reads it without touching the studio, and hands it over when applied', async () => {
    useStudio.getState().replaceDesign(emptyDesign());
    const kv = new MemoryKeyValue();
    const saved = named('stored one');
    const stored = await openLeftByOlderStudio(kv, saved);
    expect(stored.start.design?.name).toBe('stored one');
    expect(useStudio.getState().design.nodes).toEqual([]);

    // Autosave listens to the page going away.
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    try {
      applyStoredDesign(stored);
      expect(useStudio.getState().design.name).toBe('stored one');
      expect(designStorage()).toBe(kv);
      await flushDesign();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws the restored design first and validates it just after, however quick the rules', async () => {
    await validatorReady;
    // The rules' speed is the clock's, not the machine's: 1 ms a reading.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    // The tasks after the frame: the router's, then the validation's (findings.ts).
    const nextTask = () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
    // An edit with quick rules is validated in its own task...
    useStudio.getState().replaceDesign(named('quick'));
    await nextTask();
    useStudio.getState().rename('quick, renamed');
    expect(useValidated.getState().design).toBe(useStudio.getState().design);

    // ...a restored design is drawn without waiting for them, and its findings follow.
    const stored = await openLeftByOlderStudio(new MemoryKeyValue(), named('restored'));
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
    try {
      applyStoredDesign(stored);
      const restored = useStudio.getState().design;
      expect(restored.name).toBe('restored');
      expect(useValidated.getState().design).not.toBe(restored);
      await nextTask();
      expect(useValidated.getState().design).toBe(restored);
      await flushDesign();
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
