/**
 * The studio's screens against axe-core's accessibility rules (WCAG 2.1 A and AA, and its best
 * practices), in both themes: the empty studio, a design with each side-panel tab, the
 * inspector, the list editors, a what-if scenario and every dialog. A screen passes with no
 * violation at all; a rule may only be switched off here, with its reason.
 *
 * axe is injected into the page as a script, which the studio's Content-Security-Policy
 * (script-src 'self') refuses: this spec's pages bypass the CSP (csp.spec.ts checks it).
 */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { serializeDesign } from '../src/io/file';
import { syntheticDesign } from '../src/model/synthetic';
import { TEMPLATES } from '../src/model/templates/index';
import { StudioPage } from './pages/studio';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

test.use({ bypassCSP: true });

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly where: readonly string[];
}

/** Every axe violation on the page as it is now, with the first few elements of each. */
async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResult> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      where: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n')[1] ?? ''}`),
    }));
  });
}

/** The screen passes axe; on failure, what failed and where is in the message. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await violations(page), `${screen}: axe violations`).toEqual([]);
}

async function useTheme(page: Page, dark: boolean): Promise<void> {
  const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  for (let i = 0; i < 3 && (await isDark()) !== dark; i++)
    await page.getByTestId('toolbar.theme').click();
  expect(await isDark()).toBe(dark);
}

for (const dark of [false, true]) {
  const theme = dark ? 'dark' : 'light';

  test.describe(`Accessibility (${theme} theme)`, () => {
    test('the empty studio, a design with each side-panel tab and the inspector', async ({
      page,
    }) => {
      const studio = new StudioPage(page);
      await studio.open();
      await useTheme(page, dark);
      await expect(studio.emptyState).toBeVisible();
      await expectAccessible(page, 'empty studio');

      // A design with errors and warnings: red and amber text on the canvas and in the panels.
      await studio.loadTemplate('metro-vs-long-distance');
      await expectAccessible(page, 'design');
      for (const tab of ['segments', 'workloads', 'findings', 'whatif']) {
        await studio.tab(tab).click();
        await expectAccessible(page, `${tab} tab`);
      }
      // From the keyboard: a device is named by its kind and name, and Enter selects it.
      const cluster = page.locator('.react-flow__node[data-id="esx-dal"]');
      await expect(cluster).toHaveAttribute('aria-label', 'Host cluster: esx-dal');
      await cluster.focus();
      await page.keyboard.press('Enter');
      await studio.inspectorShows('esx-dal');
      await expectAccessible(page, 'inspector of a cluster with its estimates');
      await studio.edgeLabel('dci-dal-lax').click();
      await studio.inspectorShows('dci-dal-lax');
      await expectAccessible(page, 'inspector of a DCI link over its limit');
      await studio.openWorkload('wl-web');
      await expectAccessible(page, 'a workload open in its editor');
    });

    test('a what-if move and every dialog', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.open();
      await useTheme(page, dark);
      await studio.loadTemplate('metro-metrocluster');

      await studio.chip('wl-web').dragTo(studio.node('esx-prod-b'));
      await expect(studio.scenarioBanner).toContainText('What-if');
      await expectAccessible(page, 'a what-if move');
      await page.keyboard.press('Escape');

      for (const dialog of ['export', 'copy-link', 'help', 'templates', 'recent']) {
        await studio.toolbarButton(dialog).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectAccessible(page, `${dialog} dialog`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }

      // The other version adds a firewall, drawn as a ghost when the comparison is marked.
      const base = TEMPLATES.find((t) => t.id === 'metro-vplex-otv')!.build();
      const fw = base.nodes.find((n) => n.kind === 'firewall')!;
      const other = {
        ...base,
        nodes: [
          ...base.nodes,
          { ...fw, id: 'new-fw', label: 'new-fw', position: { x: fw.position.x, y: 400 } },
        ],
      };
      await studio.compareWithFile('other.dci.json', serializeDesign(other));
      await expect(studio.compare('result')).toBeVisible();
      await expectAccessible(page, 'the Compare dialog with a comparison');
      // Marked: the outlines, the banner, and the ghosts of what only the other version has.
      await studio.compare('mark').click();
      await expect(page.getByTestId('compare-ghost.new-fw')).toBeVisible();
      await expectAccessible(page, 'a comparison marked on the canvas');
      await page.getByTestId('compare-banner.clear').click();

      await studio.openFindings();
      await studio
        .openFinding('TROMBONE-STORAGE')
        .first()
        .getByTestId('rule-link.TROMBONE-STORAGE')
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'a rule explained');
      await page.keyboard.press('Escape');

      await studio.tab('whatif').click();
      await studio.whatIf('sweep.run').click();
      await expect(studio.whatIf('sweep.table')).toBeVisible();
      await expectAccessible(page, 'every single failure checked');
    });

    test('a large design: its findings in groups, one opened on its members', async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.openDesign(JSON.stringify(syntheticDesign({ sites: 4, elements: 1000 })));
      await useTheme(page, dark);
      await studio.openFindings();
      const group = studio.findingGroup('TROMBONE-GW').first();
      await expect(group).toBeVisible();
      await expectAccessible(page, 'grouped findings');
      await group.getByTestId('finding-group.toggle').click();
      await group.locator('[data-testid="finding-member.TROMBONE-GW"]').first().click();
      await expect(group.getByTestId('finding.TROMBONE-GW')).toBeVisible();
      await expectAccessible(page, 'a group opened on a member');
    });
  });
}
