/**
 * The open of `npm run bench:ui` under a Chromium trace: what the main thread does from the
 * navigation to "all nodes visible", on a first visit (the design is where an older studio left
 * it, page.ts `handDesign`) and on a reopen (a reload: the studio reads what it stored itself).
 * A tool to find causes on a shared machine: where the time goes before the render starts (HTML,
 * module compile and evaluation, the storage's reading), the render task, and the frame(s) to
 * all nodes visible.
 *
 *   npx tsx bench/ui/trace-open.ts --size 1000 [--rounds 3] [--visit first|reopen|both] [--cpu]
 *     [--no-build] [--dist dir] [--dist-b other-dist] [--urls a,b] [--side baseline] [--save t.json]
 *
 * Phases (from the trace's navigationStart): "boot" is every main-thread task before the render
 * task; "render" is the task that put the first node in the page (an init script's mutation
 * observer marks it); "to visible" is every task after it until the first animation frame in
 * which every node is drawn and measured (none `visibility: hidden`, as bench:ui waits for).
 * `--cpu` prints per round the thread time (not wall time: a loaded machine inflates it far
 * less) of each phase, with the boot's parts (HTML, compile, evaluate, microtasks, …), and at the
 * end the medians per build; `--dist-b` interleaves a second build (e.g. the code before a
 * change, `vite build --config vite.bench.config.ts --outDir /tmp/before`). Without --cpu the
 * last round prints its main-thread tasks and when each script was requested and received.
 * Without --dist the tool builds dist-bench first (as `npm run bench:ui` does). `--urls` opens
 * builds served apart (`npx vite preview --config vite.bench.config.ts --outDir … --port …`): the
 * tool's own servers answer late while the trace streams in, which on a loaded machine brings
 * the chunks asked for during the open later than a quiet machine would.
 */
import { writeFileSync } from 'node:fs';
import { traced, type TraceEvent } from './trace';
import {
  benchDesign,
  newBenchPage,
  launchChromium,
  serveBuilds,
  type Side,
  flag,
  option,
  sideOfRound,
  benchUrl,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const SIDE: Side = option('side') === 'baseline' ? 'baseline' : 'studio';
const ROUNDS = Number(option('rounds') ?? 3);
const CPU = flag('cpu');
const VISITS: readonly Visit[] =
  option('visit') === 'first'
    ? ['first']
    : option('visit') === 'reopen'
      ? ['reopen']
      : ['first', 'reopen'];

type Visit = 'first' | 'reopen';

/**
 * In-page marks, installed before the page's scripts (plain JavaScript: see run.ts): when the
 * first node entered the page, and the first frame in which every node is visible.
 */
const MARKS = `
(() => {
  window.__openMarks = { nodesAt: NaN, visibleAt: NaN, inspectAt: NaN };
  const marks = window.__openMarks;
  const observer = new MutationObserver(() => {
    if (Number.isNaN(marks.nodesAt) && document.querySelector('.react-flow__node'))
      marks.nodesAt = performance.now();
    if (Number.isNaN(marks.inspectAt) && document.querySelector('[data-testid="inspector"]'))
      marks.inspectAt = performance.now();
    if (!Number.isNaN(marks.nodesAt) && !Number.isNaN(marks.inspectAt)) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
  const poll = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    let hidden = 0;
    for (const n of nodes) if (n.style.visibility === 'hidden') hidden++;
    if (nodes.length > 0 && hidden === 0) window.__openMarks.visibleAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
`;

/** What an open is traced with. */
const OPEN_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'v8',
];

interface Marks {
  nodesAt: number;
  visibleAt: number;
  /** When the Inspect panel (the default tab) was filled. */
  inspectAt: number;
}

interface Phases {
  renderStart: number;
  visibleAt: number;
  /** From the first node in the page to the Inspect panel filled. */
  nodeToInspect: number;
  boot: number;
  render: number;
  toVisible: number;
  bootParts: Map<string, number>;
}

const ms = (us: number | undefined) => (us ?? 0) / 1000;

