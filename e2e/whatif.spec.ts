import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('What-if', () => {
  test('dragging a workload chip onto another cluster shows the move as a scenario, with its new findings and estimate', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const before = await studio.count('warning').innerText();

    await studio.chip('wl-web').dragTo(studio.node('esx-prod-b'));
    await expect(studio.scenarioBanner).toContainText('What-if');
    const result = studio.whatIf('move.result');
    await expect(
      result.locator('[data-testid="whatif.finding.added"][data-rule="TROMBONE-STORAGE"]'),
    ).toHaveCount(1);
    await expect(
      result.locator('[data-testid="whatif.finding.added"][data-rule="TROMBONE-GW"]'),
    ).toHaveCount(1);
    await expect(studio.whatIf('estimate.converges')).toContainText('yes');
    await expect(studio.whatIf('estimate.total')).toContainText('s');
    // The trombone paths are animated on the canvas.
    await expect(studio.highlightedEdges).not.toHaveCount(0);
    // A scenario is not an edit: the baseline counts did not change.
    await expect(studio.count('warning')).toHaveText(before);

    // Apply makes it an edit (undoable).
    await studio.whatIf('move.apply').click();
    await expect(studio.scenarioBanner).toHaveCount(0);
    await expect(studio.chipsOn('esx-prod-b')).toContainText('web');
    await studio.pressShortcut('Control+z');
    await expect(studio.chipsOn('esx-prod-a')).toContainText('web');
  });

  test('the move picker lists the workload’s mobility targets apart from the other clusters', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vs-long-distance');
    await page.getByRole('tab', { name: /What-if/ }).click();
    // web-01..06 runs on esx-dal and may move to esx-hou; esx-lax is another cluster.
    await studio.whatIf('move.workload').selectOption('wl-web');
    const target = studio.whatIf('move.target');
    await expect(target.locator('optgroup[label="Mobility targets"] option')).toHaveText([
      /^esx-hou \(/u,
    ]);
    await expect(target.locator('optgroup[label="Other host clusters"] option')).toHaveText([
      /^esx-lax \(/u,
    ]);
    await expect(target).toHaveValue('esx-hou');
    await expect(target.locator('option', { hasText: 'esx-dal' })).toHaveCount(0);
  });

  test('failing a DCI link reroutes over the surviving path and shows its RTT', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.edgeLabel('dci-fibre-1').click();
    await studio.inspectorPart('fail').click();
    await expect(studio.failedEdge('dci-fibre-1')).toBeVisible();
    const effect = studio.whatIf('effect.rtt').first();
    await expect(effect).toContainText('0.9 → 1.05 ms');
    // The surviving path runs over the diverse route: it is drawn on the canvas.
    await expect(studio.highlightedEdge('dci-fibre-2')).toHaveCount(1);
    await expect(studio.highlightedEdge('dci-fibre-1')).toHaveCount(0);
    await studio.banner('fail.restore').click();
    await expect(studio.failedEdge('dci-fibre-1')).toHaveCount(0);
  });

  test('"check every single failure" lists each DCI link and each site with what it breaks', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.tab('whatif').click();
    await studio.whatIf('sweep.run').click();
    const table = studio.whatIf('sweep.table');
    await expect(table.locator('tbody tr')).toHaveCount(4 + 3);
    // Losing the witness site leaves the stretched storage without its witness.
    await expect(studio.whatIf('sweep.row.wit')).toContainText('witness unreachable');
    await expect(studio.whatIf('sweep.time')).toContainText('7 failures checked');
  });

  test('evacuating a site says which workloads can go and how long it takes', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.tab('whatif').click();
    await studio.whatIf('evacuate.site').selectOption({ label: 'DC1 Amsterdam' });
    await expect(studio.whatIf('evacuate.result')).toBeVisible();
    await expect(studio.whatIf('evacuate.stranded')).toContainText('0');
    await expect(studio.whatIf('evacuate.row.wl-web-a')).toContainText('esx-prod-b');
  });
});
