/**
 * Where the studio's main thread spends a delete, its undo and a paste of `npm run bench:ui`, task by
 * task, from the key to the last change of the canvas: a Chromium trace (each task's wall and
 * thread CPU time, and which tasks changed the canvas' DOM: a `canvas` mark per mutation
 * batch) with a CPU profile taken at the same time, whose samples are put in the task they fall
 * in: per task, the functions with the most time (inclusive, app and React code; self for the
 * rest). Build unminified (BENCH_UNMINIFIED=1) for names.
 *
 *   npx tsx bench/ui/settle-timeline.ts --size 3000 [--no-build] [--dist dir] [--top 8]
 *     [--rounds 1] [--dist-b dir] [--summary] [--no-profile] [--fns a,b] [--under fn] [--baseline]
 *     [--save-profiles dir]
 *
 * --dist-b interleaves a second build (the code before a change), round by round; --summary
 * prints per round only the last change, the main thread's CPU from the key to it and the
 * worker's; --no-profile takes the trace alone. --fns prints, per task, the inclusive time of
 * the functions named (and their medians over the rounds, in CPU ms: see Summary.fns); --under,
 * the callees of one function; --baseline times the plain React Flow page instead;
 * --save-profiles <dir> keeps each step's CPU profile there.
 */
import type { CDPSession, Page } from '@playwright/test';
import { insideTask, traced, type TraceEvent, type Profile, type ProfileNode } from './trace';
import {
  benchDesign,
  benchUrl,
  flag,
  newBenchPage,
  launchChromium,
  option,
  pickedDevices,
  saveProfile,
  serveBuilds,
  sideOfRound,
  gotoBench,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const TOP = Number(option('top') ?? 8);
/** Functions whose inclusive time is printed for each task (comma-separated names). */
const FNS = (option('fns') ?? '').split(',').filter(Boolean);
/** A function whose callees' inclusive times are printed for each task (--under name). */
const UNDER = option('under');
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

const MARKER = `
window.__markCanvas = () => {
  const canvas = document.querySelector('.react-flow');
  if (!canvas || window.__marking) return;
  window.__marking = new MutationObserver((records) => {
    let n = 0;
    for (const r of records) n++;
    performance.mark('canvas ' + n);
  });
  window.__marking.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
};
`;

interface Summary {
  last: number;
  mainCpu: number;
  workerCpu: number;
  /** The worker's first task after the key (its job to the first drawing it posts). */
  workerFirst: number;
  /** When that task began, ms after the key (wall). */
  workerStart: number;
  /**
   * With --fns: each named function's share of the profile samples of the first task that
   * changed the canvas, times that task's thread CPU (ms): samples fall on wall time, so a
   * loaded machine spreads them evenly over what the task ran, and its CPU scales them.
   */
  fns: Map<string, number>;
}

function timeline(
  events: TraceEvent[],
  profile: Profile | null,
): { lines: string[]; summary: Summary } {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name));
  const key = events.find(
    (e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'keydown',
  );
  const t0 = key?.ts ?? 0;
  const thread = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) ?? '?';
  const main = (e: TraceEvent) => e.pid === key?.pid && thread(e) === 'CrRendererMain';
  const worker = (e: TraceEvent) =>
    e.pid === key?.pid && /DedicatedWorker/.test(thread(e)) && e.name === 'RunTask';
  const marks = events.filter((e) => e.name.startsWith('canvas ') && e.ts >= t0);
  const lastMark = Math.max(...marks.map((m) => m.ts), t0);
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'RunTask' &&
        (main(e) || worker(e)) &&
        (e.dur ?? 0) > 500 &&
        e.ts >= t0 - 5000 &&
        e.ts <= lastMark + 50_000,
    )
    .sort((a, b) => a.ts - b.ts);

  // Profile samples with their times (µs, the trace's clock).
  const byId = new Map((profile?.nodes ?? []).map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile?.nodes ?? []) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples: { t: number; node: number }[] = [];
  let t = profile?.startTime ?? 0;
  for (let i = 0; i < (profile?.samples.length ?? 0); i++) {
    t += profile?.timeDeltas[i] ?? 0;
    samples.push({ t, node: profile?.samples[i] ?? -1 });
  }
  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = (f.url.split('/').pop() ?? '').replace(/-[\w-]{8}\.js$/, '');
    return `${f.functionName || '(anon)'}${file ? `@${file}:${f.lineNumber + 1}` : ''}`;
  };

  const out: string[] = [];
  let mainCpu = 0;
  let mainWall = 0;
  let workerCpu = 0;
  let workerFirst = NaN;
  let workerStart = NaN;
  const fns = new Map<string, number>();
  let firstChange = true;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const changed = marks.filter(
      (m) => m.pid === task.pid && m.tid === task.tid && m.ts >= task.ts && m.ts <= end,
    );
    const isMain = main(task);
    if (isMain && task.ts + (task.dur ?? 0) >= t0 && task.ts <= lastMark) {
      mainCpu += (task.tdur ?? 0) / 1000;
      mainWall += (task.dur ?? 0) / 1000;
    }
    if (!isMain && task.ts + (task.dur ?? 0) >= t0 && task.ts <= lastMark) {
      workerCpu += (task.tdur ?? 0) / 1000;
      if (Number.isNaN(workerFirst)) {
        workerFirst = (task.tdur ?? 0) / 1000;
        workerStart = (task.ts - t0) / 1000;
      }
    }
    const inside = insideTask(task);
    const inner = events.filter(
      (e) =>
        inside(e) &&
        (e.dur ?? 0) > 300 &&
        /^(Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|Commit|MinorGC|MajorGC|ParseHTML|HitTest)$/.test(
          e.name,
        ),
    );
    const blink = new Map<string, number>();
    for (const e of inner) blink.set(e.name, (blink.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const head = `${((task.ts - t0) / 1000).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1).padStart(5)}) ${isMain ? 'MAIN  ' : 'WORKER'}${changed.length ? ` CANVAS×${changed.length}` : ''}`;
    out.push(`${head}  ${[...blink].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    if (!isMain) continue;
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const under = new Map<string, number>();
    let sampled = 0;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] as { t: number; node: number };
      if (s.t < task.ts || s.t > end) continue;
      const dt = ((samples[i + 1]?.t ?? s.t) - s.t) / 1000;
      const node = byId.get(s.node);
      if (!node) continue;
      const fn = node.callFrame.functionName;
      if (fn === '(idle)' || fn === '(program)') continue;
      sampled += dt;
      self.set(label(node), (self.get(label(node)) ?? 0) + dt);
      const seen = new Set<string>();
      const below: string[] = [label(node)];
      let inUnder = false;
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id);
        if (!n) break;
        const k = label(n);
        if (UNDER && !inUnder) {
          if (n.callFrame.functionName === UNDER) inUnder = true;
          else if (n.callFrame.url && !below.includes(k)) below.push(k);
        }
        if (seen.has(k) || !n.callFrame.url) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
      if (inUnder) for (const k of below) under.set(k, (under.get(k) ?? 0) + dt);
    }
    if (sampled < 0.5) continue;
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${v.toFixed(1)} ${k}`)
        .join(' · ');
    out.push(`          script ${sampled.toFixed(1)} ms · self: ${top(self, TOP)}`);
    out.push(`          incl: ${top(total, TOP + 6)}`);
    if (UNDER) out.push(`          under ${UNDER}: ${top(under, TOP + 6)}`);
    if (FNS.length > 0) {
      const named = new Map<string, number>();
      for (const [k, v] of total) {
        const fn = k.split('@')[0] ?? k;
        if (FNS.includes(fn)) named.set(fn, (named.get(fn) ?? 0) + v);
      }
      if (changed.length > 0 && firstChange) {
        firstChange = false;
        const scale = (task.tdur ?? 0) / 1000 / sampled;
        fns.set('(task cpu)', (task.tdur ?? 0) / 1000);
        for (const f of FNS) fns.set(f, (named.get(f) ?? 0) * scale);
      }
      out.push(
        `          fns: ${FNS.map((f) => `${f} ${(named.get(f) ?? 0).toFixed(1)}`).join(' · ')}`,
      );
    }
  }
  out.push(
    `  last canvas change at ${((lastMark - t0) / 1000).toFixed(1)} ms; main thread from the key to it: ${mainWall.toFixed(1)} ms of tasks, ${mainCpu.toFixed(1)} ms CPU; worker tasks begun by then ${workerCpu.toFixed(1)} ms CPU`,
  );
  return {
    lines: out,
    summary: { last: (lastMark - t0) / 1000, mainCpu, workerCpu, workerFirst, workerStart, fns },
  };
}

