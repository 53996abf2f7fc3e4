/**
 * The canvas's drawing while devices are dragged (routes.worker.ts), at the cost of what moved:
 * the last complete drawing with the links the drag changed routed again. Such a preview keeps
 * the routes of renderDiagram's live option (RenderOptions.live): the links of a moved device,
 * and those whose route a moved device now covers, routed among the devices near them from the
 * ports their whole group gives them; every other link as drawn. It does not work out the whole
 * design again on each move (every link's request, every group's key, every label's place:
 * about 70 % of a move's CPU at 3,000 elements, with the routing of the moved links the rest).
 * Nor does it look through the whole design for what a move touches: the routes a moved device
 * crosses, the devices beside it and the room in front of ports are looked up by place
 * (PreviewBase.index), and the moved devices' boxes are laid over the drawing's.
 * The drop routes the design whole, as a drawing from scratch does.
 */
import type { Design, Link } from '../model/schema';
import type { Finding } from '../rules/types';
import { CHANNEL_GROUP_MIN, drawnByRule, routeGroup, routeNearLinks } from './channels';
import {
  boxesById,
  boxesMeet,
  deviceBox,
  drawnConnector,
  labelReach,
  linkRequests,
  placeLabels,
  PORT_ROOM_PX,
  portRoom,
  shapesOf,
  segmentBox,
  SITE_HEADER_PX,
  type LabelSurroundings,
  type BoxLookup,
  type RouteCache,
  type RouteGroup,
  type RouteSegment,
} from './diagram';
import { boxesOverlap, boxGrid, inflate, segmentCrossesBox } from './geom';
import { withPorts, type ConnectorRouter, type RouteEnd, type RouteRequest } from './router';
import type { Box, Connector, DeviceShape, Point, SiteShape } from './types';

/** A complete drawing, with what a preview of a drag from it looks up. */
export interface PreviewBase {
  readonly design: Design;
  /** Its connectors, labels placed, in the order of the design's links. */
  readonly connectors: readonly Connector[];
  /** The findings its labels show, as text: a preview with others draws the design whole. */
  readonly findingsKey: string;
  /** Each link's group (a site id, or '' between sites) and its request as routed. */
  readonly groupOf: ReadonlyMap<string, string>;
  readonly requestOf: ReadonlyMap<string, RouteRequest>;
  readonly groups: ReadonlyMap<string, RouteGroup>;
  /** The links at each side of a shape, by `shapeId side`. */
  readonly atSide: ReadonlyMap<string, readonly string[]>;
  /** Each link's index in the design's links (the order a group's requests are in). */
  readonly linkIndex: ReadonlyMap<string, number>;
  /** The links at each shape. */
  readonly linksAt: ReadonlyMap<string, readonly string[]>;
  /** Its sites and devices as drawn, and the box of each by id. */
  readonly sites: readonly SiteShape[];
  readonly devices: readonly DeviceShape[];
  readonly boxes: ReadonlyMap<string, Box>;
  /** Each device's site. */
  readonly siteOf: ReadonlyMap<string, string>;
  readonly deviceIds: ReadonlySet<string>;
  /** Its links by id, and those with an end at a site (linkRequests). */
  readonly linkById: ReadonlyMap<string, Link>;
  readonly siteLinks: readonly Link[];
  /**
   * Where things are, filed by place, made on the first preview of a drawing (a drag's first
   * move): what a move covers is looked up near it, not among the whole design.
   */
  readonly index: () => PreviewIndex;
  /**
   * The links drawn by rule (channels.ts, drawnByRule): a moved device passing over one does
   * not route it again; its own links and those whose ports it moves are.
   */
  readonly ruled: ReadonlySet<string>;
}

/** A drawing's things filed by place (PreviewBase.index). */
interface PreviewIndex {
  /** The devices' boxes, in the order of PreviewBase.devices. */
  readonly devices: ReturnType<typeof boxGrid>;
  /**
   * The connectors' segments: `segmentAt[k]` is segment `k`'s connector and first point, and
   * `segmentBoxes[k]` its box.
   */
  readonly segments: ReturnType<typeof boxGrid>;
  readonly segmentAt: readonly (readonly [connector: number, point: number])[];
  readonly segmentBoxes: readonly Box[];
  /** The connectors' labels: `labelled[k]` is label `k`'s connector. */
  readonly labels: ReturnType<typeof boxGrid>;
  readonly labelled: readonly number[];
  /** What the ports of the drawing need room from (diagram.ts, portRoom). */
  readonly room: BoxLookup;
  /** Each link's connector's index in the drawing's. */
  readonly connectorAt: ReadonlyMap<string, number>;
  /** Segment `k` as placeLabels counts it (made once). */
  segment(k: number): RouteSegment;
  /**
   * The segments whose boxes meet `reach`, the reach of a label of `connector`: remembered for
   * a connector of the drawing, whose label stays where it is through a drag.
   */
  segmentsMeeting(connector: Connector, reach: readonly Box[]): readonly number[];
}

