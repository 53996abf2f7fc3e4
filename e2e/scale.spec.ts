import { expect, test } from '@playwright/test';
import { syntheticDesign } from '../src/model/synthetic';
import { buildL3FabricRackToRack } from '../src/model/templates/l3-fabric-rack-to-rack';
import { StudioPage } from './pages/studio';

// Four data centres, ~1,000 drawn elements, 40 segments: the size of a provider's estate.
const large = JSON.stringify(syntheticDesign({ sites: 4, elements: 1000 }));

test.describe('Findings at scale', () => {
  // A 1,000-element design opens, is validated and fixed several times over: more than the
  // default 30 s on a busy 2-core machine (it took 31 s at a load average of 26).
  test.slow();

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

    // The segments whose single gateway at DC 1 the group is about, and one it is not about.
    const gatewayOf = async (segmentId: string) => {
      await studio.tab('segments').click();
      const text = await studio.segmentRow(segmentId).innerText();
      await studio.openFindings();
      return text;
    };
    const centralized = ['seg-2', 'seg-38'];
    for (const id of centralized) expect(await gatewayOf(id)).toContain('gateway at DC 1');
    const perSite = await gatewayOf('seg-1');

    // A fix's long label wraps under its wrench, read from the left, not centred.
    await expect(group.locator('[data-testid^="group-fix."]').first()).toHaveCSS(
      'text-align',
      'left',
    );

    await studio.findingsSettled();
    const warnings = Number(await studio.count('warning').textContent());
    await studio.fixGroup(group, /anycast/);
    await expect(studio.count('warning')).not.toHaveText(String(warnings));
    await studio.findingsSettled();
    const after = Number(await studio.count('warning').textContent());
    expect(after).toBeLessThanOrEqual(warnings - count);
    // The fix is one edit of the design: every such segment now has an anycast gateway, no
    // gateway trombone is left, and the other segments are as they were.
    await expect(studio.findingGroup('TROMBONE-GW')).toHaveCount(0);
    for (const id of centralized) expect(await gatewayOf(id)).toContain('anycast gateway');
    expect(await gatewayOf('seg-1')).toBe(perSite);

    // One undo step brings the design and the whole group back.
    await studio.pressShortcut('Control+z');
    await expect(studio.count('warning')).toHaveText(String(warnings));
    await expect(studio.findingGroup('TROMBONE-GW').first()).toHaveAttribute(
      'data-count',
      String(count),
    );
    for (const id of centralized) expect(await gatewayOf(id)).toContain('gateway at DC 1');
    // And redo applies it again, as one step.
    await studio.pressShortcut('Control+Shift+z');
    await expect(studio.count('warning')).toHaveText(String(after));
    for (const id of centralized) expect(await gatewayOf(id)).toContain('anycast gateway');
  });

  test('a thousand findings are counted as the studio writes any count: "1,004"', async ({
    page,
  }) => {
    // The rack-to-rack template's routed-fabric L2 gap, on a thousand more copies of one VM.
    const design = buildL3FabricRackToRack();
    const vm = design.workloads.find((w) => w.id === 'wl-app-01');
    if (!vm) throw new Error('the template has no wl-app-01');
    for (let i = 0; i < 1000; i++)
      design.workloads.push({ ...vm, id: `wl-copy-${i}`, name: `copy-${i}` });
    const studio = new StudioPage(page);
    await studio.openDesign(JSON.stringify(design));
    await expect(studio.count('error')).toHaveText('1,004');
    // So are the Findings and Workloads tabs and the badge of a cluster every VM moves from.
    await expect(studio.tab('findings')).toContainText('1,004');
    await expect(studio.tab('workloads')).toContainText('1,004');
    await expect(page.getByTestId('badge.esx-rack-a')).toHaveText('1,004');
    await studio.openFindings();
    await expect(page.getByTestId('findings.toggle.error')).toHaveText('Errors 1,004');
    const group = studio.findingGroup('L2-GAP').first();
    await expect(group).toHaveAttribute('data-count', '1004');
    await expect(group).toContainText('1,004');
    // Its rule id keeps to one line beside the title, the "after a move" tag and the count.
    const id = group.getByTestId('finding-group.toggle').getByText('L2-GAP', { exact: true });
    const line = await id.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await id.boundingBox())?.height).toBeLessThan(1.5 * line);
  });
});