/** The main thread of the page's renderer: the one that ran the navigation. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number; t0: number } | null {
  // The page's own navigation (it names the page's URL; frames the page makes later have none).
  const nav = events
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        /^https?:/u.test(
          (e.args?.['data'] as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '',
        ),
    )
    .sort((a, b) => b.ts - a.ts)[0];
  if (!nav) return null;
  return { pid: nav.pid, tid: nav.tid, t0: nav.ts };
}

/** The phases of one open, in thread time (ms), and when the render started (ms from t0). */
function phases(events: TraceEvent[], marks: Marks): Phases | string {
  const main = mainThread(events);
  if (!main) return 'no navigationStart in the trace';
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine
    .filter((e) => e.name === 'RunTask' && e.ts >= main.t0)
    .sort((a, b) => a.ts - b.ts);
  // The page's clock starts at the navigation, as the trace's navigationStart does.
  const nodesTs = main.t0 + marks.nodesAt * 1000;
  const visibleTs = main.t0 + marks.visibleAt * 1000;
  const renderTask = [...tasks].reverse().find((t) => t.ts <= nodesTs);
  if (!renderTask) return 'no render task';
  const sum = (list: TraceEvent[]) => list.reduce((s, e) => s + ms(e.tdur), 0);
  const before = tasks.filter((t) => t.ts < renderTask.ts);
  const after = tasks.filter((t) => t.ts > renderTask.ts && t.ts <= visibleTs);
  // The boot's parts: the events directly inside its tasks (one level, so nothing is counted
  // twice), by name.
  const bootParts = new Map<string, number>();
  for (const task of before) {
    const end = task.ts + (task.dur ?? 0);
    const inner = mine
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let reach = task.ts;
    for (const e of inner) {
      if (e.ts < reach) continue; // nested in the previous direct child
      reach = e.ts + (e.dur ?? 0);
      bootParts.set(e.name, (bootParts.get(e.name) ?? 0) + ms(e.tdur));
    }
  }
  return {
    renderStart: ms(renderTask.ts - main.t0),
    visibleAt: marks.visibleAt,
    nodeToInspect: marks.inspectAt - marks.nodesAt,
    boot: sum(before),
    render: ms(renderTask.tdur),
    toVisible: sum(after),
    bootParts,
  };
}

function phaseLine(p: Phases): string {
  const parts = [...p.bootParts]
    .filter(([, v]) => v >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  return `render starts ${p.renderStart.toFixed(0)} ms · visible ${p.visibleAt.toFixed(0)} ms · first node → inspect ${p.nodeToInspect.toFixed(0)} ms · cpu: boot ${p.boot.toFixed(1)} (${parts}) · render ${p.render.toFixed(1)} · to visible ${p.toVisible.toFixed(1)} · all ${(p.boot + p.render + p.toVisible).toFixed(1)} ms`;
}

const LISTED = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseAuthorStyleSheet',
]);

/** The main thread's tasks (over 3 ms) and the page's script requests, from navigationStart. */
function report(events: TraceEvent[], marks: Marks): void {
  const main = mainThread(events);
  if (!main) return console.log('no navigationStart in the trace');
  const at = (ts: number) =>
    ms(ts - main.t0)
      .toFixed(1)
      .padStart(7);
  const fileOf = (url: unknown) => String(url).split('/').pop()?.slice(0, 40) ?? '';
  console.log('\nscripts (requested → received, ms from navigationStart):');
  const sent = events.filter((e) => e.name === 'ResourceSendRequest' && e.ts >= main.t0);
  const finished = new Map(
    events
      .filter((e) => e.name === 'ResourceFinish')
      .map((e) => [(e.args?.['data'] as { requestId?: string }).requestId, e]),
  );
  for (const s of sent) {
    const data = s.args?.['data'] as { url?: string; requestId?: string };
    if (!data.url || !/\.(js|css)(\?|$)/u.test(data.url)) continue;
    const end = finished.get(data.requestId);
    console.log(`  ${at(s.ts)} → ${end ? at(end.ts) : '      ?'}  ${fileOf(data.url)}`);
  }
  console.log(
    `\nmain-thread tasks over 3 ms (start ms +wall ms: events over 1.5 ms inside); first node at ${marks.nodesAt.toFixed(0)} ms, all visible at ${marks.visibleAt.toFixed(0)} ms`,
  );
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  for (const t of mine.filter((e) => e.name === 'RunTask' && e.ts >= main.t0)) {
    if ((t.dur ?? 0) < 3000) continue;
    const end = t.ts + (t.dur ?? 0);
    const inner = mine.filter(
      (e) =>
        e !== t &&
        e.ts >= t.ts &&
        e.ts + (e.dur ?? 0) <= end &&
        (e.dur ?? 0) > 1500 &&
        LISTED.has(e.name),
    );
    const describe = (e: TraceEvent) => {
      const data = e.args?.['data'] as { url?: string; functionName?: string } | undefined;
      const url = data?.url ? `(${fileOf(data.url)})` : '';
      const fn = data?.functionName ? `[${data.functionName}]` : '';
      return `${e.name}${url}${fn} ${ms(e.dur).toFixed(1)}`;
    };
    console.log(
      `${at(t.ts)} +${ms(t.dur).toFixed(1)} (cpu ${ms(t.tdur).toFixed(1)}): ${inner.map(describe).join(', ')}`,
    );
  }
}