/**
 * The side of the cells a preview's index files things in (px). At 256 the routes' segments (the
 * links between sites run up to 24,000 px) were filed in 25,000 cells at 3,000 elements: 3.7 ms
 * against 0.8 ms at 512, on the drag's first move.
 */
const INDEX_GRID_PX = 512;

function previewIndex(
  connectors: readonly Connector[],
  sites: readonly SiteShape[],
  devices: readonly DeviceShape[],
): PreviewIndex {
  const segmentBoxes: Box[] = [];
  const segmentAt: (readonly [number, number])[] = [];
  const labelBoxes: Box[] = [];
  const labelled: number[] = [];
  connectors.forEach((c, i) => {
    for (let k = 1; k < c.points.length; k++) {
      segmentBoxes.push(segmentBox(c.points[k - 1] as Point, c.points[k] as Point));
      segmentAt.push([i, k - 1]);
    }
    if (c.label) {
      labelBoxes.push(c.label.box);
      labelled.push(i);
    }
  });
  const segments = boxGrid(segmentBoxes, INDEX_GRID_PX);
  const made: RouteSegment[] = [];
  const meeting = new WeakMap<Connector, readonly number[]>();
  const connectorAt = new Map(connectors.map((c, i) => [c.id, i]));
  return {
    devices: boxGrid(
      devices.map((d) => d.box),
      INDEX_GRID_PX,
    ),
    segments,
    segmentAt,
    segmentBoxes,
    labels: boxGrid(labelBoxes, INDEX_GRID_PX),
    labelled,
    room: portRoom(sites, devices),
    connectorAt,
    segment(k) {
      let s = made[k];
      if (!s) {
        const [i, p] = segmentAt[k] as readonly [number, number];
        const c = connectors[i] as Connector;
        s = {
          own: c.id,
          a: c.points[p] as Point,
          b: c.points[p + 1] as Point,
          box: segmentBoxes[k] as Box,
        };
        made[k] = s;
      }
      return s;
    },
    segmentsMeeting(connector, reach) {
      const known = meeting.get(connector);
      if (known) return known;
      const seen = new Set<number>();
      for (const r of reach)
        segments.some(r, (k) => {
          if (boxesMeet(r, segmentBoxes[k] as Box)) seen.add(k);
          return false;
        });
      const ks = [...seen];
      if (connectors[connectorAt.get(connector.id) ?? -1] === connector) meeting.set(connector, ks);
      return ks;
    },
  };
}

/** `lookup` with the boxes `gone` left out and those `added` put in (the moved devices'). */
function overlaid(lookup: BoxLookup, gone: ReadonlySet<Box>, added: readonly Box[]): BoxLookup {
  return {
    some: (area, test) => lookup.some(area, (b) => !gone.has(b) && test(b)) || added.some(test),
  };
}

/** More devices moved at once than this (a large selection): the design is drawn whole. */
const PREVIEW_MOVED_MAX = 40;

const sideKey = (e: RouteEnd): string | null =>
  'shapeId' in e && e.side ? `${e.shapeId}\u0000${e.side}` : null;

export function findingsKey(findings: ReadonlyMap<string, readonly Finding[]> | undefined): string {
  return findings ? JSON.stringify([...findings]) : '[]';
}

/**
 * The base a drag's previews start from: a complete drawing, the groups it routed, and the
 * route cache it was drawn with (without it, every link a moved device covers is routed again).
 */
