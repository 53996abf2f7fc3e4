/**
 * The exported SVG looks the same in another renderer: the browser and librsvg (rsvg-convert:
 * GNOME, Inkscape's previews, many converters) must draw every site and device of every
 * template at the same place and size. The browser measures each element's group; rsvg-convert
 * renders the same group alone (`-i id`), and its PNG is the group's ink box.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudioPage } from './pages/studio';

const TEMPLATE_IDS = [
  'metro-vplex-otv',
  'metro-metrocluster',
  'l3-fabric-rack-to-rack',
  'metro-vs-long-distance',
  'metro-stretched-trunk',
];

const dir = mkdtempSync(join(tmpdir(), 'dci-svg-renderers-'));

/** Width and height of the PNG rsvg-convert draws for one element of the file. */
function rsvgSize(file: string, id: string): { width: number; height: number } {
  const png = execFileSync('rsvg-convert', ['-i', id, file]);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test.describe('The exported SVG in two renderers', () => {
  for (const templateId of TEMPLATE_IDS)
    test(`${templateId}: the browser and rsvg-convert draw every site and device alike`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const studio = new StudioPage(page);
      await studio.open();
      await studio.loadTemplate(templateId);
      const svg = (await studio.exportFile('svg')).bytes.toString('utf8');
      const file = join(dir, `${templateId}.svg`);
      writeFileSync(file, svg);

      // The file alone, at 1 px per unit, as another program opens it.
      await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
      const boxes = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll<SVGGElement>(
            'g[data-element-id]:not([data-kind="dci"]):not([data-kind="fabric"]):not([data-kind="note"])',
          ),
        ).map((g) => {
          const r = g.getBoundingClientRect();
          return { id: g.id, kind: g.dataset['kind'] ?? '', width: r.width, height: r.height };
        }),
      );
      const sites = boxes.filter((b) => b.kind === 'site');
      expect(sites.length).toBeGreaterThan(0);
      expect(boxes.length).toBeGreaterThan(sites.length);

      for (const box of boxes) {
        const drawn = rsvgSize(file, box.id);
        // The browser's box is the shapes' geometry; librsvg's is their ink, half a stroke wider.
        expect.soft(Math.abs(drawn.width - box.width), `${box.id} width`).toBeLessThanOrEqual(3);
        expect.soft(Math.abs(drawn.height - box.height), `${box.id} height`).toBeLessThanOrEqual(3);
      }
    });
});
