import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('What-if', () => {
  test('dragging a workload chip onto another cluster shows the move as a scenario, with its new findings and estimate', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const before = await page.getByTestId('count.warning').innerText();

    await page.getByTestId('chip.wl-web').dragTo(studio.node('esx-prod-b'));
    await expect(page.getByTestId('scenario-banner')).toContainText('What-if');
    const result = page.getByTestId('whatif.move.result');
    await expect(
      result.locator('[data-testid="whatif.finding.added"][data-rule="TROMBONE-STORAGE"]'),
    ).toHaveCount(1);
    await expect(
      result.locator('[data-testid="whatif.finding.added"][data-rule="TROMBONE-GW"]'),
    ).toHaveCount(1);
    await expect(page.getByTestId('whatif.estimate.converges')).toContainText('yes');
    await expect(page.getByTestId('whatif.estimate.total')).toContainText('s');
    // The trombone paths are animated on the canvas.
    await expect(page.locator('.edge-highlight')).not.toHaveCount(0);
    // A scenario is not an edit: the baseline counts did not change.
    await expect(page.getByTestId('count.warning')).toHaveText(before);

    // Apply makes it an edit (undoable).
    await page.getByTestId('whatif.move.apply').click();
    await expect(page.getByTestId('scenario-banner')).toHaveCount(0);
    await expect(page.getByTestId('chips.esx-prod-b')).toContainText('web');
    await studio.pressShortcut('Control+z');
    await expect(page.getByTestId('chips.esx-prod-a')).toContainText('web');
  });

  test('failing a DCI link reroutes over the surviving path and shows its RTT', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await page.getByTestId('edge-label.dci-fibre-1').click();
    await page.getByTestId('inspector.fail').click();
    await expect(page.getByTestId('edge-failed.dci-fibre-1')).toBeVisible();
    const effect = page.getByTestId('whatif.effect.rtt').first();
    await expect(effect).toContainText('0.90 → 1.05 ms');
    // The surviving path runs over the diverse route: it is drawn on the canvas.
    await expect(page.locator('path[id="dci-fibre-2"].edge-highlight')).toHaveCount(1);
    await expect(page.locator('path[id="dci-fibre-1"].edge-highlight')).toHaveCount(0);
    await page.getByTestId('banner.fail.restore').click();
    await expect(page.getByTestId('edge-failed.dci-fibre-1')).toHaveCount(0);
  });

  test('"check every single failure" lists each DCI link and each site with what it breaks', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await page.getByTestId('tab.whatif').click();
    await page.getByTestId('whatif.sweep.run').click();
    const table = page.getByTestId('whatif.sweep.table');
    await expect(table.locator('tbody tr')).toHaveCount(4 + 3);
    // Losing the witness site leaves the stretched storage without its witness.
    await expect(page.getByTestId('whatif.sweep.row.wit')).toContainText('witness unreachable');
    await expect(page.getByTestId('whatif.sweep.time')).toContainText('7 failures checked');
  });

  test('evacuating a site says which workloads can go and how long it takes', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await page.getByTestId('tab.whatif').click();
    await page.getByTestId('whatif.evacuate.site').selectOption({ label: 'DC1 Amsterdam' });
    await expect(page.getByTestId('whatif.evacuate.result')).toBeVisible();
    await expect(page.getByTestId('whatif.evacuate.stranded')).toContainText('0');
    await expect(page.getByTestId('whatif.evacuate.row.wl-web-a')).toContainText('esx-prod-b');
  });
});