export function previewBase(
  design: Design,
  connectors: readonly Connector[],
  groups: ReadonlyMap<string, RouteGroup>,
  findings: ReadonlyMap<string, readonly Finding[]> | undefined,
  cache?: RouteCache,
): PreviewBase {
  const ruled = new Set<string>();
  for (const id of groups.keys()) {
    const routes = cache?.get(id)?.routes;
    if (routes) for (const link of drawnByRule(routes)) ruled.add(link);
  }
  const groupOf = new Map<string, string>();
  const requestOf = new Map<string, RouteRequest>();
  const atSide = new Map<string, string[]>();
  for (const [id, group] of groups)
    for (const r of group.requests) {
      groupOf.set(r.id, id);
      requestOf.set(r.id, r);
      for (const e of [r.source, r.target]) {
        const key = sideKey(e);
        if (!key) continue;
        const list = atSide.get(key);
        if (list) list.push(r.id);
        else atSide.set(key, [r.id]);
      }
    }
  const linksAt = new Map<string, string[]>();
  for (const link of design.links)
    for (const end of new Set([link.source, link.target])) {
      const list = linksAt.get(end);
      if (list) list.push(link.id);
      else linksAt.set(end, [link.id]);
    }
  const { sites, devices } = shapesOf(design);
  const boxes = boxesById(sites, devices);
  const siteOf = new Map(devices.map((d) => [d.id, d.siteId]));
  let index: PreviewIndex | null = null;
  return {
    design,
    connectors,
    linksAt,
    sites,
    devices,
    boxes,
    siteOf,
    deviceIds: new Set(siteOf.keys()),
    linkById: new Map(design.links.map((l) => [l.id, l])),
    siteLinks: design.links.filter((l) => !siteOf.has(l.source) || !siteOf.has(l.target)),
    index: () => (index ??= previewIndex(connectors, sites, devices)),
    findingsKey: findingsKey(findings),
    groupOf,
    requestOf,
    groups,
    atSide,
    linkIndex: new Map(design.links.map((l, i) => [l.id, i])),
    ruled,
  };
}

/**
 * The connectors of `design`, a drag of `base.design` (the same links and sites, devices moved
 * within their sites), or null when it is not one: the caller draws it whole.
 */
