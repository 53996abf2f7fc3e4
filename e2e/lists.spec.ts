import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

/** The id behind a list row's test id (`segment.<id>` / `workload.<id>`). */
async function newRowId(
  page: import('@playwright/test').Page,
  prefix: string,
  before: string[],
): Promise<string> {
  const ids = await page
    .locator(`[data-testid^="${prefix}."][data-testid$=".editor"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  const id = ids
    .map((t) => t.slice(prefix.length + 1, -'.editor'.length))
    .find((x) => !before.includes(x));
  if (!id) throw new Error(`no new ${prefix}`);
  return id;
}

test.describe('Segments and workloads', () => {
  test('a segment is added, a bad VLAN or subnet is refused with a message, and a DCI link extends it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.tab('segments').click();
    await studio.segmentsList('add').click();
    const id = await newRowId(page, 'segment', ['seg-web', 'seg-app', 'seg-db']);
    // Its name is ready to type over.
    await expect(studio.segment(id, 'name')).toBeFocused();
    await page.keyboard.type('storage');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`segment.${id}`)).toContainText('storage');
    // A name of spaces alone is refused, saying so; the name stays.
    const name = studio.segment(id, 'name');
    await name.fill('   ');
    await name.press('Enter');
    await expect(studio.segment(id, 'name.error')).toHaveText(
      'Name is required — kept the previous value',
    );
    await expect(page.getByTestId(`segment.${id}`)).toContainText('storage');
    const vlan = studio.segment(id, 'vlanId');
    const before = await vlan.inputValue();
    await vlan.fill('5000');
    await vlan.press('Enter');
    await expect(studio.segment(id, 'vlanId.error')).toContainText('4094');
    await vlan.fill('777');
    await vlan.press('Enter');
    await expect(studio.segment(id, 'vlanId.error')).toHaveCount(0);
    expect(before).not.toBe('777');

    const subnet = studio.segment(id, 'subnet');
    await subnet.fill('10.0.0.300/24');
    await subnet.press('Enter');
    await expect(studio.segment(id, 'subnet.error')).toBeVisible();
    await subnet.fill('10.77.0.0/24');
    await subnet.press('Enter');
    await expect(studio.segment(id, 'subnet.error')).toHaveCount(0);

    // Extending it over a DCI link shows on the link's label.
    await expect(studio.edgeLabel('dci-fibre-1')).toContainText('3 seg');
    await studio.segment(id, 'links.dci-fibre-1').check();
    await expect(studio.edgeLabel('dci-fibre-1')).toContainText('4 seg');
    // Nobody uses it yet: a stretched segment for nothing is an info finding.
    await expect(studio.count('info')).not.toHaveText('0');
  });

  test('a cluster shows as many workload chips as fit, each name whole, then how many more', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    // esx-prod-a runs web-01..04, app-01 and app-db: three chips side by side were squeezed to
    // "web-0…", "ap…" and "ap…".
    for (const [id, name] of [
      ['wl-web-a', 'web-01..04'],
      ['wl-app', 'app-01'],
    ] as const) {
      await expect(studio.chip(id)).toHaveText(name);
      expect(await studio.chip(id).evaluate((chip) => chip.scrollWidth <= chip.clientWidth)).toBe(
        true,
      );
    }
    await expect(studio.chip('wl-db')).toHaveCount(0);
    await expect(page.getByTestId('chips.more.esx-prod-a')).toHaveText('+1');
  });

  test('a workload is added on the selected cluster, shown as a chip, and its mobility target is validated', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('l3-fabric-rack-to-rack');
    await studio.select('esx-rack-b');
    await studio.tab('workloads').click();
    const existing = await studio.allChips.count();
    await studio.workloadsList('add').click();
    const id = await newRowId(page, 'workload', [
      'wl-web-01',
      'wl-web-02',
      'wl-app-01',
      'wl-app-db',
    ]);
    await expect(studio.workload(id, 'clusterId')).toHaveValue('esx-rack-b');
    // Its name is ready to type over.
    await expect(studio.workload(id, 'name')).toBeFocused();
    await page.keyboard.type('web-tier');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`workload.${id}`)).toContainText('web-tier');
    await expect(studio.allChips).toHaveCount(existing + 1);
    await studio.workload(id, 'name').fill('');
    await studio.workload(id, 'name').press('Enter');
    await expect(studio.workload(id, 'name.error')).toHaveText(
      'Name is required — kept the previous value',
    );
    await expect(page.getByTestId(`workload.${id}`)).toContainText('web-tier');

    const memory = studio.workload(id, 'memoryGB');
    await memory.fill('0');
    await memory.press('Enter');
    await expect(studio.workload(id, 'memoryGB.error')).toContainText('> 0');
    // A slip of the keyboard past any server's memory is refused, naming the bound; the VM
    // keeps the memory it had (a new workload's 16 GB).
    await memory.fill('1e300');
    await memory.press('Enter');
    await expect(studio.workload(id, 'memoryGB.error')).toContainText('≤ 1,000,000 GB');
    await expect(page.getByTestId(`workload.${id}`)).toContainText('16 GB');
    // The largest VM vSphere 8 runs (24 TB) is a memory, written as every figure is.
    await memory.fill('24576');
    await memory.press('Enter');
    await expect(page.getByTestId(`workload.${id}`)).toContainText('24,576 GB');

    // Give it the routed web segment and a target behind another leaf: the L2 gap appears.
    await studio.findingsSettled();
    const errorsBefore = Number(await studio.count('error').innerText());
    await studio.workload(id, 'segmentIds.seg-web').check();
    await studio.workload(id, 'targets.esx-rack-a').check();
    await expect(studio.count('error')).toHaveText(String(errorsBefore + 1));
    await expect(studio.estimate(id, 'esx-rack-a')).toContainText('RTT');

    // A group of VMs is tagged with its count written as every count is ("×1,200"), as the
    // site's header above it counts its VMs.
    await studio.workload(id, 'count').fill('1200');
    await studio.workload(id, 'count').press('Enter');
    await expect(page.getByTestId(`workload.${id}`)).toContainText('×1,200');
  });
});
