/**
 * Page object for the studio: e2e specs speak in the user's terms ("drag a site onto the
 * canvas", "connect these two") and this file knows the test ids.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class StudioPage {
  constructor(readonly page: Page) {}

  /** Open the studio with empty browser storage (unless `keepStorage`). */
  async open(options: { keepStorage?: boolean; hash?: string } = {}): Promise<void> {
    if (!options.keepStorage) {
      await this.page.goto('/');
      await this.clearStorage();
    }
    await this.page.goto(`/${options.hash ?? ''}`);
    await expect(this.canvas).toBeVisible();
  }

  private watchingCsp = false;

  /**
   * Record every Content-Security-Policy violation the page reports (from the next page load
   * on): the studio runs under a CSP, and nothing it does should trip it.
   */
  async watchCsp(): Promise<void> {
    if (this.watchingCsp) return;
    this.watchingCsp = true;
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
  }

  /** The violations reported since the page loaded. */
  async cspViolations(page: Page = this.page): Promise<string[]> {
    return page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
  }

  /** Empty what the studio keeps in this browser: designs (IndexedDB), settings, tab memory. */
  async clearStorage(): Promise<void> {
    await this.page.evaluate(async () => {
      localStorage.clear();
      sessionStorage.clear();
      await new Promise<void>((resolve) => {
        const request = indexedDB.open('dci-studio');
        request.onupgradeneeded = () => request.result.createObjectStore('kv');
        request.onerror = () => resolve();
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('kv', 'readwrite');
          tx.objectStore('kv').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      });
    });
  }

  /**
   * Make the browser refuse to store anything more in IndexedDB, as a full disk does (the
   * quota cannot be shrunk from a test): every write fails with QuotaExceededError. The page
   * reloads, and every later load of this page is the same.
   */
  async fillStorageToQuota(): Promise<void> {
    await this.page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = refuse;
      IDBObjectStore.prototype.add = refuse;
    });
    await this.page.reload();
    await expect(this.canvas).toBeVisible();
  }

  /** The names listed in Recent designs (opens and closes the dialog). */
  async recentNames(): Promise<string[]> {
    await this.page.getByTestId('toolbar.recent').click();
    const dialog = this.page.getByTestId('dialog.recent');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Reading browser storage…')).toHaveCount(0);
    const names = await dialog
      .locator('[data-testid^="recent.item."] .font-semibold')
      .allInnerTexts();
    await this.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    return names;
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }
  node(id: string): Locator {
    return this.page.getByTestId(`node.${id}`);
  }
  nodesOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid^="node."][data-kind="${kind}"]`);
  }
  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette.item.${kind}`);
  }
  field(name: string): Locator {
    return this.page.getByTestId(`field.${name}`);
  }
  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }
  edgeLabels(): Locator {
    return this.page.locator('[data-testid^="edge-label."]');
  }

  /** Drag a palette item onto the canvas at a point relative to the canvas' top-left corner. */
  async dragFromPalette(kind: string, at: { x: number; y: number }): Promise<void> {
    await this.paletteItem(kind).dragTo(this.canvas, { targetPosition: at });
    // A site placed clear of the one it was dropped on may move the view to it: what the test
    // reads next (a site's box, to drop into it) is read once the view is still.
    await this.viewSettled();
  }

  /** Wait until the view (pan and zoom) has stayed the same for a few frames. */
  async viewSettled(): Promise<void> {
    const viewport = this.page.locator('.react-flow__viewport');
    let last: string | null = null;
    let still = 0;
    await expect
      .poll(
        async () => {
          const now = await viewport.evaluate((e) => (e as HTMLElement).style.transform);
          still = now === last ? still + 1 : 0;
          last = now;
          return still;
        },
        { intervals: [80] },
      )
      .toBeGreaterThanOrEqual(3);
  }

  /** The id of the n-th node of a kind, in document order. */
  async idOfKind(kind: string, index = 0): Promise<string> {
    const testId = await this.nodesOfKind(kind).nth(index).getAttribute('data-testid');
    if (!testId) throw new Error(`no ${kind} node #${index}`);
    return testId.slice('node.'.length);
  }

  /** Connect two nodes by dragging from a handle of the first to a handle of the second. */
  async connect(
    sourceId: string,
    targetId: string,
    sourceHandle = 'right',
    targetHandle = 'left',
  ): Promise<void> {
    const from = this.node(sourceId)
      .locator(`.react-flow__handle[data-handleid="${sourceHandle}"]`)
      .first();
    const to = this.node(targetId)
      .locator(`.react-flow__handle[data-handleid="${targetHandle}"]`)
      .first();
    // Handles are drawn on hover (and on every node while a connection is being drawn).
    await this.node(targetId).hover();
    const b = await to.boundingBox();
    await this.node(sourceId).hover();
    const a = await from.boundingBox();
    if (!a || !b) throw new Error('handles not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Connect by dropping the link on the middle of the target's body, away from its handles. */
  async connectByBody(sourceId: string, targetId: string, sourceHandle = 'right'): Promise<void> {
    const from = this.node(sourceId)
      .locator(`.react-flow__handle[data-handleid="${sourceHandle}"]`)
      .first();
    await this.node(sourceId).hover();
    const a = await from.boundingBox();
    const b = await this.node(targetId).boundingBox();
    if (!a || !b) throw new Error('nodes not visible');
    const to = { x: b.x + b.width * 0.3, y: b.y + b.height * 0.5 };
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + to.x) / 2, (a.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** The drawn line of a link (React Flow's edge wrapper). */
  /** A row of the Segments or Workloads list (its header button's test id): the whole row. */
  listRow(testId: string): Locator {
    return this.page.locator('li', { has: this.page.getByTestId(testId) }).last();
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }
  edgeLabel(id: string): Locator {
    return this.page.getByTestId(`edge-label.${id}`);
  }
  /** The ids of the links drawn on the canvas, in document order. */
  async edgeIds(): Promise<string[]> {
    const ids = await this.page
      .locator('.react-flow__edge')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    return ids.filter((id) => id !== '');
  }
  /** Whether a link is part of the path animated on the canvas. */
  edgeHighlighted(id: string): Locator {
    return this.edge(id).locator('.edge-highlight');
  }

  /** Select a DCI link by clicking its label, and edit its distance. */
  async setLinkDistance(id: string, km: number): Promise<void> {
    await this.edgeLabel(id).click();
    await expect(this.edgeLabel(id)).toHaveClass(/ring-2/);
    await this.inspectorShows(id);
    await this.setField('distanceKm', String(km));
    // The label groups a distance from 1,000 km up, as every figure is written.
    await expect(this.edgeLabel(id)).toContainText(`${km.toLocaleString('en-US')} km`);
  }

  /** Drop a device of `kind` inside a site, at fractions `fx`, `fy` of its width and height. */
  async dropInSite(kind: string, siteId: string, fx = 0.5, fy = 0.5): Promise<void> {
    const box = await this.node(siteId).boundingBox();
    const canvasBox = await this.canvas.boundingBox();
    if (!box || !canvasBox) throw new Error('no layout');
    await this.dragFromPalette(kind, {
      x: box.x - canvasBox.x + box.width * fx,
      y: box.y - canvasBox.y + box.height * fy,
    });
  }

  /** Select an element by clicking it (sites are clicked on their header). */
  async select(id: string): Promise<void> {
    // The view may still be settling after a load (fit animation): click until it took.
    const wrapper = this.page.locator(`.react-flow__node[data-id="${id}"]`);
    await expect(async () => {
      await this.node(id).click({ position: { x: 20, y: 14 } });
      await expect(wrapper).toHaveClass(/selected/, { timeout: 500 });
    }).toPass({ timeout: 5000 });
    await this.inspectorShows(id);
  }

  /**
   * Wait until the inspector, where it is on screen, shows element `id`: it shows a new selection
   * in a render of its own, after the canvas's, and a field typed into before then is the one of
   * the element selected before (CI once typed a distance into the link selected before).
   */
  async inspectorShows(id: string): Promise<void> {
    await expect
      .poll(async () =>
        (await this.inspector.count()) === 0
          ? id
          : await this.inspector.getAttribute('data-element'),
      )
      .toBe(id);
  }

  /** Type a value into an inspector field and commit it (Enter). */
  async setField(name: string, value: string): Promise<void> {
    const input = this.field(name);
    await input.fill(value);
    await input.press('Enter');
  }

  async pressShortcut(chord: string): Promise<void> {
    // Shortcuts are global, but not while typing in a field.
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(chord);
  }

  /** A fresh studio on a template, and what it holds (to compare with after a round trip). */
  async openTemplate(id: string): Promise<{ name: string; nodes: number }> {
    await this.open();
    await this.loadTemplate(id);
    return { name: await this.designName.innerText(), nodes: await this.allNodes.count() };
  }

  async loadTemplate(id: string): Promise<void> {
    await this.page.getByTestId('toolbar.templates').click();
    await this.page.getByTestId(`template.${id}`).click();
    await expect(this.page.getByTestId('dialog.templates')).toBeHidden();
    await this.findingsSettled();
  }

  /** Wait until the toolbar's counts are the open design's (its validation is not pending). */
  async findingsSettled(): Promise<void> {
    await expect(this.page.getByTestId('findings-summary')).toHaveAttribute('aria-busy', 'false');
  }

  // --- Sharing, export and import (e2e/share.spec.ts, e2e/export.spec.ts) ---

  /** The toolbar's findings counts, as numbers. */
  async findingCounts(): Promise<{ error: number; warning: number }> {
    await this.findingsSettled();
    const read = async (id: string) =>
      Number((await this.page.getByTestId(id).innerText()).replace(/\D+/g, ''));
    return { error: await read('count.error'), warning: await read('count.warning') };
  }

  get designName(): Locator {
    return this.page.getByTestId('design-name');
  }
  get allNodes(): Locator {
    return this.page.locator('[data-testid^="node."]');
  }

  /** Open the Share dialog and read the link it offers (view-only if asked). */
  async copyLink(options: { viewOnly?: boolean } = {}): Promise<string> {
    await this.page.getByTestId('toolbar.copy-link').click();
    const box = this.page.getByTestId('share.viewOnly');
    if (options.viewOnly) await box.check();
    else await box.uncheck();
    const link = await this.page.getByTestId('share.link').inputValue();
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('dialog.share')).toBeHidden();
    return link;
  }

  /** Open a share link (whole URL) in this page, whatever server made it. */
  async openLink(link: string): Promise<void> {
    const url = new URL(link);
    await this.page.goto(`/${url.hash}`);
    await expect(this.canvas).toBeVisible();
  }

  /** Export from the Export dialog and return the downloaded file. */
  async exportFile(
    id: 'png' | 'svg' | 'pdf' | 'drawio' | 'json' | 'markdown',
    options: { annotations?: boolean } = {},
  ): Promise<{ name: string; bytes: Buffer }> {
    await this.page.getByTestId('toolbar.export').click();
    if (options.annotations !== undefined)
      await this.page.getByTestId('export.annotations').setChecked(options.annotations);
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`export.${id}`).click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    await this.page.keyboard.press('Escape');
    return { name: file.suggestedFilename(), bytes };
  }

  /** Drop a file on the canvas, as a user dragging it from the desktop. */
  async dropFile(name: string, bytes: Buffer, type: string): Promise<void> {
    await this.canvas.evaluate(
      (canvas, file) => {
        const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], file.name, { type: file.type }));
        const box = canvas.getBoundingClientRect();
        const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
        canvas.dispatchEvent(
          new DragEvent('dragover', {
            bubbles: true,
            cancelable: true,
            dataTransfer: transfer,
            ...at,
          }),
        );
        canvas.dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }),
        );
      },
      { name, type, base64: bytes.toString('base64') },
    );
  }

  /** Wait until the autosave has written the current design (debounced). */
  async waitForAutosave(): Promise<void> {
    // The debounce and any typing commit; then, under load, until this tab's slot holds the
    // design under the name on screen.
    await this.page.waitForTimeout(600);
    const name = await this.designName.innerText();
    await expect
      .poll(() =>
        this.page.evaluate(
          () =>
            new Promise<string | null>((resolve) => {
              const slot = sessionStorage.getItem('dci-studio:slot');
              const request = indexedDB.open('dci-studio');
              request.onerror = () => resolve(null);
              request.onsuccess = () => {
                const db = request.result;
                if (!slot || !db.objectStoreNames.contains('kv')) {
                  db.close();
                  resolve(null);
                  return;
                }
                const get = db.transaction('kv').objectStore('kv').get(`slot:${slot}`);
                get.onsuccess = () => {
                  db.close();
                  resolve((get.result as { name?: string } | undefined)?.name ?? null);
                };
                get.onerror = () => {
                  db.close();
                  resolve(null);
                };
              };
            }),
        ),
      )
      .toBe(name);
  }

  // --- Whiteboard notes (e2e/notes.spec.ts) ---

  /** A note on the canvas (its card). */
  note(id: string): Locator {
    return this.page.getByTestId(`note.${id}`);
  }
  get notes(): Locator {
    return this.page.locator('[data-testid^="note."][data-kind="note"]');
  }
  /** The text editor a note opens on the canvas (double-click, or a new note). */
  noteEditor(id: string): Locator {
    return this.page.getByTestId(`note-editor.${id}`);
  }
  /** The dot at the end of a note's callout, where it meets its target. */
  notePointerEnd(id: string): Locator {
    return this.note(id).locator('.note-pointer circle');
  }

  /** Add a note from the palette; its editor opens. Returns the new note's id. */
  async addNote(): Promise<string> {
    const before = await this.noteIds();
    await this.paletteItem('note').click();
    await expect(this.notes).toHaveCount(before.length + 1);
    const id = (await this.noteIds()).find((n) => !before.includes(n));
    if (!id) throw new Error('no new note');
    await expect(this.noteEditor(id)).toBeFocused();
    return id;
  }

  async noteIds(): Promise<string[]> {
    return this.notes.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-testid')?.slice('note.'.length) ?? ''),
    );
  }

  /** Type into a note's open editor and close it (Escape keeps what was typed). */
  async typeInNote(id: string, text: string): Promise<void> {
    const editor = this.noteEditor(id);
    await editor.fill(text);
    await editor.press('Escape');
    await expect(editor).toHaveCount(0);
  }

  /** Drag a node by its body (a device by its middle) by dx, dy screen pixels. */
  async dragNodeBy(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`${id} not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  // --- Workloads and fixes (e2e/rules.spec.ts) ---

  /** Open a workload's editor in the Workloads tab. */
  async openWorkload(id: string): Promise<void> {
    await this.page.getByTestId('tab.workloads').click();
    const row = this.page.getByTestId(`workload.${id}`);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await expect(row).toHaveAttribute('aria-expanded', 'true');
  }

  /** Type a value into a field of the open workload editor and commit it. */
  async setWorkloadField(id: string, field: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`workload.${id}.${field}`);
    await input.fill(value);
    await input.press('Enter');
  }

  /** Apply the n-th one-click fix of the first open finding of a rule. */
  async applyFix(ruleId: string, fixIndex = 0): Promise<void> {
    await this.openFinding(ruleId).first().getByTestId(`fix.${ruleId}.${fixIndex}`).click();
  }

  // --- Review: waivers, compare, tidy up (e2e/review.spec.ts) ---

  async openFindings(): Promise<void> {
    await this.page.getByTestId('tab.findings').click();
    await expect(this.page.getByTestId('findings-panel')).toBeVisible();
  }

  /** Open the studio on a design file dropped on the canvas (large synthetic designs). */
  async openDesign(designJson: string, name = 'design.dci.json'): Promise<void> {
    await this.open();
    await this.dropFile(name, Buffer.from(designJson, 'utf8'), 'application/json');
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible();
  }

  /** A group of findings of one rule and cause (large designs fold findings into groups). */
  findingGroup(ruleId: string): Locator {
    return this.page.getByTestId(`finding-group.${ruleId}`);
  }

  /** Apply a group's fix to all its findings. */
  async fixGroup(group: Locator, label: RegExp): Promise<void> {
    await group.locator('[data-testid^="group-fix."]').filter({ hasText: label }).click();
  }

  /** The open findings of a rule, in the findings panel. */
  openFinding(ruleId: string): Locator {
    return this.page.getByTestId(`finding.${ruleId}`);
  }

  /** Start waiving the n-th open finding of a rule: opens its justification form. */
  async startWaiver(ruleId: string, index = 0): Promise<void> {
    await this.openFinding(ruleId).nth(index).getByTestId('waive.open').click();
    await expect(this.page.getByTestId('waive.text')).toBeFocused();
  }

  /** Waive the n-th open finding of a rule with a written justification. */
  async waive(ruleId: string, justification: string, index = 0): Promise<void> {
    await this.startWaiver(ruleId, index);
    await this.page.getByTestId('waive.text').fill(justification);
    await this.page.getByTestId('waive.submit').click();
    await expect(this.page.getByTestId('waive.text')).toHaveCount(0);
  }

  get waivedSection(): Locator {
    return this.page.getByTestId('waived.section');
  }
  waivedFinding(ruleId: string): Locator {
    return this.page.getByTestId(`waived.${ruleId}`);
  }

  /** Open the Compare dialog and compare the open design with a file the user picks. */
  async compareWithFile(name: string, contents: string | Buffer): Promise<Locator> {
    await this.page.getByTestId('toolbar.compare').click();
    const dialog = this.page.getByTestId('dialog.compare');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('compare.file').setInputFiles({
      name,
      mimeType: name.endsWith('.png') ? 'image/png' : 'application/json',
      buffer: typeof contents === 'string' ? Buffer.from(contents) : contents,
    });
    return dialog;
  }

  /** Open the Compare dialog and compare the open design with a pasted share link. */
  async compareWithLink(link: string): Promise<Locator> {
    await this.page.getByTestId('toolbar.compare').click();
    await this.page.getByTestId('compare.link').fill(link);
    await this.page.getByTestId('compare.link.submit').click();
    return this.page.getByTestId('dialog.compare');
  }

  /** Run Tidy up and wait until the layout is committed. */
  async tidyUp(): Promise<void> {
    const button = this.page.getByTestId('toolbar.tidy');
    await button.click();
    await expect(
      this.page.getByTestId('toast.success').filter({ hasText: 'Tidied up' }),
    ).toBeVisible({
      timeout: 15_000,
    });
    await expect(button).toBeEnabled();
  }

  /** Every node's position on the canvas, in design coordinates (independent of zoom and pan). */
  async nodePositions(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node[data-id]'))
        out[el.dataset['id'] ?? ''] = el.style.transform;
      return out;
    });
  }

  // --- The studio's parts by name: specs use these, not test ids (one place knows the ids) ---

  /** The toolbar's count of open findings of a severity. */
  count(severity: 'error' | 'warning' | 'info'): Locator {
    return this.page.getByTestId(`count.${severity}`);
  }
  toolbarButton(id: string): Locator {
    return this.page.getByTestId(`toolbar.${id}`);
  }
  /** A sidebar tab: findings, segments, workloads, whatif… */
  tab(name: string): Locator {
    return this.page.getByTestId(`tab.${name}`);
  }
  toast(kind: 'info' | 'success' | 'warning' | 'error'): Locator {
    return this.page.getByTestId(`toast.${kind}`);
  }
  dialog(name: string): Locator {
    return this.page.getByTestId(`dialog.${name}`);
  }
  banner(name: string): Locator {
    return this.page.getByTestId(`banner.${name}`);
  }
  get scenarioBanner(): Locator {
    return this.page.getByTestId('scenario-banner');
  }
  get emptyState(): Locator {
    return this.page.getByTestId('empty-state');
  }
  /** The message under an inspector field that refused a value. */
  fieldError(name: string): Locator {
    return this.page.getByTestId(`field.${name}.error`);
  }
  /** A part of the inspector: `findings`, `fail`… */
  inspectorPart(name: string): Locator {
    return this.page.getByTestId(`inspector.${name}`);
  }
  help(id: string): Locator {
    return this.page.getByTestId(`help.${id}`);
  }

  // Canvas.
  badge(elementId: string): Locator {
    return this.page.getByTestId(`badge.${elementId}`);
  }
  /** React Flow's zoom-out control. */
  get zoomOutButton(): Locator {
    return this.page.locator('.react-flow__controls-zoomout');
  }
  /** The mark of a link failed in the what-if scenario. */
  failedEdge(linkId: string): Locator {
    return this.page.getByTestId(`edge-failed.${linkId}`);
  }
  /** The figures of limits on DCI links (RTT, bandwidth over a limit). */
  get edgeLimits(): Locator {
    return this.page.locator('[data-testid^="edge-limit."]');
  }
  get highlightedEdges(): Locator {
    return this.page.locator('.edge-highlight');
  }
  highlightedEdge(linkId: string): Locator {
    return this.page.locator(`path[id="${linkId}"].edge-highlight`);
  }
  get selectedNodes(): Locator {
    return this.page.locator('.react-flow__node.selected');
  }
  get devices(): Locator {
    return this.page.locator('[data-testid^="node."]:not([data-kind="site"])');
  }
  /** A workload's chip on its cluster. */
  chip(workloadId: string): Locator {
    return this.page.getByTestId(`chip.${workloadId}`);
  }
  /** The chips on one cluster. */
  chipsOn(clusterId: string): Locator {
    return this.page.getByTestId(`chips.${clusterId}`);
  }
  get allChips(): Locator {
    return this.page.locator('[data-testid^="chip."]');
  }
  /** Images whose source is `x`: what an injected `<img src=x onerror=…>` would leave. */
  get imagesFromX(): Locator {
    return this.page.locator('img[src="x"]');
  }

  // Lists.
  /** The Segments tab's own controls: `add`, `empty`. */
  segmentsList(part: string): Locator {
    return this.page.getByTestId(`segments.${part}`);
  }
  /** A segment's row in the Segments tab: name, VLAN, subnet and gateway. */
  segmentRow(id: string): Locator {
    return this.page.getByTestId(`segment.${id}`);
  }
  /** A field of a segment's editor (`vlanId`, `subnet`, `links.<linkId>`; `….error` its message). */
  segment(id: string, field: string): Locator {
    return this.page.getByTestId(`segment.${id}.${field}`);
  }
  workloadsList(part: string): Locator {
    return this.page.getByTestId(`workloads.${part}`);
  }
  /** A field of a workload's editor (`memoryGB`, `segmentIds.<id>`, `targets.<id>`…). */
  workload(id: string, field: string): Locator {
    return this.page.getByTestId(`workload.${id}.${field}`);
  }
  /** The migration estimate of a workload to one of its targets. */
  estimate(workloadId: string, targetClusterId: string): Locator {
    return this.page.getByTestId(`estimate.${workloadId}.${targetClusterId}`);
  }

  // Dialogs and panels.
  whatIf(part: string): Locator {
    return this.page.getByTestId(`whatif.${part}`);
  }
  compare(part: string): Locator {
    return this.page.getByTestId(`compare.${part}`);
  }
  waiveForm(part: 'text' | 'submit' | 'error'): Locator {
    return this.page.getByTestId(`waive.${part}`);
  }
  /** Recent designs: `item.<n>`, `open.<n>`. */
  recent(part: string): Locator {
    return this.page.getByTestId(`recent.${part}`);
  }
  share(part: string): Locator {
    return this.page.getByTestId(`share.${part}`);
  }
  exportItem(id: string): Locator {
    return this.page.getByTestId(`export.${id}`);
  }
  storageFull(choice: 'download' | 'replace' | 'cancel'): Locator {
    return this.page.getByTestId(`storage-full.${choice}`);
  }
  tabConflict(choice: 'reload' | 'keep-both'): Locator {
    return this.page.getByTestId(`tab-conflict.${choice}`);
  }

  // --- Recovery from a bug (e2e/recovery.spec.ts) ---

  /** Make the next validation throw inside a rule, as a bug would (honoured by e2e builds only). */
  async breakARule(): Promise<void> {
    await this.page.evaluate(() => {
      window.__dciTest = { throwInRule: true };
    });
  }

  /** Undo breakARule: the rules run as shipped again. */
  async repairRules(): Promise<void> {
    await this.page.evaluate(() => {
      window.__dciTest = {};
    });
  }

  /** The recovery screen, or one of its parts (`design`, `error`, `reload`, `download`, `empty`). */
  recovery(part?: string): Locator {
    return this.page.getByTestId(part === undefined ? 'recovery' : `recovery.${part}`);
  }

  /** Press "Download this design" on the recovery screen and return the file. */
  async downloadFromRecovery(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.recovery('download').click();
    const file = await download;
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), text };
  }

  // --- Editing tools (e2e/tools.spec.ts) ---

  /** Add a site by clicking the palette, and return its id. */
  async addSite(): Promise<string> {
    const before = await this.nodesOfKind('site').count();
    await this.paletteItem('site').click();
    await expect(this.nodesOfKind('site')).toHaveCount(before + 1);
    return this.idOfKind('site', before);
  }

  /** Build "spines × leaves" in a site from its inspector, and wait until it is built. */
  async buildFabric(siteId: string, spines: number, leaves: number): Promise<void> {
    await this.select(siteId);
    await this.page.getByTestId('fabric.spines').fill(String(spines));
    await this.page.getByTestId('fabric.leaves').fill(String(leaves));
    await this.page.getByTestId('fabric.build').click();
    await expect(
      this.toast('success')
        .filter({ hasText: `Built a ${spines} × ${leaves} fabric` })
        .last(),
    ).toBeVisible();
  }

  /** Select nothing: a click on the empty canvas, above the drawing. */
  async clearSelection(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await this.page.locator('.react-flow__pane').click({ position: { x: box.width / 2, y: 12 } });
    await expect(this.selectedNodes).toHaveCount(0);
  }

  /** Select these elements: a click on the first, Shift+click on the others. */
  async selectMany(ids: readonly string[]): Promise<void> {
    const [first, ...rest] = ids;
    if (first === undefined) return;
    await this.clearSelection();
    await this.select(first);
    for (const id of rest)
      await this.node(id).click({ position: { x: 20, y: 14 }, modifiers: ['Shift'] });
    await expect(this.selectedNodes).toHaveCount(ids.length);
  }

  /** React Flow's wrapper of a node: it carries the `selected` class. */
  nodeWrapper(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Where a node is drawn on the screen. */
  async box(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`${id} is not drawn`);
    return box;
  }

  /** Whether a node is drawn wholly inside the canvas's part of the screen (not past its edges). */
  async inView(id: string): Promise<boolean> {
    const [box, canvas] = await Promise.all([
      this.node(id).boundingBox(),
      this.canvas.boundingBox(),
    ]);
    if (!box || !canvas) return false;
    return (
      box.x >= canvas.x &&
      box.y >= canvas.y &&
      box.x + box.width <= canvas.x + canvas.width &&
      box.y + box.height <= canvas.y + canvas.height
    );
  }

  /**
   * Where a node is in the design: its box in the design's own units, as React Flow places it
   * (its wrapper's translate and its unscaled size). Zoom and pan do not change it, nor a fit
   * still animating after a design opens, nor a panel opening beside the canvas.
   */
  async designBox(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const [transform, width, height] = await this.nodeWrapper(id).evaluate((el) => {
      const wrapper = el as HTMLElement;
      return [wrapper.style.transform, wrapper.offsetWidth, wrapper.offsetHeight] as const;
    });
    const at = /translate\(([^,]+)px,\s*([^)]+)px\)/.exec(transform);
    const [x, y] = [Number(at?.[1]), Number(at?.[2])];
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new Error(`${id} is not placed (transform: ${transform || 'none'})`);
    return { x, y, width, height };
  }

  /**
   * Wait until the canvas' pan and zoom hold still for 300 ms: opening a design fits the view
   * with an animation, and screen pixels read during it are off by the time they are used.
   */
  async steadyView(): Promise<void> {
    await expect
      .poll(async () => {
        const before = await this.viewportTransform();
        await this.page.waitForTimeout(300);
        return before === (await this.viewportTransform());
      })
      .toBe(true);
  }

  /** A tool for the selection in the inspector: `align-left`, `distribute-horizontal`, `mesh`… */
  arrangeTool(id: string): Locator {
    return this.page.getByTestId(`arrange.${id}`);
  }

  /** The find box (Ctrl+F), or one of its parts: `input`, `empty`, `result.<id>`. */
  find(part?: string): Locator {
    return this.page.getByTestId(part === undefined ? 'find' : `find.${part}`);
  }

  get zoomReadout(): Locator {
    return this.page.getByTestId('zoom.readout');
  }

  /** The zoom in percent, as the readout shows it. */
  async zoomPercent(): Promise<number> {
    return Number((await this.zoomReadout.innerText()).replace(/\D+/g, ''));
  }

  /** Zoom out with React Flow's control until the zoom is at most `percent`. */
  async zoomOutTo(percent: number): Promise<void> {
    for (let before = await this.zoomPercent(); before > percent;) {
      await this.zoomOutButton.click();
      await expect.poll(() => this.zoomPercent()).toBeLessThan(before);
      before = await this.zoomPercent();
    }
  }

  /** A site's title strip (icon, name, caption, badge), and its caption. */
  siteTitle(siteId: string): Locator {
    return this.page.getByTestId(`site-title.${siteId}`);
  }
  siteCaption(siteId: string): Locator {
    return this.page.getByTestId(`site-caption.${siteId}`);
  }

  /** A side panel (`palette` or `sidebar`) or its fold button. */
  panel(name: 'palette' | 'sidebar'): Locator {
    return this.page.getByTestId(`panel.${name}`);
  }
  panelToggle(name: 'palette' | 'sidebar'): Locator {
    return this.page.getByTestId(`panel.${name}.toggle`);
  }

  // --- Small fixes (e2e/fixes.spec.ts) ---

  /** The canvas' pan and zoom, as React Flow applies it to the viewport. */
  async viewportTransform(): Promise<string> {
    return this.page
      .locator('.react-flow__viewport')
      .evaluate((el) => (el as HTMLElement).style.transform);
  }
  /** Click the empty canvas (clears the selection). */
  async clickEmptyCanvas(): Promise<void> {
    await this.page.locator('.react-flow__pane').click({ position: { x: 320, y: 12 } });
  }
  /** The id of the node whose label is exactly `label`. */
  async idOfLabel(label: string): Promise<string> {
    const id = await this.page
      .locator('.react-flow__node')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .last()
      .getAttribute('data-id');
    if (!id) throw new Error(`no node labelled ${label}`);
    return id;
  }
  /** The labels of the devices in a site, in document order. */
  async deviceLabels(): Promise<string[]> {
    return this.page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>('[data-testid^="node."]:not([data-kind="site"])'),
      ].map((el) => el.querySelector('.font-semibold')?.textContent ?? ''),
    );
  }
  get sidebarTab(): Locator {
    return this.page.locator('[role="tab"][aria-selected="true"]');
  }
  get toastAction(): Locator {
    return this.page.getByTestId('toast.action');
  }
}
