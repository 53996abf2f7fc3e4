/**
 * `npm run bench:ui:profile`: where the studio spends a reopen (reload), a drag, a drop, a pan,
 * one edit, an undo, a select-all, a delete (and its undo) and a paste at one design size.
 * Builds the bench page unminified, runs each operation under Chromium's CPU profiler (through
 * Playwright's CDP session) and prints the functions with the most self time, and the longest
 * main-thread tasks. A tool to find causes; the figures are in `npm run bench:ui`.
 *
 *   npm run bench:ui:profile -- --size 1000 [--top 25] [--no-build] [--baseline] [--save dir]
 *   npm run bench:ui:profile -- --size 3000 --heap [--baseline]
 *
 * --save writes each profile as a .cpuprofile (Chromium DevTools opens them), and with --heap
 * the snapshot as a .heapsnapshot.
 * --heap runs the same steps unprofiled and then, after two forced garbage collections (as
 * `npm run bench:ui` measures its heap), takes a heap snapshot and prints what retains the
 * memory: per constructor or closure, the largest holders with their chains, large strings.
 */
import type { CDPSession, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { analyze, parseSnapshot, printReport } from './heap';
import {
  benchDesign,
  dragBenchDevice,
  newBenchPage,
  launchChromium,
  pickedDevices,
  flag,
  option,
  gotoBench,
  benchUrl,
  serveBuilds,
} from './page';
import { addProfile, newProfileTotals, type Profile } from './trace';

const SIZE = Number(option('size') ?? 1000);
const TOP = Number(option('top') ?? 25);
/** Profile the plain React Flow page instead, to see what both sides share. */
const BASELINE = flag('baseline');
const HEAP = flag('heap');

function summarize(label: string, profile: Profile): void {
  const totals = newProfileTotals();
  addProfile(totals, profile, ['(idle)', '(program)']);
  const { self, total } = totals;
  const busy = totals.busy[0] ?? 0;
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`\n## ${label}: ${busy.toFixed(0)} ms of script\n-- self\n${top(self)}`);
  console.log(`-- total (inclusive)\n${top(total)}`);
}

async function profiled(
  cdp: CDPSession,
  page: Page,
  label: string,
  run: () => Promise<void>,
): Promise<void> {
  if (HEAP) {
    await run();
    await page.waitForTimeout(1500);
    return;
  }
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(`(() => {
    window.__tasks = [];
    window.__po = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(Math.round(e.duration)); });
    window.__po.observe({ type: 'longtask' });
  })()`);
  await run();
  await page.waitForTimeout(1500);
  // A reload took the observer with its page: the new page's long tasks are in its buffer.
  const tasks = (await page.evaluate(`window.__po ? (window.__po.disconnect(), window.__tasks) :
    new Promise((resolve) => {
      const po = new PerformanceObserver((l) => {
        po.disconnect();
        resolve(l.getEntries().map((e) => Math.round(e.duration)));
      });
      po.observe({ type: 'longtask', buffered: true });
      setTimeout(() => { po.disconnect(); resolve([]); }, 500);
    })`)) as number[];
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const dir = savedIn();
  if (dir) writeFileSync(`${dir}/${label.split(' ')[0]}.cpuprofile`, JSON.stringify(profile));
  console.log(`\n# ${label}: long tasks ${JSON.stringify(tasks)}`);
  summarize(label, profile);
}

/** The folder `--save` names, made if it is not there yet (undefined without `--save`). */
function savedIn(): string | undefined {
  const dir = option('save');
  if (dir) mkdirSync(dir, { recursive: true });
  return dir;
}

async function heapSnapshot(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const json = chunks.join('');
  const dir = savedIn();
  if (dir) writeFileSync(`${dir}/${BASELINE ? 'baseline' : 'studio'}.heapsnapshot`, json);
  const side = BASELINE ? 'baseline' : 'studio';
  printReport(
    `${side} at ${SIZE} after GC, heap used ${(usedSize / 1e6).toFixed(1)} MB`,
    analyze(parseSnapshot(json), TOP),
  );
}

async function main(): Promise<void> {
  if (!flag('no-build')) process.env['BENCH_UNMINIFIED'] = '1';
  const {
    bases: [base = ''],
    close,
  } = await serveBuilds(['dist-bench'], !flag('no-build'));
  const browser = await launchChromium();
  try {
    const design = benchDesign(SIZE);
    const { context, page } = await newBenchPage(browser, design, BASELINE ? 'baseline' : 'studio');
    await gotoBench(page, benchUrl(base, BASELINE ? 'baseline' : 'studio'));
    await page.waitForTimeout(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    // Reopen: the page again, as a returning user's (the profiler runs on across the reload),
    // until every node is drawn and measured, and a second more for its links.
    await profiled(cdp, page, 'open (reload)', async () => {
      await page.reload();
      await page.waitForFunction(() => {
        const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
        return nodes.length > 0 && nodes.every((n) => n.style.visibility !== 'hidden');
      });
    });
    await page.waitForFunction(() => window.__bench !== undefined);
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
    await page.waitForTimeout(1000);

    await profiled(cdp, page, 'drag (40 moves)', () => dragBenchDevice(page, { perFrame: false }));
    await profiled(cdp, page, 'drop', () => page.mouse.up());
    await profiled(cdp, page, 'pan (60 frames)', async () => {
      await page.evaluate(`new Promise((resolve) => {
        let i = 0;
        const step = () => {
          window.__bench.setViewport({ x: 40 - i * 12, y: 40, zoom: 0.75 });
          if (++i <= 60) requestAnimationFrame(step); else resolve();
        };
        requestAnimationFrame(step);
      })`);
    });
    await profiled(cdp, page, 'edit', () =>
      page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77)),
    );
    await page.mouse.click(5, 5);
    await page.waitForTimeout(1000);
    await profiled(cdp, page, 'undo', () => page.keyboard.press('Control+z'));
    await profiled(cdp, page, 'select all', () => page.keyboard.press('Control+a'));
    // The heap is that of the design as opened and edited above, as bench:ui measures it.
    if (HEAP) await heapSnapshot(cdp);
    else {
      // Delete 30 devices of DC 1's racks and undo it; copy and paste them (as bench:ui does).
      const select = async () => {
        await page.evaluate((ids) => window.__bench?.select(ids), pickedDevices(design));
        await page.waitForTimeout(500);
      };
      await select();
      await profiled(cdp, page, 'delete', () => page.keyboard.press('Delete'));
      await profiled(cdp, page, 'undo-delete', () => page.keyboard.press('Control+z'));
      await select();
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(500);
      await profiled(cdp, page, 'paste', () => page.keyboard.press('Control+v'));
    }
    await context.close();
  } finally {
    await browser.close();
    await close();
  }
}

await main();
