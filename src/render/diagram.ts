/**
 * From a design to its drawing: sites and devices where the design puts them, links routed
 * orthogonally around every device that is not one of their ends (libavoid), parallel links
 * nudged apart, and each DCI label placed where it covers no device and no other label.
 * The canvas, the exports and the command line all draw this; nothing else decides geometry.
 */
import { DEVICE_SIZE } from '../model/defaults';
import { sameEntries, sameItems, sameLinkEnds } from '../model/sameValue';
import type { Design, DesignNode, Link, Site } from '../model/schema';
import type { Finding } from '../rules/types';
import {
  boxesOverlap,
  boxGrid,
  inflate,
  pointAlong,
  pointsBox,
  polylineCrossesBox,
  polylineLength,
  segmentCrossesBox,
  unionBoxes,
} from './geom';
import {
  center,
  clipRoute,
  ROUTE_CLEARANCE,
  simplify,
  straightRouter,
  withPorts,
  type ConnectorRouter,
  type Obstacle,
  type RouteEnd,
  type RouteRequest,
  type Side,
} from './router';
import { dciLabelLines, deviceSubtitles, limitFinding } from './text';
import { SITE_TITLE_X, siteName, siteTitleLayout } from './siteTitle';
import {
  LABEL_LINE_PX,
  LABEL_MAX_CHARS,
  LABEL_PAD_X,
  LABEL_PAD_Y,
  textWidth,
  truncate,
} from './metrics';
import type {
  Box,
  Connector,
  ConnectorLabel,
  DeviceShape,
  Diagram,
  NoteShape,
  Point,
  SiteShape,
} from './types';
import { KIND_LABELS } from '../model/defaults';
import { connectorAnchorBox, notePointer } from './callouts';
import { connectorWith } from './packed';
import { drawnByRule, routeGroup } from './channels';
import { noteLayout } from './notes';

export interface RenderOptions {
  /** Open findings by element id: DCI labels then show the figure of a broken limit. */
  readonly findings?: ReadonlyMap<string, readonly Finding[]>;
  /**
   * Routes of the previous drawing, reused for every site where nothing moved: while a device
   * is dragged only its own site's links (and the links between sites) are routed again.
   */
  readonly cache?: RouteCache;
  /**
   * Route only these groups (site ids, '' for the links between sites; routingGroups); the
   * others take their routes from the cache if it holds them for the same input; else a link
   * whose ends are as the cache had them keeps its cached route (a device moved elsewhere in
   * its group: the link is routed again with the group, only the partial drawing keeps it),
   * and the others are drawn straight, as the canvas shows them until routed; neither is
   * cached. All groups are routed when missing.
   */
  readonly only?: ReadonlySet<string>;
  /**
   * A drag in progress (the canvas's live positions), and the router its preview takes: a group
   * whose input changed since the cache's routes keeps them for every link whose ends did not
   * move and whose route no moved device now covers (or was drawn by rule, along its band),
   * and routes only the others (the dragged device's links), among the devices near them. Such
   * a preview is not cached: the drop routes the group whole, as a drawing from scratch does.
   */
  readonly live?: ConnectorRouter;
  /**
   * The design's routingGroups, when the caller has worked them out already (the canvas's
   * worker, which routes them one by one before drawing): not worked out again. Every link's
   * request and port side at 3,000 elements: a third of a drawing whose routes are cached.
   */
  readonly groups?: ReadonlyMap<string, RouteGroup>;
  /**
   * Groups drawn from the cache's routes although their input changed: an edit that left them
   * valid (keptGroups). Not cached as routed for the new input: the caller routes them again
   * after, and the drawing then is the one a route from scratch makes.
   */
  readonly kept?: ReadonlySet<string>;
  /**
   * The connectors drawn last time, with what each was drawn from (DrawnLinks): a link drawn
   * again from the same inputs keeps its connector, the same object. Updated with this drawing.
   */
  readonly drawn?: DrawnLinks;
}

/**
 * Per link without a label (all but DCI links): its connector as last drawn (before label
 * placement, which leaves it as it is), and what that was drawn from: the link, its raw route and
 * its ends' boxes. After a delete or a paste in one site most links' inputs are as they were:
 * their connectors are the last drawing's, not clipped, simplified and allocated again, and the
 * worker's wire to the canvas (routeWire.ts, sameConnector) finds them unchanged by identity,
 * without comparing their points. Only what a drawing from scratch draws is reused: the inputs
 * are compared by value (the route's points, the boxes), the link by identity.
 */
export type DrawnLinks = Map<
  string,
  {
    readonly link: Link;
    readonly raw: readonly Point[] | undefined;
    readonly source: Box;
    readonly target: Box;
    readonly sourceIsDevice: boolean;
    readonly targetIsDevice: boolean;
    readonly connector: Connector;
  }
>;

/**
 * Per routing group (a site, or '' for links between sites): its inputs, its routes and what
 * each route joins (endsOf).
 */
export type RouteCache = Map<
  string,
  {
    /** The input its routes were made for (compared by sameInput). */
    requests: readonly RouteRequest[];
    routes: Map<string, readonly Point[]>;
    ends: ReadonlyMap<string, string>;
    obstacles: readonly Obstacle[];
  }
>;

/** Height of a site's title strip, which labels avoid. */
export const SITE_HEADER_PX = 40;
/** Space kept between a label and anything it must not touch. */
const LABEL_GAP = 4;

function siteShape(site: Site, deviceCount: number): SiteShape {
  const { x, y } = site.position;
  const title = siteTitleLayout(site.label, site.role, deviceCount, site.width);
  return {
    id: site.id,
    role: site.role,
    box: { x, y, width: site.width, height: site.height },
    label: siteName(site.label),
    caption: title.caption,
    title: {
      text: title.text,
      x: x + SITE_TITLE_X,
      captionX: x + title.captionX,
      baseline: y + 24,
    },
    titleBox: { x: x + 8, y: y + 6, width: title.end + 4 - 8, height: 24 },
  };
}

/** Absolute boxes of sites and devices (devices are stored relative to their site). */
export function shapesOf(design: Design): { sites: SiteShape[]; devices: DeviceShape[] } {
  const sitesById = new Map<string, Site>();
  const counts = new Map<string, number>();
  for (const n of design.nodes) {
    if (n.kind === 'site') sitesById.set(n.id, n);
    else counts.set(n.parentId, (counts.get(n.parentId) ?? 0) + 1);
  }
  const sites = [...sitesById.values()].map((s) => siteShape(s, counts.get(s.id) ?? 0));
  const devices: DeviceShape[] = [];
  for (const n of design.nodes) {
    if (n.kind === 'site') continue;
    devices.push({
      id: n.id,
      kind: n.kind,
      siteId: n.parentId,
      box: deviceBox(n.position, sitesById.get(n.parentId)?.position),
      label: n.label || KIND_LABELS[n.kind],
      subtitles: deviceSubtitles(n as DesignNode),
    });
  }
  return { sites, devices };
}

