/**
 * Copy and paste as pure edits: the clipboard keeps the design it was copied from, so a paste
 * still works after the originals are edited or deleted.
 */
import { DEVICE_SIZE, nameUnnamedDevices, newId, nextSiteName } from './defaults';
import { findNode, retypeLinks, updateNode, type Removal } from './edits';
import { nodeById, segmentById, volumeById } from './byId';
import type { Box } from './layout';
import { DEVICE_GAP_PX, freeSpotForSite, GRID_PX, SITE_TOP_PX } from './placement';
import { freeOffsetForGroup, freeSpotForGroup } from './groupPlacement';
import type { Design, DesignNode, Device, Link, Position, Site, Workload } from './schema';

export interface Clipboard {
  readonly design: Design;
  readonly ids: readonly string[];
}

/** Fresh copies of some elements: what a paste adds to a design. */
interface Copies {
  /** The copied sites, then the copied devices, each in the design's order. */
  readonly sites: DesignNode[];
  readonly devices: DesignNode[];
  /** The links among the copied nodes, typed for their new ends. */
  readonly links: Link[];
  readonly workloads: Workload[];
}

/**
 * Fresh copies of a set of nodes (with the devices of the sites among them), the links among
 * them and the workloads on them: the copies alone, so that a paste's cost follows what it
 * copies (it made a whole copy of the design, and typed every link of it again, to take the
 * 30 devices of a paste out of it).
 */
function copyElements(
  design: Design,
  ids: Iterable<string>,
  offset: Position,
  makeId: (prefix: string) => string,
): Copies {
  const picked = new Set(ids);
  // The devices of the copied sites come along (a pass over the design only when a site is copied).
  const byId = nodeById(design.nodes);
  if ([...picked].some((id) => byId.get(id)?.kind === 'site'))
    for (const n of design.nodes) if (n.kind !== 'site' && picked.has(n.parentId)) picked.add(n.id);
  const idMap = new Map<string, string>();
  const source = design.nodes.filter((n) => picked.has(n.id));
  for (const n of source) idMap.set(n.id, makeId(n.kind));
  const copies: DesignNode[] = source.map((n) => {
    const copiedParent = n.kind !== 'site' && idMap.has(n.parentId);
    const position =
      n.kind === 'site' || !copiedParent
        ? { x: n.position.x + offset.x, y: n.position.y + offset.y }
        : n.position;
    const base = { ...n, id: idMap.get(n.id) ?? n.id, position };
    if (base.kind !== 'site') base.parentId = idMap.get(base.parentId) ?? base.parentId;
    if (base.kind === 'array')
      base.volumes = base.volumes.map((v) => ({ ...v, id: makeId('vol') }));
    if (
      base.kind === 'cluster' &&
      base.stretchPeerId !== undefined &&
      idMap.has(base.stretchPeerId)
    ) {
      base.stretchPeerId = idMap.get(base.stretchPeerId) ?? base.stretchPeerId;
    }
    return base as DesignNode;
  });
  const linkCopies: Link[] = design.links
    .filter((l) => idMap.has(l.source) && idMap.has(l.target))
    .map((l) => ({
      ...l,
      id: makeId('link'),
      source: idMap.get(l.source) ?? l.source,
      target: idMap.get(l.target) ?? l.target,
    }));
  const workloads: Workload[] = design.workloads
    .filter((w) => idMap.has(w.clusterId))
    .map((w) => ({ ...w, id: makeId('wl'), clusterId: idMap.get(w.clusterId) ?? w.clusterId }));
  // Both ends of a copied link are copies: its kind is theirs (a site's device copied alone
  // into another site turns its fabric link into a DCI link).
  const { links } = retypeLinks({ ...design, nodes: copies, links: linkCopies });
  return {
    sites: copies.filter((c) => c.kind === 'site'),
    devices: copies.filter((c) => c.kind !== 'site'),
    links,
    workloads,
  };
}

/**
 * Copy a set of nodes (and the links among them) as fresh elements: the basis of copy/paste.
 * Devices whose site is not copied keep their parent. Workloads on copied clusters come along.
 */
