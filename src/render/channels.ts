/**
 * Large sites: the links between two rows of devices (a leaf-spine fabric's spine↔ToR and
 * ToR↔host links) drawn by rule instead of by the general router. libavoid's time grows about
 * with the cube of the links it routes together (one site of the 1,000-element synthetic design:
 * 160 links, 3.6 s), nearly all of it for the many links that share the space between two rows.
 *
 * A link that leaves the bottom of one device and enters the top of a device wholly below it
 * runs down from its port into the band between the two rows, along a track of its own there,
 * and down into the lower port: three segments, when the rectangle it spans in the band holds
 * no device. The links of a band share its tracks where they do not overlap (the left-edge
 * channel algorithm), tracks spaced as libavoid spaces parallel segments while the band has
 * room, closer when it has not. Every other link goes to the general router, with every device
 * as an obstacle and the same ports.
 */
import { boxesOverlap, boxGrid, inflate, pointsBox, segmentCrossesBox, unionBoxes } from './geom';
import {
  PARALLEL_SPACING,
  portPoint,
  ROUTE_CLEARANCE,
  withPorts,
  type ConnectorRouter,
  type Obstacle,
  type RouteEnd,
  type RouteRequest,
} from './router';
import type { Box, Point } from './types';

/** A routing group with more links than this routes its row-to-row links by rule. */
export const CHANNEL_GROUP_MIN = 80;
/** A band routes by rule when at least this many links cross it (fewer: the router does). */
const BAND_MIN = 8;
/** Space kept between a link's rectangle in the band and any device beside it. */
const MARGIN = 4;

interface Crossing {
  readonly request: RouteRequest;
  /** The port on the upper device's bottom, and on the lower device's top. */
  readonly upper: Point;
  readonly lower: Point;
  readonly upperIsSource: boolean;
  /** A piece of a link that passes between the devices of rows in its way (`Through`). */
  readonly through?: Through;
  readonly piece?: 'above' | 'below';
}

/**
 * A link whose rows have other rows between them (a spine's link to a leaf of a second block,
 * below the first block's racks): down into the band under its upper row, along a track there to
 * a corridor between the devices in its way, down the corridor, along a track of the band above
 * its lower row and down into its port. Its two band pieces take tracks with the other links of
 * those bands; it goes to the general router when either band cannot take it. Drawn by rule, it
 * no longer depends on the devices around it: deleting or pasting racks in the rows it passes
 * used to change the input of the router's batch of every such link of the site (at 3,000
 * elements, 180 links of DC 1 routed again after the UI bench's delete).
 */
interface Through {
  readonly request: RouteRequest;
  readonly upperIsSource: boolean;
  /** Each piece's points, downwards, once its band gave it a track. */
  above?: Point[];
  below?: Point[];
  failed: boolean;
}

/** The rows between two port rows: how far they reach, and the free corridors across them. */
interface Between {
  readonly top: number;
  readonly bottom: number;
  /**
   * The gaps between the devices in the way (x from, x to, margins kept), left to right, with
   * those on either side of them within the group's obstacles (a link does not leave its site).
   */
  readonly gaps: readonly (readonly [number, number])[];
}

function shapeEnd(e: RouteEnd): { shapeId: string; side: string; at: number } | null {
  return 'shapeId' in e && e.side && e.at !== undefined
    ? { shapeId: e.shapeId, side: e.side, at: e.at }
    : null;
}

/** The devices that reach between y `from` and `to`, as the rows and gaps a link passes. */
function rowsBetween(
  obstacles: readonly Obstacle[],
  from: number,
  to: number,
  [left, right]: readonly [number, number],
): Between | null {
  const inWay = obstacles
    .map((o) => o.box)
    .filter((b) => b.y < to && b.y + b.height > from)
    .sort((a, b) => a.x - b.x);
  if (inWay.length === 0) return null;
  let top = Infinity;
  let bottom = -Infinity;
  const gaps: [number, number][] = [];
  let reach = left;
  for (const b of inWay) {
    top = Math.min(top, b.y);
    bottom = Math.max(bottom, b.y + b.height);
    if (b.x - MARGIN > reach) gaps.push([reach, b.x - MARGIN]);
    reach = Math.max(reach, b.x + b.width + MARGIN);
  }
  if (right > reach) gaps.push([reach, right]);
  return { top, bottom, gaps };
}

