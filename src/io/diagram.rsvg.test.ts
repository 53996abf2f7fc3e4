/**
 * Another renderer draws our SVG as the browser does: librsvg (rsvg-convert, the renderer of
 * GNOME, Inkscape's previews and many converters) must find every site, device and label at
 * the size the geometry gave it. Elements without real SVG shapes (the old foreignObject) come
 * out empty there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from '../render/avoid';
import type { ConnectorRouter } from '../render/router';
import { svgFrame } from '../render/svg';
import { DEFAULT_EXPORT, designSvg, exportDiagram, svgOptions } from './diagram';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const dir = mkdtempSync(join(tmpdir(), 'dci-rsvg-'));

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function rsvg(file: string, exportId?: string): Buffer {
  try {
    return execFileSync('rsvg-convert', [...(exportId ? ['-i', exportId] : []), file]);
  } catch (error) {
    throw new Error(
      `rsvg-convert failed (is librsvg2-bin installed? scripts/ensure-rsvg.sh): ${String(error)}`,
    );
  }
}

describe('rsvg-convert draws every exported template with the browser’s shapes', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    '%s',
    (_, template) => {
      const design = template.build();
      const options = { ...DEFAULT_EXPORT, date: '2026-01-01' };
      const file = join(dir, `${template.id}.svg`);
      writeFileSync(file, designSvg(design, router, options));
      const diagram = exportDiagram(design, router, options);

      const frame = svgFrame(diagram, svgOptions(design, options));
      const page = pngSize(rsvg(file));
      expect(Math.abs(page.width - frame.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(page.height - frame.height)).toBeLessThanOrEqual(1);

      // Each shape's ink box: its geometry box plus half a stroke on each side, to the pixel.
      // Every site and one device of each kind (each rsvg-convert run takes a few 100 ms).
      const oneOfEachKind = [...new Map(diagram.devices.map((d) => [d.kind, d])).values()];
      const shapes = [
        ...oneOfEachKind.map((d) => [d.id, d.box] as const),
        ...diagram.sites.map((s) => [s.id, s.box] as const),
      ];
      for (const [id, box] of shapes) {
        const size = pngSize(rsvg(file, id));
        expect.soft(Math.abs(size.width - box.width), id).toBeLessThanOrEqual(3);
        expect.soft(Math.abs(size.height - box.height), id).toBeLessThanOrEqual(3);
      }
    },
    30_000,
  );
});
