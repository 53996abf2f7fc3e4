/**
 * What runs between a key and the first change of the canvas, for the delete (30 of DC 1's
 * devices), its undo and the paste of the same devices of `npm run bench:ui`, each after the
 * bench's DCI-distance edit: under Chromium's CPU profiler, the samples from just before the
 * key to a marker function the first change of the canvas' DOM runs (a MutationObserver, as the
 * bench's), summed by function (self and inclusive time). With --cpu, instead, a trace: the main
 * thread's CPU time (thread time, which a loaded machine inflates far less than the wall time
 * bench:ui reports) from the key's task to the task that made the first change, and what the
 * key's task waited behind. Each step prints the first change (what changed) and the nodes drawn.
 * Profiles need names: the build is unminified (and a --dist-b build must be too, built with
 * BENCH_UNMINIFIED=1); --cpu builds as bench:ui does. --dist-b interleaves a second build (the
 * code before a change), --baseline the plain React Flow page.
 *
 * Found with it (session 15): every minimap node rendered again for a delete or a paste (see
 * canvas/minimap.ts), and a delete's or paste's validation ran before its frame (findings.ts).
 *
 *   npx tsx bench/ui/trace-first.ts --size 1000 [--rounds 2] [--top 20] [--no-build] [--cpu]
 *     [--dist-b other-dist] [--baseline] [--steps delete,undo,paste]
 */
import type { CDPSession, Page } from '@playwright/test';
import { traced, type TraceEvent, type Profile, type ProfileNode } from './trace';
import {
  benchDesign,
  flag,
  newBenchPage,
  launchChromium,
  option,
  pickedDevices,
  serveBuilds,
  sideOfRound,
  gotoBench,
  benchUrl,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 2);
const TOP = Number(option('top') ?? 20);
const STEPS = (option('steps') ?? 'delete,undo,paste').split(',');
/** Instead of profiling, trace: the main thread's CPU time from the key's task to the change. */
const CPU = flag('cpu');

/**
 * The main thread's CPU time (thread time, which a loaded machine inflates far less than wall
 * time) of the tasks from the one that dispatched the key (the last keydown before the change)
 * to the one that made the first change, in ms.
 */
function cpuToFirstChange(
  events: TraceEvent[],
  keyAt: number,
  changeAt: number,
): { cpu: number; waited: string } {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  const mark = events.find((e) => e.name === '__first_change');
  if (!mark) return { cpu: NaN, waited: '?' };
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const keys = mine.filter(
    (e) =>
      e.name === 'EventDispatch' &&
      (e.args?.['data'] as { type?: string } | undefined)?.type === 'keydown' &&
      e.ts <= mark.ts,
  );
  const key = keys[keys.length - 1];
  if (!key) return { cpu: NaN, waited: '?' };
  const keyTask = tasks.find((t) => t.ts <= key.ts && key.ts <= t.ts + (t.dur ?? 0));
  const from = keyTask?.ts ?? key.ts;
  const cpu = tasks
    .filter((t) => t.ts >= from && t.ts <= mark.ts)
    .reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0);
  // The key's event in the trace's clock (the mark is the change, in both clocks), and what the
  // main thread ran between it and the key's task: what the key waited behind.
  const eventTs = mark.ts - (changeAt - keyAt) * 1000;
  const before = tasks.filter((t) => t.ts + (t.dur ?? 0) > eventTs && t.ts < from);
  const what = before.map((t) => {
    const inner = mine.find(
      (e) => e !== t && e.ph === 'X' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0),
    );
    const data = inner?.args?.['data'] as { type?: string; functionName?: string } | undefined;
    return `${inner?.name ?? '?'}${data?.type ? ` ${data.type}` : ''}${data?.functionName ? ` ${data.functionName}` : ''} ${((t.dur ?? 0) / 1000).toFixed(0)} ms`;
  });
  return {
    cpu,
    waited: `key's task ${((from - eventTs) / 1000).toFixed(0)} ms after its event${what.length ? `, behind: ${what.join('; ')}` : ''}`,
  };
}

/** Spin ~3 ms of script (not in a native call, which samples leave unnamed) in a function of that name, so the profiler's samples show when it ran. */
const MARKERS = `
function __spin(ms) { let x = 0; const t = performance.now(); while (performance.now() - t < ms) for (let i = 0; i < 20000; i++) x += i % 7; return x; }
function __keyMarker() { return __spin(3); }
function __changeMarker() { return __spin(3); }
window.__record = () => {
  const out = { start: NaN, first: NaN, keyRan: NaN, what: '' };
  const canvas = document.querySelector('.react-flow') || document.body;
  const observer = new MutationObserver((records) => {
    observer.disconnect();
    out.first = performance.now();
    performance.mark('__first_change');
    const t = records[0].target;
    out.what = records[0].type + ' ' + (records[0].attributeName || '') + ' on ' +
      (t.nodeType === 1 ? t.tagName + '.' + String(t.getAttribute('class') || '').split(' ').slice(0, 2).join('.') +
        (t.dataset && t.dataset.id ? '#' + t.dataset.id : '') : t.nodeName) + ' (' + records.length + ' records)';
    __changeMarker();
  });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('keydown', (e) => { out.start = e.timeStamp; out.keyRan = performance.now(); __keyMarker(); },
    { capture: true, once: true });
  window.__recorded = out;
};
`;

interface Window_ {
  ms: number;
  self: Map<string, number>;
  total: Map<string, number>;
}

