/**
 * The drop of `npm run bench:ui` (a ToR dragged 40 moves at the working zoom, then released)
 * under a Chromium trace: what the main thread does from pointer-up to the frame after it.
 * A tool to find causes on a shared machine: `--cpu` prints thread time (not wall time, so a
 * loaded machine inflates it far less) of the pointer-up task and of the frame, with its layout,
 * paint and layerize; `--dist-b` interleaves a second build (e.g. the code before a change).
 *
 *   npx tsx bench/ui/trace-drop.ts --size 1000 [--rounds 3] [--cpu] [--muts] [--no-build]
 *     [--dist dir] [--dist-b other-dist] [--side baseline] [--css "extra css"] [--save t.json]
 *     [--as-bench] [--js]
 *
 * Without --cpu the last round prints its main-thread events and style invalidations; --muts
 * lists the DOM changes made before the frame; --css adds a style sheet (to try a cause).
 *
 * --as-bench drops as `npm run bench:ui` does (run.ts): the drag starts once the drawn nodes have
 * been quiet for a second, and the pointer goes up right after the drag's last move, with what
 * that move left to do still pending (the default waits 3 s, then 200 ms after the drag). The
 * trace then covers the drag too, so starting it does not delay the pointer-up. --js adds
 * JavaScript samples to the trace and prints the functions with the most self time from
 * pointer-up to the frame after it. --as-bench also prints the drag's own figures (pointer-down
 * to pointer-up): main-thread and route-worker CPU (thread time), the frames the main thread
 * began, and bench:ui's frame p95; with --dist-b, their medians per build.
 */
import type { CDPSession } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { traced, type TraceEvent } from './trace';
import { INSTRUMENTS } from './instruments';
import {
  benchDesign,
  dragBenchDevice,
  newBenchPage,
  launchChromium,
  serveBuilds,
  type Side,
  flag,
  option,
  sideOfRound,
  gotoBench,
  benchUrl,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const SIDE: Side = option('side') === 'baseline' ? 'baseline' : 'studio';
const ROUNDS = Number(option('rounds') ?? 3);
const CSS = option('css');
const TRACE = !flag('no-trace');
const DIST = option('dist');
const AS_BENCH = flag('as-bench');
const JS = flag('js');

/** What a drop is traced with. */
const DROP_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'blink',
  'cc',
  'blink.user_timing',
  ...(JS ? ['disabled-by-default-v8.cpu_profiler'] : []),
  // Every thread's tasks (the compositor's, raster's, the GPU process's): --threads.
  ...(flag('threads') ? ['toplevel', 'viz', 'gpu'] : []),
];

async function tracedDrop(cdp: CDPSession, drop: () => Promise<void>): Promise<TraceEvent[]> {
  const events = await traced(cdp, DROP_CATEGORIES, async () => {
    await drop();
    console.log('  dropped, ending the trace');
  });
  console.log(`  ${events.length} trace events`);
  return events;
}

const cpuByDist: Map<number, string[]> = new Map();
/** Per build: the drag's main-thread CPU, the worker's, and the frames the main thread began. */
const dragByDist: Map<
  number,
  {
    main: number;
    worker: number;
    raster: number;
    frames: number;
    p95: number;
    painted: number;
  }[]
> = new Map();

/**
 * The drag of --as-bench, from pointer-down to pointer-up: main-thread CPU (thread time of its
 * tasks), the route worker's CPU, the frames the main thread began (BeginMainFrame), and the
 * frame intervals bench:ui reports (p95, over 50 ms, longest).
 */
