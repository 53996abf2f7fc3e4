/**
 * What one frame of the canvas costs to paint, at the view of `npm run bench:ui`'s pan and drag:
 * Chromium's rasterize-and-record micro-benchmark (the one its own performance tests use) records
 * the page's paint again and rasterizes every layer `--repeat` times, and reports the fastest, so
 * a loaded machine moves it far less than frame times. A pan of the canvas repaints and
 * rasterizes its whole area on every frame (the viewport is not a layer of its own), so these
 * figures are its per-frame paint, layerize and raster costs.
 *
 * Builds alternate round by round (`--dist-b`: the code before a change), `--baseline` adds the
 * plain React Flow page, `--css "a||b"` tries style sheets on the first build's page, each
 * alone after the page as built (to try a cause before changing the code).
 *
 *   npx tsx bench/ui/paint-cost.ts --size 3000 [--rounds 3] [--zoom 0.75] [--repeat 20]
 *     [--no-build] [--dist dir] [--dist-b dir] [--baseline] [--css "extra css"]
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../chromium.config';
import {
  benchDesign,
  openBenchPage,
  routesDrawn,
  serveBuilds,
  sideOfRound,
  flag,
  option,
} from './page';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 3);
const ZOOMS = (option('zoom') ?? '0.75').split(',').map(Number);
const REPEAT = Number(option('repeat') ?? 100);
/** Style sheets to try on the first build, each alone, separated by `||`. */
const CSS = (option('css') ?? '').split('||').filter(Boolean);
const DIST = option('dist');
const SETTLE_MS = Number(option('settle') ?? 8000);

/** What the micro-benchmark reports (the fields read here). */
interface RasterizeAndRecord {
  rasterize_time_ms: number;
  record_time_ms: number;
  record_time_caching_disabled_ms: number;
  paint_artifact_compositor_update_time_ms: number;
  paint_op_count: number;
  pixels_rasterized: number;
  total_layers: number;
  /** Not the benchmark's: the renderer's CPU time over the benchmark, per raster. */
  cpu_per_raster_ms?: number;
}

const FIELDS: [string, (r: RasterizeAndRecord) => number, number][] = [
  ['raster cpu ms', (r) => r.cpu_per_raster_ms ?? NaN, 2],
  ['raster ms', (r) => r.rasterize_time_ms, 2],
  ['record ms', (r) => r.record_time_ms, 2],
  ['record (no cache) ms', (r) => r.record_time_caching_disabled_ms, 2],
  ['layerize ms', (r) => r.paint_artifact_compositor_update_time_ms, 2],
  ['paint ops', (r) => r.paint_op_count, 0],
  ['Mpx rastered', (r) => r.pixels_rasterized / 1e6, 2],
  ['layers', (r) => r.total_layers, 0],
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const dists = [DIST ?? 'dist-bench', ...(option('dist-b') ? [option('dist-b')!] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build') && !DIST);
  const sides = [
    ...dists.map((d, i) => ({
      label: d,
      base: bases[i]!,
      studio: true,
      variants: i === 0 ? ['', ...CSS] : [''],
    })),
    ...(flag('baseline')
      ? [{ label: 'baseline', base: bases[0]!, studio: false, variants: [''] }]
      : []),
  ];
  const results = new Map<string, RasterizeAndRecord[]>();
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: [...CHROMIUM_LAUNCH_OPTIONS.args, '--enable-gpu-benchmarking'],
  });
  const design = benchDesign(SIZE);
  const system = await browser.newBrowserCDPSession();
  /** CPU time of the renderer processes (thread time: a loaded machine barely moves it). */
  const rendererCpuMs = async () => {
    const { processInfo } = (await system.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return (
      processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0) * 1000
    );
  };
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const side = sides[which]!;
      const { context, page } = await openBenchPage(browser, design, side.base, side.studio);
      // Until the router has routed the design as opened (its worker would take a core).
      await page.waitForTimeout(SETTLE_MS);
      await routesDrawn(page);
      for (const [variant, css] of side.variants.entries())
        for (const zoom of ZOOMS) {
          const sheet = css ? await page.addStyleTag({ content: css }) : null;
          await page.evaluate((zoom) => window.__bench?.setViewport({ x: 40, y: 40, zoom }), zoom);
          await page.waitForTimeout(1000);
          const before = await rendererCpuMs();
          const figures = (await page.evaluate(
            (repeat) =>
              new Promise<unknown>((resolve, reject) => {
                const bench = (
                  window as unknown as {
                    chrome?: {
                      gpuBenchmarking?: {
                        runMicroBenchmark: (
                          name: string,
                          done: (r: unknown) => void,
                          options: object,
                        ) => number;
                      };
                    };
                  }
                ).chrome?.gpuBenchmarking;
                if (!bench) return reject(new Error('no chrome.gpuBenchmarking'));
                const id = bench.runMicroBenchmark('rasterize_and_record_benchmark', resolve, {
                  rasterize_repeat_count: repeat,
                });
                if (!id) reject(new Error('the micro-benchmark did not start'));
              }),
            REPEAT,
          )) as RasterizeAndRecord;
          figures.cpu_per_raster_ms = ((await rendererCpuMs()) - before) / REPEAT;
          await sheet?.evaluate((node) => (node as Element).remove());
          const key = `${side.label}${variant > 0 ? ` + css ${variant}` : ''} @${zoom}`;
          results.set(key, [...(results.get(key) ?? []), figures]);
          console.log(
            `round ${r + 1} ${key}: ${FIELDS.map(([f, get, digits]) => `${f} ${get(figures).toFixed(digits)}`).join(' · ')}`,
          );
        }
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  console.log(
    `\n${SIZE} elements, a frame of the canvas at the working view, median of ${ROUNDS} rounds (fastest of ${REPEAT} rasters each)\n`,
  );
  CSS.forEach((css, i) => console.log(`css ${i + 1}: ${css}`));
  console.log(`| side | ${FIELDS.map(([f]) => f).join(' | ')} |`);
  console.log(`|---|${FIELDS.map(() => '---').join('|')}|`);
  for (const [key, runs] of results)
    console.log(
      `| ${key} | ${FIELDS.map(([, f, digits]) => median(runs.map(f)).toFixed(digits)).join(' | ')} |`,
    );
}

await main();