test.describe('Zoomed out', () => {
  test("a site's title stays on one line, clear of its caption, the device cards and the other titles", async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const sites = await studio
      .nodesOfKind('site')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node.'.length)));
    expect(sites.length).toBeGreaterThan(1);
    const overlap = (
      a: { x: number; y: number; width: number; height: number },
      b: { x: number; y: number; width: number; height: number },
    ) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

    for (const percent of [35, 23, 15]) {
      await studio.zoomOutTo(percent);
      const cards = await page
        .locator('.react-flow__node:not(.react-flow__node-site):not(.react-flow__node-note)')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(cards.length).toBeGreaterThan(0);
      const strips = await Promise.all(sites.map((id) => studio.siteTitle(id).boundingBox()));
      for (const [i, a] of strips.entries())
        for (const b of strips.slice(i + 1))
          expect(overlap(a!, b!), `two titles at ${percent} %`).toBe(false);
      for (const id of sites) {
        const strip = await studio.siteTitle(id).boundingBox();
        const name = await studio.siteTitle(id).locator('span').first().boundingBox();
        expect(strip && name, `${id} at ${percent} %`).toBeTruthy();
        // One line: the strip is as tall as the name's line, with its padding.
        expect(strip!.height, `${id} at ${percent} %`).toBeLessThan(name!.height * 2);
        for (const card of cards)
          expect(overlap(strip!, card), `${id} at ${percent} %`).toBe(false);
        if ((await studio.siteCaption(id).count()) > 0) {
          const caption = await studio.siteCaption(id).boundingBox();
          expect(overlap(name!, caption!), `${id} at ${percent} %`).toBe(false);
        }
      }
    }
  });

  test('a zoomed-out site draws its name whole before its caption, beside its badge, past its edge if it must', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    // Ten warnings in each data center: each title strip ends in a badge.
    await studio.loadTemplate('metro-metrocluster');
    // Where its strip, scaled 2×, has just the room for name and caption without the badge.
    await studio.zoomOutTo(39);
    // The witness site is narrower than its name: its strip reaches past it, into the open.
    for (const [id, label] of [
      ['dc1', 'DC1 Amsterdam'],
      ['dc2', 'DC2 Rotterdam'],
      ['wit', 'Witness Utrecht'],
    ] as const) {
      const name = studio.siteTitle(id).locator('span').first();
      await expect(name).toHaveText(label);
      // Not cut by the browser either: the layout left room for the badge.
      expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth), id).toBe(true);
    }
  });

  test('a device is a plain box that still reads its name, until too far to read', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const id = await studio.idOfKind('cluster');
    await studio.zoomReadout.click();
    await expect(studio.zoomReadout).toHaveText('100 %');
    // A card: its icon, name and details.
    await expect(studio.node(id)).not.toHaveClass(/device-far/);
    await expect(studio.node(id)).toContainText('esx-prod-a');
    // Below 40 %: a box in the kind's colour with the name in large type, readable on screen.
    await studio.zoomOutTo(35);
    await expect(studio.node(id)).toHaveClass(/device-far/);
    await expect(studio.node(id)).toHaveText('esx-prod-a');
    const type = await studio
      .node(id)
      .locator('.device-far-name')
      .evaluate((e) => ({
        drawn: parseFloat(getComputedStyle(e).fontSize),
        shown: e.getBoundingClientRect().height / (e as HTMLElement).offsetHeight,
      }));
    expect(type.shown).toBeCloseTo((await studio.zoomPercent()) / 100, 1);
    expect(type.drawn * type.shown, 'px of type on the screen').toBeGreaterThanOrEqual(7);
    // Below 28 %: the box alone, its name in its tooltip.
    await studio.zoomOutTo(27);
    await expect(studio.node(id)).toHaveText('');
    await expect(studio.node(id)).toHaveAttribute('title', 'esx-prod-a');
  });

  test('a zoomed-out box sets a name with a long word smaller rather than split it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    await studio.zoomOutTo(35);
    const name = studio.node('array-a').locator('.device-far-name');
    await expect(name).toHaveText('MetroCluster A (fas-a)');
    // "MetroCluster" is wider than the box at 24 px: it was drawn "MetroClus|ter".
    const drawn = await name.evaluate((e) => {
      const text = e.firstChild as Text;
      const word = document.createRange();
      word.setStart(text, 0);
      word.setEnd(text, 'MetroCluster'.length);
      return {
        px: parseFloat(getComputedStyle(e).fontSize),
        lines: new Set([...word.getClientRects()].map((r) => Math.round(r.top))).size,
      };
    });
    expect(drawn).toEqual({ px: 18, lines: 1 });
    // A name of short words keeps the large type.
    await expect(studio.node('esx-prod-a').locator('.device-far-name')).toHaveCSS(
      'font-size',
      '24px',
    );
  });
});
