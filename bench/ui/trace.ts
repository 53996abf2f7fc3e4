/**
 * What the trace tools (trace-drop.ts, trace-open.ts) share: a Chromium trace of what a step
 * does, recorded through Playwright's CDP session.
 */
import type { CDPSession } from '@playwright/test';

/** One event of a Chromium trace (`tdur`: thread time of a complete event, in µs). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** A node of a CPU profile (the DevTools protocol's Profiler.ProfileNode, the fields the tools read). */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  children?: number[];
}

/** A CPU profile as Profiler.stop returns it (µs: startTime, endTime and timeDeltas). */
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Whether `e` is a complete event inside `task` (on its thread, within its span), not it. */
export const insideTask =
  (task: TraceEvent) =>
  (e: TraceEvent): boolean =>
    e !== task &&
    e.ph === 'X' &&
    e.pid === task.pid &&
    e.tid === task.tid &&
    e.ts >= task.ts &&
    e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0);

/** The trace events, in the given categories, of what `run` makes the page do. */
export async function traced(
  cdp: CDPSession,
  categories: readonly string[],
  run: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...categories] },
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/**
 * The main thread's tasks (`RunTask`) of the thread `on` ran on, from the one holding that
 * thread's first keydown on (a key's own task and every task after it); null without a keydown.
 */
export function tasksFromKeydown(events: TraceEvent[], on: TraceEvent): TraceEvent[] | null {
  const mine = events.filter((e) => e.pid === on.pid && e.tid === on.tid);
  const key = mine.find(
    (e) =>
      e.name === 'EventDispatch' &&
      (e.args?.['data'] as { type?: string } | undefined)?.type === 'keydown',
  );
  if (!key) return null;
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const from = tasks.find((t) => t.ts <= key.ts && key.ts <= t.ts + (t.dur ?? 0))?.ts ?? key.ts;
  return tasks.filter((t) => t.ts >= from);
}

/** Sampled time per function of CPU profiles, summed over profiles: self, inclusive, and each profile's busy time. */
export interface ProfileTotals {
  readonly self: Map<string, number>;
  readonly total: Map<string, number>;
  readonly busy: number[];
}

export const newProfileTotals = (): ProfileTotals => ({
  self: new Map(),
  total: new Map(),
  busy: [],
});

/** Add a CPU profile's samples (ms) to `into`, by "function file:line", leaving out `skip`. */
export function addProfile(
  into: ProfileTotals,
  profile: Profile,
  skip: readonly string[] = ['(idle)'],
): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => {
    const f = n.callFrame;
    const file =
      f.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '.js') ?? '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node || skip.includes(node.callFrame.functionName)) continue;
    busy += dt;
    const key = name(node);
    into.self.set(key, (into.self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!n) break;
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      into.total.set(k, (into.total.get(k) ?? 0) + dt);
    }
  }
  into.busy.push(busy);
}