export function cloneElements(
  design: Design,
  ids: Iterable<string>,
  offset: Position,
  makeId: (prefix: string) => string = newId,
): { design: Design; newIds: string[] } {
  const copies = copyElements(design, ids, offset, makeId);
  // As `addNode` adds them one by one: sites after the sites, devices at the end.
  const next: Design = {
    ...design,
    nodes: withNodes(design.nodes, copies.sites, copies.devices),
    links: [...design.links, ...copies.links],
    workloads: [...design.workloads, ...copies.workloads],
  };
  return {
    design: next,
    newIds: [...copies.sites, ...copies.devices, ...copies.links].map((c) => c.id),
  };
}

/**
 * The nodes with new sites after the sites and new devices at the end, as `addNode` adds them
 * one by one (React Flow draws a parent before its children). Without new sites, the devices
 * are appended: the same order whenever the nodes hold their sites first, as edits keep them.
 */
function withNodes(
  nodes: readonly DesignNode[],
  sites: readonly DesignNode[],
  devices: readonly DesignNode[],
): DesignNode[] {
  if (sites.length === 0 && sitesFirst(nodes)) return [...nodes, ...devices];
  return [
    ...nodes.filter((n) => n.kind === 'site'),
    ...sites,
    ...nodes.filter((n) => n.kind !== 'site'),
    ...devices,
  ];
}

/** Whether no site comes after a device. */
function sitesFirst(nodes: readonly DesignNode[]): boolean {
  let device = false;
  for (const n of nodes) {
    if (n.kind !== 'site') device = true;
    else if (device) return false;
  }
  return true;
}

/** What a copy of these elements takes: them, the devices of their sites, the links among them. */
export function copiedElements(
  design: Design,
  ids: readonly string[],
): Pick<Removal, 'sites' | 'devices' | 'links'> {
  const picked = new Set(ids);
  for (const n of design.nodes) if (n.kind !== 'site' && picked.has(n.parentId)) picked.add(n.id);
  return {
    sites: design.nodes.filter((n): n is Site => n.kind === 'site' && picked.has(n.id)),
    devices: design.nodes.filter((n) => n.kind !== 'site' && picked.has(n.id)),
    links: design.links.filter((l) => picked.has(l.source) && picked.has(l.target)),
  };
}

/**
 * Where the user looks: pasted sites go there (their middle at `center`), clear of other sites;
 * devices pasted back into their site go as near it as that site allows.
 */
export interface PasteTarget {
  readonly center: Position;
  /** The part of the canvas in view: a spot inside it wins over a nearer one outside. */
  readonly view?: Box;
}

/**
 * Paste copies the clipboard's elements as fresh elements. Devices whose site was not copied
 * go back into that site if it still exists in the current design; null when nothing can be
 * pasted (every copied device's site is gone). Copied sites move by `offset`, or, with a
 * `target`, together to the free spot nearest it. Devices pasted back into their site move as one
 * group (one offset) to the free spot nearest the target, or without one nearest `offset`.
 */
export function pasteInto(
  current: Design,
  clip: Clipboard,
  offset: Position,
  target?: PasteTarget,
): { design: Design; newIds: string[] } | null {
  const copies = copyElements(clip.design, clip.ids, offset, newId);
  const fresh = new Set([...copies.sites, ...copies.devices].map((n) => n.id));
  const currentNodes = nodeById(current.nodes);
  const sites = copies.sites;
  const devices = copies.devices.filter(
    (n) => n.kind !== 'site' && (fresh.has(n.parentId) || currentNodes.has(n.parentId)),
  );
  if (sites.length + devices.length === 0) return null;
  const okIds = new Set([...sites, ...devices].map((n) => n.id));
  const links = copies.links.filter((l) => okIds.has(l.source) && okIds.has(l.target));
  const pasted = copies.workloads.filter((w) => okIds.has(w.clusterId));
  // A pasted workload may name clusters, segments or volumes that were deleted since the copy.
  const workloads = pasted.length === 0 ? [] : stillNamed(pasted, current, [...sites, ...devices]);
  const design: Design = {
    ...current,
    nodes: withNodes(current.nodes, sites, devices),
    links: [...current.links, ...links],
    workloads: [...current.workloads, ...workloads],
  };
  const okNodes = [...sites, ...devices];
  return {
    design: target
      ? placeAndNameAfresh(moveSitesTo(design, okIds, target), okNodes, true, target)
      : placeAndNameAfresh(design, okNodes, false),
    newIds: [...okIds, ...links.map((l) => l.id)],
  };
}