function dragCpu(events: TraceEvent[], frames: readonly number[], which: number): string {
  const named = (name: string) =>
    events.filter((e) => e.name === 'thread_name' && e.args?.['name'] === name);
  const main = named('CrRendererMain')[0];
  if (!main) return 'drag: no main thread';
  const dispatch = (type: string) =>
    events.find(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.name === 'EventDispatch' &&
        (e.args?.['data'] as { type?: string } | undefined)?.type === type,
    );
  const down = dispatch('pointerdown');
  const up = dispatch('pointerup');
  if (!down || !up) return 'drag: no pointerdown or pointerup';
  const tdur = (e: TraceEvent) => ((e as { tdur?: number }).tdur ?? 0) / 1000;
  const within = (e: TraceEvent) => e.ph === 'X' && e.ts >= down.ts && e.ts < up.ts;
  const cpuOf = (pid: number, tid: number) =>
    events
      .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && within(e))
      .reduce((sum, e) => sum + tdur(e), 0);
  const mainCpu = cpuOf(main.pid, main.tid);
  const workers = events.filter(
    (e) =>
      e.name === 'thread_name' &&
      e.pid === main.pid &&
      /DedicatedWorker/.test(String(e.args?.['name'])),
  );
  const workerCpu = workers.reduce((sum, w) => sum + cpuOf(w.pid, w.tid), 0);
  // Raster (software, on the renderer's thread pool): what a frame's paint costs after it.
  const rasterCpu = events
    .filter((e) => e.pid === main.pid && e.name === 'RasterTask' && within(e))
    .reduce((sum, e) => sum + tdur(e), 0);
  const begun = events.filter(
    (e) =>
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.name === 'ProxyMain::BeginMainFrame' &&
      within(e),
  ).length;
  const ofMain = (name: string) =>
    events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === name && within(e));
  // Frames that painted something (a layerization follows each), and what painting cost.
  const layerized = ofMain('PaintArtifactCompositor::Update');
  const painting = [...layerized, ...ofMain('Paint')].reduce((sum, e) => sum + tdur(e), 0);
  const answers = ofMain('HandlePostMessage').reduce((sum, e) => sum + tdur(e), 0);
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
  const long = frames.filter((f) => f > 50).length;
  dragByDist.set(which, [
    ...(dragByDist.get(which) ?? []),
    {
      main: mainCpu,
      worker: workerCpu,
      raster: rasterCpu,
      frames: begun,
      p95,
      painted: layerized.length,
    },
  ]);
  return `drag cpu: main ${mainCpu.toFixed(0)} ms (paint and layerize ${painting.toFixed(0)} ms in ${layerized.length} frames, worker messages ${answers.toFixed(0)} ms) · worker ${workerCpu.toFixed(0)} ms · raster ${rasterCpu.toFixed(0)} ms · ${begun} main frames · ${((up.ts - down.ts) / 1000).toFixed(0)} ms wall · frame p95 ${p95.toFixed(0)} ms, ${long} > 50 ms, longest ${Math.max(...frames).toFixed(0)} ms`;
}

/**
 * Every thread's CPU (thread time of its top-level tasks) from the pointer-up's input (its
 * event's timeStamp, `dispatchedMs` before the dispatch) to the end of the probe's task after
 * the frame (`dropMs` after that input): what shares the machine's cores with the drop's frame.
 * Also the main thread's tasks in that window, and the route worker's.
 */
const threadsByDist: Map<
  number,
  { main: number; raster: number; worker: number; compositor: number }[]