/** How far `x` is from a gap (0 within it). */
function offGap([from, to]: readonly [number, number], x: number): number {
  return x < from ? from - x : x > to ? x - to : 0;
}

/**
 * The gap nearest `x` (the lower port: the track below it stays short; of two, the one nearer
 * `from`, the upper port), or null: of the lowest score (its distance from `x`, plus a
 * thousandth of that from `from`), the leftmost. The gaps run left to right without overlap, so
 * only those around `x` are scored, outwards from it until a gap's distance from `x` alone
 * exceeds the best score: a row of a 3,000-element site has hundreds of gaps, and every link
 * through it looked at each (the most time of routing the edited site after a delete, Node).
 */
export function nearestGap(
  between: Pick<Between, 'gaps'>,
  x: number,
  from: number,
): readonly [number, number] | null {
  const { gaps } = between;
  // The first gap that does not end left of x.
  let lo = 0;
  let hi = gaps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((gaps[mid] as readonly [number, number])[1] < x) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let score = Infinity;
  const consider = (i: number) => {
    const gap = gaps[i] as readonly [number, number];
    const d = offGap(gap, x) + offGap(gap, from) / 1e3;
    if (d < score || (d === score && i < best)) {
      score = d;
      best = i;
    }
  };
  for (let i = lo; i < gaps.length && offGap(gaps[i] as readonly [number, number], x) <= score; i++)
    consider(i);
  for (let i = lo - 1; i >= 0 && offGap(gaps[i] as readonly [number, number], x) <= score; i--)
    consider(i);
  return best < 0 ? null : (gaps[best] as readonly [number, number]);
}

/**
 * Routes of the row-to-row links of `requests` (each end with its port: `withPorts`) in bands
 * that enough links cross, and the requests left for the general router.
 */
