/**
 * Where things go on the drawing: the grid, which site a point falls in, and a free spot for a
 * new site. Pure geometry over the design, shared by the store's drop and drag handling.
 */
import { LAYOUT } from './defaults';
import { DEVICE_SIZE, SITE_DEFAULT_SIZE } from './defaults';
import type { Box } from './layout';
import type { Design, DesignNode, Position, Site } from './schema';

/** Drops and new elements snap to this grid, in canvas pixels. */
export const GRID_PX = 16;

/** The free margin kept around a new site, in canvas pixels. */
export const SITE_GAP_PX = 80;

export function snapToGrid(p: Position): Position {
  return { x: Math.round(p.x / GRID_PX) * GRID_PX, y: Math.round(p.y / GRID_PX) * GRID_PX };
}

/** A node's position on the canvas: a device's own position is relative to its site. */
export function absolutePosition(design: Design, element: DesignNode): Position {
  if (element.kind === 'site') return element.position;
  const site = design.nodes.find((n) => n.id === element.parentId);
  return site
    ? { x: site.position.x + element.position.x, y: site.position.y + element.position.y }
    : element.position;
}

/** Each node's box on the canvas, by id: a site's own, a device's card where its site puts it. */
export function nodeBoxes(design: Design): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const n of design.nodes)
    if (n.kind === 'site')
      boxes.set(n.id, { x: n.position.x, y: n.position.y, width: n.width, height: n.height });
  for (const n of design.nodes) {
    if (n.kind === 'site') continue;
    const site = boxes.get(n.parentId);
    boxes.set(n.id, {
      x: (site?.x ?? 0) + n.position.x,
      y: (site?.y ?? 0) + n.position.y,
      ...DEVICE_SIZE,
    });
  }
  return boxes;
}

export function insideSite(site: Site, p: Position): boolean {
  return (
    p.x >= site.position.x &&
    p.x <= site.position.x + site.width &&
    p.y >= site.position.y &&
    p.y <= site.position.y + site.height
  );
}

/** The topmost site whose box contains the point, if any. */
export function siteAt(design: Design, point: Position, exceptId?: string): Site | undefined {
  let hit: Site | undefined;
  for (const n of design.nodes)
    if (n.kind === 'site' && n.id !== exceptId && insideSite(n, point)) hit = n;
  return hit;
}

/**
 * Where a new site dropped at `at` goes: there, unless it would overlap a site (then a device
 * dropped in the overlap would have two homes); in that case just to the right of it.
 */
export function freeSpotForSite(design: Design, at: Position): Position {
  const { width, height } = SITE_DEFAULT_SIZE;
  let spot = at;
  for (let guard = 0; guard < 100; guard++) {
    const hit = design.nodes.find(
      (n): n is Site =>
        n.kind === 'site' &&
        spot.x < n.position.x + n.width + SITE_GAP_PX &&
        spot.x + width + SITE_GAP_PX > n.position.x &&
        spot.y < n.position.y + n.height + SITE_GAP_PX &&
        spot.y + height + SITE_GAP_PX > n.position.y,
    );
    if (!hit) return spot;
    spot = snapToGrid({ x: hit.position.x + hit.width + SITE_GAP_PX, y: spot.y });
  }
  return spot;
}

/** The room kept between a placed device and its neighbours or the site's border, in canvas pixels. */
export const DEVICE_GAP_PX = 2 * GRID_PX;
/** The room kept below a site's header, where its name and role are written. */
export const SITE_TOP_PX = LAYOUT.siteHeaderPx;

/** The room a dragged device keeps from its site's sides and bottom, in canvas pixels. */
export const DEVICE_INSET_PX = GRID_PX / 2;

/**
 * Where a device dropped in a site (position relative to it) ends up: moved the least to lie
 * wholly inside the site's box and below its header, so a card dropped with its centre inside
 * but hanging over the border does not look as if it belonged to both sides. A site too small
 * for the card keeps it at its top-left corner.
 */
export function insideSiteBox(site: Site, p: Position): Position {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
  return {
    x: clamp(p.x, DEVICE_INSET_PX, site.width - DEVICE_SIZE.width - DEVICE_INSET_PX),
    y: clamp(p.y, SITE_TOP_PX, site.height - DEVICE_SIZE.height - DEVICE_INSET_PX),
  };
}

export interface DevicePlacement {
  /** The device's position, relative to its site. */
  readonly position: Position;
  /** The site's new size when it had to grow to fit the device; undefined when it fits as is. */
  readonly siteSize?: { readonly width: number; readonly height: number };
}

