/**
 * The studio's ways in and out, wired to the store: share links, files (open, drop, download),
 * diagram images and the review report. The codecs live in src/io; this file only moves bytes
 * between them and the browser. Every way in goes through the one loader (importBytes,
 * decodeLink), puts the open design aside in recent designs first, and on failure explains why
 * and leaves the open design untouched.
 */
import { getViewportForBounds, type Rect } from '@xyflow/react';
import { designFileName, serializeDesign } from '../io/file';
import { importBytes } from '../io/import';
import { summarizeWarnings } from '../io/document';
import { decodeLink, encodeLink } from '../io/link';
import { embedDesignInPng } from '../io/png';
import { collectEstimates, reportHtml, reportMarkdown } from '../io/report';
import { embedDesignInSvg, sanitizeSvg } from '../io/svg';
import type { Design } from '../model/schema';
import { findingsFor } from '../store/findings';
import { replaceOpenDesign, saveOpenDesign } from '../store/persistence';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';

/** Above this, chat apps, mail clients and ticket systems start cutting links. */
export const LONG_LINK_CHARS = 8_000;

export const OPEN_FILE_ACCEPT =
  '.json,.dci.json,.png,.svg,application/json,image/png,image/svg+xml';

// ---------------------------------------------------------------------------------------------
// Opening a design.

/** Is the fragment a design link (`#d=…` or `#v=…`, maybe after other `&`-separated parts)? */
export function isLinkFragment(hash: string): boolean {
  return /^#?(?:[^&]*&)*[dv]=/u.test(hash);
}

/** Drop a design link from the address bar, so a reload does not import it again. */
export function clearLinkFragment(): void {
  if (!isLinkFragment(window.location.hash)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

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

/**
 * A file dropped anywhere but the canvas would make the browser navigate to it (leaving the
 * studio): refuse such drops; the canvas handles its own.
 */
export function installFileDropGuard(): void {
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (hasFiles(e) && !e.defaultPrevented) {
      e.preventDefault();
      notify('info', 'Drop design files and exported images on the canvas to open them.');
    }
  });
}

/** When view-only mode ends (edit a copy, a template, a new design), the `#v=` link goes too. */
export function installLinkSync(): void {
  useStudio.subscribe((state, previous) => {
    if (previous.readOnly && !state.readOnly) clearLinkFragment();
  });
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
// Diagram images.

export type ExportScale = 1 | 2 | 3;

export interface DiagramOptions {
  /** The diagram's extent in flow coordinates (React Flow's getNodesBounds). */
  readonly bounds: Rect;
  readonly scale: ExportScale;
  /** Keep badges, limit figures and highlights; without them the image is a clean drawing. */
  readonly annotations: boolean;
  /** Draw with the light theme on white even while the studio is dark (for documents). */
  readonly light: boolean;
}

/** Margin around the design, in flow pixels. */
const IMAGE_MARGIN = 40;
/** Browsers refuse canvases much larger than this on a side (and about 268 M pixels in all). */
const MAX_CANVAS_SIDE = 16_000;
const MAX_CANVAS_PIXELS = 120_000_000;

/** The image size at 1×, and the pixel ratio that fits the browser's canvas limits. */
export function imageSize(bounds: Rect, scale: ExportScale) {
  const width = Math.ceil(bounds.width + 2 * IMAGE_MARGIN);
  const height = Math.ceil(bounds.height + 2 * IMAGE_MARGIN);
  const pixelRatio = Math.min(
    scale,
    MAX_CANVAS_SIDE / Math.max(width, height),
    Math.sqrt(MAX_CANVAS_PIXELS / (width * height)),
  );
  return { width, height, pixelRatio };
}

/**
 * Clone the canvas with the capture classes on, then put the theme back. html-to-image reads
 * computed styles while it clones, so the classes stay on until the clone (an SVG) is done;
 * drawing it into pixels, the slow part, happens after. For a light image of a dark studio,
 * only the canvas turns light: the rest of the page keeps `dark` on its own subtrees meanwhile.
 */
async function withCaptureStyle<T>(options: DiagramOptions, clone: () => Promise<T>) {
  const root = document.documentElement;
  const flow = document.querySelector<HTMLElement>('.react-flow');
  const rootDark = root.classList.contains('dark');
  const flowDark = flow?.classList.contains('dark') ?? false;
  const darkened: Element[] = [];
  root.classList.add('export-capture');
  if (!options.annotations) root.classList.add('export-no-annotations');
  if (options.light && rootDark) {
    // Every subtree beside the canvas's ancestors stays dark (toolbar, panels, this dialog).
    for (let at: Element | null = flow; at && at !== root; at = at.parentElement)
      for (const sibling of at.parentElement?.children ?? [])
        if (sibling !== at && !sibling.classList.contains('dark')) {
          sibling.classList.add('dark');
          darkened.push(sibling);
        }
    root.classList.remove('dark');
    flow?.classList.replace('dark', 'light');
  }
  const restoreStrokes = options.annotations ? () => {} : plainEdgeStrokes();
  try {
    return await clone();
  } finally {
    restoreStrokes();
    root.classList.remove('export-capture', 'export-no-annotations');
    if (rootDark) root.classList.add('dark');
    if (flowDark) flow?.classList.replace('light', 'dark');
    for (const element of darkened) element.classList.remove('dark');
  }
}

/** Draw an SVG (html-to-image's clone) into a PNG, as html-to-image's toBlob would. */
async function rasterize(
  svgDataUrl: string,
  size: { width: number; height: number; pixelRatio: number },
  background: string,
): Promise<Blob> {
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the browser could not draw the diagram'));
    image.src = svgDataUrl;
  });
  await image.decode().catch(() => undefined);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * size.pixelRatio);
  canvas.height = Math.round(size.height * size.pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser could not draw the image');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image is too large to encode'))),
      'image/png',
    ),
  );
}