/**
 * The samples from the profiler's start (just before the key is pressed) to the first change's
 * marker, summed by function; the key's marker's own samples left out.
 */
function between(profile: Profile): Window_ | null {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const stack = (id: number) => {
    const out: ProfileNode[] = [];
    for (let i: number | undefined = id; i !== undefined; i = parent.get(i)) {
      const n = byId.get(i);
      if (n) out.push(n);
    }
    return out;
  };
  const has = (s: ProfileNode[], fn: string) => s.some((n) => n.callFrame.functionName === fn);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ms = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const s = stack(profile.samples[i] ?? -1);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (has(s, '__changeMarker')) return { ms, self, total };
    if (has(s, '__keyMarker')) continue;
    const top = s[0];
    if (!top) continue;
    const fn = top.callFrame.functionName;
    if (fn === '(idle)') continue;
    ms += dt;
    const key = fn === '(program)' ? fn : name(top);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (const n of s) {
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  return null;
}

interface Run {
  first: number;
  window: Window_ | null;
  cpu?: number;
}

async function step(cdp: CDPSession, page: Page, press: () => Promise<void>): Promise<Run> {
  const seen = () =>
    page.evaluate(
      () =>
        `${document.querySelectorAll('.react-flow__node').length} nodes drawn, view ${document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '?'}`,
    );
  const before = await seen();
  await page.evaluate('window.__record()');
  if (CPU) {
    const events = await traced(
      cdp,
      ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      async () => {
        await press();
        await page.waitForTimeout(1500);
      },
    );
    const { start, first } = (await page.evaluate('window.__recorded')) as {
      start: number;
      first: number;
    };
    const { cpu, waited } = cpuToFirstChange(events, start, first);
    console.log(`  ${waited}`);
    return { first: first - start, window: null, cpu };
  }
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await press();
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const { start, first, keyRan, what } = (await page.evaluate('window.__recorded')) as {
    start: number;
    first: number;
    keyRan: number;
    what: string;
  };
  console.log(`  before: ${before}; after: ${await seen()}`);
  console.log(
    `  key handled ${(keyRan - start).toFixed(0)} ms after its event, first change ${(first - start).toFixed(0)}: ${what}`,
  );
  return { first: first - start, window: between(profile) };
}

async function main(): Promise<void> {
  if (!CPU) process.env['BENCH_UNMINIFIED'] = '1';
  const dists = ['dist-bench', ...(option('dist-b')?.split(',') ?? [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const sides = [
    ...dists.map((d, i) => ({ label: d, url: `${bases[i]}/`, studio: true })),
    ...(flag('baseline')
      ? [
          {
            label: 'baseline',
            url: benchUrl(bases[0] ?? '', 'baseline'),
            studio: false,
          },
        ]
      : []),
  ];
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  const results = sides.map(() => new Map<string, Run[]>());
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const side = sides[which] as (typeof sides)[number];
      const { context, page } = await newBenchPage(
        browser,
        design,
        side.studio ? 'studio' : 'baseline',
      );
      await page.addInitScript(MARKERS);
      await gotoBench(page, side.url);
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
      // As bench:ui: a DCI distance edited first (it compiles what edits run).
      await page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77));
      await page.waitForTimeout(1000);
      await page.mouse.click(5, 5);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      const out = results[which] as Map<string, Run[]>;
      const keep = (label: string, v: Run) => {
        out.set(label, [...(out.get(label) ?? []), v]);
        console.log(
          `round ${r + 1} ${side.label} ${label}: first change ${v.first.toFixed(0)} ms, script before it ${v.window?.ms.toFixed(0) ?? '?'} ms, main-thread CPU ${v.cpu?.toFixed(0) ?? '-'} ms`,
        );
      };
      const select = async () => {
        await page.evaluate((ids) => window.__bench?.select(ids), picked);
        await page.waitForTimeout(500);
      };
      await select();
      if (STEPS.includes('delete') || STEPS.includes('undo')) {
        const del = await step(cdp, page, () => page.keyboard.press('Delete'));
        if (STEPS.includes('delete')) keep('delete', del);
        const undo = await step(cdp, page, () => page.keyboard.press('Control+z'));
        if (STEPS.includes('undo')) keep('undo', undo);
      }
      if (STEPS.includes('paste')) {
        await select();
        await page.keyboard.press('Control+c');
        await page.waitForTimeout(500);
        keep('paste', await step(cdp, page, () => page.keyboard.press('Control+v')));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `  ${(v / n).toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  sides.forEach((side, i) => {
    for (const [label, runs] of results[i] ?? []) {
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      let n = 0;
      for (const run of runs) {
        if (!run.window) continue;
        n++;
        for (const [k, v] of run.window.self) self.set(k, (self.get(k) ?? 0) + v);
        for (const [k, v] of run.window.total) total.set(k, (total.get(k) ?? 0) + v);
      }
      const firsts = runs.map((r) => r.first.toFixed(0)).join(', ');
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
      const cpu = CPU
        ? `; main-thread CPU to it, median ${median(runs.map((r) => r.cpu ?? NaN)).toFixed(1)} ms of ${runs.map((r) => (r.cpu ?? NaN).toFixed(0)).join(', ')}`
        : '';
      console.log(`\n## ${side.label} ${label} at ${SIZE}: first change ${firsts} ms${cpu}`);
      if (n === 0) continue;
      console.log(`-- self (mean of ${n})\n${top(self, n)}\n-- total\n${top(total, n)}`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