export function channelRoutes(
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
): { routes: Map<string, Point[]>; rest: RouteRequest[] } {
  const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
  const bands = new Map<string, { top: number; bottom: number; links: Crossing[] }>();
  const rest: RouteRequest[] = [];
  const addTo = (crossing: Crossing) => {
    const key = `${crossing.upper.y}:${crossing.lower.y}`;
    const band = bands.get(key) ?? { top: crossing.upper.y, bottom: crossing.lower.y, links: [] };
    band.links.push(crossing);
    bands.set(key, band);
  };
  const betweens = new Map<string, Between | null>();
  let extent: [number, number] = [Infinity, -Infinity];
  for (const o of obstacles)
    extent = [Math.min(extent[0], o.box.x), Math.max(extent[1], o.box.x + o.box.width)];
  /**
   * The links through rows in their way, by corridor (its x from and to: links of other rows
   * through the same gap share it): their places in it are given below.
   */
  const corridors = new Map<
    string,
    { gap: readonly [number, number]; links: { upper: Point; lower: Point; through: Through }[] }
  >();
  for (const request of requests) {
    const s = shapeEnd(request.source);
    const t = shapeEnd(request.target);
    const upperIsSource = s?.side === 'bottom' && t?.side === 'top';
    const lowerIsSource = s?.side === 'top' && t?.side === 'bottom';
    const up = upperIsSource ? s : lowerIsSource ? t : null;
    const down = upperIsSource ? t : lowerIsSource ? s : null;
    const upBox = up ? boxes.get(up.shapeId) : undefined;
    const downBox = down ? boxes.get(down.shapeId) : undefined;
    if (!up || !down || !upBox || !downBox || downBox.y - (upBox.y + upBox.height) < 2 * MARGIN) {
      rest.push(request);
      continue;
    }
    const upper = portPoint(upBox, 'bottom', up.at);
    const lower = portPoint(downBox, 'top', down.at);
    const key = `${upper.y}:${lower.y}`;
    let between = betweens.get(key);
    if (between === undefined) {
      between = rowsBetween(obstacles, upper.y, lower.y, extent);
      betweens.set(key, between);
    }
    // Rows in the way (of this link or of others between the same rows: one band above them for
    // all, so their tracks there keep apart): through a corridor, straight down where it can.
    if (!between) {
      addTo({ request, upper, lower, upperIsSource });
      continue;
    }
    const gap =
      between.top - upper.y >= 2 * MARGIN && lower.y - between.bottom >= 2 * MARGIN
        ? nearestGap(between, lower.x, upper.x)
        : null;
    if (!gap) {
      rest.push(request);
      continue;
    }
    const through: Through = { request, upperIsSource, failed: false };
    const at = `${gap[0]}:${gap[1]}`;
    const corridor = corridors.get(at) ?? { gap, links: [] };
    corridor.links.push({ upper, lower, through });
    corridors.set(at, corridor);
  }
  // Each corridor's links side by side across it, in the order of their lower ports (the
  // tracks below then cross as little as they can), each above its lower port where it can be
  // (then straight down into it), else as near it as the others leave room for.
  for (const {
    gap: [from, to],
    links: list,
  } of corridors.values()) {
    list.sort((a, b) => a.lower.x - b.lower.x || a.upper.x - b.upper.x);
    const step = Math.min(PARALLEL_SPACING, (to - from) / (list.length + 1));
    const xs = list.map(({ lower }) => Math.min(Math.max(lower.x, from + step), to - step));
    for (let k = 1; k < xs.length; k++)
      xs[k] = Math.max(xs[k] as number, (xs[k - 1] as number) + step);
    for (let k = xs.length - 1; k >= 0; k--)
      xs[k] = Math.min(
        xs[k] as number,
        k === xs.length - 1 ? to - step : (xs[k + 1] as number) - step,
      );
    list.forEach(({ upper, lower, through }, k) => {
      const x = xs[k] as number;
      const between = betweens.get(`${upper.y}:${lower.y}`) as Between;
      addTo({
        request: through.request,
        upper,
        lower: { x, y: between.top },
        upperIsSource: true,
        through,
        piece: 'above',
      });
      addTo({
        request: through.request,
        upper: { x, y: between.bottom },
        lower,
        upperIsSource: true,
        through,
        piece: 'below',
      });
    });
  }
  const routes = new Map<string, Point[]>();
  const fail = (l: Crossing) => {
    if (!l.through) rest.push(l.request);
    else if (!l.through.failed) {
      l.through.failed = true;
      rest.push(l.request);
    }
  };
  const place = (l: Crossing, downwards: Point[]) => {
    if (!l.through) routes.set(l.request.id, ordered(l, downwards));
    else l.through[l.piece === 'above' ? 'above' : 'below'] = downwards;
  };
  for (const band of bands.values()) {
    if (band.links.length < BAND_MIN) {
      for (const l of band.links) fail(l);
      continue;
    }
    // The devices that reach into the band: a link's rectangle must miss all of them.
    const inBand = obstacles
      .map((o) => o.box)
      .filter((b) => b.y < band.bottom && b.y + b.height > band.top);
    const clear = (l: Crossing) => {
      const left = Math.min(l.upper.x, l.lower.x);
      const right = Math.max(l.upper.x, l.lower.x);
      const rect: Box = {
        x: left - MARGIN,
        y: band.top + 1,
        width: right - left + 2 * MARGIN,
        height: band.bottom - band.top - 2,
      };
      return !inBand.some((b) => boxesOverlap(rect, b));
    };
    const straight: Crossing[] = [];
    const rightward: Crossing[] = [];
    const leftward: Crossing[] = [];
    for (const l of band.links) {
      if (!clear(l)) fail(l);
      else if (Math.abs(l.upper.x - l.lower.x) < 0.5) straight.push(l);
      else (l.lower.x > l.upper.x ? rightward : leftward).push(l);
    }
    for (const l of straight) place(l, [l.upper, l.lower]);
    const tracks = assignTracks([...leftward, ...rightward]);
    if (tracks.length === 0) continue;
    const margin = Math.min(ROUTE_CLEARANCE, (band.bottom - band.top) / 4);
    const room = band.bottom - band.top - 2 * margin;
    const step = tracks.length > 1 ? Math.min(PARALLEL_SPACING, room / (tracks.length - 1)) : 0;
    const highest = (band.top + band.bottom) / 2 - (step * (tracks.length - 1)) / 2;
    tracks.forEach((links, k) => {
      const y = highest + k * step;
      for (const l of links) place(l, [l.upper, { x: l.upper.x, y }, { x: l.lower.x, y }, l.lower]);
    });
  }
  // A link through rows: its piece above, down the corridor, its piece below.
  for (const { links } of corridors.values())
    for (const { through } of links) {
      const { above, below } = through;
      if (through.failed || !above || !below) continue;
      const downwards = [...above.slice(0, -1), ...below.slice(1)];
      routes.set(through.request.id, through.upperIsSource ? downwards : downwards.reverse());
    }
  return { routes, rest };
}

