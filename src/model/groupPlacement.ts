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
 * a spot where the whole group is in view wins over a nearer one that is not (ties: the upper,
 * then the left one). When no spot is free, the group goes below the lowest device, as near
 * `near` across as the site allows, and the site grows to hold it. All positions are relative to
 * the site.
 *
 * Exact, no trial and error, and only around `near`: the spots are looked at in a window of the
 * site's grid around it (`bestSpotIn`), grown (doubled) until no spot outside the window could
 * beat the best inside. A paste lands near where the user looks, so the window stays small: the
 * cost follows the pasted group and the devices near it, not the site's size (a 7,600 px site
 * has 63,000 grid spots; scanning them all was most of a paste's time at 3,000 elements).
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
  const minX = Math.min(...group.map((p) => p.x));
  const minY = Math.min(...group.map((p) => p.y));
  const groupW = Math.max(...group.map((p) => p.x)) - minX + W;
  const groupH = Math.max(...group.map((p) => p.y)) - minY + H;
  // Candidate top-left spots: column i is x = i·GRID_PX, row j is y = j·GRID_PX.
  const grid: SpotGrid = {
    i0: Math.ceil(DEVICE_GAP_PX / GRID_PX),
    i1: Math.floor((site.width - groupW - DEVICE_GAP_PX) / GRID_PX),
    j0: Math.ceil(SITE_TOP_PX / GRID_PX),
    j1: Math.floor((site.height - groupH - DEVICE_GAP_PX) / GRID_PX),
  };
  // The group as offsets from its top left.
  const shape = group.map((p) => ({ x: p.x - minX, y: p.y - minY }));
  const scope: SpotScope = {
    ...grid,
    residents,
    shape,
    groupW,
    groupH,
    near,
    viewLeft: view ? view.x : -Infinity,
    viewRight: view ? view.x + view.width - groupW : Infinity,
    viewTop: view ? view.y : -Infinity,
    viewBottom: view ? view.y + view.height - groupH : Infinity,
  };
  const best = grid.i1 >= grid.i0 && grid.j1 >= grid.j0 ? bestSpot(scope) : undefined;
  if (best) return { offset: { x: best.x - minX, y: best.y - minY } };
  // No room: below every device, as near `near` across as the site's width allows.
  const { i0, i1 } = grid;
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

/** A range of grid columns i0..i1 and rows j0..j1 (inclusive). */
interface SpotGrid {
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
}

/** The search of freeOffsetForGroup: the site's spots, the devices and the spots in view. */
interface SpotScope extends SpotGrid {
  readonly residents: readonly Position[];
  readonly shape: readonly Position[];
  readonly groupW: number;
  readonly groupH: number;
  readonly near: Position;
  /** The top-left spots that put the whole group in view: x in viewLeft..viewRight, and so on. */
  readonly viewLeft: number;
  readonly viewRight: number;
  readonly viewTop: number;
  readonly viewBottom: number;
}

/** Added to the score of a spot out of view: any spot in view is better. */
const OUT_OF_VIEW = 1e15;

/**
 * The free spot of the site's grid with the lowest score (squared distance to `near`, plus
 * OUT_OF_VIEW when out of view; ties: the upper, then the left), or undefined when none is free.
 * Looked for in a window around `near` (at first just past the grid's nearest spot), doubled
 * until every spot outside it scores above the best inside; at worst the window is the grid.
 */
function bestSpot(scope: SpotScope): Position | undefined {
  const { i0, i1, j0, j1, near } = scope;
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  // The window: the spots within `reach` of `near` on both axes, at first a little more than
  // the nearest spot of the grid is.
  const nearestX = clamp(Math.round(near.x / GRID_PX), i0, i1) * GRID_PX;
  const nearestY = clamp(Math.round(near.y / GRID_PX), j0, j1) * GRID_PX;
  let reach = Math.hypot(nearestX - near.x, nearestY - near.y) + 8 * GRID_PX;
  // A `near` at no finite place: the whole grid, as it scores there.
  if (!Number.isFinite(reach)) return bestSpotIn(scope, scope)?.spot;
  // The columns and rows of the spots in view: the window must hold them all before a spot out
  // of view can be the answer.
  const inView = {
    i0: Math.max(i0, Math.ceil(scope.viewLeft / GRID_PX)),
    i1: Math.min(i1, Math.floor(scope.viewRight / GRID_PX)),
    j0: Math.max(j0, Math.ceil(scope.viewTop / GRID_PX)),
    j1: Math.min(j1, Math.floor(scope.viewBottom / GRID_PX)),
  };
  const anyInView = inView.i0 <= inView.i1 && inView.j0 <= inView.j1;
  for (;;) {
    const win = {
      i0: clamp(Math.ceil((near.x - reach) / GRID_PX), i0, i1),
      i1: clamp(Math.floor((near.x + reach) / GRID_PX), i0, i1),
      j0: clamp(Math.ceil((near.y - reach) / GRID_PX), j0, j1),
      j1: clamp(Math.floor((near.y + reach) / GRID_PX), j0, j1),
    };
    const whole = win.i0 === i0 && win.i1 === i1 && win.j0 === j0 && win.j1 === j1;
    const found = bestSpotIn(scope, win);
    if (whole) return found?.spot;
    // The lowest score a spot outside the window can have: the nearest side of the window.
    const dist = (v: number) => v * v;
    let outside = Infinity;
    if (win.i0 > i0)
      outside = Math.min(outside, dist(Math.max(0, near.x - (win.i0 - 1) * GRID_PX)));
    if (win.i1 < i1)
      outside = Math.min(outside, dist(Math.max(0, (win.i1 + 1) * GRID_PX - near.x)));
    if (win.j0 > j0)
      outside = Math.min(outside, dist(Math.max(0, near.y - (win.j0 - 1) * GRID_PX)));
    if (win.j1 < j1)
      outside = Math.min(outside, dist(Math.max(0, (win.j1 + 1) * GRID_PX - near.y)));
    const viewInside =
      !anyInView ||
      (win.i0 <= inView.i0 && win.i1 >= inView.i1 && win.j0 <= inView.j0 && win.j1 >= inView.j1);
    if (found) {
      if (
        found.score < OUT_OF_VIEW
          ? outside > found.score
          : viewInside && outside + OUT_OF_VIEW > found.score
      )
        return found.spot;
    }
    reach *= 2;
  }
}