/**
 * Pasted workloads without the clusters, segments and volumes the design no longer has: each
 * name looked up in the design's indexes (byId.ts) and among the copies, rather than sets made of
 * every node of the design on each paste.
 */
function stillNamed(
  workloads: readonly Workload[],
  current: Design,
  copies: readonly DesignNode[],
): Workload[] {
  const nodes = nodeById(current.nodes);
  const volumes = volumeById(current.nodes);
  const segments = segmentById(current.segments);
  const copiedClusters = new Set(copies.filter((n) => n.kind === 'cluster').map((n) => n.id));
  const copiedVolumes = new Set(
    copies.flatMap((n) => (n.kind === 'array' ? n.volumes.map((v) => v.id) : [])),
  );
  const isCluster = (id: string) => copiedClusters.has(id) || nodes.get(id)?.kind === 'cluster';
  return workloads.map((w) => {
    const { datastoreId, ...rest } = w;
    const volumeKept =
      datastoreId !== undefined && (copiedVolumes.has(datastoreId) || volumes.has(datastoreId));
    return {
      ...rest,
      mobilityTargetIds: w.mobilityTargetIds.filter(isCluster),
      segmentIds: w.segmentIds.filter((t) => segments.has(t)),
      ...(volumeKept ? { datastoreId } : {}),
    };
  });
}

/** The pasted sites, moved as one group (their devices with them) to the free spot nearest the target. */
function moveSitesTo(design: Design, copies: ReadonlySet<string>, target: PasteTarget): Design {
  const pasted = design.nodes.filter((n): n is Site => n.kind === 'site' && copies.has(n.id));
  if (pasted.length === 0) return design;
  const others = design.nodes.filter((n): n is Site => n.kind === 'site' && !copies.has(n.id));
  const left = Math.min(...pasted.map((s) => s.position.x));
  const top = Math.min(...pasted.map((s) => s.position.y));
  const width = Math.max(...pasted.map((s) => s.position.x + s.width)) - left;
  const height = Math.max(...pasted.map((s) => s.position.y + s.height)) - top;
  const spot = freeSpotForGroup(
    others.map((s) => ({ ...s.position, width: s.width, height: s.height })),
    { width, height },
    { x: target.center.x - width / 2, y: target.center.y - height / 2 },
    target.view,
  );
  const dx = spot.x - left;
  const dy = spot.y - top;
  return {
    ...design,
    nodes: design.nodes.map((n) =>
      n.kind === 'site' && copies.has(n.id)
        ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } }
        : n,
    ),
  };
}

/**
 * Copies get names and places of their own, as new elements would. A pasted site is the next
 * `DCn` and moves right until it overlaps no other site (unless already placed clear of them). A
 * pasted device is named in its (new or old) site, `dc3-spine-1`, never "spine-3" twice. Devices
 * pasted into an existing site move together, by one offset, so a copied rack row stays a rack
 * row: inside the site, on top of nothing, nearest the target's middle (in its view if they fit
 * there) or, without a target, where the paste's offset put them; the site grows when it is full.
 */
function placeAndNameAfresh(
  design: Design,
  pasted: readonly DesignNode[],
  sitesPlaced: boolean,
  target?: PasteTarget,
): Design {
  const copies = new Set(pasted.map((n) => n.id));
  let next = design;
  // Sites first: their devices are named after the site's new name.
  // A pasted site goes where it overlaps no site (else a device dropped there has two homes).
  for (const n of pasted)
    if (n.kind === 'site') {
      const site = findNode(next, n.id);
      if (!site) continue;
      const others = without(next, n.id);
      next = updateNode(next, n.id, {
        label: nextSiteName(others),
        position: sitesPlaced ? site.position : freeSpotForSite(others, site.position),
      });
    }
  const { moved, grown } = placeDeviceGroups(next, pasted, copies, target);
  // A copy's old name is not its own, nor a hint of its site's prefix: each is named as a new
  // device of its site, in order (all named in one pass over the design). One pass places the
  // copies, grows their sites and clears the copies' names, one more names them.
  const unnamed = next.nodes.map((n) => {
    const position = moved.get(n.id);
    if (position) return { ...n, position, label: '' };
    const size = grown.get(n.id);
    if (size && n.kind === 'site') return { ...n, ...size };
    return copies.has(n.id) && n.kind !== 'site' ? { ...n, label: '' } : n;
  });
  const names = nameUnnamedDevices(
    { ...next, nodes: unnamed },
    pasted.filter((n) => n.kind !== 'site').map((n) => n.id),
  );
  return {
    ...next,
    nodes: unnamed.map((n) => {
      const label = names.get(n.id);
      return label === undefined ? n : { ...n, label };
    }),
  };
}

