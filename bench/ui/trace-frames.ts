/**
 * The drag, the drop and the pan of `npm run bench:ui` in its order and timing (the drag once the
 * drawn nodes and links have been quiet for a second, the router maybe still routing; the pan
 * 500 ms after the drop, the pointer resting where the drop left it), under a Chromium trace and
 * CPU profile. Per step: the frames over --long ms, the main thread's CPU (thread time, which a
 * loaded machine inflates far less than wall time) with its tasks grouped by what each ran
 * first, the pointer and transition events (cards passing under a still pointer), the elements
 * added to or removed from the cards; the tasks over --cpu ms with what they ran (trace events
 * over --inner µs, and with BENCH_UNMINIFIED=1 builds, the functions with most self time).
 * Builds alternate round by round (--dist-b, the code before a change); --css "a||b" makes the
 * first build sides of its own with each style sheet ('' for none), to try a cause.
 *
 *   npx tsx bench/ui/trace-frames.ts --size 3000 [--rounds 2] [--no-build] [--dist dir]
 *     [--dist-b other-dist] [--css "a||b"] [--long 50] [--cpu 20] [--inner 1500] [--top 8]
 *     [--show 14] [--only "pointermove|mousemove"] [--others] [--wait-routes] [--side baseline]
 *
 * --wait-routes waits for the router to be idle before the drag (as trace-paint.ts does);
 * --only lists only the long tasks whose first event is of those types; --others lists every
 * task of more than 3 ms that is not a frame's (timers, idle callbacks, worker messages).
 * Found with it (session 13): the pan's long frames at 1,000 elements were the handles of the
 * site under the resting pointer fading in and out as its cards passed (index.css).
 */
import type { CDPSession, Page } from '@playwright/test';
import { traced, type TraceEvent, type Profile } from './trace';
import {
  benchDesign,
  dragBenchDevice,
  newBenchPage,
  launchChromium,
  routesDrawn,
  serveBuilds,
  sideOfRound,
  WORK_VIEW,
  flag,
  option,
  type Side,
  gotoBench,
  benchUrl,
} from './page';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 2);
const LONG = Number(option('long') ?? 50);
/** Tasks of more main-thread CPU than this (ms) are listed. */
const CPU = Number(option('cpu') ?? 20);
const DIST = option('dist');
/** `--side baseline` traces the plain React Flow page of the first build instead. */
const SIDE: Side = option('side') === 'baseline' ? 'baseline' : 'studio';
/** Style sheets for the sides: `--css "a||b"` makes the first build two sides, a then b ('' for none). */
const CSS = option('css')?.split('||');

const summary: { label: string; mainCpu: number; outs: number; runs: number }[] = [];
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
];

const INSTRUMENTS = `(() => {
  window.__drawn = { lastChange: 0, edges: -1, nodes: -1 };
  const poll = () => {
    const now = performance.now();
    const nodes = document.querySelectorAll('.react-flow__node').length;
    const edges = document.querySelectorAll('.react-flow__edge').length;
    if (edges !== window.__drawn.edges || nodes !== window.__drawn.nodes) window.__drawn = { lastChange: now, edges, nodes };
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  window.__stamps = [];
  const loop = (t) => { window.__stamps.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;

/** Self time by function over [from, to] (trace µs) of the profile's samples. */
function topFunctions(
  profile: Profile,
  from: number,
  to: number,
  top = Number(option('top') ?? 8),
): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(profile.samples[i]!);
    if (!n) continue;
    const cf = n.callFrame;
    const name = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop() ?? ''}:${cf.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${v.toFixed(1)} ${k}`)
    .join('\n        ');
}

