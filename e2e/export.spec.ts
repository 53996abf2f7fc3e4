import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Export and import', () => {
  test('an exported PNG dropped on the canvas of a fresh studio opens the design', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { nodes, name } = await studio.openTemplate('metro-vs-long-distance');

    const png = await studio.exportFile('png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    await studio.open(); // empty storage: a fresh studio
    await expect(studio.allNodes).toHaveCount(0);
    await studio.dropFile('x.png', png.bytes, 'image/png');
    await expect(studio.allNodes).toHaveCount(nodes);
    await expect(studio.designName).toHaveText(name);
  });

  test('an exported SVG is script-free and opens again with "Open…"', async ({ page }) => {
    const studio = new StudioPage(page);
    const { nodes } = await studio.openTemplate('metro-vplex-otv');
    const svg = await studio.exportFile('svg', { annotations: false });
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('urn:dci-studio:design');
    expect(text).not.toMatch(/<script|\son\w+=/i);
    // Plain shapes other programs draw: no HTML inside, one group per element.
    expect(text).not.toContain('foreignObject');
    for (const id of await studio.allNodes.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-testid')?.slice('node.'.length)),
    ))
      expect(text).toContain(`data-element-id="${id}"`);
    expect(text).toMatch(/<rect [^>]*rx="8"/);
    expect(text).toContain('>Dark fibre route 1</text>');
    // A pair of names that differ at the end: whole on the canvas, at the size of the export's.
    for (const id of ['ams-dci-edge-1', 'ams-dci-edge-2']) {
      const name = page.getByTestId(`node-name.${id}`);
      await expect(name).toHaveText(id);
      const drawn = await name.evaluate((span) => ({
        px: getComputedStyle(span).fontSize,
        fits: span.getBoundingClientRect().width <= (span.parentElement?.clientWidth ?? 0),
      }));
      expect(drawn.fits).toBe(true);
      expect(text).toMatch(new RegExp(`font-size="${parseFloat(drawn.px)}"[^>]*>${id}</text>`));
    }
    // Subtitles in the wording that fits the card ("vSphere 6.0+ · 8 hosts" does not), whole
    // on the canvas and the same in the SVG; the tooltip has the most explicit wording.
    for (const [id, subtitle, full] of [
      ['esx-prod-a', '8 × vSphere 6+', 'vSphere 6.0+ · 8 hosts'],
      ['ams-fw', 'stateful · synced', 'stateful · state-synced'],
      ['array-a', 'VPLEX Metro', 'Dell VPLEX Metro / metro node'],
    ] as const) {
      const words = page.getByTestId(`node-name.${id}`).locator('..');
      await expect(words).toContainText(subtitle);
      await expect(words).toHaveAttribute(
        'title',
        new RegExp(`\\n${full.replace(/[.+]/gu, '\\$&')}$`, 'u'),
      );
      expect(await words.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      expect(text).toContain(`>${subtitle}</text>`);
    }
    // A name too long for its card is drawn cut, and read whole by assistive technology.
    await expect(page.getByTestId('node-name.ams-fw')).toHaveText(/^ams-fw \(inter.*…$/u);
    await expect(studio.node('ams-fw')).toContainText('ams-fw (inter-site cluster)');

    await studio.open();
    const chooser = page.waitForEvent('filechooser');
    await studio.toolbarButton('open').click();
    await (
      await chooser
    ).setFiles({ name: svg.name, mimeType: 'image/svg+xml', buffer: svg.bytes });
    await expect(studio.allNodes).toHaveCount(nodes);
  });

  test('PDF and draw.io files download from the same drawing', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vplex-otv');
    const pdf = await studio.exportFile('pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const drawio = await studio.exportFile('drawio');
    expect(drawio.name).toMatch(/\.drawio$/);
    const xml = drawio.bytes.toString('utf8');
    const nodes = await studio.allNodes.count();
    expect(xml.match(/vertex="1"/g)?.length).toBe(nodes);
  });

  test('the design file and the Markdown report download under the design name', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vplex-otv');
    const file = await studio.exportFile('json');
    expect(file.name).toMatch(/\.dci\.json$/);
    expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ version: 2 });
    const report = await studio.exportFile('markdown');
    expect(report.name).toMatch(/-review\.md$/);
    expect(report.bytes.toString('utf8')).toContain('Metro');
  });

  test('the printable review report opens with the diagram, and runs no script', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.openTemplate('metro-vs-long-distance');
    // A name without spaces, longer than a column has room for.
    await studio.select('esx-dal');
    await studio.setField('label', 'prod_esxi_cluster_amsterdam_zuidoost_datacenter_0001');
    await studio.toolbarButton('export').click();
    const popup = page.waitForEvent('popup');
    await studio.exportItem('print').click();
    const report = await popup;
    await report.waitForLoadState();
    await expect(report.locator('h1')).toContainText('Design review');
    await expect(report.locator('img[src^="data:image/png;base64,"]')).toHaveCount(1);
    expect(await report.locator('script').count()).toBe(0);
    // Every table fits the page, and no header of one word is split across lines ("Transp|ort").
    const layout = await report.evaluate(() => {
      const page = document.body.getBoundingClientRect().width;
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      return {
        wide: [...document.querySelectorAll('table')]
          .map((t) => t.getBoundingClientRect().width)
          .filter((w) => w > page + 0.5),
        split: [...document.querySelectorAll('th')]
          .filter((th) => !/\s/u.test(th.textContent ?? '') && lines(th) > 1)
          .map((th) => th.textContent),
      };
    });
    expect(layout).toEqual({ wide: [], split: [] });
    await report.close();
  });

  test('a file that is not a design, or an invalid one, is refused with the reason', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { nodes } = await studio.openTemplate('metro-vplex-otv');
    const file = await studio.exportFile('json');

    await studio.dropFile('notes.json', Buffer.from('{"hello":"world"}'), 'application/json');
    await expect(studio.toast('error')).toContainText('not a DCI Studio design');
    await expect(studio.allNodes).toHaveCount(nodes);

    const doc = JSON.parse(file.bytes.toString('utf8')) as { links: { distanceKm?: unknown }[] };
    const link = doc.links.findIndex((l) => l.distanceKm !== undefined);
    (doc.links[link] as { distanceKm: unknown }).distanceKm = -5;
    await studio.dropFile('bad.dci.json', Buffer.from(JSON.stringify(doc)), 'application/json');
    await expect(studio.toast('error').last()).toContainText(`links[${link}].distanceKm`);
    await expect(studio.allNodes).toHaveCount(nodes);
  });
});
