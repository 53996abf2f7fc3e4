/**
 * `npx tsx bench/ui/trace-edit.ts`: the DCI-distance edit of `npm run bench:ui` (its label in
 * view, edit → last change of the canvas's DOM), several times per page, with two builds
 * alternated in one run (`--dist-b`), so a change can be judged on a loaded machine. Prints per
 * build the first edit after opening (as bench:ui times it) and the edits after it, medians.
 *
 *   npx tsx bench/ui/trace-edit.ts [--size 3000] [--rounds 4] [--edits 6] [--no-build]
 *                                  [--dist-b dir] [--select s0-t1] [--cpu dir] [--cpu-first]
 *                                  [--mutations] [--thread]
 *
 * --cpu saves a CPU profile of the edits after the first, per page, in that folder (from the
 * first with --cpu-first). --mutations prints how long the edit's own call took (the store update,
 * its validation and listeners, before the render its microtasks run), then when each edit changed
 * the canvas, and what.
 * --thread traces each edit and prints, beside its wall time, the main thread's CPU time (thread
 * time, which a loaded machine inflates far less than wall time) of its tasks from the edit's to
 * the one of its last canvas change.
 */
import { writeFileSync } from 'node:fs';
import { traced, type TraceEvent } from './trace';
import {
  benchDesign,
  EDITED_LINK,
  flag,
  launchChromium,
  newBenchPage,
  option,
  serveBuilds,
  sideOfRound,
  openOnEditedLink,
} from './page';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 4);
const EDITS = Number(option('edits') ?? 6);
const DIST_B = option('dist-b');
/** Select these nodes first (comma-separated ids), as bench:ui's drag leaves its ToR selected. */
const SELECT = option('select');
/** Save a CPU profile of each build's later edits (all rounds of it) in this folder. */
const CPU = option('cpu');
/** With --cpu: profile from the first edit (as bench:ui times it), not from the second. */
const CPU_FIRST = flag('cpu-first');
/** Print, for each edit, when the canvas changed (ms after the edit) and what it touched. */
const MUTATIONS = flag('mutations');
/** Trace each edit: the main thread's CPU time from the edit's task to its last change's. */
const THREAD = flag('thread');

/** Edit now → the last change of the canvas's DOM once quiet for 500 ms (bench:ui's __watch). */
const EDIT = (km: number) => `new Promise((resolve) => {
  const canvas = document.querySelector('.react-flow') || document.body;
  const start = performance.now();
  let last = NaN;
  const seen = [];
  const what = (r) => {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const owner = el && el.closest('[data-testid],[data-id]');
    const name = owner ? owner.getAttribute('data-testid') || owner.getAttribute('data-id') : '?';
    return r.type + (r.attributeName ? ':' + r.attributeName : '') + '@' + name;
  };
  const observer = new MutationObserver((records) => {
    last = performance.now();
    performance.mark('__change');
    if (${MUTATIONS}) {
      const kinds = [...new Set(records.map(what))].slice(0, 4).join(', ');
      seen.push((last - start).toFixed(1) + ' ms: ' + records.length + ' (' + kinds + ')');
    }
  });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  performance.mark('__edit');
  window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${km});
  const task = performance.now() - start;
  const check = () => {
    const now = performance.now();
    if (now - Math.max(Number.isNaN(last) ? 0 : last, start) > 500) {
      observer.disconnect();
      if (seen.length > 0) console.log('edit: task ' + task.toFixed(1) + ' ms · ' + seen.join(' · '));
      resolve(Number.isNaN(last) ? NaN : last - start);
    } else setTimeout(check, 25);
  };
  setTimeout(check, 25);
})`;

/**
 * The main thread's CPU ms of its tasks from the one holding the edit's mark to the one holding
 * its last change's (NaN without either).
 */
function threadTime(events: TraceEvent[]): number {
  const at = (name: string) => events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  const edit = at('__edit')[0];
  const last = at('__change').at(-1);
  if (!edit || !last) return NaN;
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === edit.pid && e.tid === edit.tid,
  );
  const from = tasks.find((t) => t.ts <= edit.ts && edit.ts <= t.ts + (t.dur ?? 0))?.ts ?? edit.ts;
  return tasks
    .filter((t) => t.ts >= from && t.ts <= last.ts)
    .reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0);
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
  const first: number[][] = dists.map(() => []);
  const later: number[][] = dists.map(() => []);
  const cpuFirst: number[][] = dists.map(() => []);
  const cpuLater: number[][] = dists.map(() => []);
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const b = sideOfRound(r, dists.length);
      const { context, page } = await newBenchPage(browser, design, 'studio');
      if (MUTATIONS)
        page.on('console', (m) => {
          if (m.text().startsWith('edit: ')) console.log(`  ${m.text()}`);
        });
      await openOnEditedLink(page, `${bases[b]}/`, design);
      if (SELECT) await page.evaluate((ids) => window.__bench?.select(ids), SELECT.split(','));
      await page.waitForTimeout(1000);
      const times: number[] = [];
      const cdp = CPU ? await context.newCDPSession(page) : null;
      const tracing = THREAD ? await context.newCDPSession(page) : null;
      const cpu: number[] = [];
      for (let e = 0; e < EDITS; e++) {
        if (cdp && e === (CPU_FIRST ? 0 : 1)) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        const edit = async () => {
          times.push((await page.evaluate(EDIT(77 + e))) as number);
        };
        if (tracing) {
          const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
          cpu.push(threadTime(await traced(tracing, [...cats, 'blink.user_timing'], edit)));
        } else await edit();
        await page.waitForTimeout(300);
      }
      if (cdp && CPU) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(`${CPU}/edits-${b}-${r}.cpuprofile`, JSON.stringify(profile));
      }
      first[b]?.push(times[0] ?? NaN);
      later[b]?.push(...times.slice(1));
      cpuFirst[b]?.push(cpu[0] ?? NaN);
      cpuLater[b]?.push(...cpu.slice(1));
      const thread = THREAD ? ` · thread ${cpu.map((t) => t.toFixed(1)).join(' ')} ms` : '';
      console.log(`${dists[b]}: ${times.map((t) => t.toFixed(0)).join(' ')} ms${thread}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log(`\nedit → last canvas change at ${SIZE}, medians (first edit · later edits):`);
  dists.forEach((d, i) =>
    console.log(
      `  ${d}: ${median(first[i] ?? []).toFixed(1)} · ${median(later[i] ?? []).toFixed(1)} ms` +
        (THREAD
          ? `; main-thread CPU ${median(cpuFirst[i] ?? []).toFixed(1)} · ${median(cpuLater[i] ?? []).toFixed(1)} ms`
          : ''),
    ),
  );
}

await main();
