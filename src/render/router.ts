/**
 * Connector routing behind one small interface, so the geometry is pure and testable: the real
 * router is libavoid (./avoid.ts, WebAssembly, loaded on first use); `straightRouter` draws
 * centre-to-centre lines while it loads.
 */
import type { Box, Point } from './types';

/** How far routes keep from devices, and parallel segments from each other (px at zoom 1). */
export const ROUTE_CLEARANCE = 14;
export const PARALLEL_SPACING = 12;

/** A side of a shape a route must leave or enter by (a tier drawing: down from a spine). */
export type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * A shape's end names the side a route must use (or none: the router picks), and where along
 * it the route's port is (`at`, a fraction of the side from its top or left end; when missing,
 * `withPorts` spreads the ports of a side evenly).
 */
export type RouteEnd =
  | { readonly shapeId: string; readonly side?: Side; readonly at?: number }
  | { readonly point: Point };

export interface RouteRequest {
  readonly id: string;
  readonly source: RouteEnd;
  readonly target: RouteEnd;
}

export interface Obstacle {
  readonly id: string;
  readonly box: Box;
}

export interface ConnectorRouter {
  /**
   * Orthogonal routes around the obstacles, each from its source's centre (or point) to its
   * target's, or from a port on the side an end names (routes at one side spread along it);
   * the geometry clips them to the shapes' borders.
   */
  route(
    obstacles: readonly Obstacle[],
    requests: readonly RouteRequest[],
    options?: RouteOptions,
  ): Map<string, readonly Point[]>;
}

export interface RouteOptions {
  /**
   * Only the shapes the requests end at get a connection point (libavoid makes one at every
   * shape's centre otherwise, which a drawing from scratch keeps: the points take part in its
   * choice among routes of equal cost between sites). A drag's preview routes among the
   * devices of one site, where the routes it draws are the same (bench/drag-preview.ts), at
   * 0.65x the CPU.
   */
  readonly endPinsOnly?: boolean;
}

