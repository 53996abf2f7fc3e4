import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Content-Security-Policy', () => {
  test('the studio is served under its policy, and an injected inline script is blocked', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.watchCsp();
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("frame-ancestors 'none'");
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /object-src 'none'; base-uri 'none'/u,
    );
    // The fire test: markup that would run script is refused by the browser, and reported.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __ran?: boolean }).__ran === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => studio.cspViolations())
      .toContainEqual(expect.stringContaining('script-src'));
  });

  test('drawing, editing, tidying, what-if, sharing and every export raise no violation', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const studio = new StudioPage(page);
    await studio.watchCsp();
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const site = await studio.idOfKind('site');
    await studio.select(site);
    await studio.setField('label', 'DC1 <b>Amsterdam</b>');
    await studio.tidyUp();
    await page.getByTestId('tab.whatif').click();
    await page.getByTestId('whatif.sweep.run').click();
    await expect(page.getByTestId('whatif.sweep.table')).toBeVisible();
    await studio.copyLink();
    for (const kind of ['png', 'svg', 'json', 'markdown'] as const) await studio.exportFile(kind);
    await page.getByTestId('toolbar.export').click();
    const popup = page.waitForEvent('popup');
    await page.getByTestId('export.print').click();
    const report = await popup;
    await report.waitForLoadState();
    await expect(report.locator('h1')).toContainText('Design review');
    await report.close();
    await page.keyboard.press('Escape');
    await studio.recentNames();
    expect(await studio.cspViolations()).toEqual([]);
  });
});
