/**
 * Diagram files from a design — SVG (with the design inside), the title block's figures —
 * the same in the browser and on the command line. The router is passed in: libavoid loads
 * differently in each (src/render/avoid.ts).
 */
import type { Design } from '../model/schema';
import { renderDiagram } from '../render/diagram';
import { openFindingsByElement } from '../render/findings';
import type { ConnectorRouter } from '../render/router';
import { diagramToSvg, type SvgOptions, type TitleBlock } from '../render/svg';
import type { Diagram } from '../render/types';
import { runRules } from '../rules/index';
import { serializeDesign } from './file';
import { embedDesignInSvg, sanitizeSvg } from './svg';

export interface DiagramExportOptions {
  /** Show findings on the drawing (limit figures on DCI labels, red links over a limit). */
  readonly annotations: boolean;
  /** A title block: design name, date, finding counts. */
  readonly title: boolean;
  readonly legend: boolean;
  /** The date in the title block, YYYY-MM-DD (today when absent). */
  readonly date?: string;
}

export const DEFAULT_EXPORT: DiagramExportOptions = {
  annotations: true,
  title: true,
  legend: true,
};

export function findingCounts(design: Design): TitleBlock['counts'] {
  const waived = new Set(design.waivers.map((w) => w.findingKey));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of runRules(design)) if (!waived.has(f.key)) counts[f.severity]++;
  return counts;
}

export function exportDiagram(
  design: Design,
  router: ConnectorRouter,
  options: DiagramExportOptions,
): Diagram {
  return renderDiagram(
    design,
    router,
    options.annotations ? { findings: openFindingsByElement(design) } : {},
  );
}

export function svgOptions(design: Design, options: DiagramExportOptions): SvgOptions {
  return {
    title: options.title
      ? {
          name: design.name,
          date: options.date ?? new Date().toISOString().slice(0, 10),
          counts: findingCounts(design),
        }
      : null,
    legend: options.legend,
  };
}

/** The diagram as an SVG document that carries the design (drop it on the studio to edit). */
export function designSvg(
  design: Design,
  router: ConnectorRouter,
  options: DiagramExportOptions,
): string {
  const diagram = exportDiagram(design, router, options);
  const svg = diagramToSvg(diagram, svgOptions(design, options));
  return sanitizeSvg(embedDesignInSvg(svg, serializeDesign(design)));
}
