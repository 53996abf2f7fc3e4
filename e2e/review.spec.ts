import { expect, test, type Page } from '@playwright/test';
import { serializeDesign } from '../src/io/file';
import { removeElements } from '../src/model/edits';
import { addNote, createNote, updateNote } from '../src/model/notes';
import { countText } from '../src/model/plural';
import type { Design } from '../src/model/schema';
import { TEMPLATES } from '../src/model/templates/index';
import { diffDesigns } from '../src/rules/whatif/diff';
import { StudioPage } from './pages/studio';

function template(id: string): Design {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found.build();
}

/** The design with its first DCI link's MTU changed (below 1542 B, OTV no longer fits: L2-MTU). */
function withDciMtu(design: Design, mtu: number): { design: Design; before: number } {
  const dci = design.links.find((l) => l.kind === 'dci');
  if (!dci || dci.kind !== 'dci') throw new Error('no DCI link');
  return {
    before: dci.mtu,
    design: {
      ...design,
      links: design.links.map((l) => (l.id === dci.id && l.kind === 'dci' ? { ...l, mtu } : l)),
    },
  };
}

/**
 * The studio open on the MetroCluster template, with the template's design (to make the other
 * version from) and its first DCI link.
 */
async function openMetroCluster(page: Page) {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.loadTemplate('metro-metrocluster');
  const mine = template('metro-metrocluster');
  const link = mine.links.find((l) => l.kind === 'dci');
  if (!link) throw new Error('no DCI link');
  return { studio, mine, link };
}

test.describe('Waivers', () => {
  test('a waived finding needs a justification, stops counting, stays listed with its reason, survives a reload and can be unwaived', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    await expect(studio.count('warning')).toHaveText('10');
    await studio.openFindings();

    // No justification, no waiver: the refusal is explained in place.
    await studio.startWaiver('TROMBONE-GW');
    await studio.waiveForm('submit').click();
    await expect(studio.waiveForm('error')).toContainText('justification');
    await expect(studio.count('warning')).toHaveText('10');

    const why = 'Batch-only application: the egress trombone over 80 km is accepted (CAB-1234).';
    await studio.waiveForm('text').fill(why);
    await studio.waiveForm('submit').click();
    await expect(studio.count('warning')).toHaveText('9');
    await expect(studio.waivedSection).toContainText('Waived (1)');
    await expect(studio.waivedFinding('TROMBONE-GW')).toContainText(why);

    // One undoable edit.
    await studio.pressShortcut('Control+z');
    await expect(studio.count('warning')).toHaveText('10');
    await expect(studio.waivedSection).toHaveCount(0);
    await studio.pressShortcut('Control+Shift+z');
    await expect(studio.count('warning')).toHaveText('9');

    // The waiver is part of the design: autosave keeps it.
    await studio.waitForAutosave();
    await studio.open({ keepStorage: true });
    await expect(studio.count('warning')).toHaveText('9');
    await studio.openFindings();
    await expect(studio.waivedFinding('TROMBONE-GW')).toContainText(why);

    await studio.waivedFinding('TROMBONE-GW').getByTestId('unwaive').click();
    await expect(studio.count('warning')).toHaveText('10');
    await expect(studio.waivedSection).toHaveCount(0);
  });
});