/** A device's absolute box: its position is stored relative to its site's (`siteAt`). */
export function deviceBox(position: Point, siteAt: Point | undefined): Box {
  return {
    x: (siteAt?.x ?? 0) + position.x,
    y: (siteAt?.y ?? 0) + position.y,
    width: DEVICE_SIZE.width,
    height: DEVICE_SIZE.height,
  };
}

/** The side of a site (not a device) a link meets it by: the side that faces the other end. */
function siteSide(site: Box, toward: Point): Side {
  const c = center(site);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (Math.abs(dx) * site.height > Math.abs(dy) * site.width) return dx > 0 ? 'right' : 'left';
  return dy > 0 ? 'bottom' : 'top';
}

/**
 * Where links meet sites (not devices): spread along the side that faces their other end, in
 * the order of where they go, so two links to one site never start from one point.
 */
function siteSidePoints(
  ends: readonly { key: string; site: Box; siteId: string; toward: Point }[],
): Map<string, Point> {
  const groups = new Map<string, { key: string; site: Box; toward: Point; side: Side }[]>();
  for (const e of ends) {
    const side = siteSide(e.site, e.toward);
    const group = `${e.siteId}\u0000${side}`;
    groups.set(group, [...(groups.get(group) ?? []), { ...e, side }]);
  }
  const out = new Map<string, Point>();
  for (const list of groups.values()) {
    const vertical = list[0]?.side === 'left' || list[0]?.side === 'right';
    list.sort((a, b) => (vertical ? a.toward.y - b.toward.y : a.toward.x - b.toward.x));
    list.forEach(({ key, site, side }, k) => {
      const along = (k + 1) / (list.length + 1);
      out.set(
        key,
        side === 'left' || side === 'right'
          ? { x: side === 'right' ? site.x + site.width : site.x, y: site.y + along * site.height }
          : {
              x: site.x + along * site.width,
              y: side === 'bottom' ? site.y + site.height : site.y,
            },
      );
    });
  }
  return out;
}

/**
 * The side of a device a link leaves by, each link by a port of its own (src/render/avoid.ts):
 * a fabric link between tiers (one device wholly above the other) leaves the upper one by its
 * bottom and enters the lower one by its top, as leaf-spine fabrics are drawn; any other link
 * by the sides that face each other, up and down when its ends are further apart that way.
 * Left to pick a side itself, the router takes the shorter way out of a side, and a full mesh
 * becomes a tangle. `site`: the end's own site, when the link leaves it (a DCI link): where the
 * facing side is blocked, the link turns to the side with nothing between it and the site's
 * wall, so it leaves the site there rather than wrapping around its own device to a side that
 * faces another device.
 */
function portSide(
  link: Link,
  own: Box,
  other: Box,
  neighbours: PortRoom,
  site?: Box,
): { side?: Side } {
  // A side with a device or a site's title right in front of it leaves no room to get out:
  // the next side that turns toward the other end, then the far side. Every end keeps a port
  // of its own, so no two links ever leave a device from one point.
  const facing = facingSide(link, own, other);
  const c = center(own);
  const o = center(other);
  const horizontalFirst: Side[] = [o.x >= c.x ? 'right' : 'left', o.x >= c.x ? 'left' : 'right'];
  const verticalFirst: Side[] = [o.y >= c.y ? 'bottom' : 'top', o.y >= c.y ? 'top' : 'bottom'];
  const order: Side[] =
    facing === 'top' || facing === 'bottom'
      ? [facing, horizontalFirst[0] as Side, horizontalFirst[1] as Side, opposite(facing)]
      : facing
        ? [facing, verticalFirst[0] as Side, verticalFirst[1] as Side, opposite(facing)]
        : [...verticalFirst, ...horizontalFirst];
  if (site && facing && blocked(own, facing, other, neighbours)) {
    const [, first, second] = order as [Side, Side, Side, Side];
    if (
      !clearToWall(own, first, other, site, neighbours) &&
      clearToWall(own, second, other, site, neighbours)
    ) {
      order[1] = second;
      order[2] = first;
    }
  }
  const side = order.find((s) => !blocked(own, s, other, neighbours));
  return side ? { side } : {};
}

/** Nothing (no device, no site title) between a device's side and its site's wall that way. */
function clearToWall(own: Box, side: Side, other: Box, site: Box, neighbours: PortRoom): boolean {
  const lane: Box =
    side === 'left'
      ? { x: site.x, y: own.y, width: own.x - site.x, height: own.height }
      : side === 'right'
        ? {
            x: own.x + own.width,
            y: own.y,
            width: site.x + site.width - own.x - own.width,
            height: own.height,
          }
        : side === 'top'
          ? { x: own.x, y: site.y, width: own.width, height: own.y - site.y }
          : {
              x: own.x,
              y: own.y + own.height,
              width: own.width,
              height: site.y + site.height - own.y - own.height,
            };
  if (lane.width <= 0 || lane.height <= 0) return true;
  return !neighbours.some(lane, (b) => b !== own && b !== other && boxesOverlap(lane, b));
}

function opposite(side: Side): Side {
  return side === 'top' ? 'bottom' : side === 'bottom' ? 'top' : side === 'left' ? 'right' : 'left';
}

/** Room kept in front of a port: the router's clearance, twice. */
export const PORT_ROOM_PX = 28;
/** The side of the grid cells the boxes in front of ports are looked up in (px). */
const PORT_GRID_PX = 256;

/**
 * Boxes looked up near a place: `some` offers the boxes filed where `area` lies (and maybe
 * others: the caller tests each), by identity, so a device's own box can be told apart.
 */
export interface BoxLookup {
  some(area: Box, test: (box: Box) => boolean): boolean;
}
/** What a port needs room in front of (devices, the sites' title strips). */
export type PortRoom = BoxLookup;

/** `boxes` filed in a grid of cells of `gridPx` (boxGrid). */
export function boxLookup(boxes: readonly Box[], gridPx: number): BoxLookup {
  const grid = boxGrid(boxes, gridPx);
  return { some: (area, test) => grid.some(area, (i) => test(boxes[i] as Box)) };
}

/**
 * What a port needs room in front of: the devices, and the sites' title strips (routed around),
 * filed in a grid: a port looks at the boxes near it only.
 */
export function portRoom(sites: readonly SiteShape[], devices: readonly DeviceShape[]): PortRoom {
  return boxLookup([...devices.map((d) => d.box), ...sites.map((s) => s.titleBox)], PORT_GRID_PX);
}

