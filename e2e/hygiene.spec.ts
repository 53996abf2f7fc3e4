import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Text hygiene in the inspector', () => {
  test('a bidi override or a control character in a label is refused, saying which; the label is kept', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const site = await studio.idOfKind('site');
    await studio.select(site);
    const before = await studio.field('label').inputValue();

    await studio.setField('label', 'DC1\u202Eexe.fdp');
    await expect(page.getByTestId('field.label.error')).toHaveText(
      /^Contains a bidirectional override \(U\+202E\), which could make it read differently from what it is; not allowed — kept the previous value$/u,
    );
    await studio.setField('label', 'DC1\u0007');
    await expect(page.getByTestId('field.label.error')).toContainText(
      'Contains a control character (U+0007)',
    );
    await expect(studio.node(site)).toContainText(before);

    // The quiet case: markup and accents are just text.
    await studio.setField('label', 'DC1 <b>Amstérdam</b>');
    await expect(page.getByTestId('field.label.error')).toHaveCount(0);
    await expect(studio.node(site)).toContainText('DC1 <b>Amstérdam</b>');
  });
});
