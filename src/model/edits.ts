/**
 * Pure edits: Design → Design. The store, quick fixes and tests all change a design through
 * these, so references (links, workloads, volumes, segments) stay consistent.
 */
import { createDciLink, createFabricLink, newId } from './defaults';
import type {
  DciLink,
  Design,
  DesignNode,
  Link,
  Note,
  Position,
  Segment,
  Site,
  Workload,
} from './schema';

export function findNode(design: Design, id: string): DesignNode | undefined {
  return design.nodes.find((n) => n.id === id);
}

/** The site a node belongs to: itself for a site, its parent for a device. */
export function siteIdOf(design: Design, nodeId: string): string | undefined {
  const node = findNode(design, nodeId);
  if (!node) return undefined;
  return node.kind === 'site' ? node.id : node.parentId;
}

/** A link between two sites, or devices of different sites, is a DCI link; else a fabric link. */
export function linkKindFor(design: Design, source: string, target: string): Link['kind'] {
  return linkKindBetween(findNode(design, source), findNode(design, target));
}

function linkKindBetween(
  sourceNode: DesignNode | undefined,
  targetNode: DesignNode | undefined,
): Link['kind'] {
  const siteOf = (n: DesignNode | undefined) =>
    n === undefined ? undefined : n.kind === 'site' ? n.id : n.parentId;
  const a = siteOf(sourceNode);
  const b = siteOf(targetNode);
  if (sourceNode?.kind === 'site' || targetNode?.kind === 'site') return a === b ? 'fabric' : 'dci';
  return a !== undefined && a === b ? 'fabric' : 'dci';
}

export function addNode(design: Design, node: DesignNode): Design {
  // Sites first so a container always precedes its children (React Flow needs that order).
  const nodes =
    node.kind === 'site' ? [...sites(design), node, ...devices(design)] : [...design.nodes, node];
  return { ...design, nodes };
}

function sites(design: Design): DesignNode[] {
  return design.nodes.filter((n) => n.kind === 'site');
}
function devices(design: Design): DesignNode[] {
  return design.nodes.filter((n) => n.kind !== 'site');
}

/**
 * Where a DCI link may attach (DOMAIN.md §1): a border / DCI edge router, a spine, or the site
 * itself. Tools that create DCI links on their own (the full mesh) keep to these; a link the
 * user draws by hand is taken as drawn.
 */
export function canEndDciLink(node: DesignNode): boolean {
  return node.kind === 'border' || node.kind === 'spine' || node.kind === 'site';
}

/** Connect two elements; returns the design unchanged if the link would be a loop. */
export function connect(
  design: Design,
  source: string,
  target: string,
  id = newId('link'),
): Design {
  if (source === target) return design;
  if (!findNode(design, source) || !findNode(design, target)) return design;
  // Several links between the same two elements are allowed (DOMAIN.md §8): diverse fibre
  // routes between one pair of DCI edges, members of a bundle. Each is a link of its own.
  const link =
    linkKindFor(design, source, target) === 'dci'
      ? createDciLink(id, source, target)
      : createFabricLink(id, source, target);
  return { ...design, links: [...design.links, link] };
}

type OptionalKeys<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never;
}[keyof T];

/**
 * A change to some fields of T: a required field gets a value; an optional field gets a value
 * or `undefined`, which clears it. (With exactOptionalPropertyTypes, Partial<T> cannot say
 * "clear this optional field", which is what forced casts at every call.)
 */
export type Patch<T> = { [K in Exclude<keyof T, OptionalKeys<T>>]?: T[K] } & {
  [K in OptionalKeys<T>]?: T[K] | undefined;
};

type Fields<T> = Omit<T, 'id' | 'kind'>;

/** A patch for a node of kind K (of any kind when K is not named); id and kind never change. */
export type NodePatch<K extends DesignNode['kind'] = DesignNode['kind']> = K extends unknown
  ? Patch<Fields<Extract<DesignNode, { kind: K }>>>
  : never;

/** A patch for a link of kind K (of either kind when K is not named). */
export type LinkPatch<K extends Link['kind'] = Link['kind']> = K extends unknown
  ? Patch<Fields<Extract<Link, { kind: K }>>>
  : never;

/** Apply a patch: a key patched to `undefined` is removed (an optional property cleared). */
export function applyPatch<T extends object>(base: T, patch: Patch<T>): T {
  const out: Record<string, unknown> = { ...base, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete out[key];
  return out as T;
}

export function updateNode(design: Design, id: string, patch: NodePatch): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) =>
      n.id === id ? applyPatch<DesignNode>(n, { ...patch, id: n.id, kind: n.kind }) : n,
    ),
  };
}

