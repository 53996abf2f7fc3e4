import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('The validator on the drawing', () => {
  test('an L2 gap is badged on its leaf, the finding shows its path, a quick fix clears it and undo brings it back', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('l3-fabric-rack-to-rack');

    // The routed leaf where the VM segment stops carries an error badge.
    const badge = studio.badge('fra-leaf-101');
    await expect(badge).toHaveAttribute('data-severity', 'error');
    await expect(studio.count('error')).toHaveText('4');

    await studio.tab('findings').click();
    const gap = studio.openFinding('L2-GAP').first();
    await expect(gap).toContainText('After');
    await gap.getByRole('button').first().click();
    // The path of the gap is animated on the canvas and its devices are selected.
    await expect(studio.highlightedEdges.first()).toBeAttached();
    await expect(studio.selectedNodes).not.toHaveCount(0);

    // "Why?" explains the rule in the product's words.
    await gap.getByTestId('rule-link.L2-GAP').click();
    await expect(studio.dialog('rule')).toContainText('L2-GAP');
    await page.keyboard.press('Escape');

    // One-click fix: enable the overlay on the leaf; its findings go away.
    await gap.getByTestId('fix.L2-GAP.0').click();
    await expect(studio.count('error')).toHaveText('0');
    await expect(studio.badge('fra-leaf-101')).toHaveCount(0);

    // Undo brings the finding back.
    await studio.pressShortcut('Control+z');
    await expect(studio.count('error')).toHaveText('4');
    await expect(studio.badge('fra-leaf-101')).toHaveAttribute('data-severity', 'error');
  });

  test('no findings on a design with no workload that may move says that no migration was checked', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.addSite();
    await studio.paletteItem('cluster').click();
    await studio.openFindings();
    const empty = page.getByTestId('findings.empty');
    await expect(empty).toContainText('No findings, but no workload is placed yet');
    await expect(empty).not.toContainText('every rule of the rule book is satisfied');

    // A template's workloads each have a mobility target: every move was checked.
    await studio.loadTemplate('metro-vplex-otv');
    await studio.openFindings();
    await expect(empty).toContainText('No findings: every rule of the rule book is satisfied');
  });

  test('a trombone after a move is drawn as its looping path', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    await expect(studio.count('warning')).toHaveText('10');
    await studio.tab('findings').click();
    const trombone = studio.openFinding('TROMBONE-GW').first();
    await expect(trombone).toContainText('DC1 Amsterdam');
    await trombone.getByRole('button').first().click();
    // The loop crosses the DCI link: it is highlighted along with fabric hops on both sides.
    await expect(studio.highlightedEdges).not.toHaveCount(0);
    await expect(studio.node('dc1')).toHaveClass(/node-highlight/);
    await trombone.getByTestId('fix.TROMBONE-GW.0').click();
    await expect(studio.count('warning')).not.toHaveText('10');
  });

  test('a DCI link over the latency limit is drawn in the error colour with its figure', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    const figure = studio.edgeLimits.first();
    await expect(figure).toContainText('> 10 ms');
  });

  test('the inspector of an element lists the findings that concern it', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-stretched-trunk');
    await studio.edgeLabels().first().click();
    await expect(studio.inspectorPart('findings')).toContainText('L2-STP');
    // Switching the extension to OTV isolates spanning tree: the finding on this link goes.
    await studio.field('l2Extension').selectOption('otv');
    await expect(studio.inspectorPart('findings')).toHaveCount(0);
  });
});
