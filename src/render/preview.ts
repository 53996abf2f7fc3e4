/**
 * The canvas's drawing while devices are dragged (routes.worker.ts), at the cost of what moved:
 * the last complete drawing with the links the drag changed routed again. Such a preview keeps
 * the routes of renderDiagram's live option (RenderOptions.live): the links of a moved device,
 * and those whose route a moved device now covers, routed among the devices near them from the
 * ports their whole group gives them; every other link as drawn. It does not work out the whole
 * design again on each move (every link's request, every group's key, every label's place:
 * about 70 % of a move's CPU at 3,000 elements, with the routing of the moved links the rest).
 * The drop routes the design whole, as a drawing from scratch does.
 */
import type { Design, Link } from '../model/schema';
import type { Finding } from '../rules/types';
import { CHANNEL_GROUP_MIN, drawnByRule, routeGroup, routeNearLinks } from './channels';
import {
  drawnConnector,
  placeLabels,
  PORT_ROOM_PX,
  routeRequests,
  shapesOf,
  SITE_HEADER_PX,
  type RouteCache,
  type RouteGroup,
} from './diagram';
import { boxesOverlap, inflate, polylineCrossesBox } from './geom';
import { withPorts, type ConnectorRouter, type RouteEnd, type RouteRequest } from './router';
import type { Box, Connector, Point } from './types';

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
  /** Each device's box. */
  readonly deviceBoxes: ReadonlyMap<string, Box>;
  /**
   * The links drawn by rule (channels.ts, drawnByRule): a moved device passing over one does
   * not route it again; its own links and those whose ports it moves are.
   */
  readonly ruled: ReadonlySet<string>;
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
  return {
    design,
    connectors,
    linksAt,
    deviceBoxes: new Map(shapesOf(design).devices.map((d) => [d.id, d.box])),
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
  const movedIds = new Set<string>();
  for (let i = 0; i < design.nodes.length; i++) {
    const n = design.nodes[i];
    const b = before.nodes[i];
    if (n === b) continue;
    if (!n || !b || n.kind === 'site' || b.kind === 'site' || n.id !== b.id) return null;
    if (n.parentId !== b.parentId) return null;
    if (n.position.x === b.position.x && n.position.y === b.position.y) continue;
    movedIds.add(n.id);
    if (movedIds.size > PREVIEW_MOVED_MAX) return null;
  }
  if (findingsKey(findings) !== base.findingsKey) return null;
  if (movedIds.size === 0) return [...base.connectors];

  const { sites, devices } = shapesOf(design);
  const boxes = new Map<string, Box>();
  for (const s of sites) boxes.set(s.id, s.box);
  for (const d of devices) boxes.set(d.id, d.box);
  const deviceIds = new Set(devices.map((d) => d.id));
  const movedBoxes = devices.filter((d) => movedIds.has(d.id)).map((d) => d.box);

  // The links of the moved devices, those routed around devices whose route a moved device now
  // covers, and those whose port moved to another side (a moved device came in front of it, or
  // went away).
  const again = new Set<string>();
  for (const c of base.connectors) {
    if (movedIds.has(c.source) || movedIds.has(c.target)) again.add(c.id);
    else if (!base.ruled.has(c.id) && movedBoxes.some((box) => polylineCrossesBox(c.points, box)))
      again.add(c.id);
  }
  const wasBoxes = [...movedIds].flatMap((id) => base.deviceBoxes.get(id) ?? []);
  const around = [...movedBoxes, ...wasBoxes].map((b) => inflate(b, PORT_ROOM_PX));
  const neighbours = new Set<string>();
  for (const d of devices)
    if (!movedIds.has(d.id) && around.some((b) => boxesOverlap(b, d.box)))
      for (const id of base.linksAt.get(d.id) ?? []) if (!again.has(id)) neighbours.add(id);
  const fresh = new Map(
    routeRequests(design, sites, devices, new Set([...again, ...neighbours])).map((r) => [r.id, r]),
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
      const box = movedIds.has(o.id) ? boxes.get(o.id) : undefined;
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
    const ported = withPorts(obstacles, requests).filter((r) => ids.has(r.id));
    // A few links (a device's): among the devices near each; many (a spine's) as a group is.
    const routed =
      ported.length > CHANNEL_GROUP_MIN
        ? routeGroup(router, obstacles, ported)
        : routeNearLinks(router, obstacles, ported);
    for (const [id, points] of routed) routes.set(id, points);
  }

  const linkOf = new Map<string, Link>();
  for (const link of design.links) if (again.has(link.id)) linkOf.set(link.id, link);
  let labelMoved = false;
  const connectors = base.connectors.map((c) => {
    const link = linkOf.get(c.id);
    if (!link) return c;
    const drawn = drawnConnector(
      link,
      routes.get(c.id),
      boxes,
      deviceIds,
      design,
      findings ? { findings } : {},
    );
    if (!drawn) return c;
    if (drawn.label) labelMoved = true;
    return drawn;
  });
  // A label's place depends on the routes and devices around it: placed again when a labelled
  // link moved or a moved device now lies under a label; else each stays where it was.
  const covered = base.connectors.some(
    (c) => c.label !== null && movedBoxes.some((box) => c.label && boxesOverlap(box, c.label.box)),
  );
  if (!labelMoved && !covered) return connectors;
  return placeLabels(
    connectors,
    devices.map((d) => d.box),
    sites.map((s) => ({ ...s.box, height: SITE_HEADER_PX })),
  );
}
