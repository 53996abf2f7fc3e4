/**
 * The studio's ways in and out, wired to the store: share links, files (open, drop, download),
 * diagram images and the review report. The codecs live in src/io; this file only moves bytes
 * between them and the browser. Every way in goes through the one loader (importBytes,
 * decodeLink), puts the open design aside in recent designs first, and on failure explains why
 * and leaves the open design untouched.
 */
import { designFileName, serializeDesign } from '../io/file';
import { importBytes } from '../io/import';
import { summarizeWarnings } from '../io/document';
import { decodeLink, encodeLink } from '../io/link';
import { embedDesignInPng } from '../io/png';
import { collectEstimates, reportHtml, reportMarkdown } from '../io/report';
import type { DiagramExportOptions } from '../io/diagram';
import type { Design } from '../model/schema';
import { findingsFor } from '../store/findings';
import { replaceOpenDesign, saveOpenDesign } from '../store/persistence';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { clearLinkFragment, isLinkFragment } from './linkFragment';

/** Above this, chat apps, mail clients and ticket systems start cutting links. */
export const LONG_LINK_CHARS = 8_000;

export const OPEN_FILE_ACCEPT =
  '.json,.dci.json,.png,.svg,application/json,image/png,image/svg+xml';

// ---------------------------------------------------------------------------------------------
// Opening a design.

/**
 * Replace the open design with `design`, once the open one is stored in recent designs (or the
 * user, asked because it could not be stored, chose to go on). Resolves false when the user
 * kept the open design. A view-only design keeps its `#v=` link in the address bar (so a reload
 * stays view-only, and autosave skips it); anything else drops a link fragment that is no
 * longer what is shown.
 */
export async function openDesign(
  design: Design,
  options: { readOnly?: boolean; message?: string } = {},
): Promise<boolean> {
  const replaced = await replaceOpenDesign(design, {
    readOnly: options.readOnly ?? false,
    download: (d) => downloadDesignFile(d),
  });
  if (!replaced) {
    clearLinkFragment();
    notify('info', 'The open design was kept.');
    return false;
  }
  if (!options.readOnly) clearLinkFragment();
  const ui = useUi.getState();
  ui.openDialog(null);
  ui.requestFit();
  if (options.message) notify('success', options.message);
  return true;
}

/** Open the design in the address bar's fragment, if there is one (startup and hashchange). */
export function openLinkFromLocation(): void {
  const hash = window.location.hash;
  if (!isLinkFragment(hash)) return;
  const result = decodeLink(hash);
  if (!result.ok) {
    notify('error', `${result.error.message} The open design was kept.`);
    clearLinkFragment();
    return;
  }
  const view = result.mode === 'view';
  const { design, warnings } = result;
  void openDesign(design, {
    readOnly: view,
    message: view
      ? `Opened “${design.name}” from a view-only link.`
      : `Opened “${design.name}” from a link.`,
  }).then((opened) => {
    if (opened && warnings.length > 0) notify('warning', summarizeWarnings(design, warnings));
  });
}

/** Leave view-only mode with an editable copy of the same design (saved from now on). */
export function editCopy(): void {
  const { design } = useStudio.getState();
  useStudio.getState().replaceDesign(design, { readOnly: false });
  clearLinkFragment();
  // The design object did not change, so autosave would not notice: save it now.
  void saveOpenDesign();
  notify('success', 'You are editing a copy. The link you opened is unchanged.');
}

/** Read a file the user opened or dropped, through the one loader. */
export async function importFile(file: File): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    notify('error', `“${file.name}” could not be read. The open design was kept.`);
    return;
  }
  const result = importBytes(file.name, bytes);
  if (!result.ok) {
    notify(
      'error',
      `Could not open “${file.name}”: ${result.error.message} The open design was kept.`,
    );
    return;
  }
  const opened = await openDesign(result.design, {
    message: `Opened “${result.design.name}” from ${file.name}.`,
  });
  if (opened && result.warnings.length > 0)
    notify('warning', summarizeWarnings(result.design, result.warnings));
}

/** The "Open…" command: a file picker for design files and exported images. */
export function pickFileToOpen(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = OPEN_FILE_ACCEPT;
  input.style.display = 'none';
  const done = () => input.remove();
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    done();
    if (file) void importFile(file);
  });
  input.addEventListener('cancel', done);
  document.body.append(input);
  input.click();
}

// ---------------------------------------------------------------------------------------------
// Sharing and downloads.

