/** Plane geometry on boxes and polylines, shared by label placement and the defect check. */
import type { Box, Point } from './types';

export function inflate(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

/** Do the interiors of two boxes overlap (touching edges do not)? */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Does the segment a→b pass through the interior of the box (Liang–Barsky clipping)? */
export function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      // Parallel to this edge: outside (or on it) means no interior crossing.
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t1 - t0 > 1e-9;
}

export function polylineCrossesBox(points: readonly Point[], box: Box): boolean {
  for (let i = 1; i < points.length; i++)
    if (segmentCrossesBox(points[i - 1] as Point, points[i] as Point, box)) return true;
  return false;
}

export function polylineLength(points: readonly Point[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    n += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return n;
}

/** The point at distance `d` along the polyline, and whether that segment is horizontal. */
export function pointAlong(
  points: readonly Point[],
  d: number,
): { point: Point; horizontal: boolean } {
  let left = d;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const horizontal = Math.abs(b.y - a.y) <= Math.abs(b.x - a.x);
    if (left <= len || i === points.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, left / len);
      return { point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, horizontal };
    }
    left -= len;
  }
  return { point: points[0] ?? { x: 0, y: 0 }, horizontal: true };
}

export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function pointsBox(points: readonly Point[]): Box {
  return unionBoxes(points.map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 })));
}

/**
 * Boxes filed by the grid cells (of side `gridPx`) their extent touches, closed at both ends, so
 * two boxes that meet or touch share a cell. A cell's key is a number that far-apart cells may
 * share: a lookup may then offer a box that does not meet, never miss one that does, and every
 * caller tests what it is offered.
 */
export function boxGrid(
  boxes: readonly Box[],
  gridPx: number,
): {
  /** Whether `test` holds for some box filed where `box` lies, each offered at most once. */
  some(box: Box, test: (index: number) => boolean): boolean;
} {
  const cellOf = (v: number) => Math.floor(v / gridPx);
  const keyOf = (cx: number, cy: number) => cx * 65536 + cy;
  const cells = new Map<number, number[]>();
  boxes.forEach((b, index) => {
    for (let cx = cellOf(b.x); cx <= cellOf(b.x + b.width); cx++)
      for (let cy = cellOf(b.y); cy <= cellOf(b.y + b.height); cy++) {
        const key = keyOf(cx, cy);
        const list = cells.get(key);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
  });
  const seen = new Uint32Array(boxes.length);
  let visit = 0;
  return {
    some(box, test) {
      visit++;
      for (let cx = cellOf(box.x); cx <= cellOf(box.x + box.width); cx++)
        for (let cy = cellOf(box.y); cy <= cellOf(box.y + box.height); cy++) {
          const list = cells.get(keyOf(cx, cy));
          if (!list) continue;
          for (const index of list) {
            if (seen[index] === visit) continue;
            seen[index] = visit;
            if (test(index)) return true;
          }
        }
      return false;
    },
  };
}