export const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * The requests with a port (`at`) on every end that names a side: the ports of one side are
 * spread evenly in the order of where their routes go, so the links of a spine fan out along
 * its bottom edge without crossing one another. Ends that already have a port keep it.
 * `only`: just the requests with these ids, their ports placed among all of `requests` (a
 * drag's few links at the sides of spines with a hundred others).
 */
export function withPorts(
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
  only?: ReadonlySet<string>,
): RouteRequest[] {
  const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
  const toward = (e: RouteEnd): Point | null => {
    if ('point' in e) return e.point;
    const b = boxes.get(e.shapeId);
    return b ? center(b) : null;
  };
  const sides = new Map<string, { end: RouteEnd; other: Point; order: number }[]>();
  requests.forEach((r, order) => {
    for (const [e, o] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      const other = toward(o);
      if (!('shapeId' in e) || !e.side || e.at !== undefined || !other) continue;
      const key = `${e.shapeId}\u0000${e.side}`;
      const list = sides.get(key);
      if (list) list.push({ end: e, other, order });
      else sides.set(key, [{ end: e, other, order }]);
    }
  });
  const at = new Map<RouteEnd, number>();
  let extent: Extent | null = null;
  for (const list of sides.values()) {
    const first = list[0]?.end;
    if (!first || !('shapeId' in first)) continue;
    const across = first.side === 'top' || first.side === 'bottom' ? 'x' : 'y';
    list.sort((a, b) => a.other[across] - b.other[across] || a.order - b.order);
    const box = boxes.get(first.shapeId);
    let placed: number[] | null = null;
    if (box && first.side && list.length >= PLACED_PORTS_MIN) {
      extent ??= centresExtent(obstacles);
      const length = across === 'x' ? box.width : box.height;
      placed = placedPorts(
        list.map((e) => e.other),
        first.side,
        length,
        extent,
      );
    }
    list.forEach(({ end }, k) => at.set(end, placed?.[k] ?? (k + 1) / (list.length + 1)));
  }
  // A lone port moves for its own request's ends only.
  const out = only ? requests.filter((r) => only.has(r.id)) : requests;
  alignLonePorts(out, sides, at, boxes);
  if (at.size === 0) return [...out];
  const port = (e: RouteEnd): RouteEnd => {
    const a = at.get(e);
    return a === undefined ? e : { ...e, at: a };
  };
  return out.map((r) => ({ ...r, source: port(r.source), target: port(r.target) }));
}

/** A side with this many ports or more places them by where their links go (placedPorts). */
export const PLACED_PORTS_MIN = 16;
/**
 * How far apart the ports of links to one column (a spine's links to the rows of ToRs below
 * it) are spread, top row to bottom row of the group (px).
 */
const COLUMN_SPREAD_PX = 8;
/** Room kept at each end of a side with placed ports (px). */
const PORT_PAD_PX = 4;

interface Extent {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The extent of the obstacles' centres, across and up and down. */
function centresExtent(obstacles: readonly Obstacle[]): Extent {
  const x: [number, number] = [Infinity, -Infinity];
  const y: [number, number] = [Infinity, -Infinity];
  for (const { box } of obstacles) {
    const c = center(box);
    x[0] = Math.min(x[0], c.x);
    x[1] = Math.max(x[1], c.x);
    y[0] = Math.min(y[0], c.y);
    y[1] = Math.max(y[1], c.y);
  }
  return { x, y };
}

const fraction = (v: number, [lo, hi]: readonly [number, number]) =>
  hi > lo ? (v - lo) / (hi - lo) : 0.5;

/**
 * The ports of a side with many links (a spine's to every ToR), as fractions of it, in the
 * order of `towards` (the other ends): each where its link's other end is across the group's
 * devices (`extent`), so the side reads as a map of where its links go; links to one column
 * sit apart by where their other ends are up and down it (COLUMN_SPREAD_PX over the group).
 * A port then depends on its own link's other end only, not on how many links the side has: a
 * delete or a paste leaves the other links' ports (and routes) as they were, where an even
 * spread moved every one. Ports that would come closer than a pixel, or out of the order of
 * their links along the side (across, then up and down), or out of the side (a device dropped
 * on the column of another, or beside the group) are moved apart just enough, each run of
 * them from where it starts: the ports before and after it stay where they are, so a drop
 * moves the ports of its own links and of the few whose places it crowds, not the whole side.
 * Null when the side is too short to keep them a pixel apart: the caller spreads them evenly.
 */
function placedPorts(
  towards: readonly Point[],
  side: Side,
  length: number,
  extent: Extent,
): number[] | null {
  const across = side === 'top' || side === 'bottom' ? 'x' : 'y';
  const along = across === 'x' ? 'y' : 'x';
  const lo = PORT_PAD_PX / 2;
  const hi = length - PORT_PAD_PX / 2;
  if (length <= 2 * PORT_PAD_PX || hi - lo < towards.length - 1) return null;
  const places = towards.map(
    (p) =>
      PORT_PAD_PX +
      fraction(p[across], extent[across]) * (length - 2 * PORT_PAD_PX) +
      (fraction(p[along], extent[along]) - 0.5) * COLUMN_SPREAD_PX,
  );
  const byPlace = towards
    .map((_, k) => k)
    .sort(
      (a, b) =>
        (towards[a] as Point)[across] - (towards[b] as Point)[across] ||
        (towards[a] as Point)[along] - (towards[b] as Point)[along] ||
        a - b,
    );
  // Forward, each a pixel or more after the one before; then back from the far end, each a
  // pixel or more before the one after and inside the side. A port whose place already keeps
  // those distances is not moved by either pass.
  let last = lo - 1;
  for (const k of byPlace) {
    last = Math.max(places[k] as number, last + 1);
    places[k] = last;
  }
  let next = hi + 1;
  for (let i = byPlace.length - 1; i >= 0; i--) {
    const k = byPlace[i] as number;
    next = Math.min(places[k] as number, next - 1);
    places[k] = next;
  }
  return places.map((p) => p / length);
}

const opposite: Readonly<Record<Side, Side>> = {
  top: 'bottom',
  bottom: 'top',
  left: 'right',
  right: 'left',
};

/**
 * A link from the only port of a side to a side it faces that has several: its lone port moves
 * to face the port at the other end, where that falls on its side, so the link runs straight.
 * Left in the middle, it made the link step halfway (the metro templates' first dark fibre,
 * beside the witness link on the same side of the far DCI edge).
 */
function alignLonePorts(
  requests: readonly RouteRequest[],
  sides: ReadonlyMap<string, readonly unknown[]>,
  at: Map<RouteEnd, number>,
  boxes: ReadonlyMap<string, Box>,
): void {
  const ports = (e: RouteEnd) =>
    'shapeId' in e && e.side ? (sides.get(`${e.shapeId}\u0000${e.side}`)?.length ?? 0) : 0;
  for (const r of requests)
    for (const [own, other] of [
      [r.source, r.target],
      [r.target, r.source],
    ] as const) {
      if (!('shapeId' in own) || !('shapeId' in other) || !own.side || !other.side) continue;
      if (ports(own) !== 1 || ports(other) < 2 || opposite[own.side] !== other.side) continue;
      const box = boxes.get(own.shapeId);
      const otherBox = boxes.get(other.shapeId);
      const otherAt = at.get(other);
      if (!box || !otherBox || otherAt === undefined) continue;
      const p = portPoint(otherBox, other.side, otherAt);
      const facing =
        own.side === 'right'
          ? p.x >= box.x + box.width
          : own.side === 'left'
            ? p.x <= box.x
            : own.side === 'bottom'
              ? p.y >= box.y + box.height
              : p.y <= box.y;
      const vertical = own.side === 'left' || own.side === 'right';
      const from = vertical ? box.y : box.x;
      const length = vertical ? box.height : box.width;
      const c = vertical ? p.y : p.x;
      if (facing && c >= from + PORT_PAD_PX && c <= from + length - PORT_PAD_PX)
        at.set(own, (c - from) / length);
    }
}

/** Where a port `at` a fraction of a side of a box is. */
export function portPoint(box: Box, side: Side, at: number): Point {
  switch (side) {
    case 'top':
      return { x: box.x + at * box.width, y: box.y };
    case 'bottom':
      return { x: box.x + at * box.width, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + at * box.height };
    case 'right':
      return { x: box.x + box.width, y: box.y + at * box.height };
  }
}

/** Straight lines between centres: what the canvas draws until the real router has loaded. */
export const straightRouter: ConnectorRouter = {
  route(obstacles, requests) {
    const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
    const at = (end: RouteEnd): Point | null => {
      if ('point' in end) return end.point;
      const box = boxes.get(end.shapeId);
      return box ? center(box) : null;
    };
    const out = new Map<string, readonly Point[]>();
    for (const r of requests) {
      const a = at(r.source);
      const b = at(r.target);
      if (a && b) out.set(r.id, [a, b]);
    }
    return out;
  },
};

const inside = (p: Point, b: Box) =>
  p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;

/** Where the segment from `a` (inside `box`) to `b` (outside) crosses the box's border. */
function exitPoint(a: Point, b: Point, box: Box): Point {
  let t = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx > 0) t = Math.min(t, (box.x + box.width - a.x) / dx);
  if (dx < 0) t = Math.min(t, (box.x - a.x) / dx);
  if (dy > 0) t = Math.min(t, (box.y + box.height - a.y) / dy);
  if (dy < 0) t = Math.min(t, (box.y - a.y) / dy);
  return { x: a.x + dx * t, y: a.y + dy * t };
}

/** Cut the part of a route that lies inside its start box, so it starts on the border. */
export function clipStart(points: readonly Point[], box: Box | undefined): Point[] {
  if (!box || points.length < 2) return [...points];
  let i = 0;
  while (i < points.length - 1 && inside(points[i + 1] as Point, box)) i++;
  if (i >= points.length - 1) return [...points];
  const a = points[i] as Point;
  const b = points[i + 1] as Point;
  if (!inside(a, box)) return points.slice(i);
  return [exitPoint(a, b, box), ...points.slice(i + 1)];
}

export function clipRoute(
  points: readonly Point[],
  sourceBox: Box | undefined,
  targetBox: Box | undefined,
): Point[] {
  const start = clipStart(points, sourceBox);
  return clipStart([...start].reverse(), targetBox).reverse();
}

/** Drop repeated points and the middle of three collinear ones. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
