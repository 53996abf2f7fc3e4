import { expect, test, type Locator } from '@playwright/test';
import { StudioPage } from './pages/studio';

/** The middle of an element on the screen. */
async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.describe('Whiteboard notes', () => {
  test('a note is written, pointed at a device, follows it, is undone, kept and exported', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');

    const id = await studio.addNote();
    await studio.typeInNote(id, 'Check the MTU\nend to end before go-live');
    await expect(studio.note(id)).toContainText('Check the MTU');
    await expect(studio.note(id)).toContainText('end to end before go-live');

    // Point it at a device from the inspector: a callout is drawn to the device's border.
    const device = await studio.idOfKind('cluster');
    await studio.field('noteTarget').selectOption(device);
    await expect(studio.note(id)).toHaveAttribute('data-target', device);
    await expect(studio.notePointerEnd(id)).toHaveCount(1);
    const before = await centerOf(studio.notePointerEnd(id));

    // The device moves: the callout follows it.
    const deviceBefore = await centerOf(studio.node(device));
    await studio.dragNodeBy(device, 48, 0);
    await expect
      .poll(async () => (await centerOf(studio.node(device))).x - deviceBefore.x)
      .toBeGreaterThan(20);
    await expect
      .poll(async () => (await centerOf(studio.notePointerEnd(id))).x - before.x)
      .toBeGreaterThan(10);

    // Undo puts the device back, and the callout with it; the note itself stays.
    await studio.pressShortcut('Control+z');
    await expect
      .poll(async () => Math.abs((await centerOf(studio.notePointerEnd(id))).x - before.x))
      .toBeLessThan(2);
    await expect(studio.note(id)).toContainText('Check the MTU');

    // Kept in the design: a reload brings the note back, with its text and its target.
    await studio.waitForAutosave();
    await page.reload();
    await expect(studio.canvas).toBeVisible();
    await expect(studio.note(id)).toContainText('end to end before go-live');
    await expect(studio.note(id)).toHaveAttribute('data-target', device);
    await expect(studio.notePointerEnd(id)).toHaveCount(1);

    // Shown in the exports: the SVG draws the note's box, its text and its callout.
    const svg = (await studio.exportFile('svg')).bytes.toString('utf8');
    expect(svg).toContain(`data-element-id="${id}"`);
    expect(svg).toContain('>Check the MTU</text>');
    expect(svg).toContain('>end to end before go-live</text>');
  });

  test('"Add a note pointing here", edit in place, Delete, and a deleted target', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const device = await studio.idOfKind('border');
    await studio.select(device);
    await studio.inspectorPart('add-note').click();
    await expect(studio.notes).toHaveCount(1);
    const [id = ''] = await studio.noteIds();
    await expect(studio.noteEditor(id)).toBeFocused();
    await studio.typeInNote(id, 'DCI edge to replace in Q3');
    await expect(studio.note(id)).toHaveAttribute('data-target', device);

    // Double-click opens the text again; what is typed replaces it.
    await studio.note(id).dblclick();
    await expect(studio.noteEditor(id)).toBeFocused();
    await studio.typeInNote(id, 'DCI edge replaced');
    await expect(studio.note(id)).toHaveText('DCI edge replaced');

    // The device's inspector says what deleting it does to the note; the note stays, free.
    await studio.select(device);
    await expect(page.getByTestId('notes.here')).toContainText('1 note points here');
    await studio.pressShortcut('Delete');
    await expect(studio.node(device)).toHaveCount(0);
    await expect(studio.toast('info')).toContainText(
      'The note that pointed there stays, as a free note',
    );
    await expect(studio.note(id)).toHaveAttribute('data-target', '');
    await expect(studio.notePointerEnd(id)).toHaveCount(0);

    // A selected note is deleted with the Delete key, like any element, and Undo brings it back.
    await studio.note(id).click();
    await expect(studio.inspectorPart('title')).toHaveText('Note');
    await studio.pressShortcut('Delete');
    await expect(studio.notes).toHaveCount(0);
    await studio.pressShortcut('Control+z');
    await expect(studio.note(id)).toHaveText('DCI edge replaced');
  });

  test('N adds a note; text the design cannot hold is refused with a reason', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.pressShortcut('n');
    await expect(studio.notes).toHaveCount(1);
    const [id = ''] = await studio.noteIds();
    await studio.typeInNote(id, 'Short and fine');

    await studio.note(id).click();
    const field = studio.field('noteText');
    await expect(field).toHaveValue('Short and fine');
    await field.fill('x'.repeat(2001));
    await field.blur();
    await expect(studio.fieldError('noteText')).toContainText('at most 2000');
    await expect(studio.note(id)).toHaveText('Short and fine');

    // Typed in the inspector, committed as it is typed: the canvas follows.
    await field.fill('Written in the inspector');
    await expect(studio.note(id)).toHaveText('Written in the inspector');
  });

  test("what is typed right after N is the note's text, even while its code loads", async ({
    page,
  }) => {
    // The code that places notes and draws them loads on first use: held back here, as on a
    // slow network. Keys typed meanwhile went to the canvas before: the text was lost, and an
    // "n" in it added a second note.
    await page.route(/\/(notes|NoteNode)[-.]/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const nodes = await studio.allNodes.count();
    await studio.pressShortcut('n');
    await page.keyboard.type('Check the DCI mtu');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('MTU');
    await expect(studio.notes).toHaveCount(1);
    const [id = ''] = await studio.noteIds();
    await expect(page.getByTestId(`note-editor.${id}`)).toBeFocused();
    await expect(page.getByTestId(`note-editor.${id}`)).toHaveValue('Check the DCI MTU');
    // Typing goes on where it left off, and Escape keeps it all.
    await page.keyboard.type(' (9000)');
    await page.keyboard.press('Escape');
    await expect(studio.note(id)).toHaveText('Check the DCI MTU (9000)');
    await expect(studio.notes).toHaveCount(1);
    expect(await studio.allNodes.count()).toBe(nodes);
    // The text is one undo step, as for a note written in place; the note is the one before.
    await studio.pressShortcut('Control+z');
    await expect(studio.note(id)).toHaveText('Empty note');
    await studio.pressShortcut('Control+z');
    await expect(studio.notes).toHaveCount(0);
  });

  test('a share link carries the notes to another studio', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const id = await studio.addNote();
    await studio.typeInNote(id, 'Shared <b>as text</b>');
    const link = await studio.copyLink();

    await studio.open();
    await expect(studio.notes).toHaveCount(0);
    await studio.openLink(link);
    await expect(studio.note(id)).toHaveText('Shared <b>as text</b>');
    await expect(studio.note(id).locator('b')).toHaveCount(0);
  });
});