/**
 * Edges colour themselves by their findings with inline styles, and html-to-image copies SVG
 * children as they are (without computed styles), so a stylesheet cannot neutralize them: paint
 * them plainly for the capture, and return how to put the findings' colours back.
 */
function plainEdgeStrokes(): () => void {
  const saved: [SVGElement, string][] = [];
  const paint = (selector: string, stroke: string) => {
    for (const path of document.querySelectorAll<SVGElement>(selector)) {
      saved.push([path, path.style.stroke]);
      path.style.stroke = stroke;
    }
  };
  paint('.react-flow__edge-dci .react-flow__edge-path', 'var(--edge-dci)');
  paint('.react-flow__edge-fabric .react-flow__edge-path', 'var(--edge-fabric)');
  return () => {
    for (const [path, stroke] of saved) path.style.stroke = stroke;
  };
}

/**
 * The styles copied into the image. html-to-image copies every computed property of every
 * element by default (about 600 in Chromium): a 400-device design then makes a 75 MB SVG that
 * takes minutes to draw. These are the ones the canvas uses, so the image stays a fraction of
 * that and draws in seconds. A style missing here renders as its default: add it if a new
 * canvas element needs it.
 */
const CAPTURED_STYLES = [
  ...['display', 'position', 'top', 'right', 'bottom', 'left', 'z-index', 'box-sizing'],
  ...['width', 'height', 'min-width', 'min-height', 'max-width', 'max-height'],
  ...['overflow', 'overflow-x', 'overflow-y', 'visibility', 'opacity'],
  ...['transform', 'transform-origin', 'translate', 'scale', 'rotate'],
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [
    `margin-${side}`,
    `padding-${side}`,
    `border-${side}-width`,
    `border-${side}-style`,
    `border-${side}-color`,
  ]),
  ...['top-left', 'top-right', 'bottom-right', 'bottom-left'].map((c) => `border-${c}-radius`),
  ...['outline-width', 'outline-style', 'outline-color', 'outline-offset', 'box-shadow'],
  ...['background-color', 'background-image', 'background-size', 'background-position'],
  ...['background-repeat', 'background-clip'],
  ...['color', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height'],
  ...['letter-spacing', 'text-align', 'text-transform', 'text-decoration-line', 'text-overflow'],
  ...['white-space', 'word-break', 'overflow-wrap', 'vertical-align', 'font-variant-numeric'],
  ...['flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'order'],
  ...['align-items', 'align-self', 'align-content', 'justify-content', 'justify-items'],
  ...['row-gap', 'column-gap', 'grid-template-columns', 'grid-template-rows'],
  ...['grid-column-start', 'grid-column-end', 'grid-row-start', 'grid-row-end'],
  ...['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity'],
  ...['stroke-linecap', 'stroke-linejoin'],
  // Edges' inline strokes refer to these, and SVG children are copied without computed styles.
  ...['--edge-dci', '--edge-fabric'],
];

function captureSettings(options: DiagramOptions) {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('the diagram is not on screen');
  const { width, height, pixelRatio } = imageSize(options.bounds, options.scale);
  // As React Flow's "download image" example: a viewport that frames the bounds at zoom 1.
  const view = getViewportForBounds(options.bounds, width, height, 1, 1, 0);
  const dark = !options.light && document.documentElement.classList.contains('dark');
  return {
    viewport,
    pixelRatio,
    settings: {
      backgroundColor: options.light ? '#ffffff' : dark ? '#0b1120' : '#f8fafc',
      width,
      height,
      pixelRatio,
      skipFonts: true,
      includeStyleProperties: [...new Set(CAPTURED_STYLES)],
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
      },
    },
  };
}

/** The diagram as PNG bytes (without the design inside). */
async function renderPng(options: DiagramOptions): Promise<Uint8Array> {
  const { toSvg } = await import('html-to-image');
  const { viewport, settings, pixelRatio } = captureSettings(options);
  if (pixelRatio < options.scale)
    notify(
      'info',
      `The design is too large for ${options.scale}× in a browser image; exported at ${pixelRatio.toFixed(1)}×.`,
    );
  const svg = await withCaptureStyle(options, () => toSvg(viewport, settings));
  const blob = await rasterize(svg, settings, settings.backgroundColor);
  return new Uint8Array(await blob.arrayBuffer());
}

/** The diagram as a PNG that carries the design (open it in DCI Studio to edit again). */
export async function diagramPng(design: Design, options: DiagramOptions): Promise<Blob> {
  const png = embedDesignInPng(await renderPng(options), serializeDesign(design));
  return new Blob([new Uint8Array(png)], { type: 'image/png' });
}

/** The diagram as a sanitized SVG that carries the design. */
export async function diagramSvg(design: Design, options: DiagramOptions): Promise<Blob> {
  const { toSvg } = await import('html-to-image');
  const { viewport, settings } = captureSettings(options);
  const dataUrl = await withCaptureStyle(options, () => toSvg(viewport, settings));
  const comma = dataUrl.indexOf(',');
  const svg = decodeURIComponent(dataUrl.slice(comma + 1));
  const text = sanitizeSvg(embedDesignInSvg(svg, serializeDesign(design)));
  return new Blob([text], { type: 'image/svg+xml' });
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
    const png = await renderPng(diagram);
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