const PROFILE = !flag('no-profile');
const QUIET = flag('summary');

async function step(page: Page, cdp: CDPSession, label: string, keys: string): Promise<Summary> {
  if (PROFILE) {
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const events = await traced(cdp, CATEGORIES, async () => {
    await page.keyboard.press(keys);
    await page.waitForTimeout(3000);
  });
  const profile = PROFILE
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile
    : null;
  if (profile) saveProfile(profile, `${label}-${Date.now()}`);
  const { lines, summary } = timeline(events, profile);
  if (!QUIET) {
    console.log(`\n${label} at ${SIZE}:`);
    for (const line of lines) console.log(line);
  }
  return summary;
}

async function main(): Promise<void> {
  const dists = [
    option('dist') ?? 'dist-bench',
    ...(option('dist-b') ? [option('dist-b') as string] : []),
  ];
  const rounds = Number(option('rounds') ?? 1);
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  const results = dists.map(() => ({
    del: [] as Summary[],
    undo: [] as Summary[],
    paste: [] as Summary[],
  }));
  try {
    for (let r = 0; r < rounds * dists.length; r++) {
      const which = sideOfRound(r, dists.length);
      const side = flag('baseline') ? 'baseline' : 'studio';
      const { context, page } = await newBenchPage(browser, design, side);
      await page.addInitScript(MARKER);
      await gotoBench(page, benchUrl(bases[which] ?? '', side));
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
      await page.evaluate('window.__markCanvas()');
      const cdp = await context.newCDPSession(page);
      if (PROFILE) await cdp.send('Profiler.enable');
      await page.mouse.click(5, 5);
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(500);
      const res = results[which] as (typeof results)[number];
      res.del.push(await step(page, cdp, `delete (${dists[which]})`, 'Delete'));
      await page.waitForTimeout(500);
      res.undo.push(await step(page, cdp, `undo (${dists[which]})`, 'Control+z'));
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(300);
      res.paste.push(await step(page, cdp, `paste (${dists[which]})`, 'Control+v'));
      const f = (x: Summary | undefined) =>
        x
          ? `${x.last.toFixed(0)} ms, main ${x.mainCpu.toFixed(1)} cpu, worker ${x.workerCpu.toFixed(1)} cpu (first task ${x.workerFirst.toFixed(1)}, begun at ${x.workerStart.toFixed(0)} ms)`
          : '';
      console.log(
        `round ${r + 1} ${dists[which]}: delete ${f(res.del.at(-1))} · undo ${f(res.undo.at(-1))} · paste ${f(res.paste.at(-1))}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  console.log(
    `\n${SIZE} elements, ${rounds} rounds each, medians: last canvas change (wall) · main-thread CPU key→last · worker CPU`,
  );
  dists.forEach((dist, i) => {
    const res = results[i] as (typeof results)[number];
    const m = (xs: Summary[]) =>
      `${median(xs.map((x) => x.last)).toFixed(0)} ms · main ${median(xs.map((x) => x.mainCpu)).toFixed(1)} · worker ${median(xs.map((x) => x.workerCpu)).toFixed(1)} (first task ${median(xs.map((x) => x.workerFirst)).toFixed(1)}, begun at ${median(xs.map((x) => x.workerStart)).toFixed(0)} ms)`;
    console.log(`  ${dist}: delete ${m(res.del)} | undo ${m(res.undo)} | paste ${m(res.paste)}`);
    if (FNS.length > 0)
      for (const [step, xs] of Object.entries(res))
        console.log(
          `    ${step}, first change's task, CPU ms (median): ${['(task cpu)', ...FNS].map((f) => `${f} ${median(xs.map((x) => x.fns.get(f) ?? 0)).toFixed(1)}`).join(' · ')}`,
        );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
