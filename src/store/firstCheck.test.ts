import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDocument, type LoadResult } from '../io/document';
import { TEMPLATES } from '../model/templates';
import { CHECK_WORKER_WAIT_MS, checkLegacyText } from './firstCheck';
import { EARLY_CHECK_KEY } from './legacyKeys';

const text = JSON.stringify(TEMPLATES[0]?.build());
const scope = globalThis as Record<string, unknown>;

/** The main thread's check, counted. */
function mainThread() {
  const calls = { count: 0 };
  const check = () => {
    calls.count++;
    return Promise.resolve(loadDocument(text));
  };
  return { calls, check };
}

/** A check the page's first script began, answering `answer`. */
const begun = (result: Promise<unknown>, forText = text) => {
  scope[EARLY_CHECK_KEY] = { text: forText, result };
};

/** A stand-in for the browser's Worker running io/check.worker.ts (its loader, its protocol). */
class FakeWorker {
  static made: FakeWorker[] = [];
  static fail = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: ((event: unknown) => void) | null = null;
  terminated = false;
  constructor(
    readonly url: string,
    readonly options: { type?: string },
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(data: string) {
    setTimeout(() => {
      if (FakeWorker.fail) this.onerror?.({ message: 'script refused' });
      else this.onmessage?.({ data: structuredClone(loadDocument(data)) });
    });
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  delete scope[EARLY_CHECK_KEY];
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeWorker.made = [];
  FakeWorker.fail = false;
});

describe('the first visit’s check', () => {
  it('takes the check the page began for this text, once, and does not check it again', async () => {
    const main = mainThread();
    begun(Promise.resolve(structuredClone(loadDocument(text))));
    const result = await checkLegacyText(text, main.check);
    expect(result.ok).toBe(true);
    expect(result.ok && result.design).toEqual((loadDocument(text) as { design: unknown }).design);
    expect(main.calls.count).toBe(0);
    // Taken: the next check does not find it (and, with no workers here, runs on the main thread).
    expect(scope[EARLY_CHECK_KEY]).toBeUndefined();
    await checkLegacyText(text, main.check);
    expect(main.calls.count).toBe(1);
  });

  it('hands on the reason a design is refused, as the loader gives it', async () => {
    const bad = '{"version":1,"nodes":"no"}';
    begun(Promise.resolve(loadDocument(bad)), bad);
    const result = await checkLegacyText(bad, () => Promise.reject(new Error('not asked')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      (loadDocument(bad) as Extract<LoadResult, { ok: false }>).error.message,
    );
  });

  it('checks on the main thread when the page began one for another text, or none, and there are no workers', async () => {
    const main = mainThread();
    begun(Promise.resolve(loadDocument(text)), `${text} `);
    expect((await checkLegacyText(text, main.check)).ok).toBe(true);
    expect(main.calls.count).toBe(1);
    expect((await checkLegacyText(text, main.check)).ok).toBe(true);
    expect(main.calls.count).toBe(2);
  });

  it('checks on the main thread when the worker fails, answers something else, or never answers', async () => {
    const main = mainThread();
    begun(Promise.reject(new Error('worker script refused')));
    expect((await checkLegacyText(text, main.check)).ok).toBe(true);
    begun(Promise.resolve({ hello: 'world' }));
    expect((await checkLegacyText(text, main.check)).ok).toBe(true);
    expect(main.calls.count).toBe(2);

    vi.useFakeTimers();
    begun(new Promise(() => undefined));
    const late = checkLegacyText(text, main.check);
    await vi.advanceTimersByTimeAsync(CHECK_WORKER_WAIT_MS - 1);
    expect(main.calls.count).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await late).ok).toBe(true);
    expect(main.calls.count).toBe(3);
  });

  it('begins a check in a worker of its own when the page began none, and ends it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const main = mainThread();
    const result = await checkLegacyText(text, main.check);
    expect(result.ok).toBe(true);
    expect(main.calls.count).toBe(0);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.options.type).toBe('module');
    expect(FakeWorker.made[0]?.url).toMatch(/check\.worker/u);
    await vi.waitFor(() => expect(FakeWorker.made[0]?.terminated).toBe(true));

    // Its script failing: the main thread checks it.
    FakeWorker.fail = true;
    expect((await checkLegacyText(text, main.check)).ok).toBe(true);
    expect(main.calls.count).toBe(1);
  });
});