function longTasks(events: TraceEvent[], profile: Profile, t0: number, label: string): void {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  if (!main) return;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const all = mine.filter((e) => e.name === 'RunTask');
  const count = (type: string) =>
    mine.filter(
      (e) => e.name === 'EventDispatch' && (e.args?.['data'] as { type?: string })?.type === type,
    ).length;
  const mainCpu = all.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  summary.push({ label, mainCpu, outs: count('pointerout'), runs: count('transitionrun') });
  console.log(
    `    main thread cpu ${mainCpu.toFixed(0)} ms; pointerout ${count('pointerout')}, pointermove ${count('pointermove')}, mouseover ${count('mouseover')}, transitionrun ${count('transitionrun')}, transitionend ${count('transitionend')}`,
  );
  // Each task by what it ran first (its first child of note): count and CPU.
  const kinds = new Map<string, { n: number; cpu: number; max: number }>();
  for (const task of all) {
    const end = task.ts + (task.dur ?? 0);
    const first = mine.find(
      (e) =>
        e !== task &&
        e.ts >= task.ts &&
        e.ts < end &&
        /^(EventDispatch|FireIdleCallback|FireAnimationFrame|TimerFire|HandlePostMessage|FunctionCall|MinorGC|MajorGC|ProxyMain::BeginMainFrame|ParseHTML|EvaluateScript)$/.test(
          e.name,
        ),
    );
    const d = first?.args?.['data'] as Record<string, unknown> | undefined;
    const kind = first
      ? `${first.name}${first.name === 'EventDispatch' ? ' ' + String(d?.['type']) : ''}`
      : 'other';
    const k = kinds.get(kind) ?? { n: 0, cpu: 0, max: 0 };
    const c = (task.tdur ?? 0) / 1000;
    kinds.set(kind, { n: k.n + 1, cpu: k.cpu + c, max: Math.max(k.max, c) });
  }
  console.log(
    [...kinds]
      .filter(([, k]) => k.cpu > 2)
      .sort((a, b) => b[1].cpu - a[1].cpu)
      .map(
        ([name, k]) =>
          `    ${name}: ${k.n} tasks, cpu ${k.cpu.toFixed(0)} ms, max ${k.max.toFixed(1)}`,
      )
      .join('\n'),
  );
  const tasks = all.filter((e) => (e.tdur ?? 0) > CPU * 1000);
  // When the frames were long (wall), and the tasks of >3 ms CPU that are not a frame's.
  for (const task of all.filter((e) => (e.tdur ?? 0) > 3000)) {
    const end = task.ts + (task.dur ?? 0);
    const first = mine.find(
      (e) =>
        e !== task &&
        e.ts >= task.ts &&
        e.ts < end &&
        /^(EventDispatch|FireIdleCallback|TimerFire|HandlePostMessage|MinorGC|MajorGC)$/.test(
          e.name,
        ),
    );
    if (!first || !flag('others')) continue;
    const d = first.args?.['data'] as Record<string, unknown> | undefined;
    console.log(
      `    at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${first.name} ${String(d?.['type'] ?? '')} wall ${((task.dur ?? 0) / 1000).toFixed(1)} cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}`,
    );
  }
  const only = option('only') ? new RegExp(option('only')!) : null;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (only) {
      const first = mine.find(
        (e) => e !== task && e.ts >= task.ts && e.ts < end && e.name === 'EventDispatch',
      );
      if (!first || !only.test(String((first.args?.['data'] as { type?: string })?.type))) continue;
    }
    const inside = mine.filter(
      (e) =>
        e !== task &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= end &&
        (e.tdur ?? 0) > Number(option('inner') ?? 1500),
    );
    console.log(
      `  ${label} task at ${((task.ts - t0) / 1000).toFixed(0)} ms: wall ${((task.dur ?? 0) / 1000).toFixed(1)} cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}`,
    );
    for (const e of inside.slice(0, Number(option('show') ?? 14))) {
      const d = e.args?.['data'] as Record<string, unknown> | undefined;
      const extra =
        e.name === 'FunctionCall'
          ? ` ${String(d?.['functionName'] ?? '')} ${String(d?.['url'] ?? '')
              .split('/')
              .pop()}:${String(d?.['lineNumber'] ?? '')}`
          : e.name === 'EventDispatch'
            ? ` ${String(d?.['type'] ?? '')}`
            : '';
      console.log(
        `      ${((e.ts - task.ts) / 1000).toFixed(1).padStart(6)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${e.name}${extra}`,
      );
    }
    console.log(`      self time by function:\n        ${topFunctions(profile, task.ts, end)}`);
  }
}

