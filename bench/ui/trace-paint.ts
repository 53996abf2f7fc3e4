/**
 * The pan and the drag of `npm run bench:ui` under a Chromium trace: where each frame's time
 * goes, script against style, layout, paint and raster. A tool to find causes on a shared
 * machine: it sums thread time (not wall time, so a loaded machine inflates it far less), the
 * main thread's by phase (each event's self time) and the raster workers'; builds alternate
 * round by round (`--dist-b`, the code before a change), and `--baseline` adds the plain React
 * Flow page to the rotation. `--css "a||b"` adds the first build with each style sheet as sides
 * of their own (to try a cause before changing the code). `viewport paints` counts the frames
 * that painted React Flow's viewport again rather than only moving it (the plain page: none).
 *
 *   npx tsx bench/ui/trace-paint.ts --size 3000 [--rounds 3] [--no-build] [--dist dir]
 *     [--dist-b other-dist] [--baseline] [--zoom 0.75] [--settle ms] [--css "extra css"] [--save dir] [--from dir]
 */
import type { CDPSession, Page } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { traced, type TraceEvent } from './trace';
import {
  benchDesign,
  dragBenchDevice,
  launchChromium,
  openBenchPage,
  routesDrawn,
  serveBuilds,
  sideOfRound,
  flag,
  option,
} from './page';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 3);
const ZOOM = Number(option('zoom') ?? 0.75);
/** Style sheets to try, each on the first build as a side of its own, separated by `||`. */
const CSS = (option('css') ?? '').split('||').filter(Boolean);
const DIST = option('dist');
const SETTLE_MS = Number(option('settle') ?? 8000);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'viz',
];

/**
 * Main-thread phases: each event's self thread time goes to the phase of the nearest event (it
 * or one around it) whose name says one; what no phase claims is `other` (task overhead, IPC).
 */
const PHASES: [string, RegExp][] = [
  ['style', /^(UpdateLayoutTree|Document::updateStyle)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['prepaint', /^PrePaint$/],
  ['paint', /^Paint$/],
  ['layerize', /^(Layerize|PaintArtifactCompositor::Update)$/],
  ['commit', /^(LocalFrameView::pushPaintArtifactToCompositor|ProxyMain::BeginMainFrame::commit)$/],
  ['hit-test', /^(HitTest|EventHandler::HitTestResultAtLocation)$/],
  [
    'script',
    /^(FunctionCall|EvaluateScript|RunMicrotasks|FireAnimationFrame|TimerFire|EventDispatch|HandlePostMessage|V8\.GC.*|MinorGC|MajorGC)$/,
  ],
];

interface StepFigures {
  frames: number[];
  phases: Record<string, number>;
  mainMs: number;
  rasterMs: number;
  compositorMs: number;
  vizMs: number;
  workerMs: number;
  /** Paints of React Flow's viewport (a pan should only move it, as the plain page's). */
  viewportPaints: number;
}

/** Self thread time of one thread's events, by the phase around them (PHASES). */
function phaseTimes(events: TraceEvent[], pid: number, tid: number): Record<string, number> {
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: Record<string, number> = { other: 0 };
  for (const [p] of PHASES) out[p] = 0;
  const stack: { e: TraceEvent; phase: string; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (until < top.e.ts + (top.e.dur ?? 0)) break;
      stack.pop();
      const own = Math.max(0, (top.e.tdur ?? 0) - top.child);
      out[top.phase] = (out[top.phase] ?? 0) + own / 1000;
      const parent = stack[stack.length - 1];
      if (parent) parent.child += top.e.tdur ?? 0;
    }
  };
  for (const e of mine) {
    close(e.ts);
    const phase =
      PHASES.find(([, re]) => re.test(e.name))?.[0] ?? stack[stack.length - 1]?.phase ?? 'other';
    stack.push({ e, phase, child: 0 });
  }
  close(Infinity);
  return out;
}

/**
 * The trace's id of React Flow's viewport (the `nodeId` of its Paint events). A Paint event
 * names the layer it repainted: the viewport's means everything drawn in it was painted again.
 */
async function viewportNodeId(cdp: CDPSession): Promise<number | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as {
    root: { nodeId: number };
  };
  const { nodeId } = (await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: '.react-flow__viewport',
  })) as { nodeId: number };
  if (!nodeId) return undefined;
  const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as {
    node: { backendNodeId: number };
  };
  return node.backendNodeId;
}

