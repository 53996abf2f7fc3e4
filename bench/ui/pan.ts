/**
 * The pan of `npm run bench:ui` alone, several times per page, without a trace: its frame p95
 * (quantised to frame-clock steps), mean frame interval, share of frames that missed a 60 Hz
 * frame (lateShare) and frames over 50 ms, per side, over interleaved rounds. The page is opened and
 * dragged and dropped as bench:ui does (its pan comes 500 ms after the drop, the pointer resting
 * where the drop left it), then panned `--pans` times, 300 ms apart, each from the working view.
 * Builds alternate round by round (`--dist-b`: the code before a change), `--baseline` adds the
 * plain React Flow page. A tool to see a change to the pan on a shared machine; the row is
 * bench:ui's.
 *
 *   npx tsx bench/ui/pan.ts --size 1000 [--rounds 4] [--pans 5] [--no-build] [--dist dir]
 *     [--dist-b other-dist] [--baseline] [--after-drop 500]
 */
import { INSTRUMENTS, LATE_FRAME_MS, LONG_FRAME_MS, lateShare, median, p95 } from './instruments';
import {
  benchDesign,
  dragBenchDevice,
  flag,
  launchChromium,
  newBenchPage,
  option,
  serveBuilds,
  sideOfRound,
  WORK_VIEW,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 4);
const PANS = Number(option('pans') ?? 5);
const DIST = option('dist');
/** How long after the drop the first pan starts (bench:ui's: 500 ms). */
const AFTER_DROP = Number(option('after-drop') ?? 500);

interface Figures {
  p95: number;
  mean: number;
  /** The share of frames that missed a vsync, in % (lateShare). */
  late: number;
  long: number;
  max: number;
}

function figures(frames: number[]): Figures {
  return {
    p95: p95(frames),
    mean: frames.reduce((s, f) => s + f, 0) / frames.length,
    late: lateShare(frames),
    long: frames.filter((f) => f > LONG_FRAME_MS).length,
    max: Math.max(...frames),
  };
}

async function main(): Promise<void> {
  const dists = [DIST ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !DIST);
  const sides = [
    ...dists.map((d, i) => ({ label: d, base: bases[i]!, studio: true })),
    ...(flag('baseline') ? [{ label: 'baseline', base: bases[0]!, studio: false }] : []),
  ];
  const results = sides.map(() => [] as Figures[]);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  try {
    // The studio's canvas size: the baseline gets the same, so both show the same part.
    const probe = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await probe.goto(`${bases[0]!}/`);
    const rect = await probe.getByTestId('canvas').boundingBox();
    await probe.close();
    const canvas = `w=${Math.round(rect?.width ?? 1000)}&h=${Math.round(rect?.height ?? 800)}`;
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const side = sides[which]!;
      const { context, page } = await newBenchPage(
        browser,
        design,
        side.studio ? 'studio' : 'baseline',
      );
      await page.addInitScript(INSTRUMENTS);
      await page.goto(
        side.studio ? `${side.base}/` : `${side.base}/bench/ui/baseline.html?${canvas}`,
      );
      await page.waitForFunction(() => window.__bench !== undefined);
      await page.waitForFunction(
        'window.__open.count > 0 && performance.now() - window.__drawn.lastChange > 1000',
        undefined,
        { timeout: 60_000, polling: 100 },
      );
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.evaluate('window.__nextFrames(10)');
      await page.waitForTimeout(300);
      await dragBenchDevice(page);
      await page.mouse.up();
      await page.waitForTimeout(AFTER_DROP);
      const line: string[] = [];
      for (let k = 0; k < PANS; k++) {
        const frames = (await page.evaluate(
          `window.__pan(${JSON.stringify(WORK_VIEW)}, 60, 12)`,
        )) as number[];
        const f = figures(frames);
        results[which]!.push(f);
        line.push(`${f.p95.toFixed(0)}/${f.mean.toFixed(1)}`);
        await page.waitForTimeout(300);
      }
      console.log(`round ${r + 1} ${side.label}: p95/mean ${line.join(' ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log(
    `\n${SIZE} elements, ${ROUNDS} rounds × ${PANS} pans of 60 frames; medians over pans (max: the longest)`,
  );
  console.log(
    `| side | p95 ms | mean ms | frames > ${LATE_FRAME_MS} ms | pans with a frame > ${LONG_FRAME_MS} ms | max ms |`,
  );
  sides.forEach((side, i) => {
    const runs = results[i]!;
    const m = (f: (x: Figures) => number) => median(runs.map(f));
    console.log(
      `| ${side.label} | ${m((x) => x.p95).toFixed(0)} | ${m((x) => x.mean).toFixed(1)} | ${(
        runs.reduce((s, x) => s + x.late, 0) / runs.length
      ).toFixed(0)} % | ${runs.filter((x) => x.long > 0).length} of ${runs.length} | ${Math.max(
        ...runs.map((x) => x.max),
      ).toFixed(0)} |`,
    );
  });
}

await main();