test.describe('Compare two versions', () => {
  test('a file whose DCI link has a smaller MTU shows as one changed link with its MTU, and its new finding', async ({
    page,
  }) => {
    const { studio, mine } = await openMetroCluster(page);
    const other = withDciMtu(mine, 1400);
    const expected = diffDesigns(mine, other.design).findings;

    const dialog = await studio.compareWithFile(
      'small-mtu.dci.json',
      serializeDesign(other.design),
    );
    await expect(dialog.getByTestId('compare.result')).toContainText('This design');
    await expect(dialog.getByTestId('compare.result')).toContainText('small-mtu.dci.json');

    const changed = studio.compare('changed');
    await expect(changed.getByTestId('compare.item')).toHaveCount(1);
    await expect(changed).toContainText('DCI link');
    // Read as the inspector names the field, with its unit: not `mtu: 9216 → 1400`.
    const before = `${countText(other.before)} B`;
    await expect(changed.getByTestId('compare.change')).toHaveText(`MTU: ${before} → 1,400 B`);
    await expect(studio.compare('added')).toHaveAttribute('data-count', '0');
    await expect(studio.compare('removed')).toHaveAttribute('data-count', '0');
    await expect(studio.compare('findings.new')).toHaveAttribute(
      'data-count',
      String(expected.new.length),
    );
    await expect(studio.compare('findings.resolved')).toHaveAttribute(
      'data-count',
      String(expected.resolved.length),
    );
    expect(expected.new.length).toBeGreaterThan(0);
    await expect(studio.compare('findings.new')).toContainText(expected.new[0]!.message);

    // Swapped, the other version comes first and the change reads the other way round.
    await studio.compare('swap').click();
    await expect(changed.getByTestId('compare.change')).toHaveText(`MTU: 1,400 B → ${before}`);
    await expect(studio.compare('findings.resolved')).toHaveAttribute(
      'data-count',
      String(expected.new.length),
    );

    // Comparing never touches the open design.
    await page.keyboard.press('Escape');
    await expect(studio.count('warning')).toHaveText('10');
    await expect(studio.toolbarButton('undo')).toBeDisabled();

    // A changed element of the open design is shown on the canvas from the list: the dialog
    // closes and the link is selected.
    await studio.compareWithFile('small-mtu.dci.json', serializeDesign(other.design));
    const link = changed.getByTestId('compare.item');
    const id = await link.getAttribute('data-id');
    await link.getByTestId('compare.show').click();
    await expect(dialog).toBeHidden();
    await studio.inspectorShows(id ?? '');
    await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveClass(/selected/u);
  });

  test('the comparison is marked on the canvas: the changed link and the devices the other version lacks', async ({
    page,
  }) => {
    const { studio, mine } = await openMetroCluster(page);
    const smaller = withDciMtu(mine, 1400).design;
    const changedLink = mine.links.find((l) => l.kind === 'dci')!.id;
    // The other version has the MTU changed and the DC2 firewall removed.
    const other = removeElements(smaller, ['rtm-fw']);

    await studio.compareWithFile('revision-2.dci.json', serializeDesign(other));
    await studio.compare('mark').click();
    await expect(studio.compare('result')).toBeHidden();
    const banner = page.getByTestId('compare-banner');
    await expect(banner).toContainText('Compared with revision-2.dci.json');
    await expect(banner).toContainText('1 changed');
    // The firewall and its links.
    const gone = 1 + mine.links.filter((l) => [l.source, l.target].includes('rtm-fw')).length;
    await expect(banner).toContainText(`${gone} removed in it`);
    await expect(page.getByTestId(`edge-label.${changedLink}`)).toHaveClass(/diff-changed/u);
    await expect(studio.node('rtm-fw')).toHaveClass(/diff-removed/u);
    await expect(studio.node('ams-fw')).not.toHaveClass(/diff-/u);

    // Swapped, the open design is the later version: the firewall is one it adds.
    await studio.compareWithFile('revision-2.dci.json', serializeDesign(other));
    await studio.compare('swap').click();
    await studio.compare('mark').click();
    await expect(banner).toContainText(`${gone} added since`);
    await expect(studio.node('rtm-fw')).toHaveClass(/diff-added/u);

    await page.getByTestId('compare-banner.clear').click();
    await expect(banner).toHaveCount(0);
    await expect(studio.node('rtm-fw')).not.toHaveClass(/diff-/u);
    await expect(page.getByTestId(`edge-label.${changedLink}`)).not.toHaveClass(/diff-/u);
  });

  test('the marks follow the edits made after marking, and a changed workload outlines its chip', async ({
    page,
  }) => {
    const { studio, mine, link } = await openMetroCluster(page);
    // The other version: the first DCI link's MTU at 1,400 B, and web-01..04 given more memory.
    const smaller = withDciMtu(mine, 1400).design;
    const other: Design = {
      ...smaller,
      workloads: smaller.workloads.map((w) => (w.id === 'wl-web' ? { ...w, memoryGB: 16 } : w)),
    };
    await studio.compareWithFile('revision-2.dci.json', serializeDesign(other));
    await studio.compare('mark').click();
    const banner = page.getByTestId('compare-banner');
    const label = page.getByTestId(`edge-label.${link.id}`);
    await expect(banner).toContainText('2 changed');
    await expect(label).toHaveClass(/diff-changed/u);
    await expect(page.getByTestId('chip.wl-web')).toHaveClass(/diff-changed/u);
    await expect(page.getByTestId('chip.wl-app')).not.toHaveClass(/diff-/u);
    // And its row in the Workloads tab.
    await studio.tab('workloads').click();
    await expect(studio.listRow('workload.wl-web')).toHaveClass(/diff-changed/u);
    await studio.tab('inspect').click();

    // The link given the other version's MTU no longer differs: its outline goes.
    await label.click();
    await studio.inspectorShows(link.id);
    await studio.setField('mtu', '1400');
    await expect(label).not.toHaveClass(/diff-/u);
    await expect(banner).toContainText('1 changed');
    await expect(page.getByTestId('chip.wl-web')).toHaveClass(/diff-changed/u);

    // Undone, it differs again.
    await studio.pressShortcut('Control+z');
    await expect(label).toHaveClass(/diff-changed/u);
    await expect(banner).toContainText('2 changed');

    // A device added after marking is one the other version lacks.
    await studio.select('ams-fw');
    await studio.pressShortcut('Control+c');
    await studio.pressShortcut('Control+v');
    await expect(banner).toContainText('1 removed in it');
    // The copy's and the paste's toasts stand above the banner, not over it.
    const toasts = page.locator('[data-testid^="toast."]');
    await expect(toasts.first()).toBeVisible();
    const bannerBox = (await banner.boundingBox())!;
    for (const toast of await toasts.all()) {
      const box = (await toast.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(bannerBox.y);
    }
    const pasted = page.locator('.react-flow__node.selected');
    await expect(pasted).toHaveCount(1);
    await expect(pasted.locator('[data-testid^="node."]').first()).toHaveClass(/diff-removed/u);

    // Compare opens on the comparison marked, as it stands now.
    await studio.toolbarButton('compare').click();
    await expect(studio.compare('result')).toContainText('revision-2.dci.json');
    await expect(studio.compare('removed')).toContainText('ams-fw');
  });

  test('what the canvas does not draw is named in the banner, not passed over as no difference', async ({
    page,
  }) => {
    const { studio, mine } = await openMetroCluster(page);
    // The other version: one segment's gateway at each site, and a slower device allowance.
    const other: Design = {
      ...mine,
      segments: mine.segments.map((s, i) => (i === 0 ? { ...s, gatewayMode: 'anycast' } : s)),
      settings: { ...mine.settings, dciHopAllowanceMs: 0.5 },
    };
    await studio.compareWithFile('revision-2.dci.json', serializeDesign(other));
    await studio.compare('mark').click();
    const banner = page.getByTestId('compare-banner');
    await expect(banner).toContainText('not drawn: 1 segment (Segments tab), the latency model');
    await expect(banner).not.toContainText('nothing differs');

    // The Segments tab marks the segment in its list, and only it.
    await studio.tab('segments').click();
    const [first, second] = mine.segments;
    await expect(studio.listRow(`segment.${first!.id}`)).toHaveClass(/diff-changed/u);
    await expect(studio.listRow(`segment.${second!.id}`)).not.toHaveClass(/diff-/u);

    // A firewall deleted after marking: nothing left to outline, so the banner counts it and its
    // two links, as added in the other version (the later one, as a file compared with is)…
    await studio.tab('inspect').click();
    await studio.select('rtm-fw');
    await studio.pressShortcut('Delete');
    // Drawn as a ghost, the firewall is counted with the marks; its links are not drawn.
    await expect(banner).toContainText('1 device added in it');
    await expect(banner).toContainText('not drawn: 2 links added in it, 1 segment');
    // Drawn dashed where it stood, as the firewall the other version has.
    const ghost = page.getByTestId('compare-ghost.rtm-fw');
    await expect(ghost).toHaveClass(/compare-ghost-added/u);
    await expect(ghost).toContainText('only in the other version');
    // …or, swapped, the other version the earlier, as removed since it.
    await studio.toolbarButton('compare').click();
    await studio.compare('swap').click();
    await studio.compare('mark').click();
    await expect(banner).toContainText('1 device removed since');
    await expect(banner).toContainText('not drawn: 2 links removed since, 1 segment');
    await expect(ghost).toHaveClass(/compare-ghost-removed/u);
    await expect(ghost).toContainText('removed since');
    // Compare shows where the deleted firewall stood: its ghost, brought into view.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect(ghost).not.toBeInViewport();
    await studio.toolbarButton('compare').click();
    await studio
      .compare('removed')
      .locator('[data-id="rtm-fw"]')
      .getByTestId('compare.stood')
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(ghost).toBeInViewport();
    // Undone, the firewall is back on the canvas, and its ghost goes.
    await studio.pressShortcut('Control+z');
    await expect(ghost).toHaveCount(0);
    await expect(banner).not.toContainText('removed since');
  });

  test('a copy kept in Recent designs before an edit is compared with, with no file at hand', async ({
    page,
  }) => {
    const { studio, mine, link } = await openMetroCluster(page);

    await studio.toolbarButton('recent').click();
    // Named for what is about to be tried; the name is text, never markup.
    await page.getByTestId('recent.label').fill('before the <b>MTU</b> change');
    await page.getByTestId('recent.label').press('Enter');
    await expect(
      page.getByText(
        `Kept a copy of “${mine.name}” as “before the <b>MTU</b> change” in Recent designs.`,
      ),
    ).toBeVisible();
    await expect(page.getByTestId('recent.item.0')).toContainText(mine.name);
    await expect(page.getByTestId('recent.item.0.label')).toHaveText(
      '“before the <b>MTU</b> change”',
    );
    await page.keyboard.press('Escape');

    await studio.edgeLabel(link.id).click();
    await studio.inspectorShows(link.id);
    await studio.setField('mtu', '1400');

    await studio.toolbarButton('compare').click();
    await page.getByTestId('compare.recent').selectOption({ index: 1 });
    // The copy kept before the edit is the earlier version: what changed since it.
    await expect(studio.compare('changed')).toContainText(
      `MTU: ${countText(link.mtu)} B → 1,400 B`,
    );
    await expect(studio.compare('result')).toContainText('“before the <b>MTU</b> change” (');
    await studio.compare('mark').click();
    await expect(page.getByTestId('compare-banner')).toContainText(
      'Compared with “before the <b>MTU</b> change” (',
    );
    await expect(studio.edgeLabel(link.id)).toHaveClass(/diff-changed/u);
  });

  test('the design another one replaced is compared with from Recent designs', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    // Opening another design puts the first aside, in Recent designs.
    await studio.loadTemplate('metro-metrocluster');
    await studio.toolbarButton('recent').click();
    await expect(page.getByTestId('recent.item.0')).toContainText(template('metro-vplex-otv').name);
    await page.getByTestId('recent.compare.0').click();
    await expect(studio.compare('result')).toContainText('the version of');
    await expect(page.getByTestId('compare.recent')).toHaveValue(/.+/u);
    // The storage products differ: the arrays are changed elements.
    await expect(studio.compare('changed')).toContainText('Product');
    // The open design is untouched.
    await expect(studio.designName).toContainText(template('metro-metrocluster').name);
  });

  test('the comparison is copied as Markdown, in the words of the command line', async ({
    page,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const other = withDciMtu(template('metro-metrocluster'), 1400);
    await studio.compareWithFile('small-mtu.dci.json', serializeDesign(other.design));
    await studio.compare('copy').click();
    await expect(page.getByText('Comparison copied as Markdown.')).toBeVisible();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^## Design changes: /u);
    expect(markdown).toContain('after: `small-mtu.dci.json`');
    expect(markdown).toContain(`  - MTU: ${countText(other.before)} B → 1,400 B\n`);
    expect(markdown).toMatch(/### New findings \(\d+\)/u);
  });

  test('a note whose words changed is outlined too', async ({ page }) => {
    const studio = new StudioPage(page);
    const note = createNote('n-fibre', { x: 40, y: 40 }, 'Confirm the fibre route', 'dci-fibre-1');
    const mine = addNote(template('metro-vplex-otv'), note);
    await studio.openDesign(serializeDesign(mine));
    const other = updateNote(mine, 'n-fibre', { text: 'Fibre route confirmed by the carrier' });
    await studio.compareWithFile('revision-2.dci.json', serializeDesign(other));
    await expect(studio.compare('changed')).toContainText(
      'Text: “Confirm the fibre route” → “Fibre route confirmed by the carrier”',
    );
    await studio.compare('mark').click();
    await expect(page.getByTestId('compare-banner')).toContainText('1 changed');
    await expect(page.getByTestId('note.n-fibre').locator('.note-box')).toHaveClass(
      /diff-changed/u,
    );
  });

  test('a file that is not a design, or a broken link, is explained and the open design is kept', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');

    await studio.compareWithFile('notes.json', '{"hello": "world"}');
    await expect(studio.compare('error')).toContainText('notes.json');
    await expect(studio.compare('error')).toContainText('open design is unchanged');
    await expect(studio.compare('result')).toHaveCount(0);

    await studio.compare('link').fill('https://example.com/#d=1.garbage!!');
    await studio.compare('link.submit').click();
    await expect(studio.compare('error')).toContainText('link');
    await page.keyboard.press('Escape');
    await expect(studio.designName).toContainText('MetroCluster');
    await expect(studio.count('warning')).toHaveText('10');
  });

  test('a share link can be compared too', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const link = await studio.copyLink();
    await studio.loadTemplate('metro-vplex-otv');
    const dialog = await studio.compareWithLink(link);
    await expect(dialog.getByTestId('compare.result')).toContainText('the pasted link');
    await expect(studio.compare('changed').getByTestId('compare.item')).not.toHaveCount(0);
  });
});

test.describe('Tidy up', () => {
  test('lays the design out as one undoable edit, without errors', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const counts = await studio.findingCounts();

    // Knock a leaf out of line so there is something to tidy.
    const leaf = await studio.idOfKind('tor');
    const box = await studio.node(leaf).boundingBox();
    if (!box) throw new Error('leaf not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    const messy = await studio.nodePositions();

    await studio.tidyUp();
    const tidy = await studio.nodePositions();
    expect(tidy).not.toEqual(messy);
    // Layout is not design: the findings are the same.
    expect(await studio.findingCounts()).toEqual(counts);

    await studio.pressShortcut('Control+z');
    await expect.poll(() => studio.nodePositions()).toEqual(messy);
    expect(errors).toEqual([]);
  });

  test('is not offered in view-only mode', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-metrocluster');
    const link = await studio.copyLink({ viewOnly: true });
    await studio.openLink(link);
    await expect(studio.toolbarButton('tidy')).toBeDisabled();
  });
});