/** The box of each site and device, by id. */
export function boxesById(
  sites: readonly SiteShape[],
  devices: readonly DeviceShape[],
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const s of sites) boxes.set(s.id, s.box);
  for (const d of devices) boxes.set(d.id, d.box);
  return boxes;
}

function blocked(own: Box, side: Side, other: Box, neighbours: PortRoom): boolean {
  const room: Box =
    side === 'bottom'
      ? { x: own.x, y: own.y + own.height, width: own.width, height: PORT_ROOM_PX }
      : side === 'top'
        ? { x: own.x, y: own.y - PORT_ROOM_PX, width: own.width, height: PORT_ROOM_PX }
        : side === 'right'
          ? { x: own.x + own.width, y: own.y, width: PORT_ROOM_PX, height: own.height }
          : { x: own.x - PORT_ROOM_PX, y: own.y, width: PORT_ROOM_PX, height: own.height };
  return neighbours.some(room, (b) => b !== own && b !== other && boxesOverlap(room, b));
}

function facingSide(link: Link, own: Box, other: Box): Side | undefined {
  const below = other.y - (own.y + own.height);
  const above = own.y - (other.y + other.height);
  const right = other.x - (own.x + own.width);
  const left = own.x - (other.x + other.width);
  const vertical = Math.max(below, above);
  const horizontal = Math.max(right, left);
  if (vertical > 0 && (link.kind === 'fabric' || vertical >= horizontal))
    return below > 0 ? 'bottom' : 'top';
  if (horizontal > 0) return right > 0 ? 'right' : 'left';
  return undefined;
}

function labelFor(link: Link, design: Design, options: RenderOptions): ConnectorLabel | null {
  if (link.kind !== 'dci') return null;
  const findings = options.findings?.get(link.id) ?? [];
  const lines = dciLabelLines(link, design.settings, findings).map((l) =>
    truncate(l, LABEL_MAX_CHARS + 10),
  );
  const width =
    Math.ceil(Math.max(...lines.map((l, i) => textWidth(l, 11, i === 0)))) + 2 * LABEL_PAD_X;
  const height = lines.length * LABEL_LINE_PX + 2 * LABEL_PAD_Y;
  const limit = limitFinding(findings);
  return {
    box: { x: 0, y: 0, width, height },
    lines,
    broken: limit !== undefined && limit.severity === 'error',
  };
}

/**
 * The connectors of a drawing for a design whose routing has the same input as the drawing's
 * own: the same elements (the same node objects) and links between the same ends in the same
 * order. Routes depend on nothing else, so they are the drawing's; the labels are the design's
 * now (a DCI distance, a name, a setting, a new limit figure) and, when one of them changed
 * size, all are placed again as renderDiagram places them. Null when anything that routes
 * differs: the caller draws the design again.
 *
 * A drawing that tells the findings its labels were drawn with (`drawn.findings`) keeps, as they
 * are, the connectors whose link, settings and findings (the same list) are those it was drawn
 * with: their labels read and measure as drawn. Measuring every DCI label of a 3,000-element
 * design took 55–115 ms of an edit of one link's distance, or of an undo.
 */
export function relabelled(
  drawn: {
    readonly design: Design;
    readonly connectors: readonly Connector[];
    readonly findings?: ReadonlyMap<string, readonly Finding[]>;
  },
  design: Design,
  options: RenderOptions = {},
): Connector[] | null {
  if (design.nodes !== drawn.design.nodes) return null;
  const links = design.links;
  const before = drawn.design.links;
  if (links.length !== before.length || drawn.connectors.length > links.length) return null;
  if (!sameItems(links, before, sameLinkEnds)) return null;
  const drawnWith = drawn.findings;
  // The drawing's own links, settings and findings (an undo back to it): its connectors, each
  // kept as below, without a look at each (at 3,000 elements the look took about 11 ms of an
  // undo's task in the browser, to keep all 2,000 connectors).
  if (
    links === before &&
    design.settings === drawn.design.settings &&
    drawnWith &&
    options.findings &&
    sameEntries(options.findings, drawnWith)
  )
    return [...drawn.connectors];
  // Labels can change with the settings and the findings too: every DCI label whose link,
  // settings or findings may differ from the drawing's is measured again.
  const linkById = new Map(links.map((l) => [l.id, l]));
  const drawnLinks =
    drawnWith && design.settings === drawn.design.settings
      ? new Map(before.map((l) => [l.id, l]))
      : null;
  const unchanged = (c: Connector, link: Link) =>
    drawnLinks?.get(c.id) === link && options.findings?.get(c.id) === drawnWith?.get(c.id);
  let resized = false;
  const relabel = drawn.connectors.map((c) => {
    const link = linkById.get(c.id);
    if (!link) return null;
    if (unchanged(c, link)) return c;
    const label = labelFor(link, design, options);
    if (!label || !c.label)
      return label === c.label ? connectorWith(c, { l3Only: l3Only(link) }) : null;
    if (label.box.width !== c.label.box.width || label.box.height !== c.label.box.height)
      resized = true;
    return connectorWith(c, { l3Only: l3Only(link), label });
  });
  if (relabel.some((c) => c === null)) return null;
  const fresh = relabel as Connector[];
  let out: Connector[];
  if (resized) {
    const { sites, devices } = shapesOf(design);
    out = placeLabels(
      fresh,
      devices.map((d) => d.box),
      sites.map((s) => ({ ...s.box, height: SITE_HEADER_PX })),
    );
  } else
    out = fresh.map((c, i) => {
      const was = drawn.connectors[i] as Connector;
      if (c === was) return c;
      return c.label && was.label
        ? connectorWith(c, { label: { ...c.label, box: was.label.box } })
        : c;
    });
  // A connector that draws the same as before keeps its object (its edge does not re-render).
  return out.map((c, i) => {
    const was = drawn.connectors[i] as Connector;
    return sameLook(was, c) ? was : c;
  });
}

function sameLook(a: Connector, b: Connector): boolean {
  return a.l3Only === b.l3Only && sameLabel(a.label, b.label);
}

/** Two labels drawn alike: the same box, lines and broken state. */
export function sameLabel(a: ConnectorLabel | null, b: ConnectorLabel | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.broken === b.broken &&
    a.box.x === b.box.x &&
    a.box.y === b.box.y &&
    a.box.width === b.box.width &&
    a.box.height === b.box.height &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => line === b.lines[i])
  );
}

function l3Only(link: Link): boolean {
  return link.kind === 'dci' && link.l2Extension === 'none';
}