export function previewConnectors(
  base: PreviewBase,
  design: Design,
  router: ConnectorRouter,
  findings: ReadonlyMap<string, readonly Finding[]> | undefined,
): Connector[] | null {
  const before = base.design;
  if (
    design.links !== before.links ||
    design.settings !== before.settings ||
    design.nodes.length !== before.nodes.length
  )
    return null;
  // The boxes of what moved, laid over the drawing's (sites do not move in a preview).
  const moved = new Map<string, Box>();
  for (let i = 0; i < design.nodes.length; i++) {
    const n = design.nodes[i];
    const b = before.nodes[i];
    if (n === b) continue;
    if (!n || !b || n.kind === 'site' || b.kind === 'site' || n.id !== b.id) return null;
    if (n.parentId !== b.parentId) return null;
    if (n.position.x === b.position.x && n.position.y === b.position.y) continue;
    moved.set(n.id, deviceBox(n.position, base.boxes.get(n.parentId)));
    if (moved.size > PREVIEW_MOVED_MAX) return null;
  }
  if (findingsKey(findings) !== base.findingsKey) return null;
  if (moved.size === 0) return [...base.connectors];

  const boxOf = (id: string) => moved.get(id) ?? base.boxes.get(id);
  const movedBoxes = [...moved.values()];
  const wasBoxes = new Set([...moved.keys()].flatMap((id) => base.boxes.get(id) ?? []));
  const index = base.index();

  // The links of the moved devices, those routed around devices whose route a moved device now
  // covers, and those whose port moved to another side (a moved device came in front of it, or
  // went away).
  const again = new Set<string>();
  for (const id of moved.keys())
    for (const link of base.linksAt.get(id) ?? []) if (index.connectorAt.has(link)) again.add(link);
  for (const box of movedBoxes)
    index.segments.some(box, (k) => {
      const [i, p] = index.segmentAt[k] as readonly [number, number];
      const c = base.connectors[i] as Connector;
      if (!again.has(c.id) && !base.ruled.has(c.id)) {
        const a = c.points[p] as Point;
        const b = c.points[p + 1] as Point;
        if (segmentCrossesBox(a, b, box)) again.add(c.id);
      }
      return false;
    });
  const around = [...movedBoxes, ...wasBoxes].map((b) => inflate(b, PORT_ROOM_PX));
  const neighbours = new Set<string>();
  for (const area of around)
    index.devices.some(area, (k) => {
      const d = base.devices[k] as DeviceShape;
      if (!moved.has(d.id) && boxesOverlap(area, d.box))
        for (const id of base.linksAt.get(d.id) ?? []) if (!again.has(id)) neighbours.add(id);
      return false;
    });
  // The room in front of ports: the drawing's, but for the moved devices, which are where they
  // are now.
  const room = overlaid(index.room, wasBoxes, movedBoxes);
  const fresh = new Map(
    linkRequests(
      [...again, ...neighbours].flatMap((id) => base.linkById.get(id) ?? []),
      base.siteLinks,
      { boxOf, siteOf: (id) => base.siteOf.get(id), room },
    ).map((r) => [r.id, r]),
  );
  for (const id of neighbours) {
    const was = base.requestOf.get(id);
    const now = fresh.get(id);
    if (
      !was ||
      !now ||
      JSON.stringify([was.source, was.target]) !== JSON.stringify([now.source, now.target])
    )
      again.add(id);
  }

  // Per group, the requests to route and the neighbours at their sides (withPorts spreads the
  // ports of a side among all its links), in the group's order.
  const byGroup = new Map<string, Set<string>>();
  for (const id of again) {
    const group = base.groupOf.get(id);
    if (group === undefined) return null;
    const ids = byGroup.get(group) ?? new Set<string>();
    ids.add(id);
    byGroup.set(group, ids);
  }
  const routes = new Map<string, readonly Point[]>();
  for (const [groupId, ids] of byGroup) {
    const group = base.groups.get(groupId);
    if (!group) return null;
    const obstacles = group.obstacles.map((o) => {
      const box = moved.get(o.id);
      return box ? { id: o.id, box } : o;
    });
    const withSides = new Set(ids);
    for (const id of ids) {
      const r = fresh.get(id);
      if (!r) continue;
      for (const e of [r.source, r.target]) {
        const key = sideKey(e);
        for (const other of key ? (base.atSide.get(key) ?? []) : []) withSides.add(other);
      }
    }
    const requests = [...withSides]
      .sort((a, b) => (base.linkIndex.get(a) ?? 0) - (base.linkIndex.get(b) ?? 0))
      .flatMap((id) => {
        const r = fresh.get(id) ?? base.requestOf.get(id);
        return r ? [r] : [];
      });
    const ported = withPorts(obstacles, requests, ids);
    // A few links (a device's): among the devices near each; many (a spine's) as a group is.
    const routed =
      ported.length > CHANNEL_GROUP_MIN
        ? routeGroup(router, obstacles, ported)
        : routeNearLinks(router, obstacles, ported);
    for (const [id, points] of routed) routes.set(id, points);
  }

  const ends = new Map<string, Box>();
  for (const id of again) {
    const link = base.linkById.get(id);
    for (const end of link ? [link.source, link.target] : []) {
      const box = boxOf(end);
      if (box) ends.set(end, box);
    }
  }
  let labelMoved = false;
  const connectors = [...base.connectors];
  /** The connectors drawn again, by their index. */
  const redrawn = new Set<number>();
  for (const id of again) {
    const at = index.connectorAt.get(id);
    const link = base.linkById.get(id);
    if (at === undefined || !link) continue;
    const drawn = drawnConnector(
      link,
      routes.get(id),
      ends,
      base.deviceIds,
      design,
      findings ? { findings } : {},
    );
    if (!drawn) continue;
    if (drawn.label) labelMoved = true;
    connectors[at] = drawn;
    redrawn.add(at);
  }
  // A label's place depends on the routes and devices around it: placed again when a labelled
  // link moved or a moved device now lies under a label; else each stays where it was.
  const covered = movedBoxes.some((box) =>
    index.labels.some(box, (k) => {
      const label = base.connectors[index.labelled[k] as number]?.label;
      return !!label && boxesOverlap(box, label.box);
    }),
  );
  if (!labelMoved && !covered) return connectors;
  // The labels are placed among the drawing's devices and routes, looked up by place, with the
  // moved devices and the routes drawn again laid over them.
  const surroundings: LabelSurroundings = {
    devices: overlaid(
      { some: (area, test) => index.devices.some(area, (k) => test(base.devices[k]?.box as Box)) },
      wasBoxes,
      movedBoxes,
    ),
    segmentsAround(labelled) {
      const ks = new Set<number>();
      const reach: Box[] = [];
      for (const c of labelled) {
        if (!c.label) continue;
        const boxes = labelReach(c.points, c.label.box);
        reach.push(...boxes);
        for (const k of index.segmentsMeeting(c, boxes)) ks.add(k);
      }
      const out: RouteSegment[] = [];
      for (const k of ks)
        if (!redrawn.has((index.segmentAt[k] as readonly [number, number])[0]))
          out.push(index.segment(k));
      for (const i of redrawn) {
        const c = connectors[i] as Connector;
        for (let k = 1; k < c.points.length; k++) {
          const a = c.points[k - 1] as Point;
          const b = c.points[k] as Point;
          const box = segmentBox(a, b);
          if (reach.some((r) => boxesMeet(r, box))) out.push({ own: c.id, a, b, box });
        }
      }
      return out;
    },
  };
  return placeLabels(
    connectors,
    [],
    base.sites.map((s) => ({ ...s.box, height: SITE_HEADER_PX })),
    undefined,
    false,
    surroundings,
  );
}
