/**
 * Parallel links (DOMAIN.md §8): several links may join the same two elements — diverse fibre
 * routes between one pair of DCI edges, members of a bundle. Links that join the same two
 * elements (in either direction) form a *bundle*; each is drawn apart from the others. This
 * module says where each link sits in its bundle and how far its drawing is pushed aside; the
 * canvas turns that into a curve. Pure: no React, no React Flow.
 */
import type { Link } from './schema';

/** A link's place in its bundle: `index` from 0 to `count − 1`, in design order. */
export interface BundlePlace {
  readonly index: number;
  readonly count: number;
}

type Ends = Pick<Link, 'id' | 'source' | 'target'>;

export const pairKey = (l: Ends): string =>
  l.source < l.target ? `${l.source}\u0000${l.target}` : `${l.target}\u0000${l.source}`;

/** Each link's place in its bundle (the links that join the same two elements). */
export function bundlePlaces(links: readonly Ends[]): Map<string, BundlePlace> {
  const bundles = new Map<string, string[]>();
  for (const l of links) {
    const key = pairKey(l);
    const list = bundles.get(key);
    if (list) list.push(l.id);
    else bundles.set(key, [l.id]);
  }
  const out = new Map<string, BundlePlace>();
  for (const ids of bundles.values())
    ids.forEach((id, index) => out.set(id, { index, count: ids.length }));
  return out;
}

/**
 * How far a link is drawn from the straight line between its ends, in px, measured along the
 * left normal of the line from the lower id to the higher (so a link drawn B→A sits on the same
 * side as one drawn A→B would): 0 for a lone link, and for a bundle of n, steps of `spacingPx`
 * centred on the line.
 */
export function bundleOffset(link: Ends, place: BundlePlace, spacingPx: number): number {
  if (place.count <= 1) return 0;
  const centred = (place.index - (place.count - 1) / 2) * spacingPx;
  return link.source < link.target ? centred : -centred;
}

/**
 * The space two neighbouring links of a bundle need between them for their labels (a box of
 * `labelWidth` × `labelHeight`) not to overlap, given the direction of the line (dx, dy): the
 * extent of the box along the line's normal, plus a gap.
 */
export function bundleSpacing(
  dx: number,
  dy: number,
  labelWidth: number,
  labelHeight: number,
  gapPx = 12,
): number {
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  return Math.abs(nx) * labelWidth + Math.abs(ny) * labelHeight + gapPx;
}

/**
 * A cubic curve from (sx, sy) to (tx, ty) whose middle sits `offsetPx` along the left normal of
 * the line, as an SVG path, with the middle (where the label goes).
 */
export function offsetCurve(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  offsetPx: number,
): { readonly path: string; readonly labelX: number; readonly labelY: number } {
  const dx = tx - sx;
  const dy = ty - sy;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  // The middle of a cubic is (P0 + 3·P1 + 3·P2 + P3) / 8: control points pushed by 4/3 of the
  // offset put the middle exactly at the offset.
  const push = (offsetPx * 4) / 3;
  const c1x = sx + dx / 3 + nx * push;
  const c1y = sy + dy / 3 + ny * push;
  const c2x = sx + (2 * dx) / 3 + nx * push;
  const c2y = sy + (2 * dy) / 3 + ny * push;
  return {
    path: `M ${sx},${sy} C ${c1x},${c1y} ${c2x},${c2y} ${tx},${ty}`,
    labelX: (sx + tx) / 2 + nx * offsetPx,
    labelY: (sy + ty) / 2 + ny * offsetPx,
  };
}
