/**
 * The drag and drop rows of `npm run bench:ui` alone, timed as run.ts times them (a ToR dragged
 * 40 moves at the working zoom once the drawn nodes have been quiet for a second, the drop right
 * after), for builds of the studio and the plain React Flow page side by side, interleaved round
 * by round: `--dist-b` is a second studio build (e.g. the code before a change; several,
 * comma-separated). Prints each side's medians and their ratios to the baseline's and to the
 * first build's, and besides the rows, the share of the drag's frames that missed a vsync
 * (finer steps than the p95's 16.7 ms).
 *
 *   npx tsx bench/ui/drag-drop.ts --size 3000 [--rounds 5] [--no-build] [--dist dir]
 *     [--dist-b other-dist[,another]]
 */
import type { Browser } from '@playwright/test';
import { INSTRUMENTS, LONG_FRAME_MS, lateShare, median, p95 } from './instruments';
import {
  benchDesign,
  dragBenchDevice,
  newBenchPage,
  launchChromium,
  serveBuilds,
  sideOfRound,
  WORK_VIEW,
  flag,
  option,
  type Side,
  gotoBench,
  benchUrl,
} from './page';
import type { Design } from '../../src/model/schema';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 5);

interface Run {
  p95: number;
  /** The share of the drag's frames that missed a vsync (over 20 ms), in %: steadier than p95. */
  late: number;
  long: number;
  max: number;
  drop: number;
  /** The drop's parts (instruments.ts, __dropParts): its handlers' start, the frame's start. */
  dispatched: number;
  frame: number;
}

async function measure(browser: Browser, base: string, side: Side, design: Design): Promise<Run> {
  const { context, page } = await newBenchPage(browser, design, side);
  await page.addInitScript(INSTRUMENTS);
  await gotoBench(page, benchUrl(base, side));
  await page.waitForFunction(
    'window.__open.count > 0 && performance.now() - window.__drawn.lastChange > 1000',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
  await page.evaluate(
    'new Promise((r) => { let n = 10; const t = () => (--n <= 0 ? r() : requestAnimationFrame(t)); requestAnimationFrame(t); })',
  );
  await page.waitForTimeout(300);
  await dragBenchDevice(page, { onPressed: () => page.evaluate('window.__frames.start()') });
  const drag = (await page.evaluate('window.__frames.stop()')) as number[];
  await page.evaluate('window.__dropProbe()');
  await page.mouse.up();
  const drop = (await page.evaluate('window.__dropped')) as number;
  const parts = (await page.evaluate('window.__dropParts')) as {
    dispatched: number;
    frame: number;
  };
  await context.close();
  return {
    p95: p95(drag),
    late: lateShare(drag),
    long: drag.filter((f) => f > LONG_FRAME_MS).length,
    max: Math.max(...drag),
    drop,
    dispatched: parts.dispatched,
    frame: parts.frame,
  };
}

async function main(): Promise<void> {
  const dists = [option('dist') ?? 'dist-bench', ...(option('dist-b')?.split(',') ?? [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !option('dist'));
  const sides: { label: string; base: string; side: Side }[] = [
    ...dists.map((d, i) => ({ label: d, base: bases[i]!, side: 'studio' as Side })),
    { label: 'baseline', base: bases[0]!, side: 'baseline' },
  ];
  const runs = sides.map(() => [] as Run[]);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const run = await measure(browser, sides[which]!.base, sides[which]!.side, design);
      runs[which]!.push(run);
      console.log(
        `round ${r + 1} ${sides[which]!.label}: drag p95 ${run.p95.toFixed(0)}, late ${run.late.toFixed(0)}%, >${LONG_FRAME_MS} ${run.long}, max ${run.max.toFixed(0)} · drop ${run.drop.toFixed(1)} (handlers at ${run.dispatched.toFixed(1)}, frame at ${run.frame.toFixed(1)})`,
      );
    }
  } finally {
    await browser.close();
    await close();
  }
  const med = (i: number, key: keyof Run) => median(runs[i]!.map((x) => x[key]));
  const last = sides.length - 1;
  console.log(`\n${SIZE} elements, median of ${ROUNDS} interleaved rounds`);
  sides.forEach((s, i) => {
    const ratio = (key: keyof Run) =>
      `${(med(i, key) / med(last, key)).toFixed(2)}× baseline, ${(med(i, key) / med(0, key)).toFixed(2)}× first`;
    console.log(
      `  ${s.label}: drag p95 ${med(i, 'p95').toFixed(1)} (${ratio('p95')}), late frames ${med(i, 'late').toFixed(0)}% (${ratio('late')}), >${LONG_FRAME_MS} ms ${runs[i]!.map((x) => x.long).join('/')}, max ${med(i, 'max').toFixed(0)} · drop ${med(i, 'drop').toFixed(1)} (${ratio('drop')}; handlers at ${med(i, 'dispatched').toFixed(1)}, frame at ${med(i, 'frame').toFixed(1)})`,
    );
  });
}

await main();