export function updateLink(design: Design, id: string, patch: LinkPatch): Design {
  return {
    ...design,
    links: design.links.map((l) =>
      l.id === id ? applyPatch<Link>(l, { ...patch, id: l.id, kind: l.kind }) : l,
    ),
  };
}

export function moveNodes(design: Design, positions: ReadonlyMap<string, Position>): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p } : n;
    }),
  };
}

/**
 * Move a device into another site (position relative to the new site). Links that now join
 * devices of different sites become DCI links, and the reverse, so the kind always matches.
 */
export function reparent(
  design: Design,
  nodeId: string,
  siteId: string,
  position: Position,
): Design {
  const node = findNode(design, nodeId);
  const site = findNode(design, siteId);
  if (!node || node.kind === 'site' || !site || site.kind !== 'site') return design;
  const moved = updateNode(design, nodeId, { parentId: siteId, position });
  return retypeLinks(moved, (l) => l.source === nodeId || l.target === nodeId);
}

/** Recompute link kinds after devices changed site; a retyped link keeps id, ends and bandwidth. */
export function retypeLinks(design: Design, which: (l: Link) => boolean = () => true): Design {
  // The nodes by id, filed once: each link looked both its ends up in every node, which took
  // 44 ms of a 30-device paste at 3,000 elements. The first node of an id, as findNode finds it.
  let byId: Map<string, DesignNode> | null = null;
  const nodeOf = (id: string) => {
    if (!byId) {
      byId = new Map();
      for (const n of design.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
    }
    return byId.get(id);
  };
  return {
    ...design,
    links: design.links.map((l) => {
      if (!which(l)) return l;
      const kind = linkKindBetween(nodeOf(l.source), nodeOf(l.target));
      if (kind === l.kind) return l;
      if (kind === 'fabric') {
        const fabric = createFabricLink(l.id, l.source, l.target);
        return {
          ...fabric,
          bandwidthGbps: l.bandwidthGbps,
          ...(l.label !== undefined ? { label: l.label } : {}),
        };
      }
      const dci: DciLink = createDciLink(l.id, l.source, l.target);
      return {
        ...dci,
        bandwidthGbps: l.bandwidthGbps,
        ...(l.label !== undefined ? { label: l.label } : {}),
      };
    }),
  };
}

/**
 * Remove nodes, links and notes. Removing a site removes its devices; removing a node removes
 * its links; workloads on a removed cluster go too, and every reference to a removed id is
 * dropped: a note that pointed at a removed element stays, unpointed.
 */
export function removeElements(design: Design, ids: Iterable<string>): Design {
  const gone = goneWith(design, ids);
  const nodes = design.nodes.filter((n) => !gone.has(n.id));
  const links = design.links.filter(
    (l) => !gone.has(l.id) && !gone.has(l.source) && !gone.has(l.target),
  );
  // The links that went with their ends are gone too (a note may have pointed at one).
  for (const l of design.links) if (gone.has(l.source) || gone.has(l.target)) gone.add(l.id);
  const workloads = design.workloads.filter((w) => !gone.has(w.clusterId) && !gone.has(w.id));
  const notes = design.notes.filter((n) => !gone.has(n.id));
  const removedVolumes = new Set<string>();
  for (const n of design.nodes)
    if (n.kind === 'array' && gone.has(n.id)) for (const v of n.volumes) removedVolumes.add(v.id);
  return scrubReferences({ ...design, nodes, links, workloads, notes }, gone, removedVolumes);
}

/** The ids a removal takes away: the elements, and the devices of a removed site. */
function goneWith(design: Design, ids: Iterable<string>): Set<string> {
  const gone = new Set(ids);
  for (const n of design.nodes) if (n.kind !== 'site' && gone.has(n.parentId)) gone.add(n.id);
  return gone;
}

/** What removeElements(design, ids) takes away, element by element (for "Deleted … · Undo"). */
export interface Removal {
  readonly sites: readonly Site[];
  readonly devices: readonly DesignNode[];
  readonly links: readonly Link[];
  /** Notes deleted with the selection. */
  readonly notes: readonly Note[];
  /** Notes that stay, but pointed at something that goes: they become free notes. */
  readonly unpointed: readonly Note[];
}

export function removalOf(design: Design, ids: Iterable<string>): Removal {
  const gone = goneWith(design, ids);
  const links = design.links.filter(
    (l) => gone.has(l.id) || gone.has(l.source) || gone.has(l.target),
  );
  for (const l of links) gone.add(l.id);
  const notes = design.notes.filter((n) => gone.has(n.id));
  return {
    sites: design.nodes.filter((n): n is Site => n.kind === 'site' && gone.has(n.id)),
    devices: design.nodes.filter((n) => n.kind !== 'site' && gone.has(n.id)),
    links,
    notes,
    unpointed: design.notes.filter(
      (n) => !gone.has(n.id) && n.targetId !== undefined && gone.has(n.targetId),
    ),
  };
}

function scrubReferences(
  design: Design,
  gone: ReadonlySet<string>,
  goneVolumes: ReadonlySet<string>,
): Design {
  const keep = (xs: readonly string[]) => xs.filter((x) => !gone.has(x));
  const nodes = design.nodes.map((n): DesignNode => {
    switch (n.kind) {
      case 'cluster':
        if (n.stretchPeerId !== undefined && gone.has(n.stretchPeerId)) {
          const { stretchPeerId: _, ...rest } = n;
          return rest;
        }
        return n;
      case 'witness': {
        const arbitrates = keep(n.arbitrates);
        return arbitrates.length === n.arbitrates.length ? n : { ...n, arbitrates };
      }
      case 'array': {
        const volumes = n.volumes.map((v) => {
          let out = v;
          if (out.peerArrayId !== undefined && gone.has(out.peerArrayId)) {
            const { peerArrayId: _, ...rest } = out;
            out = rest;
          }
          if (out.preferredSiteId !== undefined && gone.has(out.preferredSiteId)) {
            const { preferredSiteId: _, ...rest } = out;
            out = rest;
          }
          return out;
        });
        return volumes.every((v, i) => v === n.volumes[i]) ? n : { ...n, volumes };
      }
      default:
        return n;
    }
  });
  // What a removal does not touch keeps its object: the route worker gets a delete as the
  // elements it removed (src/canvas/routeWire.ts), and memos by object see the rest unchanged.
  const workloads = design.workloads.map((w): Workload => {
    if (
      !w.mobilityTargetIds.some((x) => gone.has(x)) &&
      !w.segmentIds.some((x) => gone.has(x)) &&
      (w.datastoreId === undefined || !goneVolumes.has(w.datastoreId))
    )
      return w;
    const out: Workload = {
      ...w,
      mobilityTargetIds: keep(w.mobilityTargetIds),
      segmentIds: keep(w.segmentIds),
    };
    if (out.datastoreId !== undefined && goneVolumes.has(out.datastoreId)) {
      const { datastoreId: _, ...rest } = out;
      return rest;
    }
    return out;
  });
  const segments = design.segments.map((s): Segment => {
    if (
      !s.gatewaySiteIds.some((x) => gone.has(x)) &&
      (s.ingressSiteId === undefined || !gone.has(s.ingressSiteId))
    )
      return s;
    const out: Segment = { ...s, gatewaySiteIds: keep(s.gatewaySiteIds) };
    if (out.ingressSiteId !== undefined && gone.has(out.ingressSiteId)) {
      const { ingressSiteId: _, ...rest } = out;
      return rest;
    }
    return out;
  });
  const notes = design.notes.map((n): Note => {
    if (n.targetId === undefined || !gone.has(n.targetId)) return n;
    const { targetId: _, ...rest } = n;
    return rest;
  });
  return { ...design, nodes, workloads, segments, notes };
}

export function upsertSegment(design: Design, segment: Segment): Design {
  const exists = design.segments.some((s) => s.id === segment.id);
  return {
    ...design,
    segments: exists
      ? design.segments.map((s) => (s.id === segment.id ? segment : s))
      : [...design.segments, segment],
  };
}

export function removeSegment(design: Design, segmentId: string): Design {
  const gone = new Set([segmentId]);
  return {
    ...scrubReferences(
      { ...design, segments: design.segments.filter((s) => s.id !== segmentId) },
      gone,
      new Set(),
    ),
    links: design.links.map((l) =>
      l.kind === 'dci'
        ? { ...l, extendedSegmentIds: l.extendedSegmentIds.filter((s) => s !== segmentId) }
        : l,
    ),
    nodes: design.nodes.map((n) =>
      n.kind === 'firewall' ? { ...n, segmentIds: n.segmentIds.filter((s) => s !== segmentId) } : n,
    ),
  };
}

export function upsertWorkload(design: Design, workload: Workload): Design {
  const exists = design.workloads.some((w) => w.id === workload.id);
  return {
    ...design,
    workloads: exists
      ? design.workloads.map((w) => (w.id === workload.id ? workload : w))
      : [...design.workloads, workload],
  };
}

export function removeWorkload(design: Design, workloadId: string): Design {
  return { ...design, workloads: design.workloads.filter((w) => w.id !== workloadId) };
}

export function isSite(n: DesignNode | undefined): n is Site {
  return n?.kind === 'site';
}
