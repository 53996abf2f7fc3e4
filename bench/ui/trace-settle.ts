/**
 * Where a delete (and a paste) of `npm run bench:ui` spends its time until settled: a Chromium
 * trace from the key to 2 s after, as a timeline of the main thread's and the routing worker's
 * tasks over 2 ms (start from the keydown, wall time and the thread's CPU time: on a loaded
 * machine the two differ by the time the thread waited for a core; what each ran), and the gaps
 * between them.
 *
 *   npx tsx bench/ui/trace-settle.ts --size 3000 [--no-build] [--dist other-dist]
 */
import type { CDPSession, Page } from '@playwright/test';
import {
  benchDesign,
  flag,
  newBenchPage,
  launchChromium,
  option,
  pickedDevices,
  serveBuilds,
  gotoBench,
} from './page';
import { insideTask, traced, type TraceEvent } from './trace';

const SIZE = Number(option('size') ?? 1000);
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
];

function timeline(events: TraceEvent[]): string[] {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name));
  const key = events.find(
    (e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'keydown',
  );
  const t0 = key?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const keyPid = key?.pid;
  const thread = (e: TraceEvent) => names.get(`${e.pid}:${e.tid}`) ?? '?';
  const wanted = (e: TraceEvent) =>
    e.pid === keyPid && /CrRendererMain|DedicatedWorker/.test(thread(e));
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' && e.name === 'RunTask' && wanted(e) && (e.dur ?? 0) > 2000 && e.ts >= t0 - 5000,
  );
  const out: string[] = [];
  for (const task of tasks.sort((a, b) => a.ts - b.ts)) {
    const inside = insideTask(task);
    const inner = events.filter((e) => inside(e) && (e.dur ?? 0) > 1000);
    const what = inner
      .filter(
        (e) =>
          e.name !== 'v8.run' &&
          e.name !== 'v8.callFunction' &&
          e.name !== 'ThreadControllerImpl::RunTask',
      )
      .slice(0, 8)
      .map((e) => {
        const d = e.args?.data as
          { type?: string; functionName?: string; url?: string; lineNumber?: number } | undefined;
        const at = d?.url ? `@${d.url.split('/').pop()}:${d.lineNumber ?? ''}` : '';
        const tag = d?.type ?? (d?.functionName || at ? `${d?.functionName ?? ''}${at}` : '');
        return `${e.name}${tag ? `(${tag})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
      })
      .join(', ');
    out.push(
      `${((task.ts - t0) / 1000).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}) ${thread(task).replace('DedicatedWorker thread', 'WORKER').padEnd(14)} ${what}`,
    );
  }
  return out;
}

async function step(page: Page, cdp: CDPSession, label: string, key: string) {
  const events = await traced(cdp, CATEGORIES, async () => {
    await page.keyboard.press(key);
    await page.waitForTimeout(2000);
  });
  console.log(`\n${label} at ${SIZE}:`);
  for (const line of timeline(events)) console.log(line);
}

async function main(): Promise<void> {
  const dist = option('dist') ?? 'dist-bench';
  const { bases, close } = await serveBuilds([dist], !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  try {
    const { context, page } = await newBenchPage(browser, design, 'studio');
    await gotoBench(page, `${bases[0]}/`);
    await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
    await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
    const cdp = await context.newCDPSession(page);
    await page.mouse.click(5, 5);
    await page.evaluate((ids) => window.__bench?.select(ids), picked);
    await page.waitForTimeout(500);
    await step(page, cdp, 'delete', 'Delete');
    await step(page, cdp, 'undo', 'Control+z');
    await page.evaluate((ids) => window.__bench?.select(ids), picked);
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+c');
    await page.waitForTimeout(300);
    await step(page, cdp, 'paste', 'Control+v');
    await context.close();
  } finally {
    await browser.close();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