/** The links routed together: those inside one site (keyed by its id), those between sites (''). */
export interface RouteGroup {
  readonly obstacles: readonly Obstacle[];
  readonly requests: readonly RouteRequest[];
}

/**
 * What the router is asked for a design, group by group: links inside a site are routed among
 * that site's devices only, links between sites among all devices. The router's cost grows
 * much faster than linearly with the shapes and links it considers together.
 */
export function routingGroups(design: Design): Map<string, RouteGroup> {
  const { sites, devices } = shapesOf(design);
  return groupsOf(sites, devices, routeRequests(design, sites, devices), design.links);
}

/** What groupKeeper kept of a site's group: the inputs its requests and obstacles came from. */
interface KeptSite {
  readonly title: Box | undefined;
  readonly devices: readonly DeviceShape[];
  readonly links: readonly Link[];
  /** Where a box added, moved or taken away could block a port of its devices (portSide). */
  readonly reach: Box;
  readonly group: RouteGroup;
}

/**
 * routingGroups, kept across calls (the canvas's worker: one per job): a site's group is the
 * one it had last time, the same object, when its devices (ids, boxes, order), its title's box
 * and its links inside it (ids, ends, kinds, order) are as they were and no box a port looks at
 * (a device, a site's title: portSide) was added, moved or taken away within reach of its
 * devices; the others, and the links between sites, are worked out again. A delete or a paste
 * in one site then works out that site's requests, not every site's: routingGroups took 3.5 ms
 * warm, 11–16 ms cold, of a delete's job at 3,000 elements. The groups equal routingGroups'.
 */
export function groupKeeper(): (design: Design) => Map<string, RouteGroup> {
  let kept = new Map<string, KeptSite>();
  let portBoxes = new Map<string, Box>();
  return (design) => {
    const { sites, devices } = shapesOf(design);
    const siteOf = new Map<string, string>();
    const devicesOf = new Map<string, DeviceShape[]>();
    for (const d of devices) {
      siteOf.set(d.id, d.siteId);
      const list = devicesOf.get(d.siteId);
      if (list) list.push(d);
      else devicesOf.set(d.siteId, [d]);
    }
    const titles = new Map(sites.map((s) => [s.id, s.titleBox]));
    // The links of each group, in the order routingGroups finds the groups (a link whose end
    // is not drawn has no request, so no group).
    const linksOf = new Map<string, Link[]>();
    for (const link of design.links) {
      if (
        (!siteOf.has(link.source) && !titles.has(link.source)) ||
        (!siteOf.has(link.target) && !titles.has(link.target))
      )
        continue;
      const key = groupKey(link, siteOf);
      const list = linksOf.get(key);
      if (list) list.push(link);
      else linksOf.set(key, [link]);
    }
    // The boxes a port looks at that were added, moved or taken away since the last call.
    const now = new Map<string, Box>();
    for (const d of devices) now.set(d.id, d.box);
    for (const s of sites) now.set(`${s.id}#title`, s.titleBox);
    const changed: Box[] = [];
    for (const [id, box] of now) {
      const was = portBoxes.get(id);
      if (was && sameBox(was, box)) continue;
      changed.push(box);
      if (was) changed.push(was);
    }
    for (const [id, box] of portBoxes) if (!now.has(id)) changed.push(box);
    const keeps = (key: string, links: readonly Link[]): KeptSite | undefined => {
      const was = kept.get(key);
      if (!was) return undefined;
      const title = titles.get(key);
      if (!was.title !== !title || (was.title && title && !sameBox(was.title, title)))
        return undefined;
      const own = devicesOf.get(key) ?? [];
      if (own.length !== was.devices.length || links.length !== was.links.length) return undefined;
      for (let i = 0; i < own.length; i++) {
        const a = own[i] as DeviceShape;
        const b = was.devices[i] as DeviceShape;
        if (a !== b && (a.id !== b.id || !sameBox(a.box, b.box))) return undefined;
      }
      for (let i = 0; i < links.length; i++) {
        const a = links[i] as Link;
        const b = was.links[i] as Link;
        if (
          a !== b &&
          (a.id !== b.id || a.source !== b.source || a.target !== b.target || a.kind !== b.kind)
        )
          return undefined;
      }
      return changed.some((b) => boxesOverlap(b, was.reach)) ? undefined : was;
    };
    const again = new Set<string>();
    const reused = new Map<string, KeptSite>();
    for (const [key, links] of linksOf) {
      const was = key === '' ? undefined : keeps(key, links);
      if (was) reused.set(key, was);
      else for (const l of links) again.add(l.id);
    }
    const requests = new Map<string, RouteRequest>();
    if (again.size > 0)
      for (const r of routeRequests(design, sites, devices, again)) requests.set(r.id, r);
    const groups = new Map<string, RouteGroup>();
    const next = new Map<string, KeptSite>();
    for (const [key, links] of linksOf) {
      let group = reused.get(key)?.group;
      if (!group) {
        const own = links.flatMap((l) => requests.get(l.id) ?? []);
        if (own.length === 0) continue;
        group = { obstacles: groupObstacles(key, sites, devices), requests: own };
      }
      groups.set(key, group);
      if (key === '') continue;
      const own = devicesOf.get(key) ?? [];
      next.set(key, {
        title: titles.get(key),
        devices: own,
        links,
        reach: inflate(unionBoxes(own.map((d) => d.box)), PORT_ROOM_PX + 1),
        group,
      });
    }
    kept = next;
    portBoxes = now;
    return groups;
  };
}

/**
 * The router's request for each link (`only`: for those links alone, as they are among all of
 * them: a site's side points and the room in front of ports still look at every link and box).
 */
export function routeRequests(
  design: Design,
  sites: readonly SiteShape[],
  devices: readonly DeviceShape[],
  only?: ReadonlySet<string>,
): RouteRequest[] {
  const boxes = boxesById(sites, devices);
  const siteOf = new Map(devices.map((d) => [d.id, d.siteId]));
  return linkRequests(
    only ? design.links.filter((l) => only.has(l.id)) : design.links,
    design.links,
    {
      boxOf: (id) => boxes.get(id),
      siteOf: (id) => siteOf.get(id),
      room: portRoom(sites, devices),
    },
  );
}

/**
 * What a link's request reads of the drawing: each shape's box, each device's site (none for a
 * site), and what its ports need room from. A drag's preview (preview.ts) lays the boxes of what
 * moved over those of the drawing it starts from, rather than filing every device again.
 */
export interface RequestShapes {
  readonly boxOf: (id: string) => Box | undefined;
  readonly siteOf: (id: string) => string | undefined;
  readonly room: PortRoom;
}

/**
 * The requests of `links` (routeRequests). `siteLinks`: the design's links, or at least every
 * one with an end at a site (not a device): the links that meet one side of a site spread along
 * it together.
 */
