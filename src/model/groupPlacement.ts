/**
 * Where a pasted group goes, and the box around pasted nodes: geometry for copy and paste
 * (model/clipboard.ts, app/tools.ts), apart from placement.ts so it loads with them, not with
 * the first screen.
 */
import { DEVICE_SIZE } from './defaults';
import type { Box } from './layout';
import {
  absolutePosition,
  DEVICE_GAP_PX,
  GRID_PX,
  SITE_GAP_PX,
  SITE_TOP_PX,
  snapToGrid,
} from './placement';
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

/** Where a group of devices goes in a site, and the site's new size when it had to grow. */
export interface GroupPlacement {
  /** Added to every device of the group: one offset, so the group keeps its shape. */
  readonly offset: Position;
  /** The site's new size when it had to grow to hold the group; undefined when it fits as is. */
  readonly siteSize?: { readonly width: number; readonly height: number };
}

/**
 * Where a group of devices pasted into a site goes: one offset for the whole group, so it keeps
 * its arrangement (a copied rack row stays a rack row), with the group's top left on the grid,
 * every device fully inside the site and clear of every device already there (the gap kept, as
 * placeDevice keeps it). Of those spots, the one whose top left is nearest `near`; with `view`,
 * a spot where the whole group is in view wins over a nearer one that is not. When no spot is
 * free, the group goes below the lowest device, as near `near` across as the site allows, and
 * the site grows to hold it. All positions are relative to the site.
 *
 * Exact, no trial and error: each (resident, group device) pair rules out an open box of top-left
 * spots, added to a grid of candidate spots with a 2D difference array; one prefix sum then marks
 * every free spot. Cost ~ residents × group + the site's area in grid cells.
 */
export function freeOffsetForGroup(
  site: { readonly width: number; readonly height: number },
  residents: readonly Position[],
  group: readonly Position[],
  near: Position,
  view?: Box,
): GroupPlacement {
  if (group.length === 0) return { offset: { x: 0, y: 0 } };
  const { width: W, height: H } = DEVICE_SIZE;
  const clearW = W + DEVICE_GAP_PX;
  const clearH = H + DEVICE_GAP_PX;
  const minX = Math.min(...group.map((p) => p.x));
  const minY = Math.min(...group.map((p) => p.y));
  const groupW = Math.max(...group.map((p) => p.x)) - minX + W;
  const groupH = Math.max(...group.map((p) => p.y)) - minY + H;
  // Candidate top-left spots: column i is x = i·GRID_PX, row j is y = j·GRID_PX.
  const i0 = Math.ceil(DEVICE_GAP_PX / GRID_PX);
  const i1 = Math.floor((site.width - groupW - DEVICE_GAP_PX) / GRID_PX);
  const j0 = Math.ceil(SITE_TOP_PX / GRID_PX);
  const j1 = Math.floor((site.height - groupH - DEVICE_GAP_PX) / GRID_PX);
  const columns = i1 - i0 + 1;
  const rows = j1 - j0 + 1;
  let best: Position | undefined;
  if (columns > 0 && rows > 0) {
    // diff[(j + 1) * (columns + 1) + (i + 1)]: the 2D difference array, one row and column of slack.
    const stride = columns + 1;
    const diff = new Int32Array(stride * (rows + 1));
    const at = (k: number) => diff[k] ?? 0;
    const add = (k: number, v: number) => {
      diff[k] = at(k) + v;
    };
    for (const r of residents)
      for (const p of group) {
        // The spots (x, y) that put p within clearW × clearH of r: an open box, here in cells.
        const ax = r.x - (p.x - minX);
        const ay = r.y - (p.y - minY);
        const lo = Math.max(i0, Math.floor((ax - clearW) / GRID_PX) + 1) - i0;
        const hi = Math.min(i1, Math.ceil((ax + clearW) / GRID_PX) - 1) - i0;
        const top = Math.max(j0, Math.floor((ay - clearH) / GRID_PX) + 1) - j0;
        const bottom = Math.min(j1, Math.ceil((ay + clearH) / GRID_PX) - 1) - j0;
        if (lo > hi || top > bottom) continue;
        add(top * stride + lo, 1);
        add(top * stride + hi + 1, -1);
        add((bottom + 1) * stride + lo, -1);
        add((bottom + 1) * stride + hi + 1, 1);
      }
    const inView = (x: number, y: number) =>
      !view ||
      (x >= view.x &&
        y >= view.y &&
        x + groupW <= view.x + view.width &&
        y + groupH <= view.y + view.height);
    let bestScore = Infinity;
    // Prefix sums in place, row by row (a row's running sum plus the summed row above): a cell
    // that sums to 0 is a free spot, scored as it is reached.
    for (let j = 0; j < rows; j++) {
      const y = (j + j0) * GRID_PX;
      const dy2 = (y - near.y) ** 2;
      let run = 0;
      for (let i = 0; i < columns; i++) {
        const k = j * stride + i;
        run += at(k);
        const taken = run + (j > 0 ? at(k - stride) : 0);
        diff[k] = taken;
        if (taken !== 0) continue;
        const x = (i + i0) * GRID_PX;
        const score = (inView(x, y) ? 0 : 1e15) + (x - near.x) ** 2 + dy2;
        if (score < bestScore) {
          bestScore = score;
          best = { x, y };
        }
      }
    }
  }
  if (best) return { offset: { x: best.x - minX, y: best.y - minY } };
  // No room: below every device, as near `near` across as the site's width allows.
  const lowest = Math.max(SITE_TOP_PX - DEVICE_GAP_PX, ...residents.map((r) => r.y + H));
  const y = Math.ceil((lowest + DEVICE_GAP_PX) / GRID_PX) * GRID_PX;
  const x = Math.max(i0, Math.min(Math.max(i0, i1), Math.round(near.x / GRID_PX))) * GRID_PX;
  return {
    offset: { x: x - minX, y: y - minY },
    siteSize: {
      width: Math.max(site.width, x + groupW + DEVICE_GAP_PX),
      height: Math.max(site.height, y + groupH + DEVICE_GAP_PX),
    },
  };
}