/**
 * Where a new device goes in a site: fully inside it, clear of every device already there (with
 * a gap), on the grid. With `near` (relative to the site, e.g. where it was dropped), the free
 * spot nearest to it; without, the first free spot in reading order. When the site is full, it
 * grows by one row and the device starts that row.
 */
export function placeDevice(design: Design, siteId: string, near?: Position): DevicePlacement {
  const site = design.nodes.find((n): n is Site => n.id === siteId && n.kind === 'site');
  if (!site) return { position: snapToGrid(near ?? { x: GRID_PX, y: SITE_TOP_PX }) };
  const others = design.nodes.filter((n) => n.kind !== 'site' && n.parentId === siteId);
  const left = DEVICE_GAP_PX;
  const top = Math.ceil(SITE_TOP_PX / GRID_PX) * GRID_PX;
  const right = site.width - DEVICE_SIZE.width - DEVICE_GAP_PX;
  const bottom = site.height - DEVICE_SIZE.height - DEVICE_GAP_PX;
  const best = freeSpot(others, { left, top, right, bottom }, near);
  if (best) return { position: best };
  // Full: a new row under the lowest device, and the site grows to hold it (and be wide enough).
  const lowest = Math.max(
    top - DEVICE_GAP_PX,
    ...others.map((o) => o.position.y + DEVICE_SIZE.height),
  );
  const y = Math.ceil((lowest + DEVICE_GAP_PX) / GRID_PX) * GRID_PX;
  const position = { x: left, y };
  return {
    position,
    siteSize: {
      width: Math.max(site.width, left + DEVICE_SIZE.width + DEVICE_GAP_PX),
      height: Math.max(site.height, y + DEVICE_SIZE.height + DEVICE_GAP_PX),
    },
  };
}

/** A device's box with the gap kept around it: a spot closer than this to a device is taken. */
const CLEAR_W = DEVICE_SIZE.width + DEVICE_GAP_PX;
const CLEAR_H = DEVICE_SIZE.height + DEVICE_GAP_PX;

/**
 * The free grid spot (clear of every device in `others`) for a new device within the bounds:
 * the nearest to `near` (ties to the first in reading order), or without it the first in
 * reading order. The spots are those of a scan of every grid point, row by row, that keeps the
 * first strictly nearer one (placement.test.ts holds it to that scan); each row marks the
 * columns its devices take once, and rows farther from `near` than the best so far are skipped.
 */
function freeSpot(
  others: readonly DesignNode[],
  bounds: { left: number; top: number; right: number; bottom: number },
  near: Position | undefined,
): Position | undefined {
  const { left, top, right, bottom } = bounds;
  if (right < left) return undefined;
  const columns = Math.floor((right - left) / GRID_PX) + 1;
  const xAt = (i: number) => left + i * GRID_PX;
  const taken = new Uint8Array(columns);
  // The columns each device takes (an open interval around it), the same on every row: found by
  // arithmetic, then checked against the predicate itself at both ends (so rounding cannot move
  // them). Empty (lo > hi) for a device beside the columns.
  const spans = others.map((o) => {
    const { x, y } = o.position;
    const blocks = (i: number) => xAt(i) < x + CLEAR_W && xAt(i) + CLEAR_W > x;
    let lo = Math.max(0, Math.floor((x - CLEAR_W - left) / GRID_PX));
    let hi = Math.min(columns - 1, Math.ceil((x + CLEAR_W - left) / GRID_PX));
    while (lo > 0 && blocks(lo - 1)) lo--;
    while (lo <= hi && !blocks(lo)) lo++;
    while (hi < columns - 1 && blocks(hi + 1)) hi++;
    while (hi >= lo && !blocks(hi)) hi--;
    return { y, lo, hi };
  });
  let best: Position | undefined;
  let bestScore = Infinity;
  for (let y = top; y <= bottom; y += GRID_PX) {
    if (near) {
      const dy2 = (y - near.y) ** 2;
      // No spot of this row can be nearer than the best; nor of any row below, past `near`.
      if (dy2 >= bestScore) {
        if (y >= near.y) break;
        continue;
      }
    }
    taken.fill(0);
    for (const span of spans) {
      if (span.lo > span.hi || y >= span.y + CLEAR_H || y + CLEAR_H <= span.y) continue;
      taken.fill(1, span.lo, span.hi + 1);
    }
    if (!near) {
      const i = taken.indexOf(0);
      if (i >= 0) return { x: xAt(i), y };
      continue;
    }
    const dy2 = (y - near.y) ** 2;
    for (let i = 0; i < columns; i++) {
      if (taken[i]) continue;
      const score = (xAt(i) - near.x) ** 2 + dy2;
      if (score < bestScore) {
        bestScore = score;
        best = { x: xAt(i), y };
      }
    }
  }
  return best;
}
