import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../src/model/templates/index';
import { StudioPage } from './pages/studio';

test.describe('Templates', () => {
  for (const template of TEMPLATES) {
    test(`"${template.name}" loads completely`, async ({ page }) => {
      const design = template.build();
      const studio = new StudioPage(page);
      await studio.open();
      await studio.loadTemplate(template.id);
      await expect(studio.designName).toHaveText(design.name);
      await expect(studio.nodesOfKind('site')).toHaveCount(
        design.nodes.filter((n) => n.kind === 'site').length,
      );
      await expect(studio.allNodes).toHaveCount(design.nodes.length);
      await expect(studio.edgeLabels()).toHaveCount(
        design.links.filter((l) => l.kind === 'dci').length,
      );
      await expect(studio.tab('workloads')).toContainText(String(design.workloads.length));
    });
  }
});
