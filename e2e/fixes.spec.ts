import { expect, test, type Locator } from '@playwright/test';
import { StudioPage } from './pages/studio';

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const apart = (a: Box, b: Box) =>
  a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;

test.describe('The right panel follows the selection', () => {
  test('selecting on the canvas shows the inspector; clearing goes back to the findings', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    await studio.openFindings();

    await studio.select(await studio.idOfLabel('dal-spine-1'));
    await expect(studio.sidebarTab).toHaveAttribute('data-testid', 'tab.inspect');
    await expect(studio.page.getByTestId('inspector.title')).toHaveText('dal-spine-1');

    await studio.clickEmptyCanvas();
    await expect(studio.selectedNodes).toHaveCount(0);
    await expect(studio.sidebarTab).toHaveAttribute('data-testid', 'tab.findings');
  });

  test('the panel stays where the user is typing', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    await studio.openFindings();
    await page.getByTestId('findings.filter').fill('LAT');
    await studio.node(await studio.idOfLabel('dal-spine-1')).click({ position: { x: 20, y: 14 } });
    await expect(studio.selectedNodes).toHaveCount(1);
    await expect(studio.sidebarTab).toHaveAttribute('data-testid', 'tab.findings');
    await expect(page.getByTestId('findings.filter')).toHaveValue('LAT');
  });
});

test.describe('Adding devices', () => {
  test('a click adds a device named after its site, inside it and clear of the others', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    const canvasBox = await box(studio.canvas);
    await studio.dragFromPalette('site', { x: 60, y: 60 });
    const dc1 = await studio.idOfKind('site', 0);
    await expect(studio.node(dc1)).toContainText('DC1');
    for (let i = 0; i < 8; i++) await studio.paletteItem('spine').click();
    await expect(studio.devices).toHaveCount(8);
    const labels = await studio.deviceLabels();
    expect(labels).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `dc1-spine-${n}`));
    // The eighth no longer fitted: the site grew to hold it.
    const site = await box(studio.node(dc1));
    const boxes = await Promise.all((await studio.devices.all()).map((d) => box(d)));
    for (const [i, b] of boxes.entries()) {
      expect(within(b, site), `device ${i + 1} inside its site`).toBe(true);
      for (const other of boxes.slice(i + 1)) expect(apart(b, other)).toBe(true);
    }

    await studio.dragFromPalette('site', { x: canvasBox.width - 300, y: canvasBox.height - 200 });
    await expect(studio.nodesOfKind('site')).toHaveCount(2);
    const dc2 = await studio.idOfKind('site', 1);
    await expect(studio.node(dc2)).toContainText('DC2');
    await studio.select(dc2);
    await studio.paletteItem('tor').click();
    await expect(studio.node(dc2)).toContainText(/(^|\D)1 device(?!s)/);
    expect(await studio.deviceLabels()).toContain('dc2-leaf-1');
  });
});

test.describe('Copy and paste', () => {
  test('paste keeps the view, names the copies afresh and selects them', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const spine = await studio.idOfLabel('ams-spine-1');
    await studio.select(spine);
    await studio.pressShortcut('Control+c');
    // Let the load's fit animation end before measuring the view.
    await studio.steadyView();
    const view = await studio.viewportTransform();
    const devices = await studio.devices.count();

    await studio.pressShortcut('Control+v');
    await expect(studio.devices).toHaveCount(devices + 1);
    await studio.pressShortcut('Control+v');
    await expect(studio.devices).toHaveCount(devices + 2);
    await page.waitForTimeout(400);
    expect(await studio.viewportTransform()).toBe(view);

    const labels = await studio.deviceLabels();
    expect(labels).toContain('ams-spine-3');
    expect(labels).toContain('ams-spine-4');
    expect(new Set(labels).size).toBe(labels.length);
    await expect(studio.selectedNodes).toHaveCount(1);
    await expect(studio.page.getByTestId('inspector.title')).toHaveText('ams-spine-4');
  });
});

