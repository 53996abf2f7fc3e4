import { expect, test } from '@playwright/test';
import { syntheticDesign } from '../src/model/synthetic';
import { StudioPage } from './pages/studio';
import { DEVICE_INSET_PX } from '../src/model/placement';

/** An empty studio with one site holding a 2 × 4 fabric built with the fabric builder. */
async function withFabric(studio: StudioPage): Promise<string> {
  await studio.open();
  const site = await studio.addSite();
  await studio.buildFabric(site, 2, 4);
  return site;
}

test.describe('Editing tools', () => {
  test('the fabric builder puts 2 spines × 4 leaves, fully meshed, in a site in one undo step', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    const site = await studio.addSite();
    await studio.buildFabric(site, 2, 4);
    await expect(studio.nodesOfKind('spine')).toHaveCount(2);
    await expect(studio.nodesOfKind('tor')).toHaveCount(4);
    expect(await studio.edgeIds()).toHaveLength(8);
    await expect(studio.toast('success')).toContainText(
      'Built a 2 × 4 fabric in DC1: 6 devices and 8 fabric links.',
    );
    // The site grew around its fabric past the view: the view follows it, whole.
    await expect.poll(() => studio.inView(site)).toBe(true);
    // Spines above leaves, every device inside the site.
    const siteBox = await studio.box(site);
    const spine = await studio.box(await studio.idOfLabel('dc1-spine-1'));
    const leaf = await studio.box(await studio.idOfLabel('dc1-leaf-1'));
    expect(spine.y + spine.height).toBeLessThan(leaf.y);
    for (const id of [await studio.idOfLabel('dc1-leaf-4'), await studio.idOfLabel('dc1-leaf-1')]) {
      const b = await studio.box(id);
      expect(b.x).toBeGreaterThan(siteBox.x);
      expect(b.x + b.width).toBeLessThan(siteBox.x + siteBox.width);
      expect(b.y + b.height).toBeLessThan(siteBox.y + siteBox.height);
    }

    await studio.pressShortcut('Control+z');
    await expect(studio.devices).toHaveCount(0);
    expect(await studio.edgeIds()).toHaveLength(0);
  });

  test('a site added from the palette beside one that fills the view is brought into view', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    // Placed clear of the first site, the second lands past the view's edge.
    const second = await studio.addSite();
    await expect.poll(() => studio.inView(second)).toBe(true);
  });

  test('a site dropped on one that fills the view is placed clear of it, and the view follows it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const first = await withFabric(studio);
    const box = await studio.node(first).boundingBox();
    const canvas = await studio.canvas.boundingBox();
    if (!box || !canvas) throw new Error('no layout');
    // Dropped near the right edge of the first site: the second is placed beside it, past the view.
    await studio.dragFromPalette('site', {
      x: box.x - canvas.x + box.width * 0.8,
      y: box.y - canvas.y + box.height * 0.5,
    });
    await expect(studio.nodesOfKind('site')).toHaveCount(2);
    const second = await studio.idOfKind('site', 1);
    await expect.poll(() => studio.inView(second)).toBe(true);
  });

  test('a bad count is refused with a reason, and the toolbar opens the builder on the site', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.addSite();
    await studio.pressShortcut('Escape');
    await studio.toolbarButton('fabric').click();
    await expect(page.getByTestId('fabric.spines')).toBeFocused();
    await page.getByTestId('fabric.spines').fill('0');
    await page.getByTestId('fabric.build').click();
    await expect(page.getByTestId('fabric.error')).toContainText(
      'The number of spines must be a whole number from 1 to 16.',
    );
    await expect(studio.devices).toHaveCount(0);
  });

  test('connect the selection as a full mesh: adds the missing links, says what it skipped', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    const ids = [
      await studio.idOfLabel('dc1-spine-1'),
      await studio.idOfLabel('dc1-spine-2'),
      await studio.idOfLabel('dc1-leaf-1'),
    ];
    await studio.selectMany(ids);
    await studio.arrangeTool('mesh').click();
    await expect(studio.toast('success').filter({ hasText: 'Added 1 link' })).toContainText(
      'Added 1 link (1 fabric). Skipped 2 pairs already linked.',
    );
    expect(await studio.edgeIds()).toHaveLength(9);
    await studio.pressShortcut('Control+z');
    await expect.poll(() => studio.edgeIds().then((e) => e.length)).toBe(8);
  });

  test('align and distribute the selection, each one undo step', async ({ page }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    const spine = await studio.idOfLabel('dc1-spine-1');
    const leaf1 = await studio.idOfLabel('dc1-leaf-1');
    const leaf2 = await studio.idOfLabel('dc1-leaf-2');
    const leaf4 = await studio.idOfLabel('dc1-leaf-4');

    await studio.selectMany([spine, leaf1]);
    await studio.arrangeTool('align-left').click();
    await expect
      .poll(async () => (await studio.box(spine)).x)
      .toBeCloseTo((await studio.box(leaf1)).x, 0);
    await studio.pressShortcut('Control+z');
    await expect
      .poll(async () => (await studio.box(spine)).x - (await studio.box(leaf1)).x)
      .toBeGreaterThan(20);

    // Leaf 2 moves to halfway between leaves 1 and 4.
    await studio.selectMany([leaf1, leaf2, leaf4]);
    await studio.arrangeTool('distribute-horizontal').click();
    await expect.poll(() => unevenness(studio, [leaf1, leaf2, leaf4])).toBeLessThan(1);
    await studio.pressShortcut('Control+z');
    await expect.poll(() => unevenness(studio, [leaf1, leaf2, leaf4])).toBeGreaterThan(8);

    // The keyboard: Alt+W aligns the top edges.
    await studio.selectMany([spine, leaf1]);
    await studio.pressShortcut('Alt+w');
    await expect
      .poll(async () => (await studio.box(leaf1)).y)
      .toBeCloseTo((await studio.box(spine)).y, 0);
  });

  test('arrow keys nudge the selection a grid step, Shift ten; the run undoes at once', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    const leaf = await studio.idOfLabel('dc1-leaf-1');
    await studio.select(leaf);
    // In the design's own units: the view (a fit after the build, the inspector opening) may
    // still change, and a grid step is 16 units whatever the zoom.
    const start = await studio.designBox(leaf);
    const moved = async () => {
      const b = await studio.designBox(leaf);
      return { dx: b.x - start.x, dy: b.y - start.y };
    };
    await studio.pressShortcut('ArrowRight');
    await expect.poll(moved).toEqual({ dx: 16, dy: 0 });
    await studio.pressShortcut('Shift+ArrowRight');
    await expect.poll(moved).toEqual({ dx: 176, dy: 0 });
    // Just inside the site's border a device stops.
    await studio.pressShortcut('Shift+ArrowDown');
    await studio.pressShortcut('Shift+ArrowDown');
    const site = await studio.designBox(await studio.idOfKind('site'));
    await expect
      .poll(async () => {
        const b = await studio.designBox(leaf);
        return site.y + site.height - (b.y + b.height);
      })
      .toBe(DEVICE_INSET_PX);
    await studio.pressShortcut('Control+z');
    await expect.poll(moved).toEqual({ dx: 0, dy: 0 });
  });

  test('Ctrl+D duplicates the selection with fresh names and the links between copies', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    await studio.selectMany([
      await studio.idOfLabel('dc1-spine-1'),
      await studio.idOfLabel('dc1-leaf-1'),
    ]);
    await studio.pressShortcut('Control+d');
    await expect(studio.nodesOfKind('spine')).toHaveCount(3);
    await expect(studio.nodesOfKind('tor')).toHaveCount(5);
    await expect(studio.nodeWrapper(await studio.idOfLabel('dc1-spine-3'))).toHaveClass(/selected/);
    await expect(studio.node(await studio.idOfLabel('dc1-leaf-5'))).toBeVisible();
    // The link between the two originals is copied too.
    expect(await studio.edgeIds()).toHaveLength(9);
    await expect(studio.selectedNodes).toHaveCount(2);
    await studio.pressShortcut('Control+z');
    await expect(studio.nodesOfKind('spine')).toHaveCount(2);
    expect(await studio.edgeIds()).toHaveLength(8);
  });

  test('Ctrl+F finds an element by name; Enter selects it and centres the view on it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    await studio.pressShortcut('Escape');
    await studio.pressShortcut('Control+f');
    await expect(studio.find('input')).toBeFocused();
    await studio.find('input').fill('zzz');
    await expect(studio.find('empty')).toBeVisible();
    await studio.find('input').fill('LEAF-3');
    const leaf3 = await studio.idOfLabel('dc1-leaf-3');
    await expect(studio.find(`result.${leaf3}`)).toBeVisible();
    await studio.find('input').press('Enter');
    await expect(studio.find()).toBeHidden();
    await expect(studio.nodeWrapper(leaf3)).toHaveClass(/selected/);
    const canvas = await studio.canvas.boundingBox();
    if (!canvas) throw new Error('no canvas');
    await expect
      .poll(async () => {
        const b = await studio.box(leaf3);
        return Math.abs(b.x + b.width / 2 - (canvas.x + canvas.width / 2));
      })
      .toBeLessThan(4);
    // Escape closes the box without choosing.
    await studio.pressShortcut('Control+f');
    await studio.find('input').press('Escape');
    await expect(studio.find()).toBeHidden();
  });

  test('what is typed right after Ctrl+F goes in the find box while its code loads', async ({
    page,
  }) => {
    // The box's code loads on first use: held back here, as on a slow network. Keys typed
    // meanwhile went to the canvas before, whose one-key shortcuts took them (N adds a note).
    await page.route(/FindBox/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const studio = new StudioPage(page);
    await withFabric(studio);
    const notes = await studio.noteIds();
    await studio.pressShortcut('Escape');
    await studio.pressShortcut('Control+f');
    await page.keyboard.type('n dc1-leaf-3');
    await expect(studio.find('input')).toHaveValue('n dc1-leaf-3');
    await expect(studio.find('input')).toBeFocused();
    // The box loaded takes over with what was typed (nothing is named so), the caret after it.
    await expect(studio.find('empty')).toBeVisible();
    await expect(studio.find('input')).toBeFocused();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('-3');
    await expect(studio.find('input')).toHaveValue('n dc1-leaf-3');
    await studio.find('input').fill('dc1-leaf-3');
    const leaf3 = await studio.idOfLabel('dc1-leaf-3');
    await expect(studio.find(`result.${leaf3}`)).toBeVisible();
    expect(await studio.noteIds()).toEqual(notes);
  });

  test('the zoom readout shows the zoom; a click goes to 100 %, a second click fits', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await withFabric(studio);
    await studio.zoomOutButton.click();
    await expect(studio.zoomReadout).not.toHaveText('100 %');
    await studio.zoomReadout.click();
    await expect(studio.zoomReadout).toHaveText('100 %');
    await studio.zoomReadout.click();
    await expect(studio.zoomReadout).not.toHaveText('100 %');
    await expect(studio.zoomReadout).toHaveText(/^\d+ %$/);
  });

  test('the side panels fold to a rail, giving the canvas the room, and stay folded', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    const wide = async () => (await studio.canvas.boundingBox())?.width ?? 0;
    const before = await wide();
    await studio.panelToggle('palette').click();
    await studio.panelToggle('sidebar').click();
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'true');
    await expect(studio.panel('sidebar')).toHaveAttribute('data-collapsed', 'true');
    await expect.poll(wide).toBeGreaterThan(before + 450);
    // The folded palette still adds elements.
    await studio.paletteItem('site').click();
    await expect(studio.nodesOfKind('site')).toHaveCount(1);

    await page.reload();
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'true');
    await expect(studio.panel('sidebar')).toHaveAttribute('data-collapsed', 'true');
    await studio.panelToggle('palette').click();
    await page.getByTestId('rail.findings').click();
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'false');
    await expect(studio.panel('sidebar')).toHaveAttribute('data-collapsed', 'false');
    await expect(studio.tab('findings')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(wide).toBeCloseTo(before, -1);
  });

  test('a 1,024 px window: the toolbar fits, its labelled tools as icons alone', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await page.setViewportSize({ width: 1024, height: 640 });
    const header = page.locator('header');
    // Nothing spills past the toolbar or under its neighbour.
    await expect
      .poll(() => header.evaluate((h) => h.scrollWidth - h.clientWidth))
      .toBeLessThanOrEqual(0);
    const brand = await header.getByText('DCI Studio', { exact: true }).boundingBox();
    const first = await page.getByTestId('toolbar.new-design').boundingBox();
    expect((brand?.x ?? 0) + (brand?.width ?? 0)).toBeLessThanOrEqual(first?.x ?? 0);
    // The labelled tools keep their names for a screen reader and a tooltip.
    await expect(page.getByTestId('toolbar.export')).toHaveAccessibleName('Export…');
    await expect(page.getByTestId('toolbar.export').getByText('Export')).toBeHidden();
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByTestId('toolbar.export').getByText('Export')).toBeVisible();
  });

  test('a 900 px window starts with the palette folded and a narrower sidebar; a choice holds', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 900, height: 640 });
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'true');
    await expect(studio.panel('sidebar')).toHaveAttribute('data-collapsed', 'false');
    // Both panels open at their wide widths left the canvas 305 px of the 900.
    expect((await studio.canvas.boundingBox())?.width ?? 0).toBeGreaterThan(500);
    expect((await studio.panel('sidebar').boundingBox())?.width ?? 0).toBeLessThan(400);
    // The palette opened by the user stays open, narrow window or not.
    await studio.panelToggle('palette').click();
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'false');
    await page.reload();
    await expect(studio.panel('palette')).toHaveAttribute('data-collapsed', 'false');
  });

  test('the side panel tabs show their whole labels and counts, wide and narrow', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.openDesign(JSON.stringify(syntheticDesign({ sites: 4, elements: 1000 })));
    await expect(studio.tab('findings')).toContainText(/Findings\s*\d{3}/);
    for (const width of [1440, 900]) {
      await page.setViewportSize({ width, height: 700 });
      await expect(studio.panelToggle('sidebar')).toBeInViewport({ ratio: 1 });
      const cut = await page
        .getByRole('tablist')
        .evaluate((list) => [
          list.scrollWidth - list.clientWidth,
          ...[...list.querySelectorAll('[role=tab] span')].map(
            (s) => s.scrollWidth - s.clientWidth,
          ),
        ]);
      expect(cut.every((px) => px <= 0)).toBe(true);
    }
  });

  test('the minimap shrinks with the canvas: a quarter of a small one, never under 112 px', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const minimap = page.getByTestId('rf__minimap');
    const large = (await minimap.boundingBox())?.width ?? 0;
    await page.setViewportSize({ width: 1024, height: 640 });
    await expect
      .poll(async () => (await minimap.boundingBox())?.width ?? 0)
      .toBeLessThan(large - 40);
    const canvas = (await studio.canvas.boundingBox())?.width ?? 0;
    const small = (await minimap.boundingBox())?.width ?? 0;
    expect(small).toBeGreaterThanOrEqual(112);
    expect(small).toBeLessThanOrEqual(Math.max(114, canvas * 0.25));
  });

  test('the minimap stays out of an empty canvas and comes with the first site', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    const minimap = page.getByTestId('rf__minimap');
    await expect(studio.emptyState).toBeVisible();
    await expect(minimap).toBeHidden();
    await studio.dragFromPalette('site', { x: 300, y: 200 });
    await expect(minimap).toBeVisible();
    await studio.pressShortcut('Control+z');
    await expect(minimap).toBeHidden();
  });

  test('the shortcut list names the new tools', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.pressShortcut('?');
    for (const id of ['duplicate', 'find', 'mesh', 'align-left', 'nudge-left', 'zoom-100'])
      await expect(studio.help(id)).toBeVisible();
    await expect(studio.help('nudge-left')).toContainText('←');
  });
});

/** How far the middle of three nodes is from halfway between the outer two, in pixels. */
async function unevenness(studio: StudioPage, [first, middle, last]: string[]): Promise<number> {
  const [a, b, c] = [await studio.box(first!), await studio.box(middle!), await studio.box(last!)];
  return Math.abs(Math.round(b.x - a.x - (c.x - b.x)));
}
