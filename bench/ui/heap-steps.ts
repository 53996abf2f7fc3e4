/**
 * The "JS heap after GC" row of `npm run bench:ui` alone, step by step: the JS heap in use after
 * two forced garbage collections once the design is open, then after each of the steps run.ts
 * takes before it reads its figure (a ToR dragged and dropped, a pan, one DCI-distance edit, its
 * undo, select-all; the last is the row's figure). For builds of the studio and the plain React
 * Flow page side by side, interleaved round by round: `--dist-b` is a second studio build (e.g.
 * the code before a change). Prints each side's medians, and the last step's ratios to the
 * baseline's and to the first build's.
 *
 *   npx tsx bench/ui/heap-steps.ts --size 3000 [--rounds 3] [--no-build] [--dist dir]
 *     [--dist-b other-dist]
 */
import type { Browser, Page } from '@playwright/test';
import { INSTRUMENTS, median } from './instruments';
import {
  benchDesign,
  dragBenchDevice,
  newBenchPage,
  launchChromium,
  serveBuilds,
  sideOfRound,
  viewOnEditedLink,
  WORK_VIEW,
  flag,
  option,
  type Side,
  timedBenchEdit,
  gotoBench,
  benchUrl,
} from './page';
import type { Design } from '../../src/model/schema';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 3);
const CANVAS = { w: 844, h: 852 };
const STEPS = ['open', 'drag+drop', 'pan', 'edit', 'undo', 'select all'] as const;

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

const frames = (page: Page, n: number) =>
  page.evaluate(
    `new Promise((r) => { let n = ${n}; const t = () => (--n <= 0 ? r() : requestAnimationFrame(t)); requestAnimationFrame(t); })`,
  );

async function measure(
  browser: Browser,
  base: string,
  side: Side,
  design: Design,
): Promise<number[]> {
  const { context, page } = await newBenchPage(browser, design, side);
  await page.addInitScript(INSTRUMENTS);
  await gotoBench(page, benchUrl(base, side, CANVAS));
  await page.waitForFunction(
    'window.__open.count > 0 && performance.now() - window.__drawn.lastChange > 1000',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  const heap: number[] = [await heapMB(page)];
  // The steps of run.ts's measure(), in its order, each followed by the heap after GC.
  await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
  await frames(page, 10);
  await page.waitForTimeout(300);
  await dragBenchDevice(page, { onPressed: () => page.evaluate('window.__frames.start()') });
  await page.evaluate('window.__frames.stop()');
  await page.evaluate('window.__dropProbe()');
  await page.mouse.up();
  await page.evaluate('window.__dropped');
  await page.waitForTimeout(500);
  heap.push(await heapMB(page));
  await page.evaluate(`window.__pan(${JSON.stringify(WORK_VIEW)}, 60, 12)`);
  await page.waitForTimeout(300);
  heap.push(await heapMB(page));
  await page.evaluate((vp) => window.__bench?.setViewport(vp), viewOnEditedLink(design, CANVAS));
  await frames(page, 10);
  await page.waitForTimeout(300);
  await timedBenchEdit(page);
  heap.push(await heapMB(page));
  await page.mouse.click(5, 5);
  const keyed = async (keys: string) => {
    await page.evaluate(`window.__watch('keydown', 500)`);
    await page.keyboard.press(keys);
    await page.evaluate('window.__watching');
  };
  await keyed('Control+z');
  heap.push(await heapMB(page));
  await keyed('Control+a');
  heap.push(await heapMB(page));
  await context.close();
  return heap;
}

async function main(): Promise<void> {
  const dists = [option('dist') ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !option('dist'));
  const sides: { label: string; base: string; side: Side }[] = [
    ...dists.map((d, i) => ({ label: d, base: bases[i]!, side: 'studio' as Side })),
    { label: 'baseline', base: bases[0]!, side: 'baseline' },
  ];
  const runs = sides.map(() => [] as number[][]);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const heap = await measure(browser, sides[which]!.base, sides[which]!.side, design);
      runs[which]!.push(heap);
      console.log(
        `round ${r + 1} ${sides[which]!.label}: ${heap.map((h) => h.toFixed(2)).join(' · ')} MB`,
      );
    }
  } finally {
    await browser.close();
    await close();
  }
  const med = (i: number, step: number) => median(runs[i]!.map((h) => h[step] ?? NaN));
  const last = sides.length - 1;
  const final = STEPS.length - 1;
  console.log(`\n${SIZE} elements, JS heap after GC (MB), median of ${ROUNDS} interleaved rounds`);
  console.log(`  ${'step'.padEnd(12)} ${sides.map((s) => s.label.padStart(12)).join(' ')}`);
  STEPS.forEach((step, k) => {
    console.log(
      `  ${step.padEnd(12)} ${sides.map((_, i) => med(i, k).toFixed(2).padStart(12)).join(' ')}`,
    );
  });
  sides.forEach((s, i) => {
    if (i === last) return;
    console.log(
      `  ${s.label}: ${(med(i, final) / med(last, final)).toFixed(2)}× baseline, ${(med(i, final) / med(0, final)).toFixed(2)}× first`,
    );
  });
}

await main();
