import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { straightRouter, type ConnectorRouter } from '../render/router';
import type { RouteAnswer, RouteJob } from './routes.worker';
import { designSender } from './routeWire';

/** The worker's clock: each site the router routes takes 200 ms of it (more than a part's wait). */
let clock = 0;
const slowRouter: ConnectorRouter = {
  route(obstacles, requests) {
    clock += 200;
    return straightRouter.route(obstacles, requests);
  },
};
vi.mock('../render/avoid', () => ({ loadAvoidRouter: () => Promise.resolve(slowRouter) }));

/** For each base a drag's previews would start from: the answers posted when it was made. */
const basesMade: number[] = [];
vi.mock('../render/preview', async (importOriginal) => {
  const preview = await importOriginal<typeof import('../render/preview')>();
  return {
    ...preview,
    previewBase: (...args: Parameters<typeof preview.previewBase>) => {
      basesMade.push(answers.length);
      return preview.previewBase(...args);
    },
  };
});

const answers: RouteAnswer[] = [];
let onmessage: (event: MessageEvent<RouteJob>) => void = () => {};
const toWorker = designSender();
let seq = 0;

/** Post a job for `design` and wait for its complete drawing; returns the job's answers. */
async function routed(design: Design): Promise<RouteAnswer[]> {
  const job: RouteJob = { seq: ++seq, design: toWorker(design), findings: new Map() };
  onmessage({ data: job } as MessageEvent<RouteJob>);
  const mine = () => answers.filter((a) => a.seq === job.seq);
  await vi.waitFor(() => {
    if (!mine().some((a) => !a.ok || a.complete)) throw new Error('not complete yet');
  });
  return mine();
}

beforeAll(async () => {
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  vi.stubGlobal('self', { postMessage: (answer: RouteAnswer) => answers.push(answer) });
  await import('./routes.worker');
  onmessage = (globalThis.self as unknown as { onmessage: typeof onmessage }).onmessage;
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('A route job that takes long', () => {
  it('shows a design just opened site by site, and an edit of it only once complete', async () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    const opened = await routed(design);
    expect(opened.every((a) => a.ok)).toBe(true);
    // Sites never routed: their links are straight until routed anyway, so each part is shown.
    expect(opened.filter((a) => a.ok && !a.complete).length).toBeGreaterThan(0);
    // A delete in every site: each routed again, one after the other, as long as the opening.
    const deleted = design.nodes
      .filter((n) => n.kind !== 'site')
      .filter((n, i, all) => all.findIndex((m) => m.parentId === n.parentId) === i)
      .map((n) => n.id);
    expect(deleted.length).toBeGreaterThanOrEqual(2);
    const edited = await routed(removeElements(design, deleted));
    // Its complete drawing only: a part would show the other site's links straight or on
    // their old routes, through the devices of the edit.
    expect(edited.map((a) => a.ok && a.complete)).toEqual([true]);
  });
});

describe('A complete drawing', () => {
  it('is posted before the worker makes what a drag’s previews start from', async () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    const made = basesMade.length;
    const posted = answers.length;
    const mine = await routed(removeElements(design, ['s0-t0']));
    expect(basesMade.length).toBe(made + 1);
    // The complete answer was among those posted when the base was made.
    expect(basesMade.at(-1)).toBe(posted + mine.length);
  });
});