export function linkRequests(
  links: readonly Link[],
  siteLinks: readonly Link[],
  shapes: RequestShapes,
): RouteRequest[] {
  const { boxOf, siteOf, room } = shapes;
  const isDevice = (id: string) => siteOf(id) !== undefined;
  const siteEnds: { key: string; site: Box; siteId: string; toward: Point }[] = [];
  for (const link of siteLinks) {
    const a = boxOf(link.source);
    const b = boxOf(link.target);
    if (!a || !b) continue;
    if (!isDevice(link.source))
      siteEnds.push({ key: `${link.id}:s`, site: a, siteId: link.source, toward: center(b) });
    if (!isDevice(link.target))
      siteEnds.push({ key: `${link.id}:t`, site: b, siteId: link.target, toward: center(a) });
  }
  const sitePoints = siteSidePoints(siteEnds);
  const requests: RouteRequest[] = [];
  for (const link of links) {
    const a = boxOf(link.source);
    const b = boxOf(link.target);
    if (!a || !b) continue;
    const end = (id: string, own: Box, otherId: string, other: Box, key: string): RouteEnd => {
      const siteId = siteOf(id);
      if (siteId === undefined) return { point: sitePoints.get(key) ?? center(own) };
      const leaving = siteId !== (siteOf(otherId) ?? otherId);
      const site = leaving ? boxOf(siteId) : undefined;
      return { shapeId: id, ...portSide(link, own, other, room, site) };
    };
    requests.push({
      id: link.id,
      source: end(link.source, a, link.target, b, `${link.id}:s`),
      target: end(link.target, b, link.source, a, `${link.id}:t`),
    });
  }
  return requests;
}

export function renderDiagram(
  design: Design,
  router: ConnectorRouter,
  options: RenderOptions = {},
): Diagram {
  const { sites, devices, boxes, connectors: placed } = drawLinks(design, router, options);
  // A note may point at a link: at its label, or at the middle of its route.
  const targets = new Map(boxes);
  for (const c of placed) targets.set(c.id, connectorAnchorBox(c));
  const notes = noteShapes(design, targets);
  const bounds = unionBoxes([
    ...notes.map((n) => n.box),
    ...notes.flatMap((n) => (n.pointer ? [pointsBox(n.pointer)] : [])),
    ...sites.map((s) => s.box),
    ...devices.map((d) => d.box),
    ...placed.map((c) => pointsBox(c.points)),
    ...placed.flatMap((c) => (c.label ? [c.label.box] : [])),
  ]);
  return { name: design.name, bounds, sites, devices, connectors: placed, notes };
}

/**
 * The connectors of renderDiagram's drawing alone: what the canvas's worker sends. Its notes
 * and the drawing's bounds (a box around every route point) took a tenth of a worker job at
 * 3,000 elements, for nothing the canvas reads.
 */
export function renderConnectors(
  design: Design,
  router: ConnectorRouter,
  options: RenderOptions = {},
): Connector[] {
  return drawLinks(design, router, options).connectors;
}

/** Shapes, and every link routed, clipped and labelled (placeLabels). */
function drawLinks(
  design: Design,
  router: ConnectorRouter,
  options: RenderOptions,
): {
  sites: SiteShape[];
  devices: DeviceShape[];
  boxes: Map<string, Box>;
  connectors: Connector[];
} {
  const { sites, devices } = shapesOf(design);
  const boxes = boxesById(sites, devices);
  const deviceIds = new Set(devices.map((d) => d.id));
  const routes = routeBySite(
    router,
    options.groups ?? groupsOf(sites, devices, routeRequests(design, sites, devices), design.links),
    options.cache,
    options.only,
    options.live,
    options.kept,
  );

  const connectors: Connector[] = [];
  const drawn = options.drawn;
  for (const link of design.links) {
    const raw = routes.get(link.id);
    const was = drawn?.get(link.id);
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    const sourceIsDevice = deviceIds.has(link.source);
    const targetIsDevice = deviceIds.has(link.target);
    if (
      was &&
      a &&
      b &&
      was.link === link &&
      samePoints(was.raw, raw) &&
      sameBox(was.source, a) &&
      sameBox(was.target, b) &&
      was.sourceIsDevice === sourceIsDevice &&
      was.targetIsDevice === targetIsDevice
    ) {
      connectors.push(was.connector);
      continue;
    }
    const c = drawnConnector(link, raw, boxes, deviceIds, design, options);
    if (!c) continue;
    connectors.push(c);
    // A DCI link's label depends on the settings and its findings too: drawn each time.
    if (drawn && a && b && !c.label)
      drawn.set(link.id, {
        link,
        raw,
        source: a,
        target: b,
        sourceIsDevice,
        targetIsDevice,
        connector: c,
      });
  }
  // Links gone (deleted, or pasted then undone) are forgotten now and then, not on every edit.
  if (drawn && drawn.size > 2 * design.links.length) {
    const ids = new Set(design.links.map((l) => l.id));
    for (const id of drawn.keys()) if (!ids.has(id)) drawn.delete(id);
  }

  const placed = placeLabels(
    connectors,
    devices.map((d) => d.box),
    sites.map((s) => ({ ...s.box, height: SITE_HEADER_PX })),
  );
  return { sites, devices, boxes, connectors: placed };
}

/**
 * A link's connector from its route (straight between centres when it has none), clipped to
 * the borders of its devices, with its label not yet placed (placeLabels). Null when an end is
 * not drawn.
 */
export function drawnConnector(
  link: Link,
  raw: readonly Point[] | undefined,
  boxes: ReadonlyMap<string, Box>,
  deviceIds: ReadonlySet<string>,
  design: Design,
  options: RenderOptions,
): Connector | null {
  const a = boxes.get(link.source);
  const b = boxes.get(link.target);
  if (!a || !b) return null;
  const clipped = clipRoute(
    raw ?? [center(a), center(b)],
    deviceIds.has(link.source) ? a : undefined,
    deviceIds.has(link.target) ? b : undefined,
  );
  return {
    id: link.id,
    kind: link.kind,
    source: link.source,
    target: link.target,
    points: simplify(clipped),
    l3Only: l3Only(link),
    label: labelFor(link, design, options),
  };
}

function noteShapes(design: Design, boxes: ReadonlyMap<string, Box>): NoteShape[] {
  return (design.notes ?? []).map((note) => {
    const { lines, width, height } = noteLayout(note.text);
    const box = { x: note.position.x, y: note.position.y, width, height };
    const target = note.targetId ? boxes.get(note.targetId) : undefined;
    const pointer = target ? notePointer(box, target) : null;
    // A target that is not drawn (gone in a live room, say): a free note, in every format.
    return { id: note.id, box, lines, targetId: target ? (note.targetId ?? null) : null, pointer };
  });
}