function figures(events: TraceEvent[], frames: number[], viewport?: number): StepFigures {
  const names = events.filter((e) => e.name === 'thread_name');
  const renderer = names.find((e) => e.args?.['name'] === 'CrRendererMain');
  const thread = (re: RegExp, pid?: number) =>
    names
      .filter(
        (e) => re.test(String(e.args?.['name'] ?? '')) && (pid === undefined || e.pid === pid),
      )
      .map((e) => [e.pid, e.tid]);
  /** Thread time of the top-level tasks of these threads. */
  const tasks = (threads: number[][]) =>
    events
      .filter(
        (e) =>
          e.ph === 'X' &&
          (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
          threads.some(([p, t]) => p === e.pid && t === e.tid),
      )
      .reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  const sum = (threads: number[][], name: string) =>
    events
      .filter(
        (e) =>
          e.ph === 'X' && e.name === name && threads.some(([p, t]) => p === e.pid && t === e.tid),
      )
      .reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  const pid = renderer?.pid;
  const phases = renderer ? phaseTimes(events, renderer.pid, renderer.tid) : {};
  return {
    frames,
    phases,
    mainMs: renderer ? tasks([[renderer.pid, renderer.tid]]) : NaN,
    rasterMs: sum(thread(/^ThreadPoolForegroundWorker$/, pid), 'RasterTask'),
    compositorMs: tasks(thread(/^Compositor$/, pid)),
    vizMs: tasks(thread(/^VizCompositorThread$/)),
    workerMs: tasks(thread(/^DedicatedWorker thread$/, pid)),
    viewportPaints: events.filter(
      (e) =>
        e.name === 'Paint' &&
        e.ph === 'X' &&
        viewport !== undefined &&
        (e.args?.['data'] as { nodeId?: number } | undefined)?.nodeId === viewport,
    ).length,
  };
}

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

const FRAMES = `window.__paintFrames = { start() { this.f = []; let last = performance.now();
  const loop = (t) => { if (!this.f) return; this.f.push(t - last); last = t; requestAnimationFrame(loop); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(loop); }); },
  stop() { const f = this.f || []; this.f = null; return f; } }; 0`;

async function pan(page: Page): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const out = []; let last = performance.now(); let i = 0;
    const step = (t) => {
      if (i > 0) out.push(t - last);
      last = t;
      window.__bench.setViewport({ x: 40 - i * 12, y: 40, zoom: ${ZOOM} });
      if (++i <= 60) requestAnimationFrame(step); else resolve(out);
    };
    requestAnimationFrame(step);
  })`)) as number[];
}

async function drag(page: Page): Promise<number[]> {
  await dragBenchDevice(page, { onPressed: () => page.evaluate('window.__paintFrames.start()') });
  const frames = (await page.evaluate('window.__paintFrames.stop()')) as number[];
  await page.mouse.up();
  return frames;
}

async function main(): Promise<void> {
  const from = option('from');
  if (from) {
    // Saved traces (--save) again, e.g. after a change to this analysis.
    for (const file of readdirSync(from).filter((f) => f.endsWith('.json'))) {
      const { traceEvents } = JSON.parse(readFileSync(`${from}/${file}`, 'utf8')) as {
        traceEvents: TraceEvent[];
      };
      const f = figures(traceEvents, []);
      console.log(file, JSON.stringify({ ...f, phases: undefined }), JSON.stringify(f.phases));
    }
    return;
  }
  const dists = [DIST ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !DIST);
  const sides = [
    ...dists.map((d, i) => ({ label: d, base: bases[i]!, studio: true, css: '' })),
    ...CSS.map((css, i) => ({
      label: `${dists[0]} + css ${i + 1}`,
      base: bases[0]!,
      studio: true,
      css,
    })),
    ...(flag('baseline') ? [{ label: 'baseline', base: bases[0]!, studio: false, css: '' }] : []),
  ];
  const results = sides.map(() => ({ pan: [] as StepFigures[], drag: [] as StepFigures[] }));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const side = sides[which]!;
      const { context, page } = await openBenchPage(browser, design, side.base, side.studio);
      await page.waitForTimeout(3000);
      // Until the router has routed the design as opened: its worker would take the cores.
      await page.waitForTimeout(SETTLE_MS);
      await routesDrawn(page);
      if (side.css) await page.addStyleTag({ content: side.css });
      await page.evaluate(FRAMES);
      await page.evaluate((zoom) => window.__bench?.setViewport({ x: 40, y: 40, zoom }), ZOOM);
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      let frames: number[] = [];
      const panEvents = await traced(cdp, CATEGORIES, async () => {
        frames = await pan(page);
      });
      const viewport = await viewportNodeId(cdp);
      results[which]!.pan.push(figures(panEvents, frames, viewport));
      await page.evaluate((zoom) => window.__bench?.setViewport({ x: 40, y: 40, zoom }), ZOOM);
      await page.waitForTimeout(1000);
      const dragEvents = await traced(cdp, CATEGORIES, async () => {
        frames = await drag(page);
      });
      results[which]!.drag.push(figures(dragEvents, frames, viewport));
      const save = option('save');
      if (save) {
        writeFileSync(`${save}/pan-${which}-${r}.json`, JSON.stringify({ traceEvents: panEvents }));
        writeFileSync(
          `${save}/drag-${which}-${r}.json`,
          JSON.stringify({ traceEvents: dragEvents }),
        );
      }
      const last = (s: StepFigures[]) => s[s.length - 1]!;
      console.log(
        `round ${r + 1} ${side.label}: pan p95 ${p95(last(results[which]!.pan).frames).toFixed(0)} (viewport painted ${last(results[which]!.pan).viewportPaints}×) · drag p95 ${p95(last(results[which]!.drag).frames).toFixed(0)}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log(
    `\n${SIZE} elements, zoom ${ZOOM}, ${ROUNDS} rounds; medians; thread ms per step (pan 60 frames, drag 40 moves)`,
  );
  CSS.forEach((css, i) => console.log(`css ${i + 1}: ${css}`));
  for (const step of ['pan', 'drag'] as const) {
    console.log(`\n${step}`);
    const keys = [...PHASES.map(([p]) => p), 'other'];
    console.log(
      `| side | p95 | >50 | max | ${keys.join(' | ')} | main | raster | compositor | viz | worker | viewport paints |`,
    );
    sides.forEach((side, i) => {
      const runs = results[i]![step];
      const m = (f: (s: StepFigures) => number) => median(runs.map(f)).toFixed(0);
      console.log(
        `| ${side.label} | ${m((s) => p95(s.frames))} | ${m((s) => s.frames.filter((f) => f > 50).length)} | ${m((s) => Math.max(...s.frames))} | ${keys
          .map((k) => m((s) => s.phases[k] ?? 0))
          .join(
            ' | ',
          )} | ${m((s) => s.mainMs)} | ${m((s) => s.rasterMs)} | ${m((s) => s.compositorMs)} | ${m((s) => s.vizMs)} | ${m((s) => s.workerMs)} | ${m((s) => s.viewportPaints)} |`,
      );
    });
  }
}

await main();
