import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

/**
 * A template with errors, opened and validated: its findings counted in the toolbar say the
 * studio has run the rules on it, so a rule broken after this throws in the spec's own edit,
 * not in the opening's validation (which follows the frames that draw the design, and under a
 * loaded CI machine came after the spec had broken the rule).
 */
/**
 * Type a new name into the inspector's label field, which applies as it is typed: the rule broken
 * before throws on that edit, and the recovery screen may replace the field before an Enter
 * could be pressed in it (setField would then fail on a field gone).
 */
async function renameInInspector(studio: StudioPage, label: string): Promise<void> {
  await studio.field('label').fill(label);
}

async function openValidated(studio: StudioPage): Promise<{ name: string; nodes: number }> {
  const opened = await studio.openTemplate('metro-vs-long-distance');
  await expect.poll(async () => (await studio.findingCounts()).error).toBeGreaterThan(0);
  return opened;
}

test.describe('Recovering from a bug', () => {
  test('a rule that throws shows the recovery screen; the design, with its last edit, is kept and downloadable', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { name, nodes } = await openValidated(studio);
    const siteId = await studio.idOfKind('site', 0);

    await studio.breakARule();
    await studio.select(siteId);
    await renameInInspector(studio, 'DC renamed before the crash');

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
    const { name } = await openValidated(studio);
    await studio.breakARule();
    await studio.select(await studio.idOfKind('site', 0));
    await renameInInspector(studio, 'DC renamed');
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
    const { nodes } = await openValidated(studio);
    // The recovery screen is a chunk of its own: refuse it, as a network that went away would.
    await page.route(/\/assets\/Recovery-[^/]*\.js$/, (route) => route.abort());
    await studio.breakARule();
    await studio.select(await studio.idOfKind('site', 0));
    await renameInInspector(studio, 'DC renamed');

    await expect(studio.recovery()).toBeVisible();
    await expect(studio.recovery('error')).toContainText('failed on purpose');
    await expect(studio.recovery('download')).toHaveCount(0);
    await page.unroute(/\/assets\/Recovery-[^/]*\.js$/);
    await studio.recovery('reload').click();
    await expect(studio.allNodes).toHaveCount(nodes);
  });
});
