import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Paths an architect can trust (DOMAIN.md §8)', () => {
  test('at 1500 km the metro template raises latency errors over the fibre, never through the witness site', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await expect(studio.count('error')).toHaveText('0');

    // The repro: both dark-fibre routes at 1500 km (15.1 ms).
    await studio.setLinkDistance('dci-fibre-1', 1500);
    await studio.setLinkDistance('dci-fibre-2', 1500);
    // VPLEX Metro replicates synchronously up to 5 ms: the witness WAN links (0.43 ms) no
    // longer hide the distance.
    await expect(studio.count('error')).toHaveText('3');

    // With a 10 ms hypervisor (vSphere 5.x Metro vMotion) every move is over its limit too.
    for (const cluster of ['esx-prod-a', 'esx-prod-b']) {
      await studio.select(cluster);
      await studio.field('profile').selectOption('vsphere-5-metro');
      // The select is narrower than the profile's name: its tooltip has it whole.
      await expect(studio.field('profile')).toHaveAttribute(
        'title',
        'vSphere 5.x Metro vMotion (Enterprise Plus)',
      );
    }
    await studio.tab('findings').click();
    const lat = studio.openFinding('LAT-MIGRATION').first();
    await expect(lat).toContainText('RTT 15.1 ms > 10 ms');

    // Its path, animated on the canvas, crosses a fibre route and not the witness site.
    await lat.getByRole('button').first().click();
    const fibre = studio.edgeHighlighted('dci-fibre-1').or(studio.edgeHighlighted('dci-fibre-2'));
    await expect(fibre.first()).toBeAttached();
    await expect(studio.edgeHighlighted('dci-wit-ams')).toHaveCount(0);
    await expect(studio.edgeHighlighted('dci-wit-rtm')).toHaveCount(0);
    await expect(studio.node('utr-wan-rtr')).not.toHaveClass(/node-highlight/);
    await expect(studio.node('wit')).not.toHaveClass(/node-highlight/);
    await page.screenshot({ path: test.info().outputPath('metro-1500km.png') });
  });

  test('two links can be drawn between the same two routers, drawn apart and each selectable', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.dragFromPalette('site', { x: 40, y: 60 });
    const siteA = await studio.idOfKind('site', 0);
    // Zoom out to make room for a second site beside the first.
    for (let i = 0; i < 3; i++) await studio.zoomOutButton.click();
    const box = await studio.node(siteA).boundingBox();
    const canvasBox = await studio.canvas.boundingBox();
    if (!box || !canvasBox) throw new Error('no layout');
    await studio.dragFromPalette('site', {
      x: box.x - canvasBox.x + box.width + 120,
      y: box.y - canvasBox.y + 10,
    });
    const siteB = await studio.idOfKind('site', 1);
    await studio.dropInSite('border', siteA, 0.7);
    await studio.dropInSite('border', siteB, 0.3);
    await expect(studio.nodesOfKind('border')).toHaveCount(2);
    const routerA = await studio.idOfKind('border', 0);
    const routerB = await studio.idOfKind('border', 1);

    // Drag handle to handle, twice: two DCI links between the same two routers.
    await studio.connect(routerA, routerB);
    await expect(studio.edgeLabels()).toHaveCount(1);
    await studio.connect(routerA, routerB);
    await expect(studio.edgeLabels()).toHaveCount(2);
    await expect(page.getByText('already connected')).toHaveCount(0);

    // Drawn apart: the two labels do not overlap, and both lines are visible. (The new link is
    // drawn straight at once and along its route when the router answers, off the main thread:
    // the labels are apart once that route is in.)
    const [first, second] = await studio.edgeIds();
    if (!first || !second) throw new Error('two links expected');
    const overlapping = async () => {
      const a = await studio.edgeLabel(first).boundingBox();
      const b = await studio.edgeLabel(second).boundingBox();
      if (!a || !b) throw new Error('labels not visible');
      return (
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
      );
    };
    await expect.poll(overlapping, { timeout: 5000 }).toBe(false);
    // (A routed straight run has a zero-height box, which Playwright calls hidden: measure the
    // drawn paths instead.)
    const drawn = async (id: string) =>
      studio
        .edge(id)
        .locator('.react-flow__edge-path')
        .evaluate((p: SVGPathElement) => ({ d: p.getAttribute('d'), length: p.getTotalLength() }));
    const [pathA, pathB] = [await drawn(first), await drawn(second)];
    expect(pathA.length).toBeGreaterThan(20);
    expect(pathB.length).toBeGreaterThan(20);
    expect(pathA.d).not.toBe(pathB.d);

    // Each is selectable on its own, and edits only itself.
    await studio.edgeLabel(first).click();
    await expect(studio.edgeLabel(first)).toHaveClass(/ring-2/);
    await expect(studio.edgeLabel(second)).not.toHaveClass(/ring-2/);
    await studio.inspectorShows(first);
    await studio.setField('distanceKm', '80');
    await studio.edgeLabel(second).click();
    await expect(studio.edgeLabel(second)).toHaveClass(/ring-2/);
    await expect(studio.edgeLabel(first)).not.toHaveClass(/ring-2/);
    await studio.inspectorShows(second);
    await studio.setField('distanceKm', '95');
    await expect(studio.edgeLabel(first)).toContainText('80 km');
    await expect(studio.edgeLabel(second)).toContainText('95 km');
    await page.screenshot({ path: test.info().outputPath('parallel-links.png') });
  });
});