/** The share link for the design: this page's address with the design in the fragment only. */
export function shareLinkFor(design: Design, viewOnly: boolean): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${encodeLink(design, { viewOnly })}`;
}

/** Copy to the clipboard; false when the browser refuses (no permission, insecure origin). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `my-design.dci.json` → `my-design` + suffix. */
export function exportFileName(design: Design, suffix: string): string {
  return designFileName(design).replace(/\.dci\.json$/u, suffix);
}

export function downloadDesignFile(design: Design = useStudio.getState().design): void {
  downloadBlob(
    new Blob([serializeDesign(design)], { type: 'application/json' }),
    designFileName(design),
  );
}

export function downloadReportMarkdown(design: Design): void {
  const markdown = reportMarkdown(design, findingsFor(design).all, collectEstimates(design), {
    generatedAt: new Date().toISOString(),
  });
  downloadBlob(
    new Blob([markdown], { type: 'text/markdown;charset=utf-8' }),
    exportFileName(design, '-review.md'),
  );
}

// ---------------------------------------------------------------------------------------------
// Diagram images: drawn from the design by src/render (the same geometry as the canvas), never
// captured from the screen, so they do not depend on the zoom, the theme or what is visible.

export type ExportScale = 1 | 2 | 3;

export interface DiagramOptions extends DiagramExportOptions {
  readonly scale: ExportScale;
}

/** Browsers refuse canvases much larger than this on a side (and about 268 M pixels in all). */
const MAX_CANVAS_SIDE = 16_000;
const MAX_CANVAS_PIXELS = 120_000_000;

/** The image size at 1×, and the pixel ratio that fits the browser's canvas limits. */
export function imageSize(bounds: { width: number; height: number }, scale: ExportScale) {
  const width = Math.ceil(bounds.width);
  const height = Math.ceil(bounds.height);
  const pixelRatio = Math.min(
    scale,
    MAX_CANVAS_SIDE / Math.max(width, height),
    Math.sqrt(MAX_CANVAS_PIXELS / (width * height)),
  );
  return { width, height, pixelRatio };
}

/** The diagram's SVG document (with the design inside), drawn by the shared renderer. */
async function renderSvg(design: Design, options: DiagramExportOptions) {
  const { loadDiagramTools } = await import('./diagramTools');
  const tools = await loadDiagramTools();
  const diagram = tools.exportDiagram(design, options);
  return { text: tools.designSvg(design, options), frame: tools.frame(design, diagram, options) };
}

/** Draw an SVG document into a PNG in the browser's canvas. */
async function rasterize(
  svgText: string,
  size: { width: number; height: number; pixelRatio: number },
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the diagram'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * size.pixelRatio);
    canvas.height = Math.round(size.height * size.pixelRatio);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser could not draw the image');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the image is too large to encode'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The diagram as PNG bytes (without the design inside): the SVG export, rasterised. */
async function renderPng(design: Design, options: DiagramOptions): Promise<Uint8Array> {
  const svg = await renderSvg(design, options);
  const size = imageSize(svg.frame, options.scale);
  if (size.pixelRatio < options.scale)
    notify(
      'info',
      `The design is too large for ${options.scale}× in a browser image; exported at ${size.pixelRatio.toFixed(1)}×.`,
    );
  const blob = await rasterize(svg.text, size);
  return new Uint8Array(await blob.arrayBuffer());
}

/** The diagram as a PNG that carries the design (open it in DCI Studio to edit again). */
export async function diagramPng(design: Design, options: DiagramOptions): Promise<Blob> {
  const png = embedDesignInPng(await renderPng(design, options), serializeDesign(design));
  return new Blob([new Uint8Array(png)], { type: 'image/png' });
}

/** The diagram as an SVG of plain shapes and text that carries the design. */
export async function diagramSvg(design: Design, options: DiagramExportOptions): Promise<Blob> {
  const { text } = await renderSvg(design, options);
  return new Blob([text], { type: 'image/svg+xml' });
}

/** The diagram as a one-page vector PDF. */
export async function diagramPdf(design: Design, options: DiagramExportOptions): Promise<Blob> {
  const { loadDiagramTools } = await import('./diagramTools');
  const bytes = (await loadDiagramTools()).pdf(design, options);
  return new Blob([new Uint8Array(bytes)], { type: 'application/pdf' });
}

/** The diagram as a draw.io (mxGraph XML) file. */
export async function diagramDrawio(design: Design, options: DiagramExportOptions): Promise<Blob> {
  const { loadDiagramTools } = await import('./diagramTools');
  const xml = (await loadDiagramTools()).drawio(design, options);
  return new Blob([xml], { type: 'application/vnd.jgraph.mxfile' });
}

/** Put the diagram on the clipboard as a PNG image. */
export async function copyDiagramImage(design: Design, options: DiagramOptions): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write)
    throw new Error('this browser cannot put images on the clipboard; download the PNG instead');
  // The promise goes into the ClipboardItem at once: Safari refuses a write that waits first.
  const png = renderPng(design, options).then(
    (bytes) => new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
  );
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The review report, printable (to paper or PDF), with the diagram: opened in a new window that
 * prints itself, or downloaded as an .html file when pop-ups are blocked.
 */
export async function printReport(design: Design, diagram: DiagramOptions | null): Promise<void> {
  let diagramDataUrl: string | undefined;
  if (diagram) {
    const png = await renderPng(design, diagram);
    diagramDataUrl = await toDataUrl(new Blob([new Uint8Array(png)], { type: 'image/png' }));
  }
  const html = reportHtml(design, findingsFor(design).all, collectEstimates(design), {
    generatedAt: new Date().toISOString(),
    ...(diagramDataUrl ? { diagramDataUrl } : {}),
  });
  const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    downloadBlob(blob, exportFileName(design, '-review.html'));
    notify(
      'info',
      'Pop-ups are blocked, so the report was downloaded as an HTML file: open it and print it to PDF.',
    );
    return;
  }
  win.addEventListener(
    'load',
    () => {
      win.focus();
      win.print();
    },
    { once: true },
  );
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