> = new Map();
function threads(
  events: TraceEvent[],
  dispatchedMs: number,
  dropMs: number,
  which: number,
): string {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  if (!main) return 'no main thread';
  const up = events.find(
    (e) =>
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.name === 'EventDispatch' &&
      (e.args?.['data'] as { type?: string } | undefined)?.type === 'pointerup',
  );
  if (!up) return 'no pointerup';
  const from = up.ts - dispatchedMs * 1000;
  const to = from + dropMs * 1000;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.['name']));
  const tdur = (e: TraceEvent) => ((e as { tdur?: number }).tdur ?? 0) / 1000;
  const top = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);
  const byThread = new Map<string, { cpu: number; tasks: number }>();
  const lines: string[] = [];
  // Only a thread's outermost tasks (a RunTask holds a ThreadControllerImpl::RunTask).
  const outer = new Map<string, number>();
  const tasks = events
    .filter((e) => e.ph === 'X' && top.has(e.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of tasks) {
    const end = e.ts + (e.dur ?? 0);
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (outer.get(thread) ?? -Infinity)) continue;
    outer.set(thread, end);
    if (end < from || e.ts > to) continue;
    // The part of the task inside the window, as a share of its thread time.
    const inside = (Math.min(end, to) - Math.max(e.ts, from)) / Math.max(1, e.dur ?? 1);
    const key = `${names.get(`${e.pid}:${e.tid}`) ?? e.tid}${e.pid === main.pid ? '' : ` (pid ${e.pid})`}`;
    const t = byThread.get(key) ?? { cpu: 0, tasks: 0 };
    t.cpu += tdur(e) * inside;
    t.tasks++;
    byThread.set(key, t);
    const name = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.pid === main.pid && /CrRendererMain|DedicatedWorker/.test(name) && (e.dur ?? 0) > 200) {
      const inner = events
        .filter(
          (x) =>
            x.pid === e.pid &&
            x.tid === e.tid &&
            x.ph === 'X' &&
            x.ts >= e.ts &&
            x.ts < end &&
            x !== e &&
            (x.dur ?? 0) > 100 &&
            x.name !== 'RunTask',
        )
        .slice(0, 4)
        .map(
          (x) =>
            `${x.name}${x.name === 'EventDispatch' || x.name === 'TimerFire' || x.name === 'FunctionCall' ? `(${JSON.stringify((x.args?.['data'] as Record<string, unknown> | undefined)?.['type'] ?? '')})` : ''} ${((x.dur ?? 0) / 1000).toFixed(1)}`,
        )
        .join(', ');
      lines.push(
        `      ${name.slice(0, 16).padEnd(16)} at ${((e.ts - from) / 1000).toFixed(1).padStart(6)} wall ${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)} cpu ${tdur(e).toFixed(1).padStart(5)}: ${inner}`,
      );
    }
  }
  const group = (re: RegExp) =>
    [...byThread].filter(([k]) => re.test(k)).reduce((sum, [, t]) => sum + t.cpu, 0);
  threadsByDist.set(which, [
    ...(threadsByDist.get(which) ?? []),
    {
      main: group(/^CrRendererMain$/),
      raster: group(/^ThreadPoolForegroundWorker$/),
      worker: group(/^DedicatedWorker/),
      compositor: group(/^Compositor$|VizCompositor/),
    },
  ]);
  const sorted = [...byThread].sort((a, b) => b[1].cpu - a[1].cpu).filter(([, t]) => t.cpu >= 0.3);
  return `threads' cpu in the drop's ${dropMs.toFixed(0)} ms (dispatch after ${dispatchedMs.toFixed(1)} ms): ${sorted
    .map(([k, t]) => `${k} ${t.cpu.toFixed(1)}`)
    .join(' · ')}\n${lines.join('\n')}`;
}
/** Per build: the drop's main-thread CPU (cpu), to print their medians. */
const dropCpuByDist: Map<number, { up: number; forced: number; frame: number; all: number }[]> =
  new Map();

/**
 * Main-thread CPU (thread time, immune to a loaded machine) from pointer-up to the frame after
 * it: the pointer-up task, the style and layout its handlers forced (d3-drag reads its
 * container's box at the pointer-up: whatever changed the page since the last frame is laid out
 * there), and the frame. With `which`, kept for the medians per build.
 */
function cpu(events: TraceEvent[], which?: number): string {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  if (!main) return 'no main thread';
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const up = mine.find(
    (e) =>
      e.name === 'EventDispatch' &&
      (e.args?.['data'] as { type?: string } | undefined)?.type === 'pointerup',
  );
  if (!up) return 'no pointerup';
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= up.ts);
  const frame = mine.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > up.ts);
  if (!frame) return 'no frame';
  const inWindow = tasks.filter((t) => t.ts <= frame.ts);
  const tdur = (e: TraceEvent | undefined) =>
    ((e as { tdur?: number } | undefined)?.tdur ?? 0) / 1000;
  const first = inWindow[0];
  const frameTask = inWindow[inWindow.length - 1];
  const total = inWindow.reduce((sum, t) => sum + tdur(t), 0);
  const phase = (name: string) =>
    mine
      .filter((e) => e.name === name && e.ts >= frame.ts && e.ts < frame.ts + (frame.dur ?? 0))
      .reduce((sum, e) => sum + tdur(e), 0);
  const forced = first
    ? mine
        .filter(
          (e) =>
            e.name === 'Blink.ForcedStyleAndLayout.UpdateTime' &&
            e.ts >= first.ts &&
            e.ts < first.ts + (first.dur ?? 0),
        )
        .reduce((sum, e) => sum + tdur(e), 0)
    : 0;
  if (which !== undefined)
    dropCpuByDist.set(which, [
      ...(dropCpuByDist.get(which) ?? []),
      { up: tdur(first), forced, frame: tdur(frameTask), all: total },
    ]);
  return `cpu: pointerup task ${tdur(first).toFixed(1)} (forced style and layout ${forced.toFixed(1)}) · frame ${tdur(frameTask).toFixed(1)} (layout ${phase('Layout').toFixed(1)}, paint ${phase('LocalFrameView::RunPaintLifecyclePhase').toFixed(1)}, layerize ${phase('Layerize').toFixed(1)}) · all ${total.toFixed(1)} ms over ${inWindow.length} tasks`;
}

