import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Content-Security-Policy', () => {
  test('the studio is served under its policy, and an injected inline script is blocked', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.watchCsp();
    const entry = page.waitForResponse((r) => /\/assets\/index-[\w-]+\.js$/u.test(r.url()));
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    // The first screen's script comes as the build's brotli copy (server/precompressed.ts), with
    // the page's headers.
    const script = (await entry).headers();
    expect(script['content-encoding']).toBe('br');
    expect(script['content-type']).toBe('text/javascript');
    expect(script['x-content-type-options']).toBe('nosniff');
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
    await studio.tab('whatif').click();
    await studio.whatIf('sweep.run').click();
    await expect(studio.whatIf('sweep.table')).toBeVisible();
    await studio.copyLink();
    for (const kind of ['png', 'svg', 'json', 'markdown'] as const) await studio.exportFile(kind);
    await studio.toolbarButton('export').click();
    const popup = page.waitForEvent('popup');
    await studio.exportItem('print').click();
    const report = await popup;
    await report.waitForLoadState();
    await expect(report.locator('h1')).toContainText('Design review');
    await report.close();
    await page.keyboard.press('Escape');
    await studio.recentNames();
    expect(await studio.cspViolations()).toEqual([]);
  });
});
