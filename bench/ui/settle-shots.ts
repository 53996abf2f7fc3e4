/**
 * Screenshots of bench:ui's delete and paste of 30 devices at one size, once settled, and a
 * check of the links drawn then: no link's path (past its first and last 12 px) runs through a
 * device. Not part of the bench; for looking at the result.
 *
 *   npx tsx bench/ui/settle-shots.ts --size 1000 --out /work/shots/x [--no-build] [--dist d]
 */
import type { Page } from '@playwright/test';
import {
  benchDesign,
  flag,
  launchChromium,
  newBenchPage,
  option,
  pickedDevices,
  routesDrawn,
  serveBuilds,
  gotoBench,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const OUT = option('out') ?? '/tmp';

/** Links whose path runs through a device, as "edge id → device id". */
async function throughDevices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const devices = [...document.querySelectorAll('.react-flow__node-device')].map((n) => ({
      id: n.getAttribute('data-id') ?? '?',
      r: n.getBoundingClientRect(),
    }));
    const out: string[] = [];
    for (const edge of document.querySelectorAll('.react-flow__edge')) {
      const path = edge.querySelector('path.react-flow__edge-path, path') as SVGPathElement | null;
      const m = path?.getScreenCTM();
      if (!path || !m) continue;
      const length = path.getTotalLength();
      for (let at = 12; at < length - 12; at += 3) {
        const p = path.getPointAtLength(at);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        const hit = devices.find(
          (d) => x > d.r.left + 3 && x < d.r.right - 3 && y > d.r.top + 3 && y < d.r.bottom - 3,
        );
        if (hit) {
          out.push(`${edge.getAttribute('data-id') ?? '?'} → ${hit.id}`);
          break;
        }
      }
    }
    return out;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await routesDrawn(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  const bad = await throughDevices(page);
  const edges = await page.locator('.react-flow__edge').count();
  console.log(
    `${name}: ${edges} links drawn, ${bad.length} through a device ${bad.slice(0, 5).join(', ')}`,
  );
}

async function main(): Promise<void> {
  const { bases, close } = await serveBuilds([option('dist') ?? 'dist-bench'], !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  try {
    const { context, page } = await newBenchPage(browser, design, 'studio');
    await gotoBench(page, `${bases[0]}/`);
    await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
    await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
    await page.mouse.click(5, 5);
    await page.evaluate((ids) => window.__bench?.select(ids), picked);
    await shot(page, `before-${SIZE}`);
    await page.keyboard.press('Delete');
    await shot(page, `delete-${SIZE}`);
    await page.keyboard.press('Control+z');
    await shot(page, `undo-${SIZE}`);
    await page.evaluate((ids) => window.__bench?.select(ids), picked);
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+c');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+v');
    await shot(page, `paste-${SIZE}`);
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