test.describe('Pasting a rack', () => {
  test('pasted devices keep their arrangement, inside their site and clear of every device; one undo', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('l3-fabric-rack-to-rack');
    const site = studio.node(await studio.idOfLabel('DC1 Frankfurt'));
    const siteBefore = await box(site);
    const devices = await studio.devices.count();
    // Two racks: two leaves side by side, the first one's cluster below it.
    const rack = [
      await studio.idOfLabel('fra-leaf-101'),
      await studio.idOfLabel('fra-leaf-102'),
      await studio.idOfLabel('esx-rack-a'),
    ];
    await studio.selectMany(rack);
    // The shape in card widths, the same at any zoom.
    const shape = (boxes: Box[]) => {
      const [first] = boxes;
      if (!first) throw new Error('no boxes');
      return boxes.map((b) => ({
        x: Math.round(((b.x - first.x) / first.width) * 20) / 20,
        y: Math.round(((b.y - first.y) / first.width) * 20) / 20,
      }));
    };
    const original = shape(await Promise.all(rack.map((id) => box(studio.node(id)))));
    await studio.pressShortcut('Control+c');
    await studio.pressShortcut('Control+v');
    await expect(studio.devices).toHaveCount(devices + 3);
    await expect(studio.selectedNodes).toHaveCount(3);
    // The site was full: it grew to hold the copies (and the view may follow them).
    await expect
      .poll(async () => {
        const before = JSON.stringify(await box(site));
        await page.waitForTimeout(300);
        return before === JSON.stringify(await box(site));
      })
      .toBe(true);
    const pasted = await Promise.all(
      (await studio.selectedNodes.locator('[data-testid^="node."]').all()).map((n) => box(n)),
    );
    expect(shape(pasted)).toEqual(original);
    const siteAfter = await box(site);
    const all = await Promise.all((await studio.devices.all()).map((d) => box(d)));
    for (const p of pasted) {
      expect(within(p, siteAfter)).toBe(true);
      for (const other of all)
        if (JSON.stringify(other) !== JSON.stringify(p)) expect(apart(p, other)).toBe(true);
    }

    await studio.pressShortcut('Control+z');
    await expect(studio.devices).toHaveCount(devices);
    await expect
      .poll(async () => (await box(site)).height / (await box(site)).width)
      .toBeCloseTo(siteBefore.height / siteBefore.width, 2);
  });
});

test.describe('Pasting a site', () => {
  test('a pasted site lands in the view, on no other site; zoomed in, the view follows it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const sites = await studio.nodesOfKind('site').count();
    await studio.select(await studio.idOfLabel('DC1 Amsterdam'));
    await studio.pressShortcut('Control+c');
    await studio.pressShortcut('Control+v');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites + 1);
    await expectPastedSiteInView(studio);

    // Zoomed in on DC1 the view has no free room: the copy goes beside it and the view follows.
    await studio.zoomReadout.click();
    await expect(studio.zoomReadout).toHaveText('100 %');
    await studio.pressShortcut('Control+v');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites + 2);
    await expectPastedSiteInView(studio);
  });
});

/** The selected (just pasted) site is wholly inside the canvas and clear of every other site. */
async function expectPastedSiteInView(studio: StudioPage): Promise<void> {
  const canvas = await studio.page.getByTestId('canvas').boundingBox();
  const pasted = studio.page.locator('.react-flow__node-site.selected');
  await expect(pasted).toHaveCount(1);
  await expect
    .poll(async () => {
      const box = await pasted.boundingBox();
      return (
        !!box &&
        !!canvas &&
        box.x >= canvas.x &&
        box.y >= canvas.y &&
        box.x + box.width <= canvas.x + canvas.width &&
        box.y + box.height <= canvas.y + canvas.height
      );
    })
    .toBe(true);
  const box = (await pasted.boundingBox())!;
  const others = await studio.page
    .locator('.react-flow__node-site:not(.selected)')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const o of others)
    expect(
      box.x >= o.x + o.width ||
        box.x + box.width <= o.x ||
        box.y >= o.y + o.height ||
        box.y + box.height <= o.y,
    ).toBe(true);
}

test.describe('Deleting', () => {
  test('deleting a site with its devices says so, and its Undo brings them back', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const devices = await studio.devices.count();
    const site = await studio.idOfLabel('DC1 Amsterdam');
    await studio.select(site);
    await studio.pressShortcut('Delete');
    await expect(studio.toast('info')).toContainText(
      /^Deleted DC1 Amsterdam and 9 devices, \d+ links/,
    );
    await expect(studio.devices).toHaveCount(devices - 9);
    await studio.toastAction.click();
    await expect(studio.devices).toHaveCount(devices);
    await expect(studio.node(site)).toBeVisible();
    await expect(studio.toastAction).toHaveCount(0);
  });

  test('deleting several elements from the inspector offers Undo too', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const devices = await studio.devices.count();
    await studio.select(await studio.idOfLabel('ams-spine-1'));
    await studio.node(await studio.idOfLabel('ams-spine-2')).click({
      position: { x: 20, y: 14 },
      modifiers: ['Shift'],
    });
    await expect(studio.selectedNodes).toHaveCount(2);
    await studio.inspectorPart('delete').click();
    await expect(studio.toast('info')).toContainText(/^Deleted 2 devices and \d+ links/);
    await studio.toastAction.click();
    await expect(studio.devices).toHaveCount(devices);
  });
});

