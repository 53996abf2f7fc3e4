import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Design } from '../src/model/schema';
import { syntheticDesign } from '../src/model/synthetic';
import { LEGACY_AUTOSAVE_KEY } from '../src/store/legacyKeys';
import { StudioPage } from './pages/studio';

/** A fresh browser where an older studio left `design` in localStorage (once: not on reload). */
async function leftByOlderStudio(page: Page, design: Design): Promise<void> {
  await page.addInitScript(
    ({ key, saved }) => {
      if (sessionStorage.getItem('e2e:seeded') === null) {
        sessionStorage.setItem('e2e:seeded', '1');
        localStorage.setItem(key, saved);
      }
    },
    { key: LEGACY_AUTOSAVE_KEY, saved: JSON.stringify(design) },
  );
}

/** Note when the first node enters the page, on the clock of the page's resource timings. */
async function markFirstNode(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks = { nodesAt: NaN };
    (window as unknown as { __marks: typeof marks }).__marks = marks;
    const observer = new MutationObserver(() => {
      if (document.querySelector('.react-flow__node')) {
        marks.nodesAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

/** The scripts whose path matches `pattern` the page asked for, and whether before its first node. */
function scriptsAsked(page: Page, pattern: RegExp): Promise<{ chunk: string; before: boolean }[]> {
  return page.evaluate((source) => {
    const match = new RegExp(source, 'u');
    const nodesAt = (window as unknown as { __marks: { nodesAt: number } }).__marks.nodesAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => match.test(new URL(e.name).pathname))
      .map((e) => ({ chunk: new URL(e.name).pathname, before: e.startTime < nodesAt }));
  }, pattern.source);
}

/**
 * A link to one template's design copied, then another template opened and stored: the link
 * would replace the design open, named `open`.
 */
async function linkToAnotherDesign(studio: StudioPage): Promise<{ link: string; open: string }> {
  await studio.open();
  await studio.loadTemplate('metro-vs-long-distance');
  const link = await studio.copyLink();
  await studio.loadTemplate('metro-vplex-otv');
  const open = await studio.designName.innerText();
  await studio.waitForAutosave();
  return { link, open };
}

/**
 * Two tabs of one browser: A opens a template and stores it, then B opens the studio, which
 * opens a copy of the design A has open (A's slot is taken).
 */
async function twoTabsOnOneDesign(context: BrowserContext): Promise<[StudioPage, StudioPage]> {
  const a = new StudioPage(await context.newPage());
  await a.open();
  await a.loadTemplate('metro-vplex-otv');
  await a.waitForAutosave();
  const b = new StudioPage(await context.newPage());
  await b.page.goto('/');
  await expect(b.canvas).toBeVisible();
  return [a, b];
}

test.describe('Designs are never lost', () => {
  test('storage full, then a link: the open design is kept in Recent designs, or the user is asked', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { link, open } = await linkToAnotherDesign(studio);

    // localStorage filled to its quota no longer matters: designs live in IndexedDB.
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      try {
        for (let i = 0; i < 100; i++) localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        // Full.
      }
    });
    await studio.openLink(link);
    await expect(studio.designName).not.toHaveText(open);
    expect(await studio.recentNames()).toContain(open);
  });

  test('when the design cannot be stored, opening a link asks first; "keep it open" keeps it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const { link, open } = await linkToAnotherDesign(studio);

    await studio.fillStorageToQuota();
    await studio.openLink(link);
    const dialog = studio.dialog('storage-full');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('browser storage is full');
    await studio.storageFull('cancel').click();
    await expect(dialog).toBeHidden();
    await expect(studio.designName).toHaveText(open);
    await expect(studio.toast('info').filter({ hasText: 'was kept' })).toBeVisible();

    // Asked again, "download it" saves the design as a file before the link replaces it.
    await studio.openLink(link);
    const download = page.waitForEvent('download');
    await studio.storageFull('download').click();
    expect((await download).suggestedFilename()).toMatch(/\.dci\.json$/u);
    await expect(studio.designName).not.toHaveText(open);
  });

  test('two tabs edit the same design, both reload: both designs exist', async ({ context }) => {
    const [a, b] = await twoTabsOnOneDesign(context);
    // B opens a copy of the design A has open (A's slot is taken).
    await expect(b.designName).toHaveText(await a.designName.innerText());

    // A saves first, B after it: B's is the newer version of the design.
    await a.setField('designName', 'TAB-A-work');
    await a.waitForAutosave();
    await b.setField('designName', 'TAB-B-work');
    await b.waitForAutosave();
    // Each tab is told the other changed this design.
    await expect(a.banner('tab-conflict')).toContainText('TAB-B-work');
    await expect(b.banner('tab-conflict')).toContainText('TAB-A-work');
    await a.page.reload();
    await b.page.reload();
    await expect(a.designName).toHaveText('TAB-A-work');
    await expect(b.designName).toHaveText('TAB-B-work');

    // After the reloads, A (the older save) is offered B's version; B is not offered A's.
    await expect(a.banner('tab-conflict')).toContainText('TAB-B-work');
    await expect(b.banner('tab-conflict')).toBeHidden();
    // "Keep both" makes A's design one of its own: its edits no longer concern B.
    await a.tabConflict('keep-both').click();
    await expect(a.banner('tab-conflict')).toBeHidden();
    await a.setField('designName', 'TAB-A-more');
    await a.waitForAutosave();
    await expect(b.banner('tab-conflict')).toBeHidden();
    await expect(b.designName).toHaveText('TAB-B-work');
  });

  test('"load that version" takes the other tab’s design and keeps this one in Recent', async ({
    context,
  }) => {
    const [a, b] = await twoTabsOnOneDesign(context);
    await b.setField('designName', 'from B');
    await a.setField('designName', 'from A');
    await expect(b.banner('tab-conflict')).toContainText('from A');
    await b.tabConflict('reload').click();
    await expect(b.designName).toHaveText('from A');
    expect(await b.recentNames()).toContain('from B');
  });

  test('a name typed in the inspector survives an immediate reload', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.waitForAutosave();
    // Typed, not committed with Enter, and the page reloads at once.
    await studio.field('designName').fill('Typed then reloaded');
    await page.reload();
    await expect(studio.designName).toHaveText('Typed then reloaded');

    const site = await studio.idOfKind('site');
    await studio.select(site);
    await studio.field('label').pressSequentially('-x');
    await page.reload();
    await expect(studio.node(site)).toContainText('-x');
  });

  test('a stored design spoiled in browser storage is refused with its reason on reload, kept in Recent designs', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.waitForAutosave();
    const name = await studio.designName.innerText();
    // Something outside the studio changes a DCI distance to text inside the stored slot.
    const spoiled = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dci-studio');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = () => db.transaction('kv', 'readwrite').objectStore('kv');
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = store().getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      const key = keys.find((k) => String(k).startsWith('slot:'));
      if (key === undefined) return null;
      const record = await new Promise<{ json: string }>((resolve) => {
        const request = store().get(key);
        request.onsuccess = () => resolve(request.result as { json: string });
      });
      const doc = JSON.parse(record.json) as {
        links: { id: string; kind: string; distanceKm?: unknown }[];
      };
      const index = doc.links.findIndex((l) => l.kind === 'dci');
      const link = doc.links[index];
      if (!link) return null;
      link.distanceKm = 'far';
      await new Promise<void>((resolve) => {
        const tx = db.transaction('kv', 'readwrite');
        tx.objectStore('kv').put({ ...record, json: JSON.stringify(doc) }, key);
        tx.oncomplete = () => resolve();
      });
      db.close();
      return `links[${index}].distanceKm (id "${link.id}")`;
    });
    expect(spoiled).not.toBeNull();
    await page.evaluate(() => sessionStorage.removeItem('dci-studio:journal'));

    await page.reload();
    // The stored text no longer matches its fingerprint: the design gets the full check, which
    // names the field and what is wrong with it, and nothing of it is drawn.
    await expect(studio.toast('error').or(studio.toast('warning')).first()).toContainText(
      `could not be restored (${spoiled}: expected a number`,
    );
    await expect(studio.toast('error').or(studio.toast('warning')).first()).toContainText(
      'kept in Recent designs',
    );
    await expect(page.locator('[data-testid^="node."]')).toHaveCount(0);
    // Nothing is lost: the spoiled text waits in Recent designs under its name.
    expect(await studio.recentNames()).toContain(name);
    // Its entry says what it holds and why it did not open, and gives its text back as a file.
    await page.getByTestId('toolbar.recent').click();
    await expect(studio.recent('item.0')).toContainText(
      /[1-9]\d* elements, [1-9]\d* workloads · put aside/u,
    );
    await expect(studio.recent('problem.0')).toContainText(`${spoiled}: expected a number`);
    const download = page.waitForEvent('download');
    await studio.recent('save.0').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.dci\.json$/u);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain('"distanceKm":"far"');
  });

  test('storage that answers late: the studio is there within a second, the design follows', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.waitForAutosave();
    const name = await studio.designName.innerText();
    const nodes = await studio.allNodes.count();
    expect(nodes).toBeGreaterThan(0);

    // From the next page on, the browser's database opens 4 s late (a busy disk, another tab
    // holding it): its opening reads as unanswered until then. The page notes when the
    // studio's canvas and its first element appear.
    const DELAY_MS = 4000;
    await page.addInitScript((delay) => {
      const seen: { canvas?: number; node?: number; guide?: number } = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const now = performance.now();
        if (seen.canvas === undefined && document.querySelector('[data-testid="canvas"]'))
          seen.canvas = now;
        if (seen.node === undefined && document.querySelector('[data-testid^="node."]'))
          seen.node = now;
        if (seen.guide === undefined && document.querySelector('[data-testid="empty-state"]'))
          seen.guide = now;
      }).observe(document, { subtree: true, childList: true });
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (
        this: IDBFactory,
        ...args: Parameters<IDBFactory['open']>
      ) {
        const request = open.apply(this, args);
        let handler: ((this: IDBRequest, event: Event) => unknown) | null = null;
        Object.defineProperty(request, 'onsuccess', {
          configurable: true,
          get: () => handler,
          set: (h: typeof handler) => (handler = h),
        });
        let answered = false;
        Object.defineProperty(request, 'readyState', {
          configurable: true,
          get: () => (answered ? 'done' : 'pending'),
        });
        request.addEventListener('success', (event) =>
          setTimeout(() => {
            answered = true;
            handler?.call(request, event);
          }, delay),
        );
        return request;
      };
    }, DELAY_MS);
    await page.reload();

    // The studio renders without its design after about a second, without the empty-canvas
    // guide (the design is on its way)...
    await expect(studio.canvas).toBeVisible();
    await expect(studio.allNodes).toHaveCount(0);
    // ...and the design follows when the storage answers, in full.
    await expect(studio.allNodes).toHaveCount(nodes, { timeout: 15_000 });
    await expect(studio.designName).toHaveText(name);
    const seen = await page.evaluate(
      () =>
        (window as unknown as { __seen: { canvas?: number; node?: number; guide?: number } })
          .__seen,
    );
    expect(seen.canvas).toBeDefined();
    expect(seen.node).toBeGreaterThan(DELAY_MS);
    // The shell came at the studio's first-render deadline (1 s), long before the design.
    expect(seen.node! - seen.canvas!).toBeGreaterThan(DELAY_MS / 2);
    expect(seen.guide).toBeUndefined();
  });

  test('a first visit after an older studio: its design opens with the Inspect panel, and moves into storage', async ({
    page,
  }) => {
    // A fresh browser: nothing stored but what the older studio left.
    const studio = new StudioPage(page);
    const design = syntheticDesign({ sites: 2, elements: 300 });
    // An older studio left its design in localStorage; this page's idle moments come late (a
    // busy machine): the Inspect panel must not wait for them.
    await leftByOlderStudio(page, design);
    await page.addInitScript(() => {
      window.requestIdleCallback = (callback) =>
        window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 20_000);
    });
    await page.goto('/');
    await expect(studio.designName).toHaveText(design.name);
    await expect(studio.nodesOfKind('site').first()).toBeVisible();
    await expect(studio.inspector).toBeVisible();
    await expect(studio.inspector.getByTestId('field.designName')).toHaveValue(design.name);
    // Nothing is lost: the older studio's key goes once the design is in the studio's storage.
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), LEGACY_AUTOSAVE_KEY))
      .toBeNull();
    await page.reload();
    await expect(studio.designName).toHaveText(design.name);
    await expect(studio.allNodes).toHaveCount(design.nodes.length);
  });

  test('a first visit draws the nodes before it asks for the validator, the panels or the router', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const design = syntheticDesign({ sites: 2, elements: 300 });
    await leftByOlderStudio(page, design);
    await markFirstNode(page);
    await page.goto('/');
    await expect(studio.allNodes.first()).toBeVisible();
    // The findings still come, and the Inspect panel.
    await expect(studio.inspector).toBeVisible();
    await expect(page.getByTestId('tab.findings')).toHaveText(/^Findings\s*[1-9]/u);
    const asked = await scriptsAsked(
      page,
      /\/(revalidate|rules|Inspector|FindingsPanel|StoragePrompts|routes)-[^/]*\.js$/u,
    );
    // Each was asked for, and none before the first node was in the page.
    expect(asked.map((a) => a.chunk.split('/').pop()?.split('-')[0]).sort()).toEqual(
      expect.arrayContaining(['Inspector', 'StoragePrompts', 'revalidate', 'routes']),
    );
    expect(asked.filter((a) => a.before)).toEqual([]);
  });

  test('a first visit checks the older studio’s design in a worker begun with the page', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const design = syntheticDesign({ sites: 2, elements: 300 });
    await leftByOlderStudio(page, design);
    await markFirstNode(page);
    const worker = page.waitForRequest((r) => /\/assets\/check\.worker-[\w-]+\.js$/u.test(r.url()));
    await page.goto('/');
    await worker;
    await expect(studio.allNodes).toHaveCount(design.nodes.length);
    await expect(studio.designName).toHaveText(design.name);
    // The page itself loaded no schema library to open it: not before its nodes were drawn.
    const schema = await scriptsAsked(page, /\/schema-[\w-]+\.js$/u);
    expect(schema.filter((a) => a.before)).toEqual([]);
  });

  test('a first visit whose check worker is refused: the page checks the design itself', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    const design = syntheticDesign({ sites: 2, elements: 300 });
    await leftByOlderStudio(page, design);
    let refused = 0;
    await page.route(/\/assets\/check\.worker-[\w-]+\.js$/u, (route) => {
      refused++;
      return route.abort();
    });
    await page.goto('/');
    await expect(studio.allNodes).toHaveCount(design.nodes.length);
    await expect(studio.designName).toHaveText(design.name);
    expect(refused).toBeGreaterThan(0);
    await expect(studio.toast('error')).toHaveCount(0);
    // And it still moves into the studio's storage.
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), LEGACY_AUTOSAVE_KEY))
      .toBeNull();
  });

  test('a reload takes the database opening that the page began before its code came', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.waitForAutosave();
    const nodes = await studio.allNodes.count();
    // From the next page on, the page notes each opening of a database and which script asked.
    await page.addInitScript(() => {
      const opened: (string | null)[] = [];
      (window as unknown as { __opened: typeof opened }).__opened = opened;
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (
        this: IDBFactory,
        ...args: Parameters<IDBFactory['open']>
      ) {
        // A module script (the studio's code) has no current script; the page's first has.
        const script = document.currentScript;
        opened.push(script instanceof HTMLScriptElement ? script.src : null);
        return open.apply(this, args);
      };
    });
    await page.reload();
    await expect(studio.allNodes).toHaveCount(nodes);
    const opened = await page.evaluate(
      () => (window as unknown as { __opened: (string | null)[] }).__opened,
    );
    // One opening, begun by the page's first script, and the design read through it.
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/\/assets\/first-visit-[\w-]+\.js$/u);
  });

  test('a large design opens again after a reload with all its sites in view', async ({ page }) => {
    // Four data centres, ~1,000 elements: opened from a file, stored, then reopened from storage.
    test.slow();
    const studio = new StudioPage(page);
    await studio.openDesign(JSON.stringify(syntheticDesign({ sites: 4, elements: 1000 })));
    await studio.waitForAutosave();
    await page.reload();
    const sites = studio.nodesOfKind('site');
    // The four data centres and the witness' site.
    await expect(sites).toHaveCount(5);
    // The first view is the fitted one: no site runs off the canvas (the zoom-out limit of the
    // design, not the empty canvas', applies to it).
    const canvas = (await studio.canvas.boundingBox())!;
    const outside = () =>
      sites.evaluateAll(
        (els, c) =>
          els
            .map((e) => ({ id: e.getAttribute('data-id'), r: e.getBoundingClientRect() }))
            .filter(
              ({ r }) =>
                r.left < c.x - 1 ||
                r.top < c.y - 1 ||
                r.right > c.x + c.width + 1 ||
                r.bottom > c.y + c.height + 1,
            )
            .map(({ id }) => id),
        canvas,
      );
    await expect.poll(outside).toEqual([]);
  });

  test('typing in a field is one undo step', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const before = await studio.designName.innerText();
    const field = studio.field('designName');
    await field.click();
    await field.press('End');
    await field.pressSequentially(' one', { delay: 30 });
    await page.waitForTimeout(600);
    await field.pressSequentially(' two', { delay: 30 });
    await expect(studio.designName).toHaveText(`${before} one two`);
    await field.press('Enter');
    await studio.pressShortcut('Control+z');
    await expect(studio.designName).toHaveText(before);
  });
});