function groupsOf(
  sites: readonly SiteShape[],
  devices: readonly DeviceShape[],
  requests: readonly RouteRequest[],
  links: readonly Link[],
): Map<string, RouteGroup> {
  const siteOf = new Map(devices.map((d) => [d.id, d.siteId]));
  const linkById = new Map(links.map((l) => [l.id, l]));
  const byGroup = new Map<string, RouteRequest[]>();
  for (const r of requests) {
    const link = linkById.get(r.id);
    const key = link ? groupKey(link, siteOf) : '';
    const list = byGroup.get(key);
    if (list) list.push(r);
    else byGroup.set(key, [r]);
  }
  const groups = new Map<string, RouteGroup>();
  for (const [siteId, group] of byGroup)
    groups.set(siteId, { obstacles: groupObstacles(siteId, sites, devices), requests: group });
  return groups;
}

/** A link's routing group: the site both its ends are in, or '' (the links between sites). */
function groupKey(link: Link, siteOf: ReadonlyMap<string, string>): string {
  const a = siteOf.get(link.source);
  return a !== undefined && a === siteOf.get(link.target) ? a : '';
}

/**
 * What a group's links route around: the devices of its site (of every site for ''), then its
 * site's title: a site's name is not written over, links inside a site and links between sites
 * route around it like around a device.
 */
function groupObstacles(
  siteId: string,
  sites: readonly SiteShape[],
  devices: readonly DeviceShape[],
): Obstacle[] {
  const out: Obstacle[] = [];
  for (const d of devices)
    if (siteId === '' || d.siteId === siteId) out.push({ id: d.id, box: d.box });
  for (const site of sites)
    if (siteId === '' || site.id === siteId)
      out.push({ id: `${site.id}#title`, box: site.titleBox });
  return out;
}

/**
 * Whether a cache entry's routes were made for this group's input: the same obstacles and
 * requests, field by field, as routingGroups builds them (an obstacle's id and box, a request's
 * id and ends): what the router is given. Each edit's groups are new objects, and their JSON (a
 * string of every device's box, for the links between sites) took 2.6–4.9 ms of CPU per delete
 * job at 3,000 elements (Node), before its first drawing; compared field by field, 0.3–0.4 ms.
 * A NaN reads as changed: routed again.
 */
function sameInput(
  cached: { readonly obstacles: readonly Obstacle[]; readonly requests: readonly RouteRequest[] },
  group: RouteGroup,
): boolean {
  const { obstacles, requests } = group;
  // A group groupKeeper kept: the very input the cache's routes were made for.
  if (cached.obstacles === obstacles && cached.requests === requests) return true;
  if (cached.obstacles.length !== obstacles.length || cached.requests.length !== requests.length)
    return false;
  for (let i = 0; i < obstacles.length; i++) {
    const a = cached.obstacles[i] as Obstacle;
    const b = obstacles[i] as Obstacle;
    if (a.id !== b.id || !sameBox(a.box, b.box)) return false;
  }
  for (let i = 0; i < requests.length; i++) {
    const a = cached.requests[i] as RouteRequest;
    const b = requests[i] as RouteRequest;
    if (a.id !== b.id || !sameEnd(a.source, b.source) || !sameEnd(a.target, b.target)) return false;
  }
  return true;
}

function sameEnd(a: RouteEnd, b: RouteEnd): boolean {
  if ('shapeId' in a)
    return 'shapeId' in b && a.shapeId === b.shapeId && a.side === b.side && a.at === b.at;
  return 'point' in b && a.point.x === b.point.x && a.point.y === b.point.y;
}

/** What each link's route joins: its ends as asked, and the boxes of the shapes at its ends. */
function endsOf(
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
): Map<string, string> {
  const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
  const box = (end: RouteEnd) => ('shapeId' in end ? (boxes.get(end.shapeId) ?? null) : null);
  return new Map(
    requests.map((r) => [r.id, JSON.stringify([r.source, r.target, box(r.source), box(r.target)])]),
  );
}

/** Does the cache hold this group's routes for its current input? */
export function isRouted(cache: RouteCache, id: string, group: RouteGroup): boolean {
  const cached = cache.get(id);
  return cached !== undefined && sameInput(cached, group);
}

/** Route one group of routingGroups into the cache, as renderDiagram would. */
export function routeIntoCache(
  cache: RouteCache,
  id: string,
  group: RouteGroup,
  router: ConnectorRouter,
): void {
  cache.set(id, {
    requests: group.requests,
    routes: routeGroup(router, group.obstacles, group.requests),
    ends: endsOf(group.obstacles, group.requests),
    obstacles: group.obstacles,
  });
}

/**
 * The groups among `groups` whose input changed since the cache's routes, but whose routes the
 * change left as they are, for an edit's first drawing (RenderOptions.kept): each link's
 * request, end boxes and port as before, and no device added, moved or taken away within
 * ROUTE_CLEARANCE of any of the group's routes (so none runs through a device, and none runs
 * along one that is gone). A paste or a delete of racks in one site changes the input of the
 * links between sites (every device is their obstacle): 16 links routed again at 1,000
 * elements, 60–140 ms of the worker, before the edit's own links were drawn, for routes that
 * came out the same. The caller routes such a group again after (routes.worker.ts), and shows
 * what that draws if it differs.
 */
export function keptGroups(
  cache: RouteCache,
  groups: ReadonlyMap<string, RouteGroup>,
): Set<string> {
  const kept = new Set<string>();
  for (const [id, group] of groups) {
    const cached = cache.get(id);
    if (!cached || sameInput(cached, group)) continue;
    // One end per request: a group with links added or taken away (the edited site after a
    // paste or a delete) is not worked out link by link (endsOf: a string per link).
    if (group.requests.length !== cached.ends.size) continue;
    const ends = endsOf(group.obstacles, group.requests);
    if (ends.size !== cached.ends.size) continue;
    if (![...ends].every(([link, end]) => cached.ends.get(link) === end)) continue;
    // Ports placed by where their links go depend on the extent of the group's devices.
    const ports = (obstacles: readonly Obstacle[]) =>
      JSON.stringify(withPorts(obstacles, group.requests));
    if (ports(group.obstacles) !== ports(cached.obstacles)) continue;
    const was = new Map(cached.obstacles.map((o) => [o.id, o.box]));
    const changed: Box[] = [];
    for (const o of group.obstacles) {
      const b = was.get(o.id);
      was.delete(o.id);
      if (b && sameBox(b, o.box)) continue;
      changed.push(o.box);
      if (b) changed.push(b);
    }
    changed.push(...was.values());
    const near = changed.map((b) => inflate(b, ROUTE_CLEARANCE));
    const inWay = (points: readonly Point[]) => {
      const span = pointsBox(points);
      return near.some((b) => boxesOverlap(b, span) && polylineCrossesBox(points, b));
    };
    if (![...cached.routes.values()].some(inWay)) kept.add(id);
  }
  return kept;
}

