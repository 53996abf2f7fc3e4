import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Recovering from a bug', () => {
  test('a rule that throws shows the recovery screen; the design, with its last edit, is kept and downloadable', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { name, nodes } = await studio.openTemplate('metro-vplex-otv');
    const siteId = await studio.idOfKind('site', 0);

    await studio.breakARule();
    await studio.select(siteId);
    await studio.setField('label', 'DC renamed before the crash');

    await expect(studio.recovery()).toBeVisible();
    await expect(studio.canvas).toBeHidden();
    await expect(studio.recovery('error')).toContainText('failed on purpose');
    await expect(studio.recovery('design')).toContainText(name);
    await expect(studio.recovery('design')).toContainText('is safe');

    const file = await studio.downloadFromRecovery();
    expect(file.name).toMatch(/\.dci\.json$/);
    const saved = JSON.parse(file.text) as { name: string; nodes: { label: string }[] };
    expect(saved.name).toBe(name);
    expect(saved.nodes).toHaveLength(nodes);
    expect(saved.nodes.map((n) => n.label)).toContain('DC renamed before the crash');

    // Reload (the hook is gone with the page): the autosaved design is back, edit included.
    await studio.recovery('reload').click();
    await expect(studio.canvas).toBeVisible();
    await expect(studio.designName).toHaveText(name);
    await expect(studio.allNodes).toHaveCount(nodes);
    await expect(studio.node(siteId)).toContainText('DC renamed before the crash');
    expect(errors.filter((e) => !e.includes('failed on purpose'))).toEqual([]);
  });

  test('"Start an empty design" gets out of a design that fails on every load, keeping it in Recent designs', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { name } = await studio.openTemplate('metro-vplex-otv');
    await studio.breakARule();
    await studio.select(await studio.idOfKind('site', 0));
    await studio.setField('label', 'DC renamed');
    await expect(studio.recovery()).toBeVisible();

    await studio.repairRules();
    await studio.recovery('empty').click();
    await expect(studio.canvas).toBeVisible();
    await expect(studio.allNodes).toHaveCount(0);
    await studio.toolbarButton('recent').click();
    await expect(studio.dialog('recent')).toContainText(name);
  });

  test('when the recovery screen itself cannot load, a plain message and a reload stand in', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { nodes } = await studio.openTemplate('metro-vplex-otv');
    // The recovery screen is a chunk of its own: refuse it, as a network that went away would.
    await page.route(/\/assets\/Recovery-[^/]*\.js$/, (route) => route.abort());
    await studio.breakARule();
    await studio.select(await studio.idOfKind('site', 0));
    await studio.setField('label', 'DC renamed');

    await expect(studio.recovery()).toBeVisible();
    await expect(studio.recovery('error')).toContainText('failed on purpose');
    await expect(studio.recovery('download')).toHaveCount(0);
    await page.unroute(/\/assets\/Recovery-[^/]*\.js$/);
    await studio.recovery('reload').click();
    await expect(studio.allNodes).toHaveCount(nodes);
  });
});
