/**
 * What the UI benches (run.ts, profile.ts, trace-drop.ts, trace-open.ts) share: the browser
 * they launch, the design they open, the builds they serve, and how a page is handed its
 * design. The studio finds it where an older studio autosaved it (and moves it into IndexedDB,
 * as a returning user's would be); the plain React Flow page reads it from a global.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../chromium.config';
import { DEVICE_SIZE } from '../../src/model/defaults';
import type { Design } from '../../src/model/schema';
import { absolutePosition } from '../../src/model/placement';
import { syntheticDesign } from '../../src/model/synthetic';
import { LEGACY_AUTOSAVE_KEY } from '../../src/store/legacy';

const args = process.argv.slice(2);
/** The value given on the command line after `--name`, if any. */
export function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}
/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}

/**
 * Keep a CPU profile a bench took as `<name>.cpuprofile` in the folder given with
 * `--save-profiles <dir>` (for DevTools, or for questions the bench's summary does not answer:
 * who calls a function, where its self time falls); nothing without it.
 */
export function saveProfile(profile: unknown, name: string): void {
  const dir = option('save-profiles');
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name.replace(/[^\w.-]+/g, '_')}.cpuprofile`), JSON.stringify(profile));
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

/** The benches' design of about `elements` elements: two sites up to 300, four beyond. */
export function benchDesign(elements: number): Design {
  return syntheticDesign({ sites: elements <= 300 ? 2 : 4, elements });
}

/**
 * Serve bench builds of the page side by side (to alternate them): `dists` are their output
 * folders; with `buildFirst`, the first is built from the working tree before.
 */
export async function serveBuilds(
  dists: readonly string[],
  buildFirst: boolean,
): Promise<{ bases: string[]; close: () => Promise<void> }> {
  if (buildFirst) await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
  const servers = await Promise.all(
    dists.map((outDir) =>
      preview({
        configFile: 'vite.bench.config.ts',
        build: { outDir },
        preview: { host: '127.0.0.1', port: 0, strictPort: false },
        logLevel: 'warn',
      }),
    ),
  );
  const bases = servers.map((s) => {
    const base = s.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!base) throw new Error('a preview server did not start');
    return base;
  });
  const close = async () => {
    for (const server of servers)
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
  return { bases, close };
}

/**
 * The one build a profiling tool reads: --dist's, or else this tree built unminified into
 * dist-bench (the profiles name functions), unless --no-build.
 */
export async function serveForNames(): Promise<{ base: string; close: () => Promise<void> }> {
  const dist = option('dist');
  const build = !dist && !flag('no-build');
  if (build) process.env['BENCH_UNMINIFIED'] = '1';
  const {
    bases: [base = ''],
    close,
  } = await serveBuilds([dist ?? 'dist-bench'], build);
  return { base, close };
}

export type Side = 'studio' | 'baseline';

/** The plain React Flow page's canvas, as large as the studio's at the benches' window size. */
const BASELINE_CANVAS = { w: 844, h: 852 };

/** Where `side` is served from `base`: the studio, or the plain React Flow page at `canvas` px. */
export function benchUrl(base: string, side: Side, canvas = BASELINE_CANVAS): string {
  return side === 'studio'
    ? `${base}/`
    : `${base}/bench/ui/baseline.html?w=${canvas.w}&h=${canvas.h}`;
}

/** Open `url` in `page` and wait until its bench API is up (`window.__bench`). */
export async function gotoBench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench !== undefined);
}

/**
 * Hand `design` to the page before its scripts run. The studio is handed it once per tab: on a
 * reload it opens what it stored itself.
 */
export async function handDesign(page: Page, design: Design, side: Side): Promise<void> {
  await page.addInitScript(
    ({ key, saved, deviceSize, side }) => {
      if (side === 'studio') {
        if (sessionStorage.getItem('bench:seeded') === null) {
          sessionStorage.setItem('bench:seeded', '1');
          localStorage.setItem(key, saved);
        }
      } else
        (window as unknown as { __benchDesign: unknown }).__benchDesign = {
          design: JSON.parse(saved) as unknown,
          deviceSize,
        };
    },
    { key: LEGACY_AUTOSAVE_KEY, saved: JSON.stringify(design), deviceSize: DEVICE_SIZE, side },
  );
}

/**
 * The devices the delete and paste steps of the benches select: the first 30 of DC 1's racks
 * (ToRs with their clusters), of a synthetic design.
 */
export function pickedDevices(design: Design, count = 30): string[] {
  return design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
    .slice(0, count)
    .map((n) => n.id);
}

/** The side round `r` of an interleaved run of `sides` builds opens: each in turn, the order turning every lap. */
export const sideOfRound = (r: number, sides: number): number =>
  (r + Math.floor(r / sides)) % sides;

/**
 * A fresh context at the benches' window size, and a page in it with `design` handed over to
 * `side`, not yet opened (a bench adds its own init scripts first). The studio's content security
 * policy refuses string evaluation, which the benches' instruments and waits use; the baseline
 * page has none, so both run without it.
 */
export async function newBenchPage(
  browser: Browser,
  design: Design,
  side: Side,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await handDesign(page, design, side);
  return { context, page };
}

/**
 * A fresh context at the paint tracers' window size with `design` handed over, and the studio at
 * `base` (or the plain React Flow page) opened on it, once its bench API is up.
 */
export async function openBenchPage(
  browser: Browser,
  design: Design,
  base: string,
  studio: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newBenchPage(browser, design, studio ? 'studio' : 'baseline');
  await gotoBench(page, benchUrl(base, studio ? 'studio' : 'baseline'));
  return { context, page };
}

/** The device the benches drag: a ToR of DC 1, on screen at the working view. */
export const DRAGGED = 's0-t1';

/**
 * The benches' drag: press on the dragged ToR's centre, call `onPressed`, then move it 40 steps of
 * (6, 3) px, waiting a frame after each (or, with `perFrame: false`, as fast as the moves go).
 * The pointer stays down: each bench times the drop its own way.
 */
export async function dragBenchDevice(
  page: Page,
  { onPressed, perFrame = true }: { onPressed?: () => Promise<unknown>; perFrame?: boolean } = {},
): Promise<void> {
  const box = await page.locator(`.react-flow__node[data-id="${DRAGGED}"]`).boundingBox();
  if (!box) throw new Error(`${DRAGGED} is not on screen`);
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await onPressed?.();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(x0 + i * 6, y0 + i * 3);
    if (perFrame) await page.evaluate('new Promise((r) => requestAnimationFrame(() => r()))');
  }
}

/**
 * Until the studio's link router has drawn the routes of the design as opened (the baseline has
 * none): routes that land during a measured step redraw the links in it, and a loaded machine
 * can take longer than any fixed wait.
 */
export async function routesDrawn(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => !(window.__bench?.routing?.() ?? false), undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}

/** The working view for drag and pan: the top-left of DC 1, where its racks are. */
export const WORK_VIEW = { x: 40, y: 40, zoom: 0.75 };
/** The DCI link whose distance the edit benches change. */
export const EDITED_LINK = 'dci-s0-s1-0';

/**
 * The benches' DCI-distance edit, timed as bench:ui's row: from the edit to the last canvas
 * change with 500 ms of quiet after it (instruments.ts, `__watch`), in ms. `shownMs` then reads
 * the time to the frame that showed that change.
 */
export async function timedBenchEdit(page: Page, km = 77): Promise<number> {
  return (await page.evaluate(`(() => {
    window.__watch('now', 500);
    window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${km});
    return window.__watching;
  })()`)) as number;
}

/**
 * Open the studio at `url` on `design`, wait for its routes, and view the link the edit benches
 * edit (viewOnEditedLink), as bench:ui's edit does.
 */
export async function openOnEditedLink(page: Page, url: string, design: Design): Promise<void> {
  await gotoBench(page, url);
  await page.waitForTimeout(2000);
  await routesDrawn(page);
  const rect = await page.getByTestId('canvas').boundingBox();
  const canvas = { w: Math.round(rect?.width ?? 1000), h: Math.round(rect?.height ?? 800) };
  await page.evaluate((vp) => window.__bench?.setViewport(vp), viewOnEditedLink(design, canvas));
}

/**
 * The working zoom, centred between the edited link's ends, where its label is: the edit and its
 * undo are timed where the user sees them (the studio draws only the labels near the view).
 */
export function viewOnEditedLink(design: Design, canvas: { w: number; h: number }) {
  const link = design.links.find((l) => l.id === EDITED_LINK);
  if (!link) throw new Error(`${EDITED_LINK} is not in the bench design`);
  const centre = (id: string) => {
    const node = design.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`${id}, an end of ${EDITED_LINK}, is not in the bench design`);
    const p = absolutePosition(design, node);
    return { x: p.x + DEVICE_SIZE.width / 2, y: p.y + DEVICE_SIZE.height / 2 };
  };
  const a = centre(link.source);
  const b = centre(link.target);
  const zoom = WORK_VIEW.zoom;
  return {
    x: canvas.w / 2 - ((a.x + b.x) / 2) * zoom,
    y: canvas.h / 2 - ((a.y + b.y) / 2) * zoom,
    zoom,
  };
}

/** The canvas's viewport now, as React Flow's viewport element is transformed (both sides). */
export async function currentViewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const m = new DOMMatrixReadOnly(
      getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform,
    );
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** After a `__watch` has settled (timedBenchEdit, a keyed step): ms to the frame that showed it. */
export async function shownMs(page: Page): Promise<number> {
  return (await page.evaluate('window.__watchShown')) as number;
}