function report(events: TraceEvent[]): void {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  if (!main) return console.log('no main thread');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const up = mine.find(
    (e) =>
      e.name === 'EventDispatch' &&
      (e.args?.['data'] as { type?: string } | undefined)?.type === 'pointerup',
  );
  if (!up) return console.log('no pointerup');
  const t0 = up.ts;
  const win = mine.filter((e) => e.ts >= t0 - 1000 && e.ts < t0 + 150_000 && e.ph === 'X');
  console.log(`\nmain thread events from pointerup (ms from it, duration ms):`);
  const shown = win.filter((e) => (e.dur ?? 0) > 300).slice(0, 80);
  // Nesting depth by containment.
  const stack: TraceEvent[] = [];
  for (const e of shown) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (e.ts >= top.ts + (top.dur ?? 0)) stack.pop();
      else break;
    }
    const extra =
      e.name === 'Layout'
        ? ` ${JSON.stringify(e.args ?? {}).slice(0, 400)}`
        : e.name === 'Layerize' || e.name === 'Paint' || e.name === 'UpdateLayoutTree'
          ? ` ${JSON.stringify(e.args?.['data'] ?? e.args ?? {}).slice(0, 160)}`
          : e.name === 'FunctionCall' || e.name === 'EventDispatch'
            ? ` ${JSON.stringify(e.args?.['data'] ?? {}).slice(0, 120)}`
            : '';
    console.log(
      `${'  '.repeat(stack.length)}${((e.ts - t0) / 1000).toFixed(1).padStart(6)} ${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ${e.name}${extra}`,
    );
    stack.push(e);
  }
  const inv = mine.filter((e) => e.ts >= t0 && e.ts < t0 + 60_000 && /Invalidation/.test(e.name));
  const byName = new Map<string, number>();
  for (const e of inv) {
    const d = (e.args?.['data'] ?? {}) as Record<string, unknown>;
    const key = `${e.name} ${String(d['reason'] ?? d['invalidationSet'] ?? d['changedClass'] ?? d['changedAttribute'] ?? '')} ${String(d['nodeName'] ?? '').slice(0, 60)}`;
    byName.set(key, (byName.get(key) ?? 0) + 1);
  }
  console.log('\ninvalidations in the 60 ms after pointerup:');
  for (const [k, n] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${String(n).padStart(5)} ${k}`);
}

/** JavaScript self time by function (from the trace's samples) in [from, to] µs, the top `top`. */
function jsSelf(
  events: TraceEvent[],
  pid: number,
  tid: number,
  from: number,
  to: number,
  top = 25,
) {
  const nodes = new Map<number, string>();
  const self = new Map<string, number>();
  let time = NaN;
  // The main thread's profile; its chunks come from the sampler's thread, under the same id.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const id = (profile as { id?: string } | undefined)?.id;
  for (const e of events) {
    if (e !== profile && (e.pid !== pid || (e as { id?: string }).id !== id)) continue;
    const data = e.args?.['data'] as
      | {
          startTime?: number;
          cpuProfile?: {
            nodes?: {
              id: number;
              callFrame: { functionName: string; url: string; lineNumber: number };
            }[];
            samples?: number[];
          };
          timeDeltas?: number[];
        }
      | undefined;
    if (e.name === 'Profile' && data?.startTime !== undefined) time = data.startTime;
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      nodes.set(
        n.id,
        `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop() ?? ''}:${(f.lineNumber ?? 0) + 1}`,
      );
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      const dt = (deltas[i] ?? 0) / 1000;
      time += deltas[i] ?? 0;
      if (time < from || time > to) return;
      const name = nodes.get(node) ?? String(node);
      self.set(name, (self.get(name) ?? 0) + Math.max(0, dt));
    });
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/**
 * A drop as `npm run bench:ui` makes it (run.ts: the drawn nodes quiet for a second, the working
 * view, the drag with frames recorded, the pointer up right after), traced from the drag's start.
 */
async function benchDrop(page: import('@playwright/test').Page, which: number): Promise<string> {
  await page.waitForFunction(
    'window.__open.count > 0 && performance.now() - window.__drawn.lastChange > 1000',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  if (CSS) await page.addStyleTag({ content: CSS });
  await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
  await page.evaluate('window.__nextFrames(10)');
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  let dropMs = NaN;
  let frames: number[] = [];
  let parts = { dispatched: NaN, frame: NaN };
  // Invalidation tracking records a stack per style invalidation: it made each setAttribute of
  // the drag several times dearer. Only --report prints invalidations.
  const categories = flag('report')
    ? DROP_CATEGORIES
    : DROP_CATEGORIES.filter((c) => !c.includes('invalidationTracking'));
  const events = await traced(cdp, categories, async () => {
    await dragBenchDevice(page, { onPressed: () => page.evaluate('window.__frames.start()') });
    frames = (await page.evaluate('window.__frames.stop()')) as number[];
    await page.evaluate('window.__dropProbe()');
    await page.mouse.up();
    dropMs = (await page.evaluate('window.__dropped')) as number;
    parts = (await page.evaluate('window.__dropParts')) as { dispatched: number; frame: number };
    await page.waitForTimeout(300);
  });
  byDist[which]!.push(dropMs);
  const line = `drop ${dropMs.toFixed(1)} ms (dispatched ${parts.dispatched.toFixed(1)}, frame ${parts.frame.toFixed(1)}) · ${cpu(events, which)}\n    ${dragCpu(events, frames, which)}${flag('threads') ? `\n    ${threads(events, parts.dispatched, dropMs, which)}` : ''}`;
  cpuByDist.set(which, [...(cpuByDist.get(which) ?? []), line]);
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  const save = option('save');
  if (save)
    writeFileSync(
      save.replace(/(\.json)?$/, `-${which}-${byDist[which]!.length}.json`),
      JSON.stringify({ traceEvents: events }),
    );
  if (main && (flag('report') || JS)) {
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const up = mine.find(
      (e) =>
        e.name === 'EventDispatch' &&
        (e.args?.['data'] as { type?: string } | undefined)?.type === 'pointerup',
    );
    const frame = up && mine.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > up.ts);
    if (flag('report')) report(events);
    if (up && frame && JS) {
      const before = mine.filter(
        (e) => e.name === 'RunTask' && e.ts < up.ts && e.ts > up.ts - 100_000,
      );
      console.log(
        `  tasks in the 100 ms before pointer-up: ${before
          .map((t) => `${((t.ts - up.ts) / 1000).toFixed(1)}:${((t.dur ?? 0) / 1000).toFixed(1)}`)
          .filter((x) => !x.endsWith(':0.0'))
          .join(' ')}`,
      );
      const down = mine.find(
        (e) =>
          e.name === 'EventDispatch' &&
          (e.args?.['data'] as { type?: string } | undefined)?.type === 'pointerdown',
      );
      if (down) {
        console.log('  JS self time, pointer-down to pointer-up (the drag):');
        for (const [name, ms] of jsSelf(events, main.pid, main.tid, down.ts, up.ts, 40))
          console.log(`    ${ms.toFixed(1).padStart(6)} ms ${name}`);
      }
      console.log('  JS self time, pointer-up to the end of the frame after it:');
      for (const [name, ms] of jsSelf(
        events,
        main.pid,
        main.tid,
        up.ts - 1000,
        frame.ts + (frame.dur ?? 0),
      ))
        console.log(`    ${ms.toFixed(1).padStart(6)} ms ${name}`);
    }
  }
  return line;
}

const byDist: number[][] = [];

async function main(): Promise<void> {
  const dists = [DIST ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !DIST);
  for (const _ of dists) byDist.push([]);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const drops: number[] = [];
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const which = sideOfRound(r, dists.length);
      const base = bases[which];
      console.log(`round ${r + 1}: ${dists[which]}`);
      const { context, page } = await newBenchPage(browser, design, SIDE);
      if (AS_BENCH) await page.addInitScript(INSTRUMENTS);
      await gotoBench(page, benchUrl(base ?? '', SIDE));
      console.log('  opened');
      if (AS_BENCH) {
        const line = await benchDrop(page, which);
        console.log(`  ${line}`);
        await context.close();
        continue;
      }
      await page.waitForTimeout(3000);
      if (CSS) await page.addStyleTag({ content: CSS });
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      await page.waitForTimeout(800);
      await dragBenchDevice(page);
      await page.waitForTimeout(200);
      console.log('  dragged');
      const drop = async () => {
        await page.evaluate(`window.__dropped = new Promise((resolve) => {
          window.addEventListener('pointerup', (event) => {
            const start = event.timeStamp;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          }, { capture: true, once: true });
        }); 0`);
        await page.evaluate(`(() => {
          window.__muts = [];
          const describe = (n) => n && n.nodeType === 1 ? (n.tagName + (n.getAttribute('data-testid') ? '#' + n.getAttribute('data-testid') : '') + (n.getAttribute('data-id') ? '[' + n.getAttribute('data-id') + ']' : '') + '.' + String(n.getAttribute('class') || '').slice(0, 50)) : String(n && n.nodeName);
          const path = (n) => { const out = []; for (let i = 0; n && i < 4; i++, n = n.parentElement) out.push(describe(n)); return out.join(' < '); };
          const mo = new MutationObserver((list) => { for (const m of list) window.__muts.push(m.type + ' ' + (m.attributeName || '') + ' ' + path(m.target) + (m.type === 'childList' ? ' +' + m.addedNodes.length + ' -' + m.removedNodes.length : '')); });
          mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          window.addEventListener('pointerup', () => requestAnimationFrame(() => { mo.takeRecords(); window.__mutsFrame = window.__muts.length; setTimeout(() => mo.disconnect(), 1000); }), { capture: true, once: true });
        })()`);
        await page.mouse.up();
        drops.push((await page.evaluate('window.__dropped')) as number);
        byDist[which]!.push(drops[drops.length - 1]!);
        console.log(`  drop ${drops[drops.length - 1]!.toFixed(1)} ms`);
        await page.waitForTimeout(300);
        const muts = (await page.evaluate('[window.__muts, window.__mutsFrame]')) as [
          string[],
          number,
        ];
        if (!flag('muts')) return;
        console.log(`  mutations before the frame: ${muts[1]}`);
        const counts = new Map<string, number>();
        muts[0].forEach((m, i) => {
          const k = (i < muts[1] ? 'before ' : 'after  ') + m;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        });
        for (const [k, n] of counts) console.log(`   ${String(n).padStart(4)} ${k.slice(0, 260)}`);
      };
      if (flag('cpu')) {
        const cdp = await context.newCDPSession(page);
        const events = await tracedDrop(cdp, drop);
        const line = cpu(events, which);
        console.log(`  ${line}`);
        cpuByDist.set(which, [...(cpuByDist.get(which) ?? []), line]);
      } else if (TRACE && r === ROUNDS * dists.length - 1) {
        const cdp = await context.newCDPSession(page);
        const events = await tracedDrop(cdp, drop);
        const save = option('save');
        if (save) writeFileSync(save, JSON.stringify({ traceEvents: events }));
        report(events);
      } else await drop();
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  dists.forEach((d, i) => {
    for (const line of cpuByDist.get(i) ?? []) console.log(`${d} ${line}`);
    const drags = dragByDist.get(i) ?? [];
    if (drags.length > 0)
      console.log(
        `${d} drag medians over ${drags.length}: main cpu ${median(drags.map((x) => x.main)).toFixed(0)} ms · worker cpu ${median(drags.map((x) => x.worker)).toFixed(0)} ms · raster cpu ${median(drags.map((x) => x.raster)).toFixed(0)} ms · main frames ${median(drags.map((x) => x.frames))} · painted ${median(drags.map((x) => x.painted))} · frame p95 ${median(drags.map((x) => x.p95)).toFixed(0)} ms`,
      );
    const dropCpu = dropCpuByDist.get(i) ?? [];
    if (dropCpu.length > 0)
      console.log(
        `${d} drop cpu medians over ${dropCpu.length}: ${(['up', 'forced', 'frame', 'all'] as const).map((k) => `${k === 'up' ? 'pointerup task' : k === 'forced' ? 'forced style and layout' : k} ${median(dropCpu.map((x) => x[k])).toFixed(1)}`).join(' · ')} ms`,
      );
    const th = threadsByDist.get(i) ?? [];
    if (th.length > 0)
      console.log(
        `${d} threads' cpu in the drop's window, medians over ${th.length}: ${(['main', 'raster', 'worker', 'compositor'] as const).map((k) => `${k} ${median(th.map((x) => x[k])).toFixed(1)}`).join(' · ')} ms`,
      );
    const s = [...byDist[i]!].sort((a, b) => a - b);
    console.log(
      `${d}: ${byDist[i]!.map((x) => x.toFixed(1)).join(' ')} · median ${s[s.length >> 1]?.toFixed(1)}`,
    );
  });
  const sorted = [...drops].sort((a, b) => a - b);
  console.log(
    `\n${SIDE} ${SIZE}: drops ${drops.map((d) => d.toFixed(1)).join(' ')} · median ${sorted[sorted.length >> 1]?.toFixed(1)}`,
  );
}

await main();