function samePoints(a: readonly Point[] | undefined, b: readonly Point[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as Point;
    const q = b[i] as Point;
    if (p.x !== q.x || p.y !== q.y) return false;
  }
  return true;
}

const sameBox = (a: Box, b: Box) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Each group's routes: from the cache where its input did not change, else routed now. */
function routeBySite(
  router: ConnectorRouter,
  groups: ReadonlyMap<string, RouteGroup>,
  cache: RouteCache | undefined,
  only: ReadonlySet<string> | undefined,
  live: ConnectorRouter | undefined,
  kept: ReadonlySet<string> | undefined,
): Map<string, readonly Point[]> {
  const out = new Map<string, readonly Point[]>();
  for (const [siteId, group] of groups) {
    const { obstacles, requests } = group;
    const cached = cache?.get(siteId);
    if (cached && kept?.has(siteId)) {
      for (const [id, points] of cached.routes) out.set(id, points);
      continue;
    }
    const same = cached !== undefined && sameInput(cached, group);
    if (live && cached && !same) {
      for (const [id, points] of previewRoutes(live, obstacles, requests, cached))
        out.set(id, points);
      continue;
    }
    if (only && !only.has(siteId) && !same) {
      // Not routed for this input yet: a link whose ends did not move keeps its route, the
      // others straight; neither is remembered as this group's routes.
      const ends = cached ? endsOf(obstacles, requests) : null;
      for (const [id, points] of straightRouter.route(obstacles, requests)) {
        const kept = cached && ends?.get(id) === cached.ends.get(id) ? cached.routes.get(id) : null;
        out.set(id, kept ?? points);
      }
      continue;
    }
    const fresh = !same || !cached;
    const routes = fresh ? routeGroup(router, obstacles, requests) : cached.routes;
    if (cache)
      cache.set(siteId, {
        requests,
        routes,
        ends: fresh ? endsOf(obstacles, requests) : cached.ends,
        obstacles,
      });
    for (const [id, points] of routes) out.set(id, points);
  }
  if (cache) for (const siteId of cache.keys()) if (!groups.has(siteId)) cache.delete(siteId);
  return out;
}

/**
 * A group's routes while a device of it is dragged (RenderOptions.live): the cached routes of
 * the links whose ends are as the cache had them and that no moved device covers (or that were
 * drawn by rule: channels.ts, drawnByRule), the others routed again on their own (routeGroup:
 * among the devices near them), from the ports the whole group gives them.
 */
function previewRoutes(
  router: ConnectorRouter,
  obstacles: readonly Obstacle[],
  requests: readonly RouteRequest[],
  cached: NonNullable<ReturnType<RouteCache['get']>>,
): Map<string, readonly Point[]> {
  const before = new Map(cached.obstacles.map((o) => [o.id, o.box]));
  const moved = obstacles.filter((o) => {
    const b = before.get(o.id);
    return (
      !b ||
      b.x !== o.box.x ||
      b.y !== o.box.y ||
      b.width !== o.box.width ||
      b.height !== o.box.height
    );
  });
  const ends = endsOf(obstacles, requests);
  const ruled = drawnByRule(cached.routes);
  const out = new Map<string, readonly Point[]>();
  const again = new Set<string>();
  for (const r of requests) {
    const kept = ends.get(r.id) === cached.ends.get(r.id) ? cached.routes.get(r.id) : undefined;
    if (kept && (ruled.has(r.id) || !moved.some((o) => polylineCrossesBox(kept, o.box))))
      out.set(r.id, kept);
    else again.add(r.id);
  }
  if (again.size === 0) return out;
  const ported = withPorts(obstacles, requests, again);
  for (const [id, points] of routeGroup(router, obstacles, ported)) out.set(id, points);
  return out;
}

/** The side of the grid cells placeLabels files route segments in (px). */
const LABEL_GRID_PX = 256;

/** Positions along a route tried for its label, from the middle outwards. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9];

export function candidates(points: readonly Point[], w: number, h: number): Box[] {
  const out: Box[] = [];
  const length = polylineLength(points);
  for (const f of ALONG) {
    const { point, horizontal } = pointAlong(points, length * f);
    const at = (cx: number, cy: number) => ({ x: cx - w / 2, y: cy - h / 2, width: w, height: h });
    out.push(at(point.x, point.y));
    if (horizontal) {
      out.push(at(point.x, point.y - h / 2 - 6), at(point.x, point.y + h / 2 + 6));
    } else {
      out.push(at(point.x + w / 2 + 6, point.y), at(point.x - w / 2 - 6, point.y));
    }
  }
  return out;
}

/** Further positions around a point, ring by ring, for labels with no room along their route. */
export function* spiral(c: Point, w: number, h: number): Generator<Box> {
  for (let r = 1; r <= 24; r++) {
    const step = 16 * r;
    for (let k = 0; k < 8 * r; k++) {
      const a = (2 * Math.PI * k) / (8 * r);
      yield {
        x: c.x + Math.cos(a) * step - w / 2,
        y: c.y + Math.sin(a) * step - h / 2,
        width: w,
        height: h,
      };
    }
  }
}

/** The side of the grid cells placeLabels files the labels' reaches in (px). */
const REACH_GRID_PX = 1024;

/** How far a spiral (below) reaches from its centre, at most (px). */
const SPIRAL_REACH = 16 * 24;

/**
 * Boxes that together hold every box placeLabels may try for a label of this size along this
 * route, with a margin: one around each segment of the route (its candidates lie beside it),
 * and one around its middle (the spiral). What lies outside all of them meets none of the boxes
 * tried.
 */
export function labelReach(points: readonly Point[], label: Box): Box[] {
  const { width: w, height: h } = label;
  const margin = 2;
  const mid = pointAlong(points, polylineLength(points) / 2).point;
  const out: Box[] = [
    {
      x: mid.x - SPIRAL_REACH - w / 2 - margin,
      y: mid.y - SPIRAL_REACH - h / 2 - margin,
      width: 2 * (SPIRAL_REACH + margin) + w,
      height: 2 * (SPIRAL_REACH + margin) + h,
    },
  ];
  // A candidate's box lies at most w + 6 beside the route, or h + 6 above or below it.
  const dx = w + 6 + margin;
  const dy = h + 6 + margin;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    out.push({
      x: x - dx,
      y: y - dy,
      width: Math.max(a.x, b.x) - x + 2 * dx,
      height: Math.max(a.y, b.y) - y + 2 * dy,
    });
  }
  return out;
}

