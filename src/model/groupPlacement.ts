/**
 * Where a pasted group goes, and the box around pasted nodes: geometry for copy and paste
 * (model/clipboard.ts, app/tools.ts), apart from placement.ts so it loads with them, not with
 * the first screen.
 */
import { DEVICE_SIZE } from './defaults';
import type { Box } from './layout';
import { absolutePosition, GRID_PX, SITE_GAP_PX, snapToGrid } from './placement';
import type { Design, Position } from './schema';

/**
 * Where a group of pasted sites goes, given the box around them (`size`): at the top-left
 * `near` (the view's middle, say) or as close to it as the group can be while it keeps the free
 * margin to every site. With `view`, a spot where the whole group is in view wins over a nearer
 * one that is not. The nearest free spot is, on each axis, `near` itself, `near` moved into the
 * view, an edge of the view, or flush with a site's margin, so only those are tried: a few per
 * site, exact, no search.
 */
export function freeSpotForGroup(
  sites: readonly Box[],
  size: { readonly width: number; readonly height: number },
  near: Position,
  view?: Box,
): Position {
  const { width, height } = size;
  const up = (v: number) => Math.ceil(v / GRID_PX) * GRID_PX;
  const down = (v: number) => Math.floor(v / GRID_PX) * GRID_PX;
  const start = snapToGrid(near);
  const xs = [start.x];
  const ys = [start.y];
  if (view) {
    xs.push(
      up(Math.min(Math.max(near.x, view.x), view.x + view.width - width)),
      up(view.x),
      down(view.x + view.width - width),
    );
    ys.push(
      up(Math.min(Math.max(near.y, view.y), view.y + view.height - height)),
      up(view.y),
      down(view.y + view.height - height),
    );
  }
  for (const s of sites) {
    xs.push(up(s.x + s.width + SITE_GAP_PX), down(s.x - SITE_GAP_PX - width));
    ys.push(up(s.y + s.height + SITE_GAP_PX), down(s.y - SITE_GAP_PX - height));
  }
  const free = (x: number, y: number) =>
    sites.every(
      (s) =>
        x >= s.x + s.width + SITE_GAP_PX ||
        x + width + SITE_GAP_PX <= s.x ||
        y >= s.y + s.height + SITE_GAP_PX ||
        y + height + SITE_GAP_PX <= s.y,
    );
  const inView = (x: number, y: number) =>
    !view ||
    (x >= view.x &&
      y >= view.y &&
      x + width <= view.x + view.width &&
      y + height <= view.y + view.height);
  let best = {
    x: up(Math.max(...sites.map((s) => s.x + s.width + SITE_GAP_PX), near.x)),
    y: start.y,
  };
  let bestScore = Infinity;
  for (const x of xs)
    for (const y of ys) {
      if (!free(x, y)) continue;
      const score = (inView(x, y) ? 0 : 1e15) + (x - near.x) ** 2 + (y - near.y) ** 2;
      if (score < bestScore) {
        bestScore = score;
        best = { x, y };
      }
    }
  return best;
}

/** The box around these nodes on the canvas (sites with their size, devices as cards); null if none. */
export function nodesBox(design: Design, ids: Iterable<string>): Box | null {
  const wanted = new Set(ids);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of design.nodes) {
    if (!wanted.has(n.id)) continue;
    const p = absolutePosition(design, n);
    const size = n.kind === 'site' ? n : DEVICE_SIZE;
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + size.width);
    bottom = Math.max(bottom, p.y + size.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}
