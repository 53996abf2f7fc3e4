/**
 * `dci-studio export <design> --format svg|png|pdf|drawio|md -o <out>`: the studio's diagram
 * exports without a browser, drawn by the same renderer (src/render), so designs kept as code
 * get their diagrams in CI. PNG is the SVG rasterised by rsvg-convert (librsvg; Debian's
 * librsvg2-bin, which scripts/ensure-rsvg.sh installs), the same SVG the browser rasterises.
 */
import { execFile } from 'node:child_process';
import { parseArgs } from 'node:util';
import { designSvg, exportDiagram, svgOptions, type DiagramExportOptions } from '../io/diagram';
import { diagramToDrawio } from '../io/drawio';
import { serializeDesign } from '../io/file';
import { embedDesignInPng } from '../io/png';
import { collectEstimates, reportMarkdown } from '../io/report';
import type { Design } from '../model/schema';
import { loadAvoidRouter } from '../render/avoid';
import { diagramToPdf } from '../render/pdf';
import { runRules } from '../rules/index';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'drawio', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_USAGE = `       dci-studio export <file> --format svg|png|pdf|drawio|md -o <out>
                 [--no-title] [--no-legend] [--no-annotations] [--scale 1|2|3] [--date YYYY-MM-DD]
`;

export interface ExportArgs {
  readonly file: string;
  readonly format: ExportFormat;
  readonly out: string;
  readonly options: DiagramExportOptions;
  readonly scale: number;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'no-title': { type: 'boolean' },
        'no-legend': { type: 'boolean' },
        'no-annotations': { type: 'boolean' },
        scale: { type: 'string' },
        date: { type: 'string' },
      },
    });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined) return 'no design file given';
  if (positionals.length > 1) return `one design file at a time (got ${positionals.join(', ')})`;
  const format = values.format;
  if (!format) return `--format is required (${EXPORT_FORMATS.join(', ')})`;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return `unknown format "${format}" (${EXPORT_FORMATS.join(', ')})`;
  if (!values.output) return '-o <out> is required';
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (![1, 2, 3].includes(scale)) return '--scale is 1, 2 or 3';
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(values.date))
    return '--date is YYYY-MM-DD';
  return {
    file,
    format: format as ExportFormat,
    out: values.output,
    scale,
    options: {
      title: values['no-title'] !== true,
      legend: values['no-legend'] !== true,
      annotations: values['no-annotations'] !== true,
      ...(values.date ? { date: values.date } : {}),
    },
  };
}

/** Rasterise an SVG with rsvg-convert; a clear error when it is not installed. */
export function rsvgPng(svg: string, scale: number): Promise<Uint8Array> {
  return new Promise((resolvePng, reject) => {
    const child = execFile(
      'rsvg-convert',
      ['--zoom', String(scale), '--background-color', 'white'],
      { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 },
      (error, stdout) => {
        if (error)
          reject(
            new Error(
              (error as NodeJS.ErrnoException).code === 'ENOENT'
                ? 'PNG export needs rsvg-convert: install librsvg2-bin (apt-get install librsvg2-bin)'
                : `rsvg-convert failed: ${error.message}`,
            ),
          );
        else resolvePng(new Uint8Array(stdout));
      },
    );
    child.stdin?.end(svg);
  });
}

/** The exported file's bytes (or text). */
export async function exportBytes(
  design: Design,
  format: ExportFormat,
  options: DiagramExportOptions,
  scale = 2,
): Promise<Uint8Array | string> {
  if (format === 'md') {
    const findings = runRules(design);
    return reportMarkdown(design, findings, collectEstimates(design), {
      generatedAt: options.date ?? new Date().toISOString(),
    });
  }
  const router = await loadAvoidRouter();
  if (format === 'svg') return designSvg(design, router, options);
  if (format === 'png') {
    const png = await rsvgPng(designSvg(design, router, options), scale);
    return embedDesignInPng(png, serializeDesign(design));
  }
  const diagram = exportDiagram(design, router, options);
  if (format === 'drawio') return diagramToDrawio(diagram);
  return diagramToPdf(diagram, svgOptions(design, options));
}