/** Two drops closer than this read as one line. */
const SAME_DROP_PX = PARALLEL_SPACING / 2;

/**
 * The tracks of a band, highest first, each a list of links whose stretches along it keep
 * PARALLEL_SPACING apart (left-edge channel routing, track by track from the top):
 * - a link whose drop from its upper port meets another's rise to its lower port at the same x
 *   takes a higher track than that one, or the two would share that vertical stretch;
 * - among the rest, links going left come first, the one starting furthest left highest, then
 *   links going right, the one starting furthest right highest: a fan of links from one port
 *   row to the next then crosses itself as little as it can.
 */
export function assignTracks(links: readonly Crossing[]): Crossing[][] {
  const rightward = (l: Crossing) => l.lower.x > l.upper.x;
  let left = [...links].sort((a, b) =>
    rightward(a) !== rightward(b)
      ? rightward(a)
        ? 1
        : -1
      : rightward(a)
        ? b.upper.x - a.upper.x
        : a.upper.x - b.upper.x,
  );
  const above = new Map<Crossing, Crossing[]>();
  const byUpper = [...links].sort((a, b) => a.upper.x - b.upper.x);
  for (const l of links) {
    // The links whose drop from above lands within SAME_DROP_PX of this one's rise.
    let lo = 0;
    let hi = byUpper.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byUpper[mid] as Crossing).upper.x < l.lower.x - SAME_DROP_PX) lo = mid + 1;
      else hi = mid;
    }
    const list: Crossing[] = [];
    for (let i = lo; i < byUpper.length; i++) {
      const a = byUpper[i] as Crossing;
      if (a.upper.x > l.lower.x + SAME_DROP_PX) break;
      if (a !== l) list.push(a);
    }
    if (list.length > 0) above.set(l, list);
  }
  const placed = new Set<Crossing>();
  const tracks: Crossing[][] = [];
  while (left.length > 0) {
    const track: Crossing[] = [];
    // The track's stretches (from, to) left to right: they keep PARALLEL_SPACING apart, so
    // their ends run in the same order as their starts, and a stretch fits when the first one
    // that does not end PARALLEL_SPACING before it starts begins PARALLEL_SPACING after it
    // ends (found by bisection: a track of a 3,000-element site's band holds hundreds). A
    // stretch with an end that is no number (NaN) fits an empty track only, and then no other
    // fits it, as when compared one by one.
    const froms: number[] = [];
    const tos: number[] = [];
    const next: Crossing[] = [];
    for (const l of left) {
      const from = Math.min(l.upper.x, l.lower.x);
      const to = Math.max(l.upper.x, l.lower.x);
      let at = track.length;
      let fits = (above.get(l) ?? []).every((a) => placed.has(a));
      if (fits) {
        let lo = 0;
        let hi = tos.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (from >= (tos[mid] as number) + PARALLEL_SPACING) lo = mid + 1;
          else hi = mid;
        }
        at = lo;
        fits = lo === froms.length || to <= (froms[lo] as number) - PARALLEL_SPACING;
      }
      if (!fits) {
        next.push(l);
        continue;
      }
      track.push(l);
      froms.splice(at, 0, from);
      tos.splice(at, 0, to);
    }
    // Links that each need to be above another (a cycle): the first takes this track anyway.
    if (track.length === 0) track.push(next.shift() as Crossing);
    for (const l of track) placed.add(l);
    tracks.push(track);
    left = next;
  }
  return tracks;
}

