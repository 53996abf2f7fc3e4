/**
 * How each kind of link is drawn, in one place: the canvas, its legend, the SVG, PNG and PDF
 * exports and their legend, and the draw.io file all read it here. "L3 only" is said by colour
 * and width, never by dashes: a dashed line costs paint time on every frame of a pan (issue 12)
 * and reads as "planned" or "failed" to a network architect.
 */

export type LinkStyleId = 'dci-l2' | 'dci-l3' | 'dci-broken' | 'fabric';

export interface LinkStyle {
  /** What the legend says. */
  readonly label: string;
  /** Stroke on a light page (exports, the light canvas); the canvas' CSS variable has it too. */
  readonly stroke: string;
  /** The canvas' CSS variable for this stroke (it changes with the dark theme), if any. */
  readonly cssVar?: string;
  readonly widthPx: number;
}

export const LINK_STYLES: Readonly<Record<LinkStyleId, LinkStyle>> = {
  'dci-l2': {
    label: 'DCI link extending segments (L2)',
    stroke: '#0f766e',
    cssVar: '--edge-dci',
    widthPx: 3,
  },
  'dci-l3': {
    label: 'DCI link, routed only (L3)',
    stroke: '#64748b',
    cssVar: '--edge-dci-l3',
    widthPx: 2,
  },
  'dci-broken': {
    label: 'DCI link over a latency / bandwidth limit',
    stroke: '#dc2626',
    widthPx: 3,
  },
  fabric: {
    label: 'Fabric link inside a site',
    stroke: '#94a3b8',
    cssVar: '--edge-fabric',
    widthPx: 1.25,
  },
};

/** The order the legends list the link styles in. */
export const LEGEND_LINK_STYLES: readonly LinkStyleId[] = [
  'dci-l2',
  'dci-l3',
  'dci-broken',
  'fabric',
];

/** The style of a link: its kind, whether it carries L2, and whether it is over a limit. */
export function linkStyleId(link: {
  readonly kind: 'dci' | 'fabric';
  readonly l3Only: boolean;
  readonly broken: boolean;
}): LinkStyleId {
  if (link.kind === 'fabric') return 'fabric';
  if (link.broken) return 'dci-broken';
  return link.l3Only ? 'dci-l3' : 'dci-l2';
}

/** The canvas' stroke for a style: its theme variable when it has one. */
export function canvasStroke(id: LinkStyleId): string {
  const style = LINK_STYLES[id];
  return style.cssVar ? `var(${style.cssVar})` : style.stroke;
}
