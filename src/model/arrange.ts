/**
 * Align, distribute and nudge the selected elements: pure geometry over the design.
 *
 * What moves: the selected sites (their devices move with them) and the selected devices whose
 * site is not selected too. Boxes are compared on the canvas (a device's position is relative
 * to its site). A device never leaves its site this way: it stops inside the site's box
 * (placement.ts's insideSiteBox; dragging it is how a device changes site). Each function
 * returns the design itself when nothing moves.
 */
import { DEVICE_SIZE } from './defaults';
import { movingNodes } from './moving';
import { insideSiteBox } from './placement';
import type { Design, DesignNode, Position, Site } from './schema';

export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

export const ALIGN_EDGES: readonly AlignEdge[] = [
  'left',
  'center',
  'right',
  'top',
  'middle',
  'bottom',
];

interface Item {
  readonly node: DesignNode;
  /** The site a device lives in (undefined for a site, or a device whose site is missing). */
  readonly site: Site | undefined;
  /** Its box on the canvas. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The elements that move when `ids` are aligned or nudged, with their boxes (moving.ts). */
function itemsOf(design: Design, ids: Iterable<string>): Item[] {
  const sites = new Map<string, Site>();
  for (const n of design.nodes) if (n.kind === 'site') sites.set(n.id, n);
  return movingNodes(design, ids).map((n): Item => {
    if (n.kind === 'site')
      return { node: n, site: undefined, ...n.position, width: n.width, height: n.height };
    const site = sites.get(n.parentId);
    return {
      node: n,
      site,
      x: (site?.position.x ?? 0) + n.position.x,
      y: (site?.position.y ?? 0) + n.position.y,
      ...DEVICE_SIZE,
    };
  });
}

/** Move items to new canvas positions; devices stay inside their site. */
function place(design: Design, moves: ReadonlyMap<Item, Position>): Design {
  const positions = new Map<string, Position>();
  for (const [item, at] of moves) {
    let position: Position = { x: Math.round(at.x), y: Math.round(at.y) };
    if (item.site)
      position = insideSiteBox(item.site, {
        x: position.x - item.site.position.x,
        y: position.y - item.site.position.y,
      });
    const was = item.node.position;
    if (position.x !== was.x || position.y !== was.y) positions.set(item.node.id, position);
  }
  if (positions.size === 0) return design;
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
}

/** Line the elements up on the left, centre or right edge of their bounds (or top, middle, bottom). */
export function alignNodes(design: Design, ids: Iterable<string>, edge: AlignEdge): Design {
  const items = itemsOf(design, ids);
  if (items.length < 2) return design;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const top = Math.min(...items.map((i) => i.y));
  const bottom = Math.max(...items.map((i) => i.y + i.height));
  const moves = new Map<Item, Position>();
  for (const i of items) {
    const x =
      edge === 'left'
        ? left
        : edge === 'right'
          ? right - i.width
          : edge === 'center'
            ? (left + right) / 2 - i.width / 2
            : i.x;
    const y =
      edge === 'top'
        ? top
        : edge === 'bottom'
          ? bottom - i.height
          : edge === 'middle'
            ? (top + bottom) / 2 - i.height / 2
            : i.y;
    moves.set(i, { x, y });
  }
  return place(design, moves);
}

/**
 * Space the elements evenly along an axis: the first and the last stay, the others move so the
 * gaps between neighbours are equal (needs three or more).
 */
export function distributeNodes(
  design: Design,
  ids: Iterable<string>,
  axis: DistributeAxis,
): Design {
  const items = itemsOf(design, ids);
  if (items.length < 3) return design;
  const [pos, size] =
    axis === 'horizontal' ? (['x', 'width'] as const) : (['y', 'height'] as const);
  const sorted = [...items].sort(
    (a, b) => a[pos] + a[size] / 2 - (b[pos] + b[size] / 2) || a[pos] - b[pos],
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return design;
  const span = last[pos] + last[size] - first[pos];
  const occupied = sorted.reduce((sum, i) => sum + i[size], 0);
  const gap = (span - occupied) / (sorted.length - 1);
  const moves = new Map<Item, Position>();
  let next = first[pos];
  for (const i of sorted) {
    moves.set(i, axis === 'horizontal' ? { x: next, y: i.y } : { x: i.x, y: next });
    next += i[size] + gap;
  }
  return place(design, moves);
}

/** Move the elements by (dx, dy) canvas pixels. */
export function nudgeNodes(design: Design, ids: Iterable<string>, dx: number, dy: number): Design {
  const moves = new Map<Item, Position>();
  for (const i of itemsOf(design, ids)) moves.set(i, { x: i.x + dx, y: i.y + dy });
  return place(design, moves);
}
