import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Drawing', () => {
  test('links are drawn along routed, orthogonal paths with rounded corners', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    const paths = page.locator('.react-flow__edge-path');
    // The router answers from its worker: paths turn from straight lines to routes.
    await expect
      .poll(
        async () =>
          (await paths.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))).filter(
            (d) => d.includes('Q'),
          ).length,
      )
      .toBeGreaterThan(10);
  });

  test('when the link router cannot load, the canvas says so and Retry routes the links', async ({
    page,
    context,
  }) => {
    const studio = new StudioPage(page);
    // The router's WebAssembly cannot be fetched (a proxy, an outage): its worker fails.
    const blockWasm = (route: import('@playwright/test').Route) => route.abort();
    await context.route('**/*.wasm', blockWasm);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    const notice = page.getByTestId('routing-notice');
    await expect(notice).toContainText('Links are drawn as straight lines');
    await expect(notice).toContainText('The design and its checks are not affected');
    const routed = async () =>
      (
        await page
          .locator('.react-flow__edge-path')
          .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))
      ).filter((d) => d.includes('Q')).length;
    expect(await routed()).toBe(0);
    // The design is all there: every link is drawn, straight.
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(10);
    // The network is back: Retry starts the router again, the links are routed, the notice goes.
    await context.unroute('**/*.wasm', blockWasm);
    await notice.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(routed).toBeGreaterThan(10);
    await expect(notice).toHaveCount(0);
  });

  test('a link dropped on a device’s body connects to it', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const edges = page.locator('.react-flow__edge');
    const before = await edges.count();
    await studio.connectByBody('ams-spine-1', 'ams-fw');
    await expect(edges).toHaveCount(before + 1);
  });

  test('a link starts from a cluster’s bottom handle, over its workload chips', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.select('esx-prod-a');
    // esx-prod-a's chips ("web-01..04", "app-01", "+1") run under its bottom handle.
    const handle = studio.node('esx-prod-a').locator('.react-flow__handle[data-handleid="bottom"]');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no bottom handle');
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-handleid') ?? null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe('bottom');
    const edges = page.locator('.react-flow__edge');
    const before = await edges.count();
    await studio.connectByBody('esx-prod-a', 'ams-fw', 'bottom');
    await expect(edges).toHaveCount(before + 1);
  });

  test("a device dropped over its site's border lands wholly inside the site", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const site = await studio.idOfLabel('DC1 Amsterdam');
    // The drag is in screen pixels: measured once the load's fit has stopped changing the view.
    await studio.steadyView();
    const fw = await studio.box('ams-fw');
    // Its centre stays inside the site, its card would hang over the right border.
    const room = (await studio.box(site)).x + (await studio.box(site)).width - (fw.x + fw.width);
    // Where it lands and where undo puts it back, in the design's own units.
    const start = await studio.designBox('ams-fw');
    await studio.dragNodeBy('ams-fw', room + fw.width / 3, 0);
    await expect
      .poll(async () => {
        const [s, d] = [await studio.designBox(site), await studio.designBox('ams-fw')];
        return d.x + d.width < s.x + s.width && d.x > start.x;
      })
      .toBe(true);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => {
        const { x, y } = await studio.designBox('ams-fw');
        return { x, y };
      })
      .toEqual({ x: start.x, y: start.y });
  });

  test('a drop is one undo step, undone even before the frame after it', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    // Where the device is in the design, in the design's own units: the view's fit after the
    // load, still animating now, and the inspector opening beside the canvas do not change it.
    const start = await studio.designBox('ams-fw');
    const at = async () => {
      const now = await studio.designBox('ams-fw');
      return { dx: now.x - start.x, dy: now.y - start.y };
    };
    // The drop is made the design's just after its frame: a key that comes sooner finds it made.
    // Leftwards: the firewall sits at its site's right border, which a drop does not cross.
    await studio.dragNodeBy('ams-fw', -48, 0);
    await page.keyboard.press('Control+z');
    await expect.poll(at).toEqual({ dx: 0, dy: 0 });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await at()).dx).toBeLessThan(-15);
    const dropped = await at();
    await page.keyboard.press('Control+z');
    await expect.poll(at).toEqual({ dx: 0, dy: 0 });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(at).toEqual(dropped);
  });
});
