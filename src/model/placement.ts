/**
 * Where things go on the drawing: the grid, which site a point falls in, and a free spot for a
 * new site. Pure geometry over the design, shared by the store's drop and drag handling.
 */
import { SITE_DEFAULT_SIZE } from './defaults';
import type { Design, DesignNode, Position, Site } from './schema';

/** Drops and new elements snap to this grid, in canvas pixels. */
export const GRID_PX = 16;

/** The free margin kept around a new site, in canvas pixels. */
const SITE_GAP_PX = 80;

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
