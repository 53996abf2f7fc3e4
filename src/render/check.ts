/**
 * What makes a diagram unreadable, measured on the geometry itself: a connector that runs
 * through a device that is not one of its ends or through a site's name, a label over a device
 * or over another label, two DCI links drawn as one line, a connector that goes around its own end.
 * The unit tests hold every template and a large synthetic design to zero of each.
 */
import { boxesOverlap, inflate, polylineCrossesBox } from './geom';
import type { Box, Diagram, Point } from './types';

export interface DiagramDefects {
  /**
   * [connector id, device id] for each connector through a device that is not its end, and
   * [connector id, `site id#title`] for each connector through a site's name.
   */
  readonly crossings: readonly (readonly [string, string])[];
  /** [label's connector id, device or other label's connector id]. */
  readonly labelOverlaps: readonly (readonly [string, string])[];
  /**
   * [DCI connector id, DCI connector id] for two DCI links between different pairs of ends
   * drawn on one line for a stretch (longer than SHARED_RUN_PX): the reader cannot tell which
   * line goes where. Links between the same two ends are a bundle and may run together.
   */
  readonly sharedRuns: readonly (readonly [string, string])[];
  /**
   * [connector id, device id] for each connector that goes around one of its own ends before
   * entering it: it passes beside three sides of that device (within WRAP_PX), where a reader
   * expects it to come straight in by the side it arrives from.
   */
  readonly wraps: readonly (readonly [string, string])[];
}

/** How near a device's side a route runs to count as passing beside it (px): two port rooms. */
export const WRAP_PX = 56;

/** The sides of a box a polyline passes beside (within `near` px, along the side's length). */
export function sidesPassed(points: readonly Point[], b: Box, near: number): number {
  const strips: Box[] = [
    { x: b.x + 1, y: b.y - near, width: b.width - 2, height: near },
    { x: b.x + 1, y: b.y + b.height, width: b.width - 2, height: near },
    { x: b.x - near, y: b.y + 1, width: near, height: b.height - 2 },
    { x: b.x + b.width, y: b.y + 1, width: near, height: b.height - 2 },
  ];
  return strips.filter((s) => polylineCrossesBox(points, s)).length;
}

/** How long two DCI lines may share a track (where they fan in at a common end) before it reads as one line. */
export const SHARED_RUN_PX = 24;

/** The length two orthogonal polylines run along the same line, over their longest shared stretch. */
export function sharedRunPx(a: readonly Point[], b: readonly Point[]): number {
  let longest = 0;
  for (let i = 1; i < a.length; i++) {
    const a0 = a[i - 1] as Point;
    const a1 = a[i] as Point;
    for (let j = 1; j < b.length; j++) {
      const b0 = b[j - 1] as Point;
      const b1 = b[j] as Point;
      const horizontal = (p: Point, q: Point) => Math.abs(p.y - q.y) < 0.5;
      const vertical = (p: Point, q: Point) => Math.abs(p.x - q.x) < 0.5;
      let overlap = 0;
      if (horizontal(a0, a1) && horizontal(b0, b1) && Math.abs(a0.y - b0.y) < 1)
        overlap =
          Math.min(Math.max(a0.x, a1.x), Math.max(b0.x, b1.x)) -
          Math.max(Math.min(a0.x, a1.x), Math.min(b0.x, b1.x));
      else if (vertical(a0, a1) && vertical(b0, b1) && Math.abs(a0.x - b0.x) < 1)
        overlap =
          Math.min(Math.max(a0.y, a1.y), Math.max(b0.y, b1.y)) -
          Math.max(Math.min(a0.y, a1.y), Math.min(b0.y, b1.y));
      longest = Math.max(longest, overlap);
    }
  }
  return longest;
}

/**
 * Device boxes are shrunk by a pixel so a route running along a border (allowed: the router
 * keeps a clearance, and nudging may bring a line close) is not counted as a crossing.
 */
export function diagramDefects(diagram: Diagram): DiagramDefects {
  const crossings: [string, string][] = [];
  const labelOverlaps: [string, string][] = [];
  for (const c of diagram.connectors) {
    for (const d of diagram.devices) {
      if (d.id === c.source || d.id === c.target) continue;
      if (polylineCrossesBox(c.points, inflate(d.box, -1))) crossings.push([c.id, d.id]);
    }
    for (const s of diagram.sites)
      if (polylineCrossesBox(c.points, inflate(s.titleBox, -1)))
        crossings.push([c.id, `${s.id}#title`]);
  }
  const labelled = diagram.connectors.filter((c) => c.label);
  labelled.forEach((c, i) => {
    const box = c.label?.box;
    if (!box) return;
    for (const d of diagram.devices) if (boxesOverlap(box, d.box)) labelOverlaps.push([c.id, d.id]);
    for (const other of labelled.slice(i + 1))
      if (other.label && boxesOverlap(box, other.label.box)) labelOverlaps.push([c.id, other.id]);
  });
  const sharedRuns: [string, string][] = [];
  const dci = diagram.connectors.filter((c) => c.kind === 'dci');
  const ends = (c: { source: string; target: string }) => [c.source, c.target].sort().join(' ');
  dci.forEach((c, i) => {
    for (const other of dci.slice(i + 1))
      if (ends(c) !== ends(other) && sharedRunPx(c.points, other.points) > SHARED_RUN_PX)
        sharedRuns.push([c.id, other.id]);
  });
  const boxes = new Map(diagram.devices.map((d) => [d.id, d.box]));
  const wraps: [string, string][] = [];
  for (const c of diagram.connectors)
    for (const end of new Set([c.source, c.target])) {
      const box = boxes.get(end);
      if (box && sidesPassed(c.points, box, WRAP_PX) >= 3) wraps.push([c.id, end]);
    }
  return { crossings, labelOverlaps, sharedRuns, wraps };
}
