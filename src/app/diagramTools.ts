/**
 * The diagram exporters and the router they need, loaded together on first use: none of it
 * is on the first screen (the router alone is ~480 KB of WebAssembly).
 */
import { designSvg, exportDiagram, svgOptions, type DiagramExportOptions } from '../io/diagram';
import { diagramToDrawio } from '../io/drawio';
import { diagramToPdf } from '../render/pdf';
import type { Design } from '../model/schema';
import { loadAvoidRouter } from '../render/avoid';
import { svgFrame } from '../render/svg';
import type { Diagram } from '../render/types';
import { AVOID_WASM_URL } from '../render/wasm';

export async function loadDiagramTools() {
  const router = await loadAvoidRouter(AVOID_WASM_URL);
  return {
    exportDiagram: (design: Design, options: DiagramExportOptions) =>
      exportDiagram(design, router, options),
    designSvg: (design: Design, options: DiagramExportOptions) =>
      designSvg(design, router, options),
    pdf: (design: Design, options: DiagramExportOptions) =>
      diagramToPdf(exportDiagram(design, router, options), svgOptions(design, options)),
    drawio: (design: Design, options: DiagramExportOptions) =>
      diagramToDrawio(exportDiagram(design, router, options)),
    frame: (design: Design, diagram: Diagram, options: DiagramExportOptions) =>
      svgFrame(diagram, svgOptions(design, options)),
  };
}
