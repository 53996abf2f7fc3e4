/**
 * How the device cards (DeviceNode.tsx) draw their kind: its icon as a CSS background, and its
 * colours as a plain box at low zoom. Apart from the palette's icon components (icons.tsx),
 * which are on the first screen: these, and the icon data they are made of, load with the
 * cards.
 */
import type { NodeKind } from '../model/schema';
import { KIND_ICON_COLOR, KIND_ICON_SVG } from '../render/icons';
import { whenPanelsDrawn } from '../store/ui';

/** Icon stroke colour of each kind on a dark canvas (Tailwind 400 shades, as KIND_COLORS). */
const KIND_ICON_COLOR_DARK: Readonly<Record<NodeKind, string>> = {
  site: '#64748b',
  spine: '#818cf8',
  tor: '#38bdf8',
  border: '#2dd4bf',
  cluster: '#34d399',
  array: '#fbbf24',
  firewall: '#fb7185',
  witness: '#a78bfa',
};

function iconDataUrl(kind: NodeKind, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${KIND_ICON_SVG[kind]}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
const iconUrl: IconUrl = (kind, color) => `url("${iconDataUrl(kind, color)}")`;

/** The class that draws a kind's icon as the background of an element (see kindIconStyles). */
export const kindIconClass = (kind: NodeKind): string => `kind-icon kind-icon-${kind}`;

/** An icon's image: its kind and its stroke colour. */
type IconUrl = (kind: NodeKind, color: string) => string;

/**
 * The box the icon is drawn in: a square-cornered box of its own inside the element, whose
 * rounded square is the element's background. Chromium paints a rounded box that has both a
 * colour and an image as an offscreen layer, clipped (a saveLayer and a rounded clip per card,
 * rasterized again on every frame of a pan); the two boxes draw a rounded rectangle and an image.
 */
export const ICON_BOX = '::before';

/**
 * The kinds' icons as CSS backgrounds, for the device cards: an inline <svg> in each of a
 * thousand cards made every pan frame re-layerize a thousand SVG roots (each its own transform
 * and clip), about half the paint work of a pan. The same icon data as the exports
 * (render/icons.ts), in the card's colour for each theme. `url` gives each icon's image: the
 * SVG itself, or a bitmap drawn from it (rasterizeKindIcons).
 */
export function kindIconStyles(url: IconUrl = iconUrl): string {
  const rules = [
    `.kind-icon${ICON_BOX}{content:'';display:block;height:100%;background-repeat:no-repeat;background-position:center;background-size:18px 18px}`,
  ];
  for (const kind of Object.keys(KIND_ICON_SVG) as NodeKind[]) {
    rules.push(
      `.kind-icon-${kind}${ICON_BOX}{background-image:${url(kind, KIND_ICON_COLOR[kind])}}`,
    );
    rules.push(
      `.dark .kind-icon-${kind}${ICON_BOX}{background-image:${url(kind, KIND_ICON_COLOR_DARK[kind])}}`,
    );
  }
  return rules.join('\n');
}

/**
 * The side (px) of the icons' bitmaps: sharp up to the canvas' largest zoom (2.5) on a 2× screen
 * (18 px × 2.5 × 2 = 90).
 */
export const ICON_BITMAP_PX = 96;

/**
 * The icons' style sheet with each SVG drawn once as a PNG of ICON_BITMAP_PX: Chromium paints an
 * SVG background as its paths, card by card, and a pan re-rasterizes the whole canvas on every
 * frame. The icons were 11,000 of the 19,700 paint operations of bench:ui's pan view at 1,000
 * elements; as bitmaps, scaled from a cached decode, the view has 13,500. Undefined where no
 * canvas can draw (jsdom): the SVGs stay.
 */
export async function rasterizeKindIcons(): Promise<string | undefined> {
  // jsdom has no OffscreenCanvas, nor a 2D context: nothing can draw there.
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = ICON_BITMAP_PX;
  canvas.height = ICON_BITMAP_PX;
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const pngs = new Map<string, string>();
  for (const kind of Object.keys(KIND_ICON_SVG) as NodeKind[])
    for (const color of [KIND_ICON_COLOR[kind], KIND_ICON_COLOR_DARK[kind]]) {
      const image = new Image(ICON_BITMAP_PX, ICON_BITMAP_PX);
      image.src = iconDataUrl(kind, color);
      await image.decode();
      context.clearRect(0, 0, ICON_BITMAP_PX, ICON_BITMAP_PX);
      context.drawImage(image, 0, 0, ICON_BITMAP_PX, ICON_BITMAP_PX);
      pngs.set(`${kind} ${color}`, canvas.toDataURL('image/png'));
    }
  return kindIconStyles((kind, color) => `url("${pngs.get(`${kind} ${color}`) ?? ''}")`);
}

let installed = false;
/**
 * Put the icons' style sheet in the document, once (the first card drawn does it): the SVGs,
 * then, at the first idle moment after the canvas has drawn the design the page opened with and
 * the side panel its tab (whenPanelsDrawn), their bitmaps (rasterizeKindIcons, 45–80 ms of
 * main-thread time in one go). Not before: begun while the page waited for its stored design,
 * the rasterization held up the render when the design came, and begun once the canvas had
 * drawn, it ran while the inspector's chunk was on its way and held up the Inspect panel.
 */
export function installKindIconStyles(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const style = document.createElement('style');
  style.dataset['styles'] = 'kind-icons';
  style.textContent = kindIconStyles();
  document.head.appendChild(style);
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  whenPanelsDrawn(() =>
    idle(() => {
      rasterizeKindIcons().then(
        (sheet) => {
          if (sheet) style.textContent = sheet;
        },
        () => undefined, // An icon that cannot be drawn leaves the SVGs, which look the same.
      );
    }),
  );
}

/** A device drawn as a plain box when zoomed out: the kind's colour as border and fill. */
export const FAR_COLORS: Readonly<Record<NodeKind, string>> = {
  site: 'border-slate-400 bg-slate-100',
  spine: 'border-indigo-400 bg-indigo-100 dark:border-indigo-500 dark:bg-indigo-950',
  tor: 'border-sky-400 bg-sky-100 dark:border-sky-500 dark:bg-sky-950',
  border: 'border-teal-400 bg-teal-100 dark:border-teal-500 dark:bg-teal-950',
  cluster: 'border-emerald-400 bg-emerald-100 dark:border-emerald-500 dark:bg-emerald-950',
  array: 'border-amber-400 bg-amber-100 dark:border-amber-500 dark:bg-amber-950',
  firewall: 'border-rose-400 bg-rose-100 dark:border-rose-500 dark:bg-rose-950',
  witness: 'border-violet-400 bg-violet-100 dark:border-violet-500 dark:bg-violet-950',
};
