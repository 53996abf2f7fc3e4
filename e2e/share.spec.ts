import { expect, test, type Browser } from '@playwright/test';
import { StudioPage } from './pages/studio';

/** Another browser profile: its own storage, as a colleague opening the link elsewhere. */
async function colleague(browser: Browser): Promise<StudioPage> {
  const { baseURL, viewport } = test.info().project.use;
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    ...(viewport ? { viewport } : {}),
  });
  const studio = new StudioPage(await context.newPage());
  await studio.open();
  return studio;
}

test.describe('Share links', () => {
  test('a copied link opens the same design, with the same findings, in another browser', async ({
    page,
    browser,
  }) => {
    const studio = new StudioPage(page);
    const { nodes, name } = await studio.openTemplate('metro-vs-long-distance');
    const counts = await studio.findingCounts();
    expect(counts.error + counts.warning).toBeGreaterThan(0);

    await studio.toolbarButton('copy-link').click();
    await expect(studio.share('length')).toContainText('characters');
    await page.keyboard.press('Escape');
    const link = await studio.copyLink();
    expect(link).toMatch(/^http:\/\/[^#]+\/#d=2\./);
    expect(new URL(link).search).toBe(''); // the design travels in the fragment only

    const them = await colleague(browser);
    await them.openLink(link);
    await expect(them.allNodes).toHaveCount(nodes);
    await expect(them.designName).toHaveText(name);
    await expect.poll(() => them.findingCounts()).toEqual(counts);
    // The link is consumed: the address bar is clean, and a reload keeps the (autosaved) design.
    await expect.poll(() => them.page.evaluate(() => window.location.hash)).toBe('');
    await them.waitForAutosave();
    await them.page.reload();
    await expect(them.allNodes).toHaveCount(nodes);
    await them.page.context().close();
  });

  test('opening a link keeps the design that was open in Recent designs', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vs-long-distance');
    const link = await studio.copyLink();
    await studio.loadTemplate('metro-vplex-otv');
    const before = await studio.designName.innerText();

    await studio.openLink(link);
    await expect(studio.designName).not.toHaveText(before);
    await studio.toolbarButton('recent').click();
    await expect(studio.recent('item.0')).toContainText(before);
    await studio.recent('open.0').click();
    await expect(studio.designName).toHaveText(before);
  });

  test('a broken link explains itself and leaves the open design untouched', async ({ page }) => {
    const studio = new StudioPage(page);
    const { nodes, name } = await studio.openTemplate('metro-vplex-otv');
    await studio.waitForAutosave();

    await page.goto('/#d=1.garbage');
    await expect(studio.toast('error')).toContainText('This link is damaged');
    await expect(studio.allNodes).toHaveCount(nodes);
    await expect(studio.designName).toHaveText(name);

    await page.goto('/#d=9.AAAA');
    await expect(studio.toast('error').last()).toContainText(
      'made by a newer version of DCI Studio',
    );
    await expect(studio.allNodes).toHaveCount(nodes);
  });

  test('a view-only link refuses edits until "Edit a copy", and stays view-only on reload', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vplex-otv');
    const link = await studio.copyLink({ viewOnly: true });
    expect(link).toMatch(/#v=2\./);
    await studio.openLink(link);

    const banner = studio.banner('view-only');
    await expect(banner).toContainText('View only');
    await expect(studio.paletteItem('site')).toBeDisabled();
    const nodes = await studio.allNodes.count();
    const spine = await studio.idOfKind('spine');
    await studio.node(spine).click();
    await expect(studio.field('label')).toBeDisabled();
    await studio.pressShortcut('Delete');
    await expect(studio.allNodes).toHaveCount(nodes);

    await page.reload();
    await expect(banner).toBeVisible();
    await expect(studio.paletteItem('site')).toBeDisabled();

    await studio.banner('edit-copy').click();
    await expect(banner).toBeHidden();
    await expect(studio.paletteItem('site')).toBeEnabled();
    await studio.node(spine).click();
    await expect(studio.field('label')).toBeEnabled();
    await studio.pressShortcut('Delete');
    await expect(studio.allNodes).toHaveCount(nodes - 1);
    // The copy is the user's now: no view-only link left in the address bar.
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });

  test('a label with markup is shown as text, on the canvas and through a link', async ({
    page,
    browser,
  }) => {
    const markup = '<img src=x onerror=alert(1)>';
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vplex-otv');
    const site = await studio.idOfKind('site');
    await studio.select(site);
    await studio.setField('label', markup);
    await expect(studio.node(site)).toContainText(markup);
    await expect(studio.imagesFromX).toHaveCount(0);

    // In exports it is text too: escaped in the SVG, and no element made of it anywhere.
    const svg = (await studio.exportFile('svg')).bytes.toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/<img\b/i);
    const report = (await studio.exportFile('markdown')).bytes.toString('utf8');
    expect(report).not.toContain(markup);
    expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const them = await colleague(browser);
    them.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await them.openLink(await studio.copyLink());
    await expect(them.node(site)).toContainText(markup);
    await expect(them.imagesFromX).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await them.page.context().close();
  });
});