async function main(): Promise<void> {
  const dist = option('dist');
  const urls = option('urls')?.split(',');
  const dists = urls ?? [dist ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = urls
    ? { bases: urls, close: async () => {} }
    : await serveBuilds(dists, !flag('no-build') && !dist);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const results = new Map<string, Phases[]>();
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      // Alternate the builds, and which one goes first, round by round.
      const which = sideOfRound(r, dists.length);
      const base = bases[which];
      const { context, page } = await newBenchPage(browser, design, SIDE);
      await page.addInitScript(MARKS);
      const url = benchUrl(base ?? '', SIDE);
      const visible = () =>
        page.waitForFunction('!Number.isNaN(window.__openMarks.visibleAt)', undefined, {
          timeout: 60_000,
          polling: 50,
        });
      for (const visit of ['first', 'reopen'] as const) {
        const go = async () => {
          if (visit === 'first') await page.goto(url);
          else await page.reload();
          await visible();
          // The Inspect panel too (a build without one leaves its mark unset).
          await page
            .waitForFunction('!Number.isNaN(window.__openMarks.inspectAt)', undefined, {
              timeout: 15_000,
              polling: 50,
            })
            .catch(() => undefined);
          await page.waitForTimeout(300);
        };
        if (!VISITS.includes(visit)) {
          await go();
          await page.waitForFunction(() => window.__bench !== undefined);
          await page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77));
          await page.waitForTimeout(1500);
          continue;
        }
        const cdp = await context.newCDPSession(page);
        const events = await traced(cdp, OPEN_CATEGORIES, go);
        await cdp.detach();
        const marks = (await page.evaluate('window.__openMarks')) as Marks;
        const label = `${dists[which]} ${visit}`;
        const p = phases(events, marks);
        if (typeof p === 'string') console.log(`round ${r + 1} ${label}: ${p}`);
        else {
          results.set(label, [...(results.get(label) ?? []), p]);
          console.log(`round ${r + 1} ${label}: ${phaseLine(p)}`);
        }
        if (!CPU && r === ROUNDS * dists.length - 1) {
          const save = option('save');
          if (save)
            writeFileSync(
              save.replace(/\.json$/u, `-${visit}.json`),
              JSON.stringify({ traceEvents: events }),
            );
          console.log(`\n--- ${SIDE} ${visit}, ${SIZE} elements, ${dists[which]}`);
          report(events, marks);
        }
        // An edit, as bench:ui makes before its reopen (the studio then stores the design it
        // opened as its own), and time for the storage writes and late work to settle.
        if (visit === 'first') {
          await page.waitForFunction(() => window.__bench !== undefined);
          await page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77));
          await page.waitForTimeout(1500);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1] ?? NaN;
  console.log(`\n${SIDE} ${SIZE} elements, medians over ${ROUNDS} rounds (ms):`);
  for (const [label, list] of results) {
    const m = (f: (p: Phases) => number) => median(list.map(f)).toFixed(1);
    console.log(
      `  ${label.padEnd(30)} render starts ${m((p) => p.renderStart)} · visible ${m((p) => p.visibleAt)} · node → inspect ${m((p) => p.nodeToInspect)} · cpu boot ${m((p) => p.boot)} · render ${m((p) => p.render)} · to visible ${m((p) => p.toVisible)}`,
    );
  }
}

await main();