/** The points from the request's source to its target. */
function ordered(l: Crossing, downwards: Point[]): Point[] {
  return l.upperIsSource ? downwards : downwards.reverse();
}

/** The side of the grid cells a route is checked against the devices in (px). */
const CHECK_GRID_PX = 256;

/**
 * Whether the route passes through an obstacle for which `counts` holds: each segment is tested
 * against the obstacles filed in `grid` where it lies (a segment that passes through a box
 * shares a cell with it).
 */
function crossesAny(
  points: readonly Point[],
  obstacles: readonly Obstacle[],
  grid: ReturnType<typeof boxGrid>,
  counts: (o: Obstacle) => boolean,
): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const hit = grid.some(pointsBox([a, b]), (k) => {
      const o = obstacles[k] as Obstacle;
      return counts(o) && segmentCrossesBox(a, b, o.box);
    });
    if (hit) return true;
  }
  return false;
}

const ruledBy = new WeakMap<ReadonlyMap<string, readonly Point[]>, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

/**
 * The links an answer of routeGroup drew by rule (channelRoutes), not by the router. A drag's
 * preview keeps their routes when a dragged device passes over them (preview.ts): such a route
 * runs along its band's tracks and corridors, not around the devices near it, and the drop draws
 * it by rule again. Routing them on each move as well (the corridor links of a large site that a
 * dragged ToR crosses) doubled a preview's links at 3,000 elements.
 */
export function drawnByRule(routes: ReadonlyMap<string, readonly Point[]>): ReadonlySet<string> {
  return ruledBy.get(routes) ?? NONE;
}

/**
 * The box of a link's two ends among `obstacles` (a point end as a box of no size; one end
 * alone when the other is not among them).
 */
function spanner(obstacles: readonly Obstacle[]): (r: RouteRequest) => Box | undefined {
  const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
  const endBox = (e: RouteEnd): Box | undefined =>
    'point' in e ? { x: e.point.x, y: e.point.y, width: 0, height: 0 } : boxes.get(e.shapeId);
  return (r) => {
    const a = endBox(r.source);
    const b = endBox(r.target);
    return a && b ? unionBoxes([a, b]) : (a ?? b);
  };
}

/** How far around each of a drag's links the devices it is routed among are taken from (px). */
export const LINK_REACH = 60;

/**
 * Route a few links (a drag's, preview.ts) among the devices near each of them: those within
 * `LINK_REACH` of the box of its two ends. libavoid's time grows with the shapes it is given
 * (each is made, given a pin and freed again on every call: about 25 µs a device, 4 ms of a
 * 179-device site's 5.5 ms with no link at all), and a dragged ToR's links to the spines span
 * its whole site, so the batch's box around them took in nearly every device. Together in one
 * call, so that their parallel segments are still nudged apart. A route that runs through a
 * device it was not given is routed again among all of them (the drop routes the design whole
 * anyway). `requests` have their ports (withPorts) from the whole group. Only the shapes they
 * end at are given a connection point (RouteOptions.endPinsOnly).
 */
export function routeNearLinks(
  router: ConnectorRouter,
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
): Map<string, readonly Point[]> {
  const spanOf = spanner(obstacles);
  const spans = requests.flatMap((r) => {
    const span = spanOf(r);
    return span ? [inflate(span, LINK_REACH)] : [];
  });
  const near = obstacles.filter((o) => spans.some((span) => boxesOverlap(o.box, span)));
  if (near.length === obstacles.length) return router.route(obstacles, requests, PREVIEW);
  const seen = new Set(near.map((o) => o.id));
  const grid = boxGrid(
    obstacles.map((o) => o.box),
    CHECK_GRID_PX,
  );
  const out = new Map<string, readonly Point[]>();
  const again: RouteRequest[] = [];
  const routes = router.route(near, requests, PREVIEW);
  for (const r of requests) {
    const points = routes.get(r.id);
    if (!points) continue;
    if (crossesAny(points, obstacles, grid, (o) => !seen.has(o.id))) again.push(r);
    else out.set(r.id, points);
  }
  if (again.length > 0)
    for (const [id, points] of router.route(obstacles, again, PREVIEW)) out.set(id, points);
  return out;
}
/** A preview's calls pin only the shapes its links end at (RouteOptions). */
const PREVIEW = { endPinsOnly: true } as const;