/**
 * The best free spot in a window of the grid. Each (resident, group device) pair near the window
 * rules out an open box of top-left spots, added to the window's cells with a 2D difference
 * array; one prefix sum then marks every free spot, scored as it is reached (rows top-down).
 */
function bestSpotIn(
  scope: SpotScope,
  win: SpotGrid,
): { spot: Position; score: number } | undefined {
  const { width: W, height: H } = DEVICE_SIZE;
  const clearW = W + DEVICE_GAP_PX;
  const clearH = H + DEVICE_GAP_PX;
  const { near, shape, groupW, groupH } = scope;
  const { i0, i1, j0, j1 } = win;
  const columns = i1 - i0 + 1;
  const rows = j1 - j0 + 1;
  // diff[(j + 1) * (columns + 1) + (i + 1)]: the 2D difference array, one row and column of slack.
  const stride = columns + 1;
  const diff = new Int32Array(stride * (rows + 1));
  const add = (k: number, v: number) => {
    diff[k] = (diff[k] ?? 0) + v;
  };
  // A resident rules out spots within (group's size + its clearance) of it: the others cannot
  // touch the window.
  const left = i0 * GRID_PX - clearW;
  const right = i1 * GRID_PX + groupW - W + clearW;
  const top = j0 * GRID_PX - clearH;
  const bottom = j1 * GRID_PX + groupH - H + clearH;
  for (const r of scope.residents) {
    if (r.x <= left || r.x >= right || r.y <= top || r.y >= bottom) continue;
    for (const p of shape) {
      // The spots (x, y) that put p within clearW × clearH of r: an open box, here in cells.
      const ax = r.x - p.x;
      const ay = r.y - p.y;
      const lo = Math.max(i0, Math.floor((ax - clearW) / GRID_PX) + 1) - i0;
      const hi = Math.min(i1, Math.ceil((ax + clearW) / GRID_PX) - 1) - i0;
      const t = Math.max(j0, Math.floor((ay - clearH) / GRID_PX) + 1) - j0;
      const b = Math.min(j1, Math.ceil((ay + clearH) / GRID_PX) - 1) - j0;
      if (lo > hi || t > b) continue;
      add(t * stride + lo, 1);
      add(t * stride + hi + 1, -1);
      add((b + 1) * stride + lo, -1);
      add((b + 1) * stride + hi + 1, 1);
    }
  }
  let best: Position | undefined;
  let bestScore = Infinity;
  // Prefix sums in place, row by row (a row's running sum plus the summed row above): a cell
  // that sums to 0 is a free spot, scored as it is reached.
  for (let j = 0; j < rows; j++) {
    const y = (j + j0) * GRID_PX;
    const dy2 = (y - near.y) ** 2;
    // No spot of this row or any below can beat the best any more.
    if (y >= near.y && dy2 >= bestScore) break;
    const rowInView = y >= scope.viewTop && y <= scope.viewBottom;
    let run = 0;
    for (let i = 0; i < columns; i++) {
      const k = j * stride + i;
      run += diff[k] ?? 0;
      const taken = j > 0 ? run + (diff[k - stride] ?? 0) : run;
      diff[k] = taken;
      if (taken !== 0) continue;
      const x = (i + i0) * GRID_PX;
      const seen = rowInView && x >= scope.viewLeft && x <= scope.viewRight;
      const score = (seen ? 0 : OUT_OF_VIEW) + (x - near.x) ** 2 + dy2;
      if (score < bestScore) {
        bestScore = score;
        best = { x, y };
      }
    }
  }
  return best && { spot: best, score: bestScore };
}
