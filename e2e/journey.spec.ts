/**
 * A two-site design drawn the way a new user would, with the tools issue 11 asked for: the
 * fabric builder, palette clicks that land inside the selected site, links dropped anywhere on
 * a device, a note; then every export, and the SVG opened again. Each user gesture (a click, a
 * drag, a typed field, a key) is counted: the count is printed and held under a ceiling, so a
 * change that makes drawing take more steps fails here. (Before these tools: about 60.)
 */
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

/** The most gestures drawing the design may take (35 today: see the printed figure). */
const DRAWING_CEILING = 36;

test('a two-site metro design, drawn with the fabric builder and body drops, exported four ways and re-opened', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  let actions = 0;
  /** Count `n` user gestures for what `run` does. */
  const act = async <T>(n: number, run: () => Promise<T>): Promise<T> => {
    actions += n;
    return run();
  };

  await studio.open();
  await expect(studio.allNodes).toHaveCount(0);

  // Two sites, each named, each with a 2 × 2 fabric, a DCI edge router and a host cluster.
  const sites: string[] = [];
  for (const name of ['DC1 Amsterdam', 'DC2 Rotterdam']) {
    const site = await act(1, () => studio.addSite()); // palette click
    await act(1, () => studio.select(site));
    await act(1, () => studio.setField('label', name)); // type the name
    await act(4, () => studio.buildFabric(site, 2, 2)); // select, spines, leaves, Build
    await act(1, () => studio.select(site));
    await act(1, () => studio.paletteItem('border').click());
    await act(1, () => studio.select(site));
    await act(1, () => studio.paletteItem('cluster').click());
    sites.push(site);
  }
  await expect(studio.nodesOfKind('site')).toHaveCount(2);
  await expect(studio.nodesOfKind('spine')).toHaveCount(4);
  await expect(studio.nodesOfKind('tor')).toHaveCount(4);
  await expect(studio.nodesOfKind('border')).toHaveCount(2);
  await expect(studio.nodesOfKind('cluster')).toHaveCount(2);
  // Per-site names, as the builder and the palette give them.
  await expect(studio.node(await studio.idOfLabel('dc1-spine-1'))).toBeVisible();
  await expect(studio.node(await studio.idOfLabel('dc2-leaf-2'))).toBeVisible();
  expect(await studio.edgeIds()).toHaveLength(8); // 2 × (2 spines × 2 leaves)

  // Both sites in view (the second was added beside the first, off screen).
  await act(1, () => studio.toolbarButton('fit-view').click());

  // Wire each site by dropping links on device bodies: border to both spines, cluster to a leaf.
  for (const prefix of ['dc1', 'dc2']) {
    const border = await studio.idOfLabel(`${prefix}-border-1`);
    const cluster = await studio.idOfLabel(`${prefix}-cluster-1`);
    for (const spine of [`${prefix}-spine-1`, `${prefix}-spine-2`])
      await act(1, async () => studio.connectByBody(border, await studio.idOfLabel(spine)));
    await act(1, async () =>
      studio.connectByBody(cluster, await studio.idOfLabel(`${prefix}-leaf-1`)),
    );
  }
  expect(await studio.edgeIds()).toHaveLength(14);

  // The DCI link between the two border routers, dropped on the far router's body.
  const before = await studio.edgeIds();
  await act(1, async () =>
    studio.connectByBody(
      await studio.idOfLabel('dc1-border-1'),
      await studio.idOfLabel('dc2-border-1'),
    ),
  );
  await expect.poll(async () => (await studio.edgeIds()).length).toBe(15);
  const dci = (await studio.edgeIds()).find((id) => !before.includes(id));
  if (!dci) throw new Error('no DCI link');
  await act(2, () => studio.setLinkDistance(dci, 80)); // click the label, type the distance

  // A note for the review, pointing at the DCI link.
  const note = await act(1, () => studio.addNote());
  await act(1, () => studio.typeInNote(note, 'Dark fibre: order a diverse second route'));
  await act(1, () => studio.field('noteTarget').selectOption(dci));
  await expect(studio.note(note)).toHaveAttribute('data-target', dci);
  const drawingActions = actions;

  // Every export, from the Export dialog (open it, pick the format).
  const svg = await act(2, () => studio.exportFile('svg'));
  const png = await act(2, () => studio.exportFile('png'));
  const pdf = await act(2, () => studio.exportFile('pdf'));
  const drawio = await act(2, () => studio.exportFile('drawio'));
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).not.toContain('foreignObject');
  expect(svgText).toMatch(/>Dark fibre: order a[^<]*<\/text>/); // the note, wrapped to its box
  expect(svgText).toContain(`data-element-id="${dci}"`);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const xml = drawio.bytes.toString('utf8');
  expect(xml.match(/vertex="1"/g)?.length).toBeGreaterThanOrEqual(14); // 2 sites, 12 devices
  expect(xml.match(/edge="1"/g)?.length).toBeGreaterThanOrEqual(15);

  // The SVG opens again as the design, in a fresh studio.
  const nodes = await studio.allNodes.count();
  await studio.open();
  await expect(studio.allNodes).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await act(1, () => studio.toolbarButton('open').click());
  await act(1, async () =>
    (await chooser).setFiles({ name: svg.name, mimeType: 'image/svg+xml', buffer: svg.bytes }),
  );
  await expect(studio.allNodes).toHaveCount(nodes);
  expect(await studio.edgeIds()).toHaveLength(15);
  await expect(studio.note(note)).toContainText('Dark fibre: order a diverse');

  console.log(
    `Journey: ${drawingActions} actions to draw the design, ${actions} with the four exports and the re-open.`,
  );
  test.info().annotations.push({ type: 'actions', description: `${drawingActions} / ${actions}` });
  expect(drawingActions).toBeLessThanOrEqual(DRAWING_CEILING);
});
