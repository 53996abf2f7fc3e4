/**
 * Results of the what-if scenario, derived and memoized by design and scenario. Kept apart
 * from the scenario state so the first screen does not load the what-if engine.
 */
import type { Design } from '../model/schema';
import { buildGraph, type DesignGraph } from '../rules/graph';
import { evacuateSite, type Evacuation } from '../rules/whatif/evacuate';
import {
  failureImpact,
  singleFailureSweep,
  type FailureImpact,
  type FailureSweep,
} from '../rules/whatif/failure';
import { simulateMove, type MoveRefusal, type MoveSimulation } from '../rules/whatif/move';
import { findingsFor } from './findings';
import type { MoveRequest, ScenarioState } from './scenario';

function memo1<A extends object, K, R>(
  fn: (a: A, k: K) => R,
  keyOf: (k: K) => string,
): (a: A, k: K) => R {
  let last: { a: A; key: string; value: R } | null = null;
  return (a, k) => {
    const key = keyOf(k);
    if (last && last.a === a && last.key === key) return last.value;
    const value = fn(a, k);
    last = { a, key, value };
    return value;
  };
}

export const moveSimulationFor = memo1(
  (design: Design, move: MoveRequest): MoveSimulation | MoveRefusal =>
    simulateMove(design, move.workloadId, move.targetClusterId, findingsFor(design).all),
  (m) => `${m.workloadId}>${m.targetClusterId}`,
);

export const failureImpactFor = memo1(
  (design: Design, failed: readonly string[]): FailureImpact =>
    failureImpact(design, failed, findingsFor(design).all),
  (f) => [...f].sort().join(' '),
);

/** The graph of what survives the failures: one per design and failed set, for drawing paths. */
export const survivingGraphFor = memo1(
  (design: Design, failed: readonly string[]): DesignGraph => buildGraph(design, new Set(failed)),
  (f) => [...f].sort().join(' '),
);

/** The evacuation of a site with the what-if failures down (none: the design as it is). */
export const evacuationFor = memo1(
  (design: Design, k: { siteId: string; failed: readonly string[] }): Evacuation =>
    k.failed.length === 0
      ? evacuateSite(design, k.siteId, findingsFor(design).all)
      : evacuateSite(design, k.siteId, failureImpactFor(design, k.failed).after, k.failed),
  (k) => `${k.siteId}\u0000${[...k.failed].sort().join(' ')}`,
);

/** Run the single-failure sweep and time it (the UI shows the figure). */
export function runSweep(design: Design): ScenarioState['sweep'] {
  const start = performance.now();
  const result = singleFailureSweep(design);
  return { design, result, ms: performance.now() - start };
}

type SweepReply =
  | { id: number; ok: true; result: FailureSweep; ms: number }
  | { id: number; ok: false; message: string };
let worker: Worker | null = null;
let nextId = 0;

/**
 * The sweep in a Web Worker where the browser has them (the page stays responsive on large
 * designs); in place otherwise.
 */
export function runSweepAsync(design: Design): Promise<ScenarioState['sweep']> {
  if (typeof Worker === 'undefined') return Promise.resolve(runSweep(design));
  try {
    worker ??= new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(runSweep(design));
  }
  const active = worker;
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<SweepReply>) => {
      if (event.data.id !== id) return;
      active.removeEventListener('message', onMessage);
      if (event.data.ok) resolve({ design, result: event.data.result, ms: event.data.ms });
      else reject(new Error(event.data.message));
    };
    active.addEventListener('message', onMessage);
    active.postMessage({ id, design });
  });
}