async function step(
  page: Page,
  cdp: CDPSession,
  label: string,
  run: () => Promise<unknown>,
): Promise<void> {
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const stampsFrom = (await page.evaluate('window.__stamps.length')) as number;
  const routingBefore = (await page.evaluate('window.__bench.routing?.() ?? false')) as boolean;
  // Elements added to or removed from the cards (a hovered card mounts its live handles).
  await page.evaluate(`(() => {
    window.__cardMuts = 0;
    const nodes = document.querySelector('.react-flow__nodes');
    window.__cardObserver?.disconnect();
    window.__cardObserver = new MutationObserver((list) => {
      for (const m of list) window.__cardMuts += m.addedNodes.length + m.removedNodes.length;
    });
    if (nodes) window.__cardObserver.observe(nodes, { subtree: true, childList: true });
  })()`);
  let t0 = 0;
  const events = await traced(cdp, CATEGORIES, async () => {
    await run();
  });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const stamps = (await page.evaluate(`window.__stamps.slice(${stampsFrom})`)) as number[];
  const cardMuts = (await page.evaluate('window.__cardMuts')) as number;
  console.log(`    elements added to or removed from the cards: ${cardMuts}`);
  const frames = stamps.slice(1).map((s, i) => s - stamps[i]!);
  if (flag('others'))
    console.log(
      `   long frames end at (ms from the first): ${stamps
        .slice(1)
        .flatMap((s, i) => (s - stamps[i]! > LONG ? [(s - stamps[0]!).toFixed(0)] : []))
        .join(', ')}`,
    );
  const long = frames.filter((f) => f > LONG);
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  t0 = events
    .filter((e) => e.pid === main?.pid && e.ph === 'X')
    .reduce((m, e) => Math.min(m, e.ts), Infinity);
  console.log(
    ` ${label}: routing before ${routingBefore}, ${frames.length} frames, >${LONG}: ${long.length} [${long.map((f) => f.toFixed(0)).join(', ')}] max ${Math.max(...frames).toFixed(0)}`,
  );
  longTasks(events, profile, t0, label);
}

async function main(): Promise<void> {
  const served = [DIST ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases: servedBases, close } = await serveBuilds(served, !flag('no-build') && !DIST);
  const dists = CSS ? CSS.map((c) => `${served[0]!} + css "${c}"`) : served;
  const bases = CSS ? CSS.map(() => servedBases[0]!) : servedBases;
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const which = sideOfRound(r, dists.length);
      console.log(`round ${r + 1}: ${dists[which]}`);
      const { context, page } = await newBenchPage(browser, design, SIDE);
      await page.addInitScript(INSTRUMENTS);
      await gotoBench(page, benchUrl(bases[which] ?? '', SIDE));
      await page.waitForFunction(
        'window.__drawn.nodes > 0 && performance.now() - window.__drawn.lastChange > 1000',
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      if (flag('wait-routes')) await routesDrawn(page);
      const css = CSS?.[which];
      if (css) await page.addStyleTag({ content: css });
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.evaluate(
        'new Promise((r) => { let n = 10; const t = () => (--n <= 0 ? r() : requestAnimationFrame(t)); requestAnimationFrame(t); })',
      );
      await page.waitForTimeout(300);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await step(page, cdp, 'drag', () => dragBenchDevice(page));
      await step(page, cdp, 'drop', async () => {
        await page.mouse.up();
        await page.waitForTimeout(500);
      });
      await step(page, cdp, 'pan', () =>
        page.evaluate(`new Promise((resolve) => {
          let i = 0;
          const vp = ${JSON.stringify(WORK_VIEW)};
          const step = () => {
            window.__bench.setViewport({ x: vp.x - i * 12, y: vp.y, zoom: vp.zoom });
            if (++i <= 60) requestAnimationFrame(step); else resolve();
          };
          requestAnimationFrame(step);
        })`),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length === 0 ? NaN : ((v[(v.length - 1) >> 1] ?? 0) + (v[v.length >> 1] ?? 0)) / 2;
  };
  console.log('\nmedians by side and step: main-thread cpu ms (pointerout, transitionrun events)');
  dists.forEach((d, i) => {
    const mine = summary.filter((_, k) => sideOfRound(Math.floor(k / 3), dists.length) === i);
    for (const step of ['drag', 'drop', 'pan']) {
      const s = mine.filter((x) => x.label === step);
      console.log(
        `  ${d} ${step}: ${median(s.map((x) => x.mainCpu)).toFixed(0)} (${s.map((x) => `${x.outs}/${x.runs}`).join(' ')})`,
      );
    }
  });
}

await main();
