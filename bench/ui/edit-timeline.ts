/**
 * `npx tsx bench/ui/edit-timeline.ts`: where bench:ui's DCI-distance edit spends its time, in
 * thread CPU (less swayed by a loaded machine than wall time): a Chromium trace of each edit (as
 * trace-edit.ts makes it, the edited link's label in view), with every main-thread task from the
 * edit to the last change of the canvas's DOM, its wall and CPU time, and whether a frame came
 * between. Two builds alternate with `--dist-b`. Prints per build the medians of the CPU of
 * those tasks (whole tasks: work after the last change in its task counts too), of the frames
 * in between, and of the wall time. The detailed timeline categories add CPU of their own, most
 * where the DOM changes most: compare builds of one page, not the studio with the baseline.
 *
 *   npx tsx bench/ui/edit-timeline.ts [--size 1000] [--rounds 3] [--edits 2] [--no-build]
 *                                     [--dist-b dir] [--tasks] [--baseline]
 *
 * --tasks prints each edit's tasks (ms after the edit: wall / CPU, frames marked, and the one
 * that changed the canvas). --baseline times the plain React Flow page's edit instead (the same
 * call, bench/ui/baseline.tsx).
 */
import {
  benchDesign,
  EDITED_LINK,
  flag,
  launchChromium,
  newBenchPage,
  option,
  routesDrawn,
  serveBuilds,
  sideOfRound,
  viewOnEditedLink,
  gotoBench,
  benchUrl,
} from './page';
import { traced, type TraceEvent } from './trace';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 3);
const EDITS = Number(option('edits') ?? 2);
const DIST_B = option('dist-b');
const TASKS = flag('tasks');
const SIDE = flag('baseline') ? 'baseline' : 'studio';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
];

/** The edit, marked in the trace (`edit-start`, `edit-change` at each canvas change). */
const EDIT = (km: number) => `new Promise((resolve) => {
  const canvas = document.querySelector('.react-flow') || document.body;
  const start = performance.now();
  let last = NaN;
  const observer = new MutationObserver(() => {
    last = performance.now();
    performance.mark('edit-change');
  });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  performance.mark('edit-start');
  window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${km});
  const check = () => {
    const now = performance.now();
    if (now - Math.max(Number.isNaN(last) ? 0 : last, start) > 500) {
      observer.disconnect();
      resolve(Number.isNaN(last) ? NaN : last - start);
    } else setTimeout(check, 25);
  };
  setTimeout(check, 25);
})`;

interface Timed {
  wall: number;
  cpu: number;
  frames: number;
  tasks: string;
}

function timeline(events: TraceEvent[]): Timed | null {
  const mainThread = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  const marks = events.filter((e) => e.name === 'edit-start' || e.name === 'edit-change');
  const start = marks.find((e) => e.name === 'edit-start');
  const changes = marks.filter((e) => e.name === 'edit-change');
  const lastChange = changes.at(-1);
  if (!mainThread || !start || !lastChange) return null;
  const mine = events.filter(
    (e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X',
  );
  // The tasks that end after the edit starts and start before its last change (the edit's own
  // task holds the start mark; the observer's callback runs inside the task that changed).
  const tasks = mine
    .filter((e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= start.ts && e.ts <= lastChange.ts)
    .sort((a, b) => a.ts - b.ts);
  const within = (t: TraceEvent, name: string) =>
    mine.some((e) => e.name === name && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0));
  let cpu = 0;
  let frames = 0;
  const lines: string[] = [];
  for (const t of tasks) {
    const tdur = (t.tdur ?? 0) / 1000;
    cpu += tdur;
    // A task that painted (its frame's PrePaint or Paint) or ran animation-frame callbacks.
    const frame = ['PrePaint', 'Paint', 'FireAnimationFrame'].some((name) => within(t, name));
    if (frame) frames++;
    const changed = changes.some((c) => c.ts >= t.ts && c.ts <= t.ts + (t.dur ?? 0));
    lines.push(
      `${((t.ts - start.ts) / 1000).toFixed(1)}: ${((t.dur ?? 0) / 1000).toFixed(1)}/${tdur.toFixed(1)}${frame ? ' frame' : ''}${changed ? ' CHANGED' : ''}`,
    );
  }
  return { wall: (lastChange.ts - start.ts) / 1000, cpu, frames, tasks: lines.join(' · ') };
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const dists = ['dist-bench', ...(DIST_B ? [DIST_B] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const results: { first: Timed[]; later: Timed[] }[] = dists.map(() => ({
    first: [],
    later: [],
  }));
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const b = sideOfRound(r, dists.length);
      const { context, page } = await newBenchPage(browser, design, SIDE);
      await gotoBench(page, benchUrl(bases[b] ?? '', SIDE));
      await page.waitForTimeout(2000);
      await routesDrawn(page);
      const rect = await page.locator('.react-flow').first().boundingBox();
      const canvas = { w: Math.round(rect?.width ?? 1000), h: Math.round(rect?.height ?? 800) };
      await page.evaluate(
        (vp) => window.__bench?.setViewport(vp),
        viewOnEditedLink(design, canvas),
      );
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      const line: string[] = [];
      for (let e = 0; e < EDITS; e++) {
        const events = await traced(cdp, CATEGORIES, async () => {
          await page.evaluate(EDIT(77 + e));
        });
        const t = timeline(events);
        if (t) {
          (e === 0 ? results[b]?.first : results[b]?.later)?.push(t);
          line.push(`${t.wall.toFixed(1)} wall / ${t.cpu.toFixed(1)} cpu, ${t.frames} frames`);
          if (TASKS) console.log(`  edit ${e}: ${t.tasks}`);
        } else line.push('no change');
        await page.waitForTimeout(300);
      }
      console.log(`${dists[b]}: ${line.join(' | ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log(
    `\nedit → last canvas change at ${SIZE}, medians over ${ROUNDS} rounds (first edit · later edits): main-thread CPU, wall, frames between`,
  );
  dists.forEach((d, i) => {
    const { first = [], later = [] } = results[i] ?? {};
    const f = (xs: Timed[], k: 'cpu' | 'wall' | 'frames') => median(xs.map((x) => x[k])).toFixed(1);
    console.log(
      `  ${d}: cpu ${f(first, 'cpu')} · ${f(later, 'cpu')} ms; wall ${f(first, 'wall')} · ${f(later, 'wall')} ms; frames ${f(first, 'frames')} · ${f(later, 'frames')}`,
    );
  });
}

await main();
