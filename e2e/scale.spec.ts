import { expect, test } from '@playwright/test';
import { syntheticDesign } from '../src/model/synthetic';
import { StudioPage } from './pages/studio';

// Four data centres, ~1,000 drawn elements, 40 segments: the size of a provider's estate.
const large = JSON.stringify(syntheticDesign({ sites: 4, elements: 1000 }));

test.describe('Findings at scale', () => {
  test('the gateway trombones of a large design read as one group, fixed in one step and undone in one', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.openDesign(large);
    await studio.openFindings();

    const group = studio.findingGroup('TROMBONE-GW').first();
    await expect(group).toBeVisible();
    const count = Number(await group.getAttribute('data-count'));
    expect(count).toBeGreaterThan(20);
    await expect(group.getByTestId('finding-group.summary')).toContainText(
      /\d+ workloads on \d+ segments/,
    );
    await expect(group.getByTestId('finding-group.summary')).toContainText('DC 1');

    // Opened, the members scroll in a window: far fewer rows are drawn than there are findings.
    await group.getByTestId('finding-group.toggle').click();
    const members = group.locator('[data-testid="finding-member.TROMBONE-GW"]');
    await expect(members.first()).toBeVisible();
    expect(await members.count()).toBeLessThan(count);
    // A member opens its full row (why, waive, its own fixes) and shows its path on the canvas.
    await members.first().click();
    await expect(group.getByTestId('finding.TROMBONE-GW')).toBeVisible();

    const warnings = Number(await page.getByTestId('count.warning').textContent());
    await studio.fixGroup(group, /anycast/);
    await expect(page.getByTestId('count.warning')).not.toHaveText(String(warnings));
    const after = Number(await page.getByTestId('count.warning').textContent());
    expect(after).toBeLessThanOrEqual(warnings - count);

    // One undo step brings the whole group back.
    await studio.pressShortcut('Control+z');
    await expect(page.getByTestId('count.warning')).toHaveText(String(warnings));
    await expect(studio.findingGroup('TROMBONE-GW').first()).toHaveAttribute(
      'data-count',
      String(count),
    );
  });
});
