import type { NodeKind } from '../model/schema';
import { isNote, type CanvasNode } from '../store/noteFlow';

const MINIMAP_COLORS: Partial<Record<NodeKind, string>> = {
  spine: '#6366f1',
  tor: '#0ea5e9',
  border: '#14b8a6',
  cluster: '#10b981',
  array: '#f59e0b',
  firewall: '#f43f5e',
  witness: '#8b5cf6',
};

/** The fill a node is drawn with in the minimap: by kind, notes in their yellow. */
export function minimapColor(n: CanvasNode): string {
  return isNote(n) ? '#eab308' : (MINIMAP_COLORS[n.data.element.kind] ?? 'rgba(148,163,184,0.35)');
}

/** A node as the minimap draws it: its box in flow coordinates and its fill. */
export interface MinimapBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

/** Every box of one fill, as one SVG path. */
export interface MinimapShape {
  readonly fill: string;
  readonly d: string;
}

/** The corner radius of a minimap node, in flow units (React Flow's minimap draws 5). */
export const MINIMAP_RADIUS = 5;

/** A tenth of a flow unit: far below what a minimap pixel shows, and a shorter path. */
const round = (v: number) => Math.round(v * 10) / 10;

/** The outline of a box with rounded corners, as an SVG rect with `rx` and `ry` draws it. */
function boxPath(b: MinimapBox, radius: number): string {
  const x = round(b.x);
  const y = round(b.y);
  const w = round(b.width);
  const h = round(b.height);
  const r = round(Math.min(radius, w / 2, h / 2));
  if (r <= 0) return `M${x},${y}h${w}v${h}h${-w}z`;
  const arc = (dx: number, dy: number) => `a${r},${r} 0 0 1 ${dx},${dy}`;
  return (
    `M${round(x + r)},${y}h${round(w - 2 * r)}${arc(r, r)}v${round(h - 2 * r)}${arc(-r, r)}` +
    `h${round(2 * r - w)}${arc(-r, -r)}v${round(2 * r - h)}${arc(r, -r)}z`
  );
}

/**
 * The minimap's drawing: one path per fill, the fills in the order their first node comes (the
 * sites, drawn first, stay under their devices). One path per fill instead of a component, a
 * store subscription and a rect per node: React Flow's minimap kept some 1,000 fibers, hooks and
 * selectors at 1,000 elements, about 1 MB of the studio's JS heap.
 */
export function minimapShapes(
  boxes: Iterable<MinimapBox>,
  radius = MINIMAP_RADIUS,
): MinimapShape[] {
  const paths = new Map<string, string[]>();
  for (const b of boxes) {
    const path = boxPath(b, radius);
    const list = paths.get(b.fill);
    if (list) list.push(path);
    else paths.set(b.fill, [path]);
  }
  return [...paths].map(([fill, list]) => ({ fill, d: list.join('') }));
}