/** The general router takes the links left over in batches of at most this many. */
const BATCH = 30;
/** The width of the canvas's columns the general router's batches are taken from (px). */
const BATCH_COLUMN_PX = 800;
/** How far around a batch's ends its obstacles are taken from (px). */
const BATCH_REACH = 240;
/**
 * A group with more obstacles than this routes its links among the devices near them, even when
 * it has few links (the links between sites: every device of every site is their obstacle).
 * libavoid's time grows with the obstacles it is given: the 16 links between the four sites of
 * the 3,000-element synthetic design took 430 ms among its 1,010 devices. And a route then
 * depends only on what is near it, so a change far from it (a device deleted or dragged in
 * another site) leaves its router call's input as it was (memoRouter reuses it).
 */
export const NEAR_GROUP_MIN = 100;

/**
 * Route one group: by the general router alone while it is small; for a large one (many links,
 * or many obstacles), ports first (so every batch uses the same ones), the row-to-row links of
 * a group with many links by rule, the rest by the router in batches of nearby links, each
 * among the devices near its ends. A route that then runs through a device its batch did not
 * see is routed again with every device.
 */
export function routeGroup(
  router: ConnectorRouter,
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
): Map<string, readonly Point[]> {
  const manyLinks = requests.length > CHANNEL_GROUP_MIN;
  if (!manyLinks && obstacles.length <= NEAR_GROUP_MIN) return router.route(obstacles, requests);
  const ported = withPorts(obstacles, requests);
  const { routes, rest } = manyLinks
    ? channelRoutes(obstacles, ported)
    : { routes: new Map<string, Point[]>(), rest: ported };
  const out = new Map<string, readonly Point[]>(routes);
  if (routes.size > 0) ruledBy.set(out, new Set(routes.keys()));
  const spanOf = spanner(obstacles);
  const middle = (r: RouteRequest) => {
    const b = spanOf(r);
    return b ? b.x + b.width / 2 : 0;
  };
  const sorted = [...rest].sort((a, b) => middle(a) - middle(b));
  // Batches by column of the canvas: which batch a link joins depends on where it runs, not on
  // how many links run left of it, so a delete or a paste changes only the batches of its own
  // columns (the others keep their input, and memoRouter its answer). A column with more than
  // BATCH links is cut into batches in its order.
  const batches: RouteRequest[][] = [];
  let column: RouteRequest[] = [];
  let columnAt = NaN;
  const flush = () => {
    for (let i = 0; i < column.length; i += BATCH) batches.push(column.slice(i, i + BATCH));
    column = [];
  };
  for (const r of sorted) {
    // Few links (those between sites): one batch, so the router keeps them all apart.
    const at = sorted.length <= BATCH ? 0 : Math.floor(middle(r) / BATCH_COLUMN_PX);
    if (at !== columnAt) flush();
    columnAt = at;
    column.push(r);
  }
  flush();
  // The obstacles by grid cell: a route is checked against the devices along it, not all.
  const grid = boxGrid(
    obstacles.map((o) => o.box),
    CHECK_GRID_PX,
  );
  const again: RouteRequest[] = [];
  for (const batch of batches) {
    const spans = batch.flatMap((r) => spanOf(r) ?? []);
    if (spans.length === 0) continue;
    const reach = inflate(unionBoxes(spans), BATCH_REACH);
    const near = obstacles.filter((o) => boxesOverlap(o.box, reach));
    for (const [id, points] of router.route(near, batch)) {
      const request = batch.find((r) => r.id === id);
      const ends = new Set(
        request
          ? [request.source, request.target].flatMap((e) => ('shapeId' in e ? [e.shapeId] : []))
          : [],
      );
      // A device the batch did not see, and not one of the link's ends.
      const unseen = (o: Obstacle) => !ends.has(o.id) && !boxesOverlap(o.box, reach);
      if (request && crossesAny(points, obstacles, grid, unseen)) again.push(request);
      else out.set(id, points);
    }
  }
  if (again.length > 0)
    for (const [id, points] of router.route(obstacles, again)) out.set(id, points);
  return out;
}
