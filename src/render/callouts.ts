/**
 * The geometry of whiteboard notes, with ./notes.ts: the line of a callout from a note to its
 * target, where a callout to a link ends, and where a new note fits without covering anything.
 * The canvas draws callouts with these while the user drags; the exports through renderDiagram.
 */
import { boxesOverlap, inflate, pointAlong, polylineCrossesBox, polylineLength } from './geom';
import { center, clipRoute, simplify } from './router';
import type { Box, Connector, Point } from './types';

/** A callout's line: from the note's border to its target's, on the line between their centres. */
export function notePointer(note: Box, target: Box): Point[] {
  return simplify(clipRoute([center(note), center(target)], note, target));
}

/** Where a note that points at a link points: at its label, or at the middle of its route. */
export function connectorAnchorBox(c: Pick<Connector, 'points' | 'label'>): Box {
  if (c.label) return c.label.box;
  const mid = pointAlong(c.points, polylineLength(c.points) / 2).point;
  return { x: mid.x - 1, y: mid.y - 1, width: 2, height: 2 };
}

/** What a new note should not cover: boxes (devices, labels, notes) and lines (links). */
export interface NoteObstacles {
  readonly boxes: readonly Box[];
  readonly lines: readonly (readonly Point[])[];
}

/** Space kept free around a new note. */
const NOTE_CLEARANCE_PX = 12;
/** Steps of the search around the preferred place, and how far it looks. */
const SPOT_STEP_PX = 24;
const SPOT_RINGS = 30;

/**
 * The top-left corner for a new note of `size`: `preferred` if the note covers nothing there,
 * else the nearest place on rings around it where it covers nothing — and, for a callout to
 * `target`, where its pointer crosses no box but its target's, if there is such a place (or
 * `preferred` when the whole neighbourhood is taken). Deterministic: the same drawing gives the
 * same place.
 */
export function freeNoteSpot(
  size: { readonly width: number; readonly height: number },
  preferred: Point,
  obstacles: NoteObstacles,
  target?: Box,
): Point {
  const covers = (p: Point) => {
    const box = inflate({ x: p.x, y: p.y, ...size }, NOTE_CLEARANCE_PX);
    return (
      obstacles.boxes.some((b) => boxesOverlap(box, b)) ||
      obstacles.lines.some((l) => polylineCrossesBox(l, box))
    );
  };
  const pointerCrosses = (p: Point) => {
    if (!target) return false;
    const line = notePointer({ x: p.x, y: p.y, ...size }, target);
    return obstacles.boxes.some((b) => !boxesOverlap(b, target) && polylineCrossesBox(line, b));
  };
  const rings: Point[][] = [];
  for (let ring = 0; ring <= SPOT_RINGS; ring++) {
    const r = ring * SPOT_STEP_PX;
    const candidates: Point[] = [];
    if (ring === 0) candidates.push(preferred);
    else
      for (let i = -ring; i < ring; i++) {
        const t = i * SPOT_STEP_PX;
        candidates.push(
          { x: preferred.x + t, y: preferred.y - r },
          { x: preferred.x + r, y: preferred.y + t },
          { x: preferred.x - t, y: preferred.y + r },
          { x: preferred.x - r, y: preferred.y - t },
        );
      }
    const dist = (p: Point) => Math.hypot(p.x - preferred.x, p.y - preferred.y);
    rings.push(candidates.sort((a, b) => dist(a) - dist(b)));
  }
  const round = (p: Point) => ({ x: Math.round(p.x), y: Math.round(p.y) });
  for (const strict of target ? [true, false] : [false])
    for (const candidates of rings) {
      const found = candidates.find((p) => !covers(p) && !(strict && pointerCrosses(p)));
      if (found) return round(found);
    }
  return preferred;
}
