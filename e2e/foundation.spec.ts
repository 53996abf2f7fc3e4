import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Drawing a design', () => {
  test('a user drags two sites and a spine, connects the sites, edits the link, undoes, and finds it all after a reload', async ({
    page,
  }) => {
    // A whole journey (four drops, a connection, six edits, a reload): 9 s on a CI machine,
    // and once 30 s, the default limit, beside the other worker's test (each of its waits
    // still fails on its own after the expect timeout).
    test.slow();
    const studio = new StudioPage(page);
    await studio.open();
    await expect(studio.emptyState).toBeVisible();

    await studio.dragFromPalette('site', { x: 120, y: 120 });
    await expect(studio.nodesOfKind('site')).toHaveCount(1);
    const siteA = await studio.idOfKind('site', 0);

    // A spine dropped inside the site becomes its child.
    const box = await studio.node(siteA).boundingBox();
    const canvasBox = await studio.canvas.boundingBox();
    if (!box || !canvasBox) throw new Error('no layout');
    await studio.dragFromPalette('spine', {
      x: box.x - canvasBox.x + 150,
      y: box.y - canvasBox.y + 120,
    });
    await expect(studio.nodesOfKind('spine')).toHaveCount(1);
    await expect(studio.node(siteA)).toContainText(/(^|\D)1 device(?!s)/);

    await studio.dragFromPalette('site', { x: box.x - canvasBox.x + box.width + 80, y: 140 });
    await expect(studio.nodesOfKind('site')).toHaveCount(2);
    const siteB = await studio.idOfKind('site', 1);

    // Connecting two sites makes a DCI link, labelled with its distance and bandwidth.
    await studio.connect(siteA, siteB);
    await expect(studio.edgeLabels()).toHaveCount(1);
    await expect(studio.edgeLabels().first()).toContainText('10 km');
    await expect(studio.edgeLabels().first()).toContainText('10 Gb/s');

    // Edit the distance in the inspector.
    await studio.edgeLabels().first().click();
    await expect(studio.inspector).toContainText('DCI link');
    await studio.setField('distanceKm', '80');
    await expect(studio.edgeLabels().first()).toContainText('80 km');

    // A bad value is refused with a message, and the previous value is kept.
    await studio.setField('distanceKm', '-5');
    await expect(studio.fieldError('distanceKm')).toContainText('≥ 0');
    await expect(studio.edgeLabels().first()).toContainText('80 km');
    await studio.setField('distanceKm', 'far');
    await expect(studio.fieldError('distanceKm')).toContainText('not a number');

    // Undo brings the distance back to 10 km; redo to 80.
    await studio.pressShortcut('Control+z');
    await expect(studio.edgeLabels().first()).toContainText('10 km');
    await studio.pressShortcut('Control+Shift+z');
    await expect(studio.edgeLabels().first()).toContainText('80 km');
    await studio.pressShortcut('Control+z');
    await expect(studio.edgeLabels().first()).toContainText('10 km');
    await studio.pressShortcut('Control+y');
    await expect(studio.edgeLabels().first()).toContainText('80 km');

    await studio.waitForAutosave();
    await page.reload();
    await expect(studio.nodesOfKind('site')).toHaveCount(2);
    await expect(studio.nodesOfKind('spine')).toHaveCount(1);
    await expect(studio.edgeLabels().first()).toContainText('80 km');
  });

  test('a device dropped outside every site is refused with a message', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.dragFromPalette('cluster', { x: 300, y: 300 });
    await expect(studio.toast('warning')).toContainText('lives in a site');
    await expect(studio.nodesOfKind('cluster')).toHaveCount(0);
  });

  test('copy and paste duplicates a site with its devices and fresh ids; delete and undo', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const sites = await studio.nodesOfKind('site').count();
    const devices = await studio.devices.count();
    const siteId = await studio.idOfKind('site', 0);
    await studio.select(siteId);
    await studio.pressShortcut('Control+c');
    await studio.pressShortcut('Control+v');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites + 1);
    const devicesAfterPaste = await page
      .locator('[data-testid^="node."]:not([data-kind="site"])')
      .count();
    expect(devicesAfterPaste).toBeGreaterThan(devices);
    await studio.pressShortcut('Delete');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites);
    await studio.pressShortcut('Control+z');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites + 1);
    await studio.pressShortcut('Control+a');
    await studio.pressShortcut('Delete');
    await expect(studio.allNodes).toHaveCount(0);
    await studio.pressShortcut('Control+z');
    await expect(studio.nodesOfKind('site')).toHaveCount(sites + 1);
    await expect(studio.devices).toHaveCount(devicesAfterPaste);
  });

  test('the ? key lists the shortcuts from the command table', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await page.keyboard.press('?');
    await expect(studio.dialog('help')).toBeVisible();
    await expect(studio.help('undo')).toContainText('Ctrl+Z');
    await expect(studio.help('redo')).toContainText('Ctrl+Y');
    await page.keyboard.press('Escape');
    await expect(studio.dialog('help')).toBeHidden();
  });

  test('"New design" asks before discarding', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.toolbarButton('new-design').click();
    await expect(studio.dialog('new')).toContainText('discards');
    await page.keyboard.press('Escape');
    await expect(studio.nodesOfKind('site')).not.toHaveCount(0);
    await studio.toolbarButton('new-design').click();
    await studio.dialog('new.confirm').click();
    await expect(studio.allNodes).toHaveCount(0);
  });
});