test.describe('A click with Shift, Ctrl or ⌘', () => {
  test('adds a device to the selection or takes it out; a plain click selects it alone', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const [a, b, c] = [
      await studio.idOfLabel('ams-spine-1'),
      await studio.idOfLabel('ams-spine-2'),
      await studio.idOfLabel('ams-leaf-101'),
    ];
    const at = { x: 20, y: 14 };
    await studio.select(a);
    await studio.node(b).click({ position: at, modifiers: ['Control'] });
    await studio.node(c).click({ position: at, modifiers: ['Meta'] });
    await expect(studio.selectedNodes).toHaveCount(3);
    // Ctrl+click on a selected device takes it out.
    await studio.node(b).click({ position: at, modifiers: ['Control'] });
    await expect(studio.selectedNodes).toHaveCount(2);
    await expect(studio.nodeWrapper(b)).not.toHaveClass(/selected/);
    // Ctrl held, then let go: the next plain click selects one device only.
    await page.keyboard.down('Control');
    await page.keyboard.up('Control');
    await studio.node(b).click({ position: at });
    await expect(studio.selectedNodes).toHaveCount(1);
    await expect(studio.nodeWrapper(b)).toHaveClass(/selected/);
  });
});

test.describe('A selection box', () => {
  test('drawn inside a site selects the devices it touches, not the site or their links out', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.clearSelection();
    const site = await studio.idOfLabel('DC1 Amsterdam');
    const spines = [await studio.idOfLabel('ams-spine-1'), await studio.idOfLabel('ams-spine-2')];
    const [a, b] = [await studio.box(spines[0]!), await studio.box(spines[1]!)];
    const left = Math.min(a.x, b.x) - 6;
    const top = Math.min(a.y, b.y) - 6;
    const right = Math.max(a.x + a.width, b.x + b.width) + 6;
    const bottom = Math.max(a.y + a.height, b.y + b.height) + 6;
    await page.keyboard.down('Shift');
    await page.mouse.move(left, top);
    await page.mouse.down();
    await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
    await page.mouse.move(right, bottom, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    for (const id of spines) await expect(studio.nodeWrapper(id)).toHaveClass(/selected/);
    await expect(studio.nodeWrapper(site)).not.toHaveClass(/selected/);
    await expect(studio.selectedNodes).toHaveCount(2);
    // Their links run to leaves outside the box: none of them is taken.
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(0);
  });

  test('that takes in a whole site selects the site too', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.clearSelection();
    const site = await studio.idOfLabel('DC1 Amsterdam');
    const s = await studio.box(site);
    await page.keyboard.down('Shift');
    await page.mouse.move(s.x - 8, s.y - 8);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2, { steps: 4 });
    await page.mouse.move(s.x + s.width + 8, s.y + s.height + 8, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(studio.nodeWrapper(site)).toHaveClass(/selected/);
  });
});

test.describe('The device cards’ icons', () => {
  test('are drawn from bitmaps once the page is idle, for every kind in both themes', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const sheet = page.locator('style[data-styles="kind-icons"]');
    // A PNG per kind and theme, in place of the SVGs Chromium paints path by path on each frame.
    await expect
      .poll(async () => ((await sheet.textContent()) ?? '').match(/data:image\/png/g)?.length)
      .toBe(16);
    expect(await sheet.textContent()).not.toContain('data:image/svg');
    const icon = studio.page.locator('.device-card .kind-icon').first();
    // The rounded square draws its colour, a square-cornered box inside it the image: a rounded
    // box with both is painted through an offscreen layer, card by card, on every pan frame.
    const look = () =>
      icon.evaluate((el) => {
        const box = getComputedStyle(el, '::before');
        const own = getComputedStyle(el);
        return {
          image: box.backgroundImage.slice(0, 27),
          radius: box.borderRadius,
          ownImage: own.backgroundImage,
          ownRadius: own.borderRadius,
          fills: box.height === own.height,
        };
      });
    expect(await look()).toEqual({
      image: 'url("data:image/png;base64,',
      radius: '0px',
      ownImage: 'none',
      ownRadius: '6px',
      fills: true,
    });
  });
});

test.describe('The canvas colour', () => {
  test('is painted once, by the canvas, not again by its dotted background', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    // A pan rasterizes the whole canvas on every frame: the same colour filled twice over it was
    // one full-canvas fill per frame more.
    const colours = () =>
      page.evaluate(() => ({
        canvas: getComputedStyle(document.querySelector('.react-flow')!).backgroundColor,
        dots: getComputedStyle(document.querySelector('.react-flow__background')!).backgroundColor,
      }));
    expect(await colours()).toEqual({ canvas: 'rgb(248, 250, 252)', dots: 'rgba(0, 0, 0, 0)' });
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    expect(await colours()).toEqual({ canvas: 'rgb(11, 17, 32)', dots: 'rgba(0, 0, 0, 0)' });
  });
});
