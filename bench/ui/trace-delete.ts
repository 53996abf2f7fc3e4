/**
 * The delete of `npm run bench:ui` (30 of DC 1's devices, Delete key), its undo (Ctrl+Z), the
 * paste of the same devices (Ctrl+C, Ctrl+V) and one DCI-distance edit, on the studio, with every change of the canvas' DOM timed from the key: when
 * the first frame changed it, the last change within 500 ms of quiet (what bench:ui reports) and
 * the last one within 3 s (a route answer the bench's quiet window cuts off). `--dist-b`
 * interleaves a second build (the code before a change), so both share the machine's load.
 * With --thread, the undo and the paste are traced: the main thread's CPU time (thread time,
 * which a loaded machine inflates far less than wall time) of their tasks from the key's to the
 * one of their first canvas change, and to the one of their last (500 ms quiet).
 *
 *   npx tsx bench/ui/trace-delete.ts --size 3000 [--rounds 3] [--no-build] [--dist-b dir[,dir…]]
 *                                    [--thread]
 */
import type { CDPSession, Page } from '@playwright/test';
import { tasksFromKeydown, traced, type TraceEvent } from './trace';
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
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 3);
const THREAD = flag('thread');

/** Every canvas change after a trigger, in ms from it (the trigger's own timestamp). */
const RECORDER = `
window.__record = (trigger) => {
  const out = { start: NaN, changes: [] };
  const canvas = document.querySelector('.react-flow') || document.body;
  // One recorder at a time: a step's marks are its own changes.
  window.__observer?.disconnect();
  window.__observer = new MutationObserver(() => {
    out.changes.push(performance.now());
    performance.mark('__change');
  });
  window.__observer.observe(canvas, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  if (trigger === 'now') out.start = performance.now();
  else window.addEventListener(trigger, (e) => { out.start = e.timeStamp; }, { capture: true, once: true });
  window.__recorded = out;
};
`;

interface Step {
  first: number;
  last500: number;
  last3000: number;
  /** Main-thread CPU ms from the key's task to the first change's, and to the last's (--thread). */
  cpuFirst?: number;
  cpuLast500?: number;
}

/** The main thread's CPU ms of its tasks from the keydown's to the one holding change mark `upTo`. */
function threadTime(events: TraceEvent[], marks: TraceEvent[], upTo: number): number {
  const mark = marks[upTo];
  if (!mark) return NaN;
  const tasks = tasksFromKeydown(events, mark);
  if (!tasks) return NaN;
  return tasks.filter((t) => t.ts <= mark.ts).reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0);
}

async function recorded(
  page: Page,
  act: () => Promise<void>,
  trigger: string,
  cdp?: CDPSession,
): Promise<Step> {
  await page.evaluate(`window.__record(${JSON.stringify(trigger)})`);
  const events = cdp
    ? await traced(
        cdp,
        ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
        async () => {
          await act();
          await page.waitForTimeout(3000);
        },
      )
    : (await act(), await page.waitForTimeout(3000), null);
  const { start, changes } = (await page.evaluate('window.__recorded')) as {
    start: number;
    changes: number[];
  };
  const after = changes.map((t) => t - start).filter((t) => t >= 0);
  // The first change ends the key's frame; then each within 500 ms of the one before.
  let last500 = after[0] ?? 0;
  let lastAt = 0;
  for (const [i, t] of after.entries()) {
    if (t - last500 > 500) break;
    last500 = t;
    lastAt = i;
  }
  const step: Step = { first: after[0] ?? NaN, last500, last3000: after[after.length - 1] ?? 0 };
  if (events) {
    const marks = events.filter((e) => e.name === '__change').sort((a, b) => a.ts - b.ts);
    // The marks of changes before the key (none, as the recorder starts) come first.
    const skip = changes.length - after.length;
    step.cpuFirst = threadTime(events, marks, skip);
    step.cpuLast500 = threadTime(events, marks, skip + lastAt);
  }
  return step;
}

async function main(): Promise<void> {
  // --dist-b a,b,c: several other builds, all interleaved with this tree's in one run.
  const dists = ['dist-bench', ...(option('dist-b')?.split(',') ?? [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  const rows = dists.map(() => ({
    edit: [] as Step[],
    del: [] as Step[],
    undo: [] as Step[],
    paste: [] as Step[],
  }));
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const which = sideOfRound(r, dists.length);
      const { context, page } = await newBenchPage(browser, design, 'studio');
      await page.addInitScript(RECORDER);
      await gotoBench(page, `${bases[which]}/`);
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      // The design opened and routed, and its validation rehearsed.
      await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
      const row = rows[which] as (typeof rows)[number];
      row.edit.push(
        await recorded(
          page,
          () => page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77)),
          'now',
        ),
      );
      await page.mouse.click(5, 5);
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(500);
      row.del.push(await recorded(page, () => page.keyboard.press('Delete'), 'keydown'));
      const cdp = THREAD ? await context.newCDPSession(page) : undefined;
      row.undo.push(await recorded(page, () => page.keyboard.press('Control+z'), 'keydown', cdp));
      // As bench:ui: the same devices copied and pasted.
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(300);
      row.paste.push(await recorded(page, () => page.keyboard.press('Control+v'), 'keydown', cdp));
      const last = (s: Step[]) => s[s.length - 1] as Step;
      const f = (s: Step) =>
        `${s.first.toFixed(0)} / ${s.last500.toFixed(0)} / ${s.last3000.toFixed(0)}`;
      const p = last(row.paste);
      const u = last(row.undo);
      const cpu = THREAD
        ? ` · main-thread CPU undo ${u.cpuFirst?.toFixed(1)} / ${u.cpuLast500?.toFixed(1)} ms, paste ${p.cpuFirst?.toFixed(1)} / ${p.cpuLast500?.toFixed(1)} ms`
        : '';
      console.log(
        `round ${r + 1} ${dists[which]}: edit ${f(last(row.edit))} · delete ${f(last(row.del))} · undo ${f(last(row.undo))} · paste ${f(p)}  (first / last in 500 ms quiet / last in 3 s)${cpu}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1] ?? NaN;
  };
  console.log(
    `\n${SIZE} elements, medians (ms from the key): first / last (500 ms quiet) / last (3 s)`,
  );
  dists.forEach((dist, i) => {
    const row = rows[i] as (typeof rows)[number];
    const m = (s: Step[]) =>
      `${median(s.map((x) => x.first)).toFixed(0)} / ${median(s.map((x) => x.last500)).toFixed(0)} / ${median(s.map((x) => x.last3000)).toFixed(0)}`;
    const c = (s: Step[]) =>
      `to first ${median(s.map((x) => x.cpuFirst ?? NaN)).toFixed(1)} ms, to last ${median(s.map((x) => x.cpuLast500 ?? NaN)).toFixed(1)} ms`;
    const cpu = THREAD ? ` · main-thread CPU: undo ${c(row.undo)}; paste ${c(row.paste)}` : '';
    console.log(
      `  ${dist}: edit ${m(row.edit)} · delete ${m(row.del)} · undo ${m(row.undo)} · paste ${m(row.paste)}${cpu}`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
