import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDocument, toDocument, type LoadResult } from '../io/document';
import type { CheckAnswer } from '../io/document.worker';
import { picked } from '../io/ownDocument';
import { DesignBuilder } from '../model/builder';
import { checkFirstVisit } from './firstCheck';
import { FIRST_CHECK_KEY } from './legacyKeys';

/** The worker's answer to `text` (io/document.worker.ts, run here with a stand-in `self`). */
let workerAnswer: (text: string) => CheckAnswer;
beforeAll(async () => {
  let last: CheckAnswer | undefined;
  const self = { postMessage: (answer: CheckAnswer) => (last = answer) };
  vi.stubGlobal('self', self);
  await import('../io/document.worker');
  const { onmessage } = self as unknown as { onmessage: (event: MessageEvent<string>) => void };
  workerAnswer = (text) => {
    vi.stubGlobal('self', self);
    onmessage({ data: text } as MessageEvent<string>);
    if (!last) throw new Error('the worker did not answer');
    return last;
  };
});

/** Workers started by the studio, each with the texts posted to it. */
let started: { posted: string[] }[] = [];
/** A stand-in Worker that answers as document.worker.ts does, or fails to load when `failing`. */
function stubWorker({ failing = false } = {}) {
  started = [];
  class FakeWorker {
    onmessage: ((event: MessageEvent<CheckAnswer>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    readonly posted: string[] = [];
    constructor() {
      started.push(this);
    }
    postMessage(text: string) {
      this.posted.push(text);
      setTimeout(() => {
        if (failing) this.onerror?.({ message: 'no such script' } as ErrorEvent);
        else this.onmessage?.({ data: workerAnswer(text) } as MessageEvent<CheckAnswer>);
      });
    }
    terminate() {}
  }
  vi.stubGlobal('Worker', FakeWorker);
}

/** The check the page's first script begins (vite.config.ts), of `text`. */
function beginCheck(text: string): void {
  vi.stubGlobal(FIRST_CHECK_KEY, { text, answer: Promise.resolve(workerAnswer(text)) });
}

const design = new DesignBuilder().site('dc1', 'DC 1').tor('t1', 'dc1', { label: 'ToR 1' }).build();
const text = JSON.stringify(toDocument(design));
const inThread = vi.fn(() => Promise.resolve(loadDocument(text)));

afterEach(() => {
  vi.unstubAllGlobals();
  inThread.mockClear();
});

describe('The check of an older studio’s design on a first visit', () => {
  it('takes the answer of the worker the page began for that text', async () => {
    stubWorker();
    beginCheck(text);
    const result = await checkFirstVisit(text, inThread);
    expect(result).toEqual(loadDocument(text));
    expect(started).toHaveLength(0);
    expect(inThread).not.toHaveBeenCalled();
  });

  it('gives the loader’s own message for a design that does not load', async () => {
    stubWorker();
    const bad = text.replace('"ToR 1"', '7');
    beginCheck(bad);
    const result = await checkFirstVisit(bad, inThread);
    expect(result).toEqual(loadDocument(bad));
    expect(result.ok).toBe(false);
  });

  it('marks the elements of the design it hands over as picked, as the loader does', async () => {
    stubWorker();
    beginCheck(text);
    const result = await checkFirstVisit(text, inThread);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.design.nodes.every((n) => picked.get(n) === n)).toBe(true);
  });

  it('checks in a worker of its own a text other than the one the page began with', async () => {
    stubWorker();
    const other = JSON.stringify(toDocument({ ...design, name: 'Other' }));
    beginCheck(text);
    const result = await checkFirstVisit(other, inThread);
    expect(started.map((w) => w.posted)).toEqual([[other]]);
    expect(result.ok && result.design.name).toBe('Other');
  });

  it('checks on the main thread when the worker fails', async () => {
    stubWorker({ failing: true });
    const result: LoadResult = await checkFirstVisit(text, inThread);
    expect(inThread).toHaveBeenCalledTimes(1);
    expect(result).toEqual(loadDocument(text));
  });

  it('checks on the main thread where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    await checkFirstVisit(text, inThread);
    expect(inThread).toHaveBeenCalledTimes(1);
  });
});