/**
 * Where the copied devices that go back into an existing site go: moved there as one group per
 * site (see freeOffsetForGroup); the site grows when they fit nowhere in it.
 */
function placeDeviceGroups(
  design: Design,
  pasted: readonly DesignNode[],
  copies: ReadonlySet<string>,
  target: PasteTarget | undefined,
): {
  moved: ReadonlyMap<string, Position>;
  grown: ReadonlyMap<string, { width: number; height: number }>;
} {
  const moved = new Map<string, Position>();
  const grown = new Map<string, { width: number; height: number }>();
  const groups = new Map<string, Device[]>();
  for (const n of pasted)
    if (n.kind !== 'site' && !copies.has(n.parentId))
      groups.set(n.parentId, [...(groups.get(n.parentId) ?? []), n]);
  if (groups.size === 0) return { moved, grown };
  for (const [siteId, devices] of groups) {
    const site = design.nodes.find((n): n is Site => n.kind === 'site' && n.id === siteId);
    if (!site) continue;
    const residents = design.nodes
      .filter((n) => n.kind !== 'site' && n.parentId === siteId && !copies.has(n.id))
      .map((n) => n.position);
    const group = devices.map((d) => d.position);
    const left = Math.min(...group.map((p) => p.x));
    const top = Math.min(...group.map((p) => p.y));
    // With a target: the group's middle at the target's, both relative to the site.
    const near = target
      ? {
          x:
            target.center.x -
            site.position.x -
            (Math.max(...group.map((p) => p.x)) - left + DEVICE_SIZE.width) / 2,
          y:
            target.center.y -
            site.position.y -
            (Math.max(...group.map((p) => p.y)) - top + DEVICE_SIZE.height) / 2,
        }
      : { x: left, y: top };
    // A fresh box, not a spread of the view's with x and y written over: that write made V8
    // take every box's x and y for variable and drop the canvas's compiled code for boxes.
    const view = target?.view && {
      x: target.view.x - site.position.x,
      y: target.view.y - site.position.y,
      width: target.view.width,
      height: target.view.height,
    };
    const placed = freeOffsetForGroup(site, residents, group, near, view);
    for (const d of devices)
      moved.set(d.id, { x: d.position.x + placed.offset.x, y: d.position.y + placed.offset.y });
    if (placed.siteSize) grown.set(siteId, placed.siteSize);
  }
  return { moved, grown };
}

/** The design without this element: a copy's copied name and place are not its own yet. */
function without(design: Design, id: string): Design {
  return { ...design, nodes: design.nodes.filter((n) => n.id !== id) };
}

/** Between a duplicated site and the next site to its right, in canvas pixels. */
const DUPLICATE_SITE_GAP_PX = 80;

/**
 * Duplicate (Ctrl+D): a paste of the elements beside them, with the links among them, under
 * fresh ids and fresh names. Devices copied within their site keep their arrangement: the copies
 * go below the originals (or beside them) where they are clear of every device, and the site
 * grows when there is no such room. Copied sites land to the right of the originals, clear of
 * every site. Null when nothing can be copied.
 */