/** A route's segment, as placeLabels counts the routes a label's box crosses. */
export interface RouteSegment {
  readonly own: string;
  readonly a: Point;
  readonly b: Point;
  readonly box: Box;
}

/**
 * What placeLabels places labels among, looked up near a place rather than filed anew: the
 * devices, and the segments of the routes whose boxes meet one of the boxes given (the labels'
 * reaches, labelReach). A drag's preview (preview.ts) answers both from the drawing it starts
 * from, with what moved laid over it.
 */
export interface LabelSurroundings {
  readonly devices: BoxLookup;
  /** The segments whose boxes meet the reach (labelReach) of a label of `connectors`. */
  segmentsAround(connectors: readonly Connector[]): RouteSegment[];
}

/** The box of the segment from `a` to `b`. */
export function segmentBox(a: Point, b: Point): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
  };
}

/** Whether two boxes meet, touching edges included. */
export const boxesMeet = (r: Box, box: Box): boolean =>
  box.x <= r.x + r.width &&
  box.x + box.width >= r.x &&
  box.y <= r.y + r.height &&
  box.y + box.height >= r.y;

/**
 * The segments of `connectors` whose boxes meet the reach of one of their labels (every segment
 * with `countAll`, but none without labels): a connector whose extent meets none is passed over
 * whole.
 */
function segmentsNear(connectors: readonly Connector[], countAll: boolean): RouteSegment[] {
  const reach: Box[] = [];
  for (const c of connectors) if (c.label) reach.push(...labelReach(c.points, c.label.box));
  const segments: RouteSegment[] = [];
  const reachNear = boxGrid(reach, REACH_GRID_PX);
  const near: Box[] = [];
  if (reach.length > 0)
    for (const c of connectors) {
      const points = c.points;
      if (points.length < 2) continue;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const p of points) {
        if (p.x < x0) x0 = p.x;
        if (p.x > x1) x1 = p.x;
        if (p.y < y0) y0 = p.y;
        if (p.y > y1) y1 = p.y;
      }
      // The reaches this connector's extent meets: none, and none of its segments is filed.
      const span = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
      near.length = 0;
      reachNear.some(span, (i) => {
        const r = reach[i] as Box;
        if (boxesMeet(r, span)) near.push(r);
        return false;
      });
      if (!countAll && near.length === 0) continue;
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1] as Point;
        const b = points[i] as Point;
        const box = segmentBox(a, b);
        if (countAll || near.some((r) => boxesMeet(r, box)))
          segments.push({ own: c.id, a, b, box });
      }
    }
  return segments;
}

/**
 * Place every connector's label: never over a device or another label (hard), and preferably
 * over no other connector and no site title (soft), as close to the middle of its route as that
 * allows. `gridPx`: the side of the cells route segments and devices are filed in (any size
 * places the same); `countAll`: file every segment, out of any label's reach too, and count
 * every crossing of a box tried, even past the point where it can no longer be chosen (the same
 * places; tests compare them). `around`: the devices (`devices` then unread) and the segments
 * near the labels, looked up rather than filed anew.
 */
export function placeLabels(
  connectors: readonly Connector[],
  devices: readonly Box[],
  softObstacles: readonly Box[],
  gridPx = LABEL_GRID_PX,
  countAll = false,
  around?: LabelSurroundings,
): Connector[] {
  const taken: Box[] = [];
  // Devices by cell too: a label tried ring by ring around its route (spiral) is tested against
  // the devices near it, not the thousand of a large design.
  const devicesNear = around?.devices ?? boxLookup(devices, gridPx);
  const hardOk = (box: Box) => {
    const grown = inflate(box, LABEL_GAP);
    return (
      !devicesNear.some(grown, (b) => boxesOverlap(grown, b)) &&
      !taken.some((t) => boxesOverlap(grown, t))
    );
  };
  // Only labels look at segments, and only at those within reach of where a label may be
  // tried (labelReach): a drawing without labels files none, and one with a few DCI labels
  // files the segments near them, not the ~12,000 of every link at 3,000 elements (a tenth of
  // the route worker's job, twice per edit). A segment out of every reach meets no box tried.
  const segments =
    around && !countAll ? around.segmentsAround(connectors) : segmentsNear(connectors, countAll);
  // The segments by the grid cells their boxes touch: a candidate box looks only at the
  // segments of its own cells (a large design has thousands; a label's box meets a few).
  const segmentsNearBox = boxGrid(
    segments.map((s) => s.box),
    gridPx,
  );
  /**
   * How many other connectors' segments and soft obstacles `box` meets, counted until
   * `cost * 10 + extra` reaches `bound`: the box cannot be chosen then (the caller compares that
   * very sum with its best), so the rest need not be counted.
   */
  const softCost = (box: Box, own: string, extra: number, bound: number) => {
    let cost = 0;
    const enough = () => !countAll && cost * 10 + extra >= bound;
    const stopped = segmentsNearBox.some(box, (index) => {
      const s = segments[index] as (typeof segments)[number];
      if (
        s.own !== own &&
        s.box.x <= box.x + box.width &&
        s.box.x + s.box.width >= box.x &&
        s.box.y <= box.y + box.height &&
        s.box.y + s.box.height >= box.y &&
        segmentCrossesBox(s.a, s.b, box)
      ) {
        cost += 1;
        return enough();
      }
      return false;
    });
    if (stopped) return cost;
    for (const s of softObstacles)
      if (boxesOverlap(box, s)) {
        cost += 1;
        if (enough()) return cost;
      }
    return cost;
  };
  return connectors.map((c) => {
    if (!c.label) return c;
    const { width: w, height: h } = c.label.box;
    let best: Box | null = null;
    let bestCost = Infinity;
    candidates(c.points, w, h).forEach((box, order) => {
      if (!hardOk(box)) return;
      const cost = softCost(box, c.id, order * 0.05, bestCost) * 10 + order * 0.05;
      if (cost < bestCost) {
        best = box;
        bestCost = cost;
      }
    });
    if (!best || bestCost >= 10) {
      const mid = pointAlong(c.points, polylineLength(c.points) / 2).point;
      for (const box of spiral(mid, w, h)) {
        if (!hardOk(box)) continue;
        const cost = softCost(box, c.id, 0, bestCost) * 10;
        if (cost < bestCost) {
          best = box;
          bestCost = cost;
        }
        if (cost === 0) break;
      }
    }
    const box = best ?? { x: 0, y: 0, width: w, height: h };
    taken.push(box);
    return connectorWith(c, { label: { ...c.label, box } });
  });
}
