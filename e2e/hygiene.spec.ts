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
    await expect(studio.fieldError('label')).toHaveText(
      /^Contains a bidirectional override \(U\+202E\), which could make it read differently from what it is; not allowed — kept the previous value$/u,
    );
    await studio.setField('label', 'DC1\u0007');
    await expect(studio.fieldError('label')).toContainText('Contains a control character (U+0007)');
    await expect(studio.node(site)).toContainText(before);

    // The quiet case: markup and accents are just text.
    await studio.setField('label', 'DC1 <b>Amstérdam</b>');
    await expect(studio.fieldError('label')).toHaveCount(0);
    await expect(studio.node(site)).toContainText('DC1 <b>Amstérdam</b>');
  });
});

test.describe('Quantities in the inspector', () => {
  test('a DCI distance past any fibre on Earth is refused, naming the bound; the link keeps its distance', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.setLinkDistance('dci-fibre-1', 120);

    await studio.setField('distanceKm', '1e9');
    await expect(studio.fieldError('distanceKm')).toHaveText('Must be ≤ 40,000 km — kept 120');
    await expect(studio.edgeLabel('dci-fibre-1')).toContainText('120 km · 1.3 ms');

    // The quiet case: the longest distance a link may have is a distance.
    await studio.setField('distanceKm', '40000');
    await expect(studio.fieldError('distanceKm')).toHaveCount(0);
    // Its label groups the figure as the field's message groups the bound.
    await expect(studio.edgeLabel('dci-fibre-1')).toContainText('40,000 km');
  });
});

test.describe("The page's scripts", () => {
  test('every script the studio loads is ASCII, its words shown as written', async ({ page }) => {
    // V8 holds a script with one character past Latin-1 as two bytes a character, its whole
    // source (vite.config.ts: output.charset): the build writes such characters as \u escapes.
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    // The escapes are the characters they stand for: "Loaded “…”." names the template in quotes.
    await expect(page.getByText(/^Loaded “Metro 80 km: VPLEX Metro \+ OTV”\.$/u)).toBeVisible();
    await expect(studio.inspector).toBeVisible();
    await expect(page.getByTestId('tab.findings')).toBeVisible();
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((url) => new URL(url).origin === location.origin && url.endsWith('.js')),
    );
    // The entry, what restores the design, the validator and the panels at least.
    expect(scripts.length).toBeGreaterThan(10);
    for (const url of scripts) {
      const source = await (await page.request.get(url)).text();
      const wide = [...new Set([...source].filter((c) => c.charCodeAt(0) > 0x7f))];
      expect(wide, url).toEqual([]);
    }
  });
});