export function duplicateElements(
  design: Design,
  ids: readonly string[],
): { design: Design; newIds: string[] } | null {
  const picked = new Set(ids);
  const sites = design.nodes.filter((n): n is Site => n.kind === 'site');
  const pickedSites = sites.filter((s) => picked.has(s.id));
  if (pickedSites.length > 0) {
    const left = Math.min(...pickedSites.map((s) => s.position.x));
    const right = Math.max(...pickedSites.map((s) => s.position.x + s.width));
    const clear = (dx: number) =>
      pickedSites.every((p) =>
        sites.every(
          (s) =>
            p.position.x + dx >= s.position.x + s.width + DUPLICATE_SITE_GAP_PX ||
            p.position.x + dx + p.width + DUPLICATE_SITE_GAP_PX <= s.position.x ||
            p.position.y >= s.position.y + s.height + DUPLICATE_SITE_GAP_PX ||
            p.position.y + p.height + DUPLICATE_SITE_GAP_PX <= s.position.y,
        ),
      );
    let dx = right - left + DUPLICATE_SITE_GAP_PX;
    for (let guard = 0; guard < 1000 && !clear(dx); guard++) dx += DUPLICATE_SITE_GAP_PX;
    return pasteInto(design, { design, ids }, { x: dx, y: 0 });
  }
  const devices = design.nodes.filter((n): n is Device => n.kind !== 'site' && picked.has(n.id));
  const room = roomForCopies(design, devices);
  return pasteInto(room.design, { design, ids }, room.offset);
}

const snapUp = (v: number) => Math.ceil(v / GRID_PX) * GRID_PX;

/**
 * One offset for copies of devices of one site, so the copied group keeps its shape: below the
 * originals, beside them, or above, the first where every copy is inside the site and clear of
 * every device; otherwise below, in the site grown to hold them.
 */
function roomForCopies(
  design: Design,
  devices: readonly Device[],
): { design: Design; offset: Position } {
  const fallback = { design, offset: { x: 2 * GRID_PX, y: 2 * GRID_PX } };
  const siteId = devices[0]?.parentId;
  const site = design.nodes.find((n): n is Site => n.id === siteId && n.kind === 'site');
  if (!site || devices.some((d) => d.parentId !== site.id)) return fallback;
  const xs = devices.map((d) => d.position.x);
  const ys = devices.map((d) => d.position.y);
  const stepX = snapUp(Math.max(...xs) - Math.min(...xs) + DEVICE_SIZE.width + DEVICE_GAP_PX);
  const stepY = snapUp(Math.max(...ys) - Math.min(...ys) + DEVICE_SIZE.height + DEVICE_GAP_PX);
  const residents = design.nodes.filter((n) => n.kind !== 'site' && n.parentId === site.id);
  const fits = (s: Site, dx: number, dy: number) =>
    devices.every((d) => {
      const x = d.position.x + dx;
      const y = d.position.y + dy;
      const inside =
        x >= DEVICE_GAP_PX &&
        y >= SITE_TOP_PX &&
        x + DEVICE_SIZE.width + DEVICE_GAP_PX <= s.width &&
        y + DEVICE_SIZE.height + DEVICE_GAP_PX <= s.height;
      return (
        inside &&
        residents.every(
          (o) =>
            x >= o.position.x + DEVICE_SIZE.width + DEVICE_GAP_PX ||
            x + DEVICE_SIZE.width + DEVICE_GAP_PX <= o.position.x ||
            y >= o.position.y + DEVICE_SIZE.height + DEVICE_GAP_PX ||
            y + DEVICE_SIZE.height + DEVICE_GAP_PX <= o.position.y,
        )
      );
    });
  for (const [dx, dy] of [
    [0, stepY],
    [stepX, 0],
    [0, -stepY],
    [-stepX, 0],
    [0, 2 * stepY],
    [2 * stepX, 0],
  ] as const)
    if (fits(site, dx, dy)) return { design, offset: { x: dx, y: dy } };
  // No room: below whatever the site holds, in the site grown to hold the copies.
  const bottom = Math.max(...residents.map((o) => o.position.y + DEVICE_SIZE.height));
  const dy = snapUp(bottom + DEVICE_GAP_PX - Math.min(...ys));
  const grown: Site = {
    ...site,
    height: Math.max(
      site.height,
      snapUp(Math.max(...ys) + dy + DEVICE_SIZE.height + DEVICE_GAP_PX),
    ),
  };
  return {
    design: { ...design, nodes: design.nodes.map((n) => (n.id === site.id ? grown : n)) },
    offset: { x: 0, y: dy },
  };
}
