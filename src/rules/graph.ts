/**
 * The design as a graph, built once per validation run and shared by every rule: an index of
 * elements by id, RTT paths between any two nodes (DOMAIN.md §2), L2 reachability of segments,
 * and the site graph (sites joined by DCI links). Every query honours `failed`: failed nodes,
 * links and sites (with all their devices) are treated as absent, so a what-if run is simply a
 * run with a failed set.
 *
 * How paths are found, and why it is fast enough for 10,000 elements:
 * - Inside a site, devices are joined by fabric links. A device is also joined to its own site
 *   container at zero cost where the drawing does not wire it: a site's "hubs" (its borders, else
 *   its spines, else its ToRs, else all of its devices) and every device of a fabric island that
 *   reaches no hub are implicitly on the site. So a DCI link drawn to the site node lands on the
 *   borders, an unwired cluster is local to its site, and real links are used wherever they exist
 *   (failing every border of a site does cut the site node off, as it should).
 * - Only network devices (spine, ToR, border, firewall) and the site container carry transit
 *   traffic; clusters, arrays and witnesses are end points.
 * - A site of role `witness` is a stub (DOMAIN.md §8): a path between two elements that are not
 *   both in it never crosses it. Its WAN links reach the data sites for quorum traffic; they are
 *   not a second DCI. `isStubSite` is the one test of it: the port graph never relays through a
 *   stub site's ports, the site graph never walks through a stub site, and the single points of
 *   failure between data sites leave stub sites out.
 * - Links between sites end at "ports". We run one Dijkstra per port over its own site, then
 *   all-pairs shortest paths over the small port graph (ports joined by DCI links and by their
 *   intra-site distances). A query between sites is then min over (port of A, port of B), with no
 *   search over the whole design; a query inside one site is a Dijkstra from the source over that
 *   site only, cached per source.
 */
import { TRANSPORT_INFO } from '../model/catalog';
import {
  linkById,
  nodeById,
  segmentById,
  volumeById,
  workloadById,
  type VolumeRef,
} from '../model/byId';
import { labelerOver } from '../model/labels';
import { linkRttMs } from '../model/paths';
import { sameFieldsExcept, sameItems } from '../model/sameValue';
import type {
  Cluster,
  DciLink,
  Design,
  DesignNode,
  Firewall,
  Link,
  NodeKind,
  Segment,
  Site,
  StorageArray,
  Witness,
  Workload,
} from '../model/schema';

/** Transports that carry only IP: a plain 802.1Q trunk over them carries nothing (DOMAIN.md §2). */
export const IP_TRANSPORTS: ReadonlySet<DciLink['transport']> = new Set(
  Object.values(TRANSPORT_INFO)
    .filter((t) => t.ipOnly)
    .map((t) => t.id),
);

// ---------------------------------------------------------------------------------------------
// Index

export type { VolumeRef };

export interface DesignIndex {
  readonly design: Design;
  readonly nodes: ReadonlyMap<string, DesignNode>;
  readonly links: ReadonlyMap<string, Link>;
  readonly segments: ReadonlyMap<string, Segment>;
  readonly workloads: ReadonlyMap<string, Workload>;
  readonly volumes: ReadonlyMap<string, VolumeRef>;
  readonly sites: readonly Site[];
  readonly clusters: readonly Cluster[];
  readonly arrays: readonly StorageArray[];
  readonly firewalls: readonly Firewall[];
  readonly witnesses: readonly Witness[];
  readonly dciLinks: readonly DciLink[];
  /** The site of a node: itself for a site, its parent for a device. */
  siteOf(nodeId: string): string | undefined;
  /** The user's name for any element id (node, link, segment, workload, volume). */
  label(id: string): string;
}

/** What the index keeps of a design's nodes: by id, by kind, and the arrays' volumes. */
function indexNodes(
  list: readonly DesignNode[],
): Pick<
  DesignIndex,
  'nodes' | 'volumes' | 'sites' | 'clusters' | 'arrays' | 'firewalls' | 'witnesses'
> {
  // By id, the maps of the nodes array (model/byId.ts), shared with the canvas and the labels.
  const nodes = nodeById(list);
  const volumes = volumeById(list);
  const sites: Site[] = [];
  const clusters: Cluster[] = [];
  const arrays: StorageArray[] = [];
  const firewalls: Firewall[] = [];
  const witnesses: Witness[] = [];
  for (const n of list) {
    switch (n.kind) {
      case 'site':
        sites.push(n);
        break;
      case 'cluster':
        clusters.push(n);
        break;
      case 'array':
        arrays.push(n);
        break;
      case 'firewall':
        firewalls.push(n);
        break;
      case 'witness':
        witnesses.push(n);
        break;
      default:
        break;
    }
  }
  return { nodes, volumes, sites, clusters, arrays, firewalls, witnesses };
}

/**
 * The index of a design. With `previous`, the index of the design before an edit, the maps and
 * lists of the arrays the edit left alone (the same array objects) are taken from it.
 */
export function buildIndex(design: Design, previous?: DesignIndex): DesignIndex {
  const before = previous?.design;
  const byNodes = before?.nodes === design.nodes && previous ? previous : indexNodes(design.nodes);
  const { nodes, volumes, sites, clusters, arrays, firewalls, witnesses } = byNodes;
  let links: ReadonlyMap<string, Link>;
  let dciLinks: readonly DciLink[];
  if (before?.links === design.links && previous) ({ links, dciLinks } = previous);
  else {
    const dci: DciLink[] = [];
    for (const l of design.links) if (l.kind === 'dci') dci.push(l);
    links = linkById(design.links);
    dciLinks = dci;
  }
  const segments = segmentById(design.segments);
  const workloads = workloadById(design.workloads);

  const siteOf = (id: string): string | undefined => {
    const n = nodes.get(id);
    if (!n) return undefined;
    return n.kind === 'site' ? n.id : n.parentId;
  };
  const label = labelerOver({ nodes, volumes, workloads, segments, links });
  return {
    design,
    nodes,
    links,
    segments,
    workloads,
    volumes,
    sites,
    clusters,
    arrays,
    firewalls,
    witnesses,
    dciLinks,
    siteOf,
    label,
  };
}

/**
 * Whether two lists of nodes are the same but for where they are drawn (positions, a site's
 * size), which no rule and no graph reads: the same nodes in the same order, each the same object
 * or with every other field the same value.
 */
export function sameNodesButPlaces(a: readonly DesignNode[], b: readonly DesignNode[]): boolean {
  return sameItems(a, b, (x, y) => sameFieldsExcept(x, y, PLACE));
}

/** Where a node is drawn: its position, and a site's size. */
const PLACE: ReadonlySet<string> = new Set(['position', 'width', 'height']);

/** Whether two versions of a link carry the same segments at L2 (what L2 domains read of it). */
function sameL2Carriage(a: Link, b: Link): boolean {
  if (extendsL2(a) !== extendsL2(b)) return false;
  if (a.kind !== 'dci' || b.kind !== 'dci') return a.kind === b.kind;
  const x = a.extendedSegmentIds;
  const y = b.extendedSegmentIds;
  return x === y || (x.length === y.length && x.every((id, i) => id === y[i]));
}

// ---------------------------------------------------------------------------------------------
// Link figures

/** A link's RTT (DOMAIN.md §2): one definition, shared with the canvas labels. */
export { linkRttMs };

/** Whether a DCI link can carry segments at L2 at all (a trunk over an IP-only transport cannot). */
export function extendsL2(link: Link): boolean {
  if (link.kind !== 'dci' || link.l2Extension === 'none') return false;
  return !(link.l2Extension === 'trunk' && IP_TRANSPORTS.has(link.transport));
}

/** Whether a DCI link carries segment S at L2 (`'*'`: any segment, e.g. the vMotion network). */
export function carriesAtL2(link: Link, segmentId: string): boolean {
  if (link.kind !== 'dci' || !extendsL2(link)) return false;
  return segmentId === '*' || link.extendedSegmentIds.includes(segmentId);
}

/** A ToR routed at the rack with no overlay: VLANs stop there (DOMAIN.md §2, seed 003). */
export function isL3Tor(node: DesignNode): boolean {
  return node.kind === 'tor' && node.boundary === 'l3' && !node.overlay;
}

// ---------------------------------------------------------------------------------------------
// Paths

export interface PathResult {
  /** Sum of link RTTs along the path (implicit site hops cost 0). */
  readonly rttMs: number;
  /** Minimum bandwidth along the chosen path; Infinity when it crosses no link. */
  readonly bottleneckGbps: number;
  /** Ordered node and link ids from source to target (a site id marks an implicit hop). */
  readonly path: readonly string[];
  /** Ids of the links along the path, in order. */
  readonly linkIds: readonly string[];
  /** The sites the path passes through, in order, without repeats in a row. */
  readonly siteIds: readonly string[];
}

const TRANSIT: ReadonlySet<NodeKind> = new Set(['site', 'spine', 'tor', 'border', 'firewall']);
const HUB_PREFERENCE: readonly NodeKind[] = ['border', 'spine', 'tor'];

/**
 * One live site: its container (local index 0) and its live devices, joined by fabric links and
 * implicit site hops. Edges are collected in the order the design lists them, then packed into
 * flat arrays (compressed rows: the edges out of local node u are `offset[u] … offset[u + 1]`),
 * keeping that order, so searches break ties as they always did.
 */
class SiteFabric {
  readonly site: number; // global node index of the site container
  readonly members: number[]; // global node indexes; the position is the local index
  readonly transit: boolean[];
  readonly ports: number[] = []; // port indexes in this site
  /** A witness site: an end of paths, never a relay between others (DOMAIN.md §8). */
  readonly stub: boolean;
  offset = new Int32Array(1);
  to = new Int32Array(0);
  link = new Int32Array(0); // global link index, -1 for an implicit site hop
  rtt = new Float64Array(0);
  bandwidth = new Float64Array(0);
  private pending = new Float64Array(80); // from, to, link, rtt, bandwidth: five per edge
  private added = 0; // numbers used in `pending`

  constructor(site: number, stub: boolean) {
    this.site = site;
    this.stub = stub;
    this.members = [site];
    this.transit = [true];
  }

  /** A directed edge between local indexes (call `seal` once all are added). */
  add(from: number, to: number, link: number, rttMs: number, bandwidthGbps: number): void {
    let e = this.pending;
    if (this.added + 5 > e.length) {
      e = new Float64Array(2 * e.length);
      e.set(this.pending);
      this.pending = e;
    }
    const at = this.added;
    e[at] = from;
    e[at + 1] = to;
    e[at + 2] = link;
    e[at + 3] = rttMs;
    e[at + 4] = bandwidthGbps;
    this.added = at + 5;
  }

  seal(): void {
    const n = this.members.length;
    const e = this.pending;
    const m = this.added / 5;
    const offset = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      const u = e[5 * k] as number;
      offset[u] = (offset[u] as number) + 1;
    }
    for (let u = 0, sum = 0; u <= n; u++) {
      const c = offset[u] as number;
      offset[u] = sum;
      sum += c;
    }
    const fill = offset.slice(0, n);
    this.to = new Int32Array(m);
    this.link = new Int32Array(m);
    this.rtt = new Float64Array(m);
    this.bandwidth = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const u = e[5 * k] as number;
      const at = fill[u] as number;
      fill[u] = at + 1;
      this.to[at] = e[5 * k + 1] as number;
      this.link[at] = e[5 * k + 2] as number;
      this.rtt[at] = e[5 * k + 3] as number;
      this.bandwidth[at] = e[5 * k + 4] as number;
    }
    this.offset = offset;
    this.pending = new Float64Array(0);
    this.added = 0;
  }
}

interface Tree {
  readonly dist: Float64Array;
  readonly bottleneck: Float64Array;
  readonly prev: Int32Array;
  readonly prevLink: Int32Array;
}

interface InterLink {
  readonly link: number;
  readonly a: number; // port index
  readonly b: number;
  readonly rttMs: number;
  readonly bandwidthGbps: number;
}

/**
 * The steps of a path being built (see `DesignGraph.treeSteps`), in a buffer kept from one path
 * to the next: a path query allocates only its result.
 */
class Steps {
  items = new Int32Array(64);
  length = 0;
  push(step: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = step;
  }
  /** Reverse the steps in place from `start` to the end. */
  reverseFrom(start: number): void {
    const items = this.items;
    for (let i = start, j = this.length - 1; i < j; i++, j--) {
      const t = items[i] as number;
      items[i] = items[j] as number;
      items[j] = t;
    }
  }
  /** Drop the step at `at`, the ones after it moving up. */
  dropAt(at: number): void {
    this.items.copyWithin(at, at + 1, this.length);
    this.length--;
  }
}

const NO_LINKS: readonly number[] = [];

/** The L2 domains joined by one list of DCI links: by all of them, and by all but one. */
interface L2Domains {
  all: UnionFind | null;
  readonly without: Map<string, UnionFind>;
}

/** Union-find over small integer sets (L2 domains, site components). */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    let c = x;
    while (this.parent[c] !== r) {
      const next = this.parent[c] ?? r;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/**
 * A minimal binary min-heap of (priority, value) pairs, in typed arrays that it keeps from one
 * search to the next (emptying it frees nothing, so a search allocates nothing here).
 */
class Heap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  peekKey(): number {
    return this.size > 0 ? (this.keys[0] as number) : Infinity;
  }
  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      const values = new Int32Array(2 * this.size);
      keys.set(this.keys);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p] as number;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[p] as number;
      i = p;
    }
    keys[i] = key;
    values[i] = value;
  }
  /** Pops the minimum; returns its value and leaves its key in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const topValue = this.size > 0 ? (values[0] as number) : 0;
    this.lastKey = this.size > 0 ? (keys[0] as number) : 0;
    if (this.size === 0) return topValue;
    const n = --this.size;
    const key = keys[n] as number;
    const value = values[n] as number;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (keys[r] as number) < (keys[l] as number) ? r : l;
        const ck = keys[c] as number;
        if (ck >= key) break;
        keys[i] = ck;
        values[i] = values[c] as number;
        i = c;
      }
      keys[i] = key;
      values[i] = value;
    }
    return topValue;
  }
}

function dijkstra(f: SiteFabric, source: number): Tree {
  const n = f.members.length;
  const dist = new Float64Array(n).fill(Infinity);
  const bottleneck = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const prevLink = new Int32Array(n).fill(-1);
  dist[source] = 0;
  bottleneck[source] = Infinity;
  const heap = new Heap();
  heap.push(0, source);
  while (heap.size > 0) {
    const u = heap.pop();
    const d = heap.lastKey;
    if (d > (dist[u] ?? Infinity)) continue;
    if (u !== source && !f.transit[u]) continue;
    const bu = bottleneck[u] as number;
    const { offset, to, rtt } = f;
    for (let k = offset[u] as number, end = offset[u + 1] as number; k < end; k++) {
      const v = to[k] as number;
      const nd = d + (rtt[k] as number);
      if (nd < (dist[v] as number)) {
        dist[v] = nd;
        bottleneck[v] = Math.min(bu, f.bandwidth[k] as number);
        prev[v] = u;
        prevLink[v] = f.link[k] as number;
        heap.push(nd, v);
      }
    }
  }
  return { dist, bottleneck, prev, prevLink };
}

/**
 * Reusable buffers for point-to-point searches inside one site: a generation stamp marks which
 * entries belong to the current search, so no arrays are allocated per query.
 */
class Scratch {
  stamp = new Uint32Array(0);
  dist = new Float64Array(0);
  bottleneck = new Float64Array(0);
  prev = new Int32Array(0);
  prevLink = new Int32Array(0);
  generation = 0;
  readonly heap = new Heap();
  reset(n: number): void {
    if (this.stamp.length < n) {
      this.stamp = new Uint32Array(n);
      this.dist = new Float64Array(n);
      this.bottleneck = new Float64Array(n);
      this.prev = new Int32Array(n);
      this.prevLink = new Int32Array(n);
      this.generation = 0;
    }
    this.generation++;
  }
}

/**
 * Where the two searches of `searchWithin` met: the path's RTT and bottleneck, and the edge
 * joining the two halves (oriented from the source's side to the target's). One per graph,
 * overwritten by each search.
 */
class Meeting {
  dist = Infinity;
  bottleneck = Infinity;
  u = -1; // labelled in the forward search
  v = -1; // labelled in the backward search
  link = -1;
}

/** Start a search of `searchWithin` at local node `at`. */
function startAt(sc: Scratch, at: number): void {
  sc.stamp[at] = sc.generation;
  sc.dist[at] = 0;
  sc.bottleneck[at] = Infinity;
  sc.prev[at] = -1;
  sc.prevLink[at] = -1;
  sc.heap.clear();
  sc.heap.push(0, at);
}

/**
 * Shortest path from `source` to `target` inside one site: a bidirectional Dijkstra that stops
 * when the two frontiers can no longer improve the best meeting; end devices other than the two
 * ends are never entered. In a leaf-spine it meets at the spines after a handful of nodes
 * instead of sweeping every rack of the site. False when there is none; else the meeting is in
 * `meet`, and `withinSteps` gives the path while `fwd` and `bwd` are not used for another search.
 */
function searchWithin(
  f: SiteFabric,
  source: number,
  target: number,
  fwd: Scratch,
  bwd: Scratch,
  meet: Meeting,
): boolean {
  const n = f.members.length;
  fwd.reset(n);
  bwd.reset(n);
  startAt(fwd, source);
  startAt(bwd, target);
  let best = Infinity;
  let meetU = -1; // settled in the forward search
  let meetV = -1; // labelled in the backward search
  let meetLink = -1;
  let meetBw = Infinity;
  while (fwd.heap.size > 0 && bwd.heap.size > 0) {
    if (fwd.heap.peekKey() + bwd.heap.peekKey() >= best) break;
    const forward = fwd.heap.peekKey() <= bwd.heap.peekKey();
    const side = forward ? fwd : bwd;
    const other = forward ? bwd : fwd;
    const start = forward ? source : target;
    const goal = forward ? target : source;
    const u = side.heap.pop();
    const d = side.heap.lastKey;
    if (d > (side.dist[u] ?? Infinity)) continue;
    if (u !== start && !f.transit[u]) continue;
    const bu = side.bottleneck[u] as number;
    for (let k = f.offset[u] as number, end = f.offset[u + 1] as number; k < end; k++) {
      const v = f.to[k] as number;
      if (v !== goal && !f.transit[v]) continue;
      const nd = d + (f.rtt[k] as number);
      if (side.stamp[v] !== side.generation || nd < (side.dist[v] ?? Infinity)) {
        side.stamp[v] = side.generation;
        side.dist[v] = nd;
        side.bottleneck[v] = Math.min(bu, f.bandwidth[k] as number);
        side.prev[v] = u;
        side.prevLink[v] = f.link[k] as number;
        side.heap.push(nd, v);
      }
      if (other.stamp[v] === other.generation) {
        const total = nd + (other.dist[v] ?? Infinity);
        if (total < best) {
          best = total;
          // Store the meeting edge oriented from the source side to the target side.
          meetU = forward ? u : v;
          meetV = forward ? v : u;
          meetLink = f.link[k] as number;
          meetBw = f.bandwidth[k] as number;
        }
      }
    }
  }
  if (meetU < 0) return false;
  meet.dist = best;
  meet.bottleneck = Math.min(
    fwd.bottleneck[meetU] ?? Infinity,
    meetBw,
    bwd.stamp[meetV] === bwd.generation ? (bwd.bottleneck[meetV] ?? Infinity) : Infinity,
  );
  meet.u = meetU;
  meet.v = meetV;
  meet.link = meetLink;
  return true;
}

/**
 * The steps (see `DesignGraph.treeSteps`) of the path `searchWithin` found, appended to `out`:
 * the forward half source … meet.u, the meeting link, and the backward half meet.v … target.
 */
function withinSteps(f: SiteFabric, fwd: Scratch, bwd: Scratch, meet: Meeting, out: Steps): void {
  const start = out.length;
  for (let c = meet.u; c >= 0; c = fwd.prev[c] ?? -1) {
    out.push(f.members[c] as number);
    const li = fwd.prevLink[c] ?? -1;
    if ((fwd.prev[c] ?? -1) >= 0 && li >= 0) out.push(~li);
  }
  out.reverseFrom(start);
  if (meet.link >= 0) out.push(~meet.link);
  out.push(f.members[meet.v] as number);
  for (let c = meet.v; (bwd.prev[c] ?? -1) >= 0; c = bwd.prev[c] ?? -1) {
    const li = bwd.prevLink[c] ?? -1;
    if (li >= 0) out.push(~li);
    out.push(f.members[bwd.prev[c] ?? -1] as number);
  }
}

export interface L2Gap {
  /** Whether the segment reaches from a to b at L2. */
  readonly reachable: boolean;
  /** Where the segment stops on the path from a to b: an L3 ToR or a DCI link not carrying it. */
  readonly gapId?: string;
  readonly path?: PathResult;
}

export interface SiteNeighbour {
  readonly linkId: string;
  readonly siteId: string;
}

/** Sites and links a site-graph walk must not use. */
export interface SiteAvoid {
  readonly sites?: ReadonlySet<string>;
  readonly links?: ReadonlySet<string>;
}

/** What alone cuts every path between two sites, ordered from one to the other. */
export interface SinglePoints {
  /** Network devices (never a site container). */
  readonly devices: readonly string[];
  readonly links: readonly string[];
}

/**
 * Adjacency of the transit graph in compressed rows: the edges out of global node v are
 * `offset[v] … offset[v + 1]`, in the order they were added.
 */
interface TransitAdjacency {
  readonly offset: Int32Array;
  readonly to: Int32Array; // global node index
  readonly link: Int32Array; // global link index, -1 for an implicit site hop
  readonly edge: Int32Array; // undirected edge number: parallel links are distinct edges
}

interface TransitSearch {
  readonly disc: Int32Array;
  readonly low: Int32Array;
  readonly parent: Int32Array;
  readonly parentLink: Int32Array;
  readonly depth: Int32Array;
  /** The root of each vertex's tree (-1: not in the transit graph). */
  readonly root: Int32Array;
}

/**
 * Every node and link id absent under a failed set: the failed ids, the devices of a failed
 * site, and the links with a failed end. The one definition (the graph and the what-if engine's
 * reusing graph both use it).
 */
export function deadSet(design: Design, failed: ReadonlySet<string>): Set<string> {
  const dead = new Set<string>();
  if (failed.size === 0) return dead;
  for (const n of design.nodes)
    if (failed.has(n.id) || (n.kind !== 'site' && failed.has(n.parentId))) dead.add(n.id);
  for (const l of design.links)
    if (failed.has(l.id) || dead.has(l.source) || dead.has(l.target)) dead.add(l.id);
  return dead;
}

/**
 * What rules and the what-if engine may ask of a design's graph. DesignGraph answers it; the
 * what-if engine's recording and reusing views (whatif/incremental.ts) implement it too, so the
 * compiler holds them to every query: a query added here and not there does not build.
 */
export interface GraphQueries {
  readonly index: DesignIndex;
  readonly failed: ReadonlySet<string>;
  /** Every node and link id that is absent: failed itself, in a failed site, or at a failed end. */
  readonly dead: ReadonlySet<string>;
  isDead(id: string): boolean;
  isStubSite(siteId: string): boolean;
  path(fromId: string, toId: string): PathResult | null;
  rttMs(fromId: string, toId: string): number;
  l2NodesOf(nodeId: string): readonly number[];
  l2Reachable(segmentId: string, a: string, b: string, withoutLinkId?: string): boolean;
  l2Sites(segmentId: string, a: string): ReadonlySet<string>;
  l2Gap(segmentId: string, a: string, b: string): L2Gap;
  siteNeighbours(siteId: string): readonly SiteNeighbour[];
  sitesConnected(a: string, b: string, avoid?: SiteAvoid): boolean;
  siteRoute(a: string, b: string, avoid?: SiteAvoid): string[] | null;
  singlePoints(a: string, b: string): SinglePoints | null;
}

/**
 * The graph of one design under one failed set. Build it with `buildGraph`; every query is
 * cached, so rules may ask freely.
 */
export class DesignGraph implements GraphQueries {
  readonly index: DesignIndex;
  readonly failed: ReadonlySet<string>;
  /** Every node and link id that is absent: failed itself, in a failed site, or at a failed end. */
  readonly dead: ReadonlySet<string>;

  private readonly nodeIds: string[] = [];
  private readonly nodeIdx = new Map<string, number>();
  private readonly linkIds: string[] = [];
  private readonly fabricOf: Int32Array; // global node → fabric index (-1: dead)
  private readonly localOf: Int32Array; // global node → local index in its fabric
  private readonly fabrics: SiteFabric[] = [];
  private readonly fabricBySite = new Map<string, number>();
  private readonly ports: number[] = []; // port index → global node index
  private readonly portOf = new Map<number, number>(); // global node → port index
  private readonly interLinks: InterLink[] = [];
  private portTrees: Tree[] | null = null;
  private portDist = new Float64Array(0);
  private portBottleneck = new Float64Array(0);
  private portNext = new Int32Array(0);
  private portDirect = new Int32Array(0);
  private readonly trees = new Map<number, Tree>();
  private readonly forward = new Scratch();
  private readonly backward = new Scratch();
  private readonly meeting = new Meeting();
  private readonly steps = new Steps();
  // Where `result` writes a path's lists before copying them out (entries past a path's end are
  // left from longer paths before it, never read).
  private readonly pathIds: string[] = [];
  private readonly pathLinkIds: string[] = [];
  private readonly pathSiteIds: string[] = [];
  private readonly pathCache = new Map<number, PathResult | null>(); // key: x * nodes + y
  /** Each node's site as `DesignIndex.siteOf` gives it: a site itself, a device its parent. */
  private readonly siteKeyOf: (string | undefined)[] = [];
  /** Union-finds of L2 domains by segment-link list (`segmentLinks`): all of it, and each without one link. */
  private readonly l2Cache = new Map<readonly number[], L2Domains>();
  private readonly l2NodesCache: (readonly number[] | undefined)[] = []; // by global node
  private readonly islandOf = new Map<number, number>(); // L3 ToR global index → L2 node
  private readonly torNeighbours = new Map<number, number[]>(); // design-level, dead included
  private l2Count = 0;
  private linksBySegment: Map<string, readonly number[]> | null = null;
  private readonly siteAdj = new Map<string, SiteNeighbour[]>();
  private transitAdjCache: TransitAdjacency | null = null;
  private transitSearchCache: TransitSearch | null = null;

  /**
   * Forget the answers to path queries: a graph kept to build the next one from (revalidate.ts)
   * need not hold them (the next graph starts its own; ~0.2 MB at 3,000 elements).
   */
  forgetPaths(): void {
    this.pathCache.clear();
  }

  /**
   * The graph of `index`'s design under `failed`. With `previous`, the graph of a design just
   * before an edit, what depends only on parts the edit left alone is taken from it (see
   * `sameStructure`); everything else, and every query cache, is built afresh.
   */
  constructor(index: DesignIndex, failed: ReadonlySet<string> = new Set(), previous?: DesignGraph) {
    this.index = index;
    this.failed = failed;
    const design = index.design;
    const dead = deadSet(design, failed);
    this.dead = dead;
    const reuse = previous ? DesignGraph.sameStructure(previous, design, failed) : null;
    if (previous && reuse) {
      this.nodeIds = previous.nodeIds;
      this.nodeIdx = previous.nodeIdx;
      this.linkIds = previous.linkIds;
      this.fabricOf = previous.fabricOf;
      this.localOf = previous.localOf;
      this.fabrics = previous.fabrics;
      this.fabricBySite = previous.fabricBySite;
      this.ports = previous.ports;
      this.portOf = previous.portOf;
      this.siteKeyOf = previous.siteKeyOf;
      this.islandOf = previous.islandOf;
      this.torNeighbours = previous.torNeighbours;
      this.l2Count = previous.l2Count;
      this.siteAdj = previous.siteAdj;
      this.trees = previous.trees;
      // Caches of what depends on that structure alone: the same answers, shared.
      this.l2NodesCache = previous.l2NodesCache;
      this.transitAdjCache = previous.transitAdjCache;
      this.transitSearchCache = previous.transitSearchCache;
      // L2 domains also depend on which DCI links carry which segments.
      if (reuse.sameL2) {
        this.linksBySegment = previous.linksBySegment;
        this.l2Cache = previous.l2Cache;
      }
      // The links between sites, read again, in the design's order as below.
      for (const e of previous.interLinks) {
        const l = design.links[e.link] as Link;
        const rttMs = linkRttMs(l, design.settings);
        this.interLinks.push({ ...e, rttMs, bandwidthGbps: l.bandwidthGbps });
      }
      return;
    }

    for (const n of design.nodes) {
      this.nodeIdx.set(n.id, this.nodeIds.length);
      this.nodeIds.push(n.id);
      this.siteKeyOf.push(n.kind === 'site' ? n.id : n.parentId);
    }
    for (const l of design.links) {
      this.linkIds.push(l.id);
    }
    const count = this.nodeIds.length;
    this.fabricOf = new Int32Array(count).fill(-1);
    this.localOf = new Int32Array(count).fill(-1);

    // One fabric per live site, its container first.
    for (const s of index.sites) {
      if (dead.has(s.id)) continue;
      const g = this.nodeIdx.get(s.id) ?? -1;
      this.fabricBySite.set(s.id, this.fabrics.length);
      this.fabricOf[g] = this.fabrics.length;
      this.localOf[g] = 0;
      this.fabrics.push(new SiteFabric(g, s.role === 'witness'));
    }
    for (let g = 0; g < count; g++) {
      const n = design.nodes[g] as DesignNode;
      if (n.kind === 'site' || dead.has(n.id)) continue;
      const fi = this.fabricBySite.get(n.parentId);
      const f = fi === undefined ? undefined : this.fabrics[fi];
      if (fi === undefined || !f) continue;
      this.fabricOf[g] = fi;
      this.localOf[g] = f.members.length;
      f.members.push(g);
      f.transit.push(TRANSIT.has(n.kind));
    }

    // Design-level fabric islands (failures ignored): which devices the drawing leaves unwired.
    const islands = new UnionFind(count);
    // Each link's two ends as global node indexes (-1: no such node), looked up once.
    const ends = new Int32Array(2 * design.links.length);
    for (let i = 0; i < design.links.length; i++) {
      const l = design.links[i] as Link;
      const a = this.nodeIdx.get(l.source) ?? -1;
      const b = this.nodeIdx.get(l.target) ?? -1;
      ends[2 * i] = a;
      ends[2 * i + 1] = b;
      if (a < 0 || b < 0) continue;
      if (this.siteKeyOf[a] !== this.siteKeyOf[b]) continue;
      islands.union(a, b);
      const na = design.nodes[a];
      const nb = design.nodes[b];
      if (na?.kind === 'tor' && nb?.kind !== 'tor') this.pushTor(b, a);
      if (nb?.kind === 'tor' && na?.kind !== 'tor') this.pushTor(a, b);
    }

    // L2 domains: one core per live site, one island per live L3 ToR (numbered now).
    this.l2Count = this.fabrics.length;
    for (let g = 0; g < count; g++) {
      if (isL3Tor(design.nodes[g] as DesignNode) && (this.fabricOf[g] as number) >= 0)
        this.islandOf.set(g, this.l2Count++);
    }

    // Links: inside a site they are fabric edges; between sites they join ports.
    for (let li = 0; li < design.links.length; li++) {
      const l = design.links[li] as Link;
      if (dead.size > 0 && dead.has(l.id)) continue;
      const a = ends[2 * li] as number;
      const b = ends[2 * li + 1] as number;
      if (a < 0 || b < 0) continue;
      const fa = this.fabricOf[a] as number;
      const fb = this.fabricOf[b] as number;
      if (fa < 0 || fb < 0) continue;
      const rttMs = linkRttMs(l, design.settings);
      if (fa === fb) {
        const f = this.fabrics[fa];
        const la = this.localOf[a] ?? -1;
        const lb = this.localOf[b] ?? -1;
        if (!f || la < 0 || lb < 0 || la === lb) continue;
        f.add(la, lb, li, rttMs, l.bandwidthGbps);
        f.add(lb, la, li, rttMs, l.bandwidthGbps);
      } else {
        const pa = this.port(a);
        const pb = this.port(b);
        this.interLinks.push({ link: li, a: pa, b: pb, rttMs, bandwidthGbps: l.bandwidthGbps });
        const sa = this.nodeId(this.fabric(fa).site);
        const sb = this.nodeId(this.fabric(fb).site);
        this.pushSiteNeighbour(sa, { linkId: l.id, siteId: sb });
        this.pushSiteNeighbour(sb, { linkId: l.id, siteId: sa });
      }
    }

    // Implicit zero-cost hops between a site container and its hubs and unwired islands.
    const devicesBySite = new Map<string, number[]>();
    for (let g = 0; g < count; g++) {
      const n = design.nodes[g] as DesignNode;
      if (n.kind === 'site') continue;
      const list = devicesBySite.get(n.parentId);
      if (list) list.push(g);
      else devicesBySite.set(n.parentId, [g]);
    }
    for (const f of this.fabrics) {
      const siteId = this.nodeId(f.site);
      const devices = devicesBySite.get(siteId) ?? [];
      const hubKind = HUB_PREFERENCE.find((k) => devices.some((d) => design.nodes[d]?.kind === k));
      const isHub = (d: number) => hubKind === undefined || design.nodes[d]?.kind === hubKind;
      const anchored = new Set<number>([islands.find(f.site)]);
      for (const d of devices) if (isHub(d)) anchored.add(islands.find(d));
      for (const d of devices) {
        if (!isHub(d) && anchored.has(islands.find(d))) continue;
        const local = this.localOf[d] ?? -1;
        if (local < 0 || this.fabricOf[d] !== this.fabricBySite.get(siteId)) continue;
        f.add(0, local, -1, 0, Infinity);
        f.add(local, 0, -1, 0, Infinity);
      }
      f.seal();
    }
  }

  /**
   * Whether `previous` (the graph of the design before an edit) has the structure of `design`'s
   * graph under `failed`, so the constructor may take it. The structure (node numbering, site
   * fabrics with their edges and RTTs, ports, islands, ToR neighbours, the site graph's
   * adjacency, and the Dijkstra trees inside sites) depends on the nodes (not on where they are
   * drawn), the settings, and of the links only on their ends, and on the RTT and bandwidth of
   * the links inside a site. So a move, or an edit of a DCI link's distance, RTT, bandwidth,
   * transport, MTU or L2 extension, or of any link's name, keeps it: only the links between
   * sites are read again (their RTTs and bandwidths) and every query cache starts empty. Never under failures (the studio validates
   * the design as it is; what-if runs build their own graphs).
   */
  private static sameStructure(
    previous: DesignGraph,
    design: Design,
    failed: ReadonlySet<string>,
  ): { readonly sameL2: boolean } | null {
    const before = previous.index.design;
    if (failed.size > 0 || previous.failed.size > 0) return null;
    if (design.settings !== before.settings) return null;
    // Where nodes are drawn is no part of the graph (it reads their ids, kinds, parents, roles).
    if (!sameNodesButPlaces(before.nodes, design.nodes)) return null;
    const links = design.links;
    const old = before.links;
    if (links.length !== old.length) return null;
    let sameL2 = true;
    for (let i = 0; i < links.length; i++) {
      const l = links[i] as Link;
      const o = old[i] as Link;
      if (l === o) continue;
      if (sameL2 && !sameL2Carriage(l, o)) sameL2 = false;
      if (l.id !== o.id || l.source !== o.source || l.target !== o.target || l.kind !== o.kind)
        return null;
      const a = previous.nodeIdx.get(l.source) ?? -1;
      const b = previous.nodeIdx.get(l.target) ?? -1;
      const fa = a < 0 ? -1 : (previous.fabricOf[a] as number);
      const fb = b < 0 ? -1 : (previous.fabricOf[b] as number);
      // A link inside one site is an edge of its fabric: its figures must not have changed.
      const between = fa >= 0 && fb >= 0 && fa !== fb;
      if (
        !between &&
        (linkRttMs(l, design.settings) !== linkRttMs(o, design.settings) ||
          l.bandwidthGbps !== o.bandwidthGbps)
      )
        return null;
    }
    return { sameL2 };
  }

  /** The id of a global node index; a bad index is a bug here, never an empty id. */
  private nodeId(g: number): string {
    const id = this.nodeIds[g];
    if (id === undefined) throw new Error(`no node at index ${g}`);
    return id;
  }

  private linkId(li: number): string {
    const id = this.linkIds[li];
    if (id === undefined) throw new Error(`no link at index ${li}`);
    return id;
  }

  private fabric(fi: number): SiteFabric {
    const f = this.fabrics[fi];
    if (!f) throw new Error(`no site fabric at index ${fi}`);
    return f;
  }

  private pushTor(device: number, tor: number): void {
    const list = this.torNeighbours.get(device);
    if (list) list.push(tor);
    else this.torNeighbours.set(device, [tor]);
  }

  private pushSiteNeighbour(siteId: string, n: SiteNeighbour): void {
    const list = this.siteAdj.get(siteId);
    if (list) list.push(n);
    else this.siteAdj.set(siteId, [n]);
  }

  private port(g: number): number {
    const existing = this.portOf.get(g);
    if (existing !== undefined) return existing;
    const p = this.ports.length;
    this.ports.push(g);
    this.portOf.set(g, p);
    this.fabrics[this.fabricOf[g] ?? -1]?.ports.push(p);
    return p;
  }

  /** Whether an element (node, link or site) is absent under the failed set. */
  isDead(id: string): boolean {
    return this.dead.has(id);
  }

  private tree(g: number): Tree {
    let t = this.trees.get(g);
    if (!t) {
      const f = this.fabrics[this.fabricOf[g] ?? -1];
      if (!f) throw new Error(`node ${this.nodeIds[g] ?? g} has no live site`);
      t = dijkstra(f, this.localOf[g] ?? 0);
      this.trees.set(g, t);
    }
    return t;
  }

  /** Per-port trees and all-pairs shortest paths over the port graph (Floyd–Warshall). */
  private ensurePorts(): Tree[] {
    if (this.portTrees) return this.portTrees;
    const P = this.ports.length;
    const trees = this.ports.map((g) => this.tree(g));
    const dist = new Float64Array(P * P).fill(Infinity);
    const bn = new Float64Array(P * P);
    const next = new Int32Array(P * P).fill(-1);
    const direct = new Int32Array(P * P).fill(-2);
    for (let i = 0; i < P; i++) {
      dist[i * P + i] = 0;
      bn[i * P + i] = Infinity;
      next[i * P + i] = i;
      const gi = this.ports[i] ?? 0;
      const f = this.fabrics[this.fabricOf[gi] ?? -1];
      const t = trees[i];
      if (!f || !t) continue;
      for (const j of f.ports) {
        if (j === i) continue;
        const lj = this.localOf[this.ports[j] ?? 0] ?? 0;
        const d = t.dist[lj] ?? Infinity;
        if (d < Infinity) {
          dist[i * P + j] = d;
          bn[i * P + j] = t.bottleneck[lj] ?? 0;
          next[i * P + j] = j;
          direct[i * P + j] = -1;
        }
      }
    }
    for (const e of this.interLinks) {
      for (const [x, y] of [
        [e.a, e.b],
        [e.b, e.a],
      ] as const) {
        if (e.rttMs < (dist[x * P + y] ?? Infinity)) {
          dist[x * P + y] = e.rttMs;
          bn[x * P + y] = e.bandwidthGbps;
          next[x * P + y] = y;
          direct[x * P + y] = e.link;
        }
      }
    }
    // A stub (witness) site's port is an end of a path, never a relay between two others.
    const relays = this.ports.map((g) => this.fabrics[this.fabricOf[g] ?? -1]?.stub === false);
    for (let k = 0; k < P; k++) {
      if (!relays[k]) continue;
      for (let i = 0; i < P; i++) {
        const dik = dist[i * P + k] ?? Infinity;
        if (dik === Infinity) continue;
        for (let j = 0; j < P; j++) {
          const nd = dik + (dist[k * P + j] ?? Infinity);
          if (nd < (dist[i * P + j] ?? Infinity)) {
            dist[i * P + j] = nd;
            bn[i * P + j] = Math.min(bn[i * P + k] ?? 0, bn[k * P + j] ?? 0);
            next[i * P + j] = next[i * P + k] ?? -1;
          }
        }
      }
    }
    this.portDist = dist;
    this.portBottleneck = bn;
    this.portNext = next;
    this.portDirect = direct;
    this.portTrees = trees;
    return trees;
  }

  /**
   * Steps of paths are numbers until a result is made: a node as its global index g ≥ 0, a link
   * as ~li (its global index, bitwise negated, < 0).
   */
  private treeSteps(f: SiteFabric, tree: Tree, t: number, out: Steps): void {
    // The tree path from its source to local target `t`, appended in order.
    const start = out.length;
    this.treeStepsBack(f, tree, t, out);
    out.reverseFrom(start);
  }

  /** As treeSteps, from local target `t` back to the tree's source. */
  private treeStepsBack(f: SiteFabric, tree: Tree, t: number, out: Steps): void {
    let c = t;
    let guard = f.members.length + 1;
    while (c >= 0 && guard-- > 0) {
      out.push(f.members[c] as number);
      const li = tree.prevLink[c] as number;
      const p = tree.prev[c] as number;
      if (p >= 0 && li >= 0) out.push(~li);
      c = p;
    }
  }

  /** The port graph's path from port i to port j, without port i itself. */
  private portSteps(i: number, j: number, out: Steps): void {
    const P = this.ports.length;
    const trees = this.portTrees ?? [];
    let u = i;
    let guard = P + 1;
    while (u !== j && guard-- > 0) {
      const v = this.portNext[u * P + j] as number;
      if (v < 0) break;
      const direct = this.portDirect[u * P + v] as number;
      if (direct >= 0) {
        out.push(~direct);
        out.push(this.ports[v] as number);
      } else {
        const gu = this.ports[u] as number;
        const f = this.fabrics[this.fabricOf[gu] as number];
        const t = trees[u];
        if (f && t) {
          // The tree path from port u to port v, without port u (already in `out`).
          const start = out.length;
          this.treeSteps(f, t, this.localOf[this.ports[v] as number] as number, out);
          if (out.length > start) out.dropAt(start);
        }
      }
      u = v;
    }
  }

  /**
   * Shortest-RTT path between two nodes (devices or sites), or null when either is absent or no
   * path exists. The result is cached; both directions give the same figures.
   */
  path(fromId: string, toId: string): PathResult | null {
    const x = this.nodeIdx.get(fromId);
    const y = this.nodeIdx.get(toId);
    if (x === undefined || y === undefined) return null;
    const key = x * this.nodeIds.length + y;
    const cached = this.pathCache.get(key);
    if (cached !== undefined) return cached;
    const result = this.computePath(x, y);
    this.pathCache.set(key, result);
    return result;
  }

  /** RTT between two nodes; Infinity when there is no path. */
  rttMs(fromId: string, toId: string): number {
    return this.path(fromId, toId)?.rttMs ?? Infinity;
  }

  private computePath(x: number, y: number): PathResult | null {
    const fx = this.fabricOf[x] as number;
    const fy = this.fabricOf[y] as number;
    const fabX = this.fabrics[fx];
    const fabY = this.fabrics[fy];
    if (!fabX || !fabY) return null;
    const lx = this.localOf[x] as number;
    const ly = this.localOf[y] as number;
    const steps = this.steps;
    steps.length = 0;
    if (x === y) {
      steps.push(x);
      return this.result(steps, 0, Infinity);
    }

    let best = Infinity;
    let bestBn = 0;
    let within = false;
    let bestP = -1;
    let bestQ = -1;
    if (fx === fy) {
      within = searchWithin(fabX, lx, ly, this.forward, this.backward, this.meeting);
      if (within) {
        best = this.meeting.dist;
        bestBn = this.meeting.bottleneck;
      }
    }
    const trees = this.ensurePorts();
    const P = this.ports.length;
    for (const p of fabX.ports) {
      const tp = trees[p];
      if (!tp) continue;
      const dxp = tp.dist[lx] as number;
      if (dxp === Infinity || dxp >= best) continue;
      for (const q of fabY.ports) {
        const tq = trees[q];
        if (!tq) continue;
        const d = dxp + (this.portDist[p * P + q] as number) + (tq.dist[ly] as number);
        if (d < best) {
          best = d;
          bestBn = Math.min(
            tp.bottleneck[lx] as number,
            this.portBottleneck[p * P + q] as number,
            tq.bottleneck[ly] as number,
          );
          bestP = p;
          bestQ = q;
        }
      }
    }
    const tp = trees[bestP];
    const tq = trees[bestQ];
    if (tp && tq) {
      this.treeStepsBack(fabX, tp, lx, steps);
      this.portSteps(bestP, bestQ, steps);
      // The tree path from port q to y, without port q (already in `steps`).
      const start = steps.length;
      this.treeSteps(fabY, tq, ly, steps);
      if (steps.length > start) steps.dropAt(start);
    } else if (within) {
      withinSteps(fabX, this.forward, this.backward, this.meeting, steps);
    } else return null;
    return this.result(steps, best, bestBn);
  }

  /**
   * The result of a path's steps. Its lists are written into arrays the graph keeps and copied
   * out at their exact length: grown by push, they held up to three times the room they needed.
   */
  private result(steps: Steps, rttMs: number, bottleneckGbps: number): PathResult {
    const path = this.pathIds;
    const linkIds = this.pathLinkIds;
    const siteIds = this.pathSiteIds;
    let links = 0;
    let sites = 0;
    const items = steps.items;
    for (let k = 0; k < steps.length; k++) {
      const step = items[k] as number;
      if (step < 0) {
        const id = this.linkId(~step);
        path[k] = id;
        linkIds[links++] = id;
        continue;
      }
      path[k] = this.nodeId(step);
      const s = this.siteKeyOf[step];
      if (s !== undefined && (sites === 0 || siteIds[sites - 1] !== s)) siteIds[sites++] = s;
    }
    return {
      rttMs,
      bottleneckGbps,
      path: path.slice(0, steps.length),
      linkIds: linkIds.slice(0, links),
      siteIds: siteIds.slice(0, sites),
    };
  }

  // -------------------------------------------------------------------------------------------
  // L2 reachability

  /**
   * The L2 domains a node sits in: its site's L2 core, or the island behind an L3 ToR. A cluster
   * attached to ToRs sits behind each live one; a cluster with no ToR is on the site's L2.
   */
  l2NodesOf(nodeId: string): readonly number[] {
    const g = this.nodeIdx.get(nodeId);
    if (g === undefined) return [];
    const cached = this.l2NodesCache[g];
    if (cached) return cached;
    const out = this.computeL2Nodes(g);
    this.l2NodesCache[g] = out;
    return out;
  }

  private coreOf(g: number): number {
    return this.fabricOf[g] ?? -1;
  }

  private islandFor(g: number): number {
    return this.islandOf.get(g) ?? this.coreOf(g);
  }

  private computeL2Nodes(g: number): number[] {
    const n = this.index.design.nodes[g];
    if (!n || (this.fabricOf[g] ?? -1) < 0) return [];
    if (n.kind === 'tor') return [isL3Tor(n) ? this.islandFor(g) : this.coreOf(g)];
    if (n.kind === 'cluster') {
      const tors = this.torNeighbours.get(g);
      if (!tors || tors.length === 0) return [this.coreOf(g)];
      // Each domain once, in the order first met (a cluster has a ToR or two: no set needed).
      const out: number[] = [];
      for (const t of tors) {
        const tn = this.index.design.nodes[t];
        if (!tn || (this.fabricOf[t] ?? -1) < 0) continue;
        const x = isL3Tor(tn) ? this.islandFor(t) : this.coreOf(t);
        if (!out.includes(x)) out.push(x);
      }
      return out;
    }
    return [this.coreOf(g)];
  }

  /**
   * The DCI links carrying segment S at L2 ('*': any), by index. Segments carried by the same
   * links share one list, and so one union-find of their domains (`l2Domains`): a design whose
   * segments are all stretched over the same links (the bench's 40 over 8) builds one per link
   * left out, not one per segment and link.
   */
  private segmentLinks(segmentId: string): readonly number[] {
    if (!this.linksBySegment) {
      const map = new Map<string, number[]>();
      const any: number[] = [];
      const all = this.index.design.links;
      for (let i = 0; i < all.length; i++) {
        const l = all[i] as Link;
        if (this.dead.has(l.id) || l.kind !== 'dci' || !extendsL2(l)) continue;
        any.push(i);
        for (const s of l.extendedSegmentIds) {
          const list = map.get(s);
          if (list) list.push(i);
          else map.set(s, [i]);
        }
      }
      map.set('*', any);
      const shared = new Map<string, readonly number[]>();
      const bySegment = new Map<string, readonly number[]>();
      for (const [s, list] of map) {
        const key = list.join(',');
        const same = shared.get(key);
        if (same) bySegment.set(s, same);
        else {
          shared.set(key, list);
          bySegment.set(s, list);
        }
      }
      this.linksBySegment = bySegment;
    }
    return this.linksBySegment.get(segmentId) ?? NO_LINKS;
  }

  /**
   * Union-find of L2 domains joined by the DCI links carrying the segment ('*': any), without
   * one of them if given. Built once per list of links (segments with the same links share it),
   * and a link the list does not hold leaves it as it is.
   */
  private l2Domains(segmentId: string, withoutLinkId?: string): { find: (x: number) => number } {
    const links = this.segmentLinks(segmentId);
    let domains = this.l2Cache.get(links);
    if (!domains) {
      domains = { all: null, without: new Map() };
      this.l2Cache.set(links, domains);
    }
    // Whether the link left out is one of the list's (else the union-find is that of them all).
    let held = false;
    if (withoutLinkId !== undefined) {
      const cached = domains.without.get(withoutLinkId);
      if (cached) return cached;
      const all = this.index.design.links;
      for (const li of links) if (all[li]?.id === withoutLinkId) held = true;
    }
    if (!held && domains.all) return domains.all;
    const uf = new UnionFind(this.l2Count);
    for (const li of links) {
      const l = this.index.design.links[li];
      if (!l || (held && l.id === withoutLinkId)) continue;
      // Each link joins the L2 nodes at both its ends.
      const a = this.l2NodesOf(l.source);
      const b = this.l2NodesOf(l.target);
      const first = a[0] ?? b[0];
      if (first === undefined) continue;
      for (const x of a) uf.union(first, x);
      for (const x of b) uf.union(first, x);
    }
    if (!held) domains.all = uf;
    if (withoutLinkId !== undefined) domains.without.set(withoutLinkId, uf);
    return uf;
  }

  /** Whether segment S reaches from node a to node b at L2 (optionally without one link). */
  l2Reachable(segmentId: string, a: string, b: string, withoutLinkId?: string): boolean {
    const na = this.l2NodesOf(a);
    const nb = this.l2NodesOf(b);
    if (na.length === 0 || nb.length === 0) return false;
    const uf = this.l2Domains(segmentId, withoutLinkId);
    for (const x of na) {
      const rx = uf.find(x);
      for (const y of nb) if (uf.find(y) === rx) return true;
    }
    return false;
  }

  /** The site ids segment S reaches at L2 from node a (its own site included). */
  l2Sites(segmentId: string, a: string): ReadonlySet<string> {
    const na = this.l2NodesOf(a);
    const uf = this.l2Domains(segmentId);
    const roots = new Set(na.map((x) => uf.find(x)));
    const out = new Set<string>();
    for (const [fi, f] of this.fabrics.entries()) {
      if (roots.has(uf.find(fi))) out.add(this.nodeId(f.site));
    }
    return out;
  }

  /**
   * L2 reachability of S from a to b and, when it does not reach, the gap: the first element on
   * the routed path from a to b that does not carry S (an L3 ToR without overlay, or a DCI link
   * that does not extend S). Falls back to b itself when the path shows no single culprit.
   */
  l2Gap(segmentId: string, a: string, b: string): L2Gap {
    if (this.l2Reachable(segmentId, a, b)) return { reachable: true };
    const path = this.path(a, b);
    if (!path) return { reachable: false };
    for (const id of path.path) {
      const n = this.index.nodes.get(id);
      if (n && isL3Tor(n)) return { reachable: false, gapId: id, path };
      const l = this.index.links.get(id);
      if (
        l &&
        this.index.siteOf(l.source) !== this.index.siteOf(l.target) &&
        !carriesAtL2(l, segmentId)
      )
        return { reachable: false, gapId: id, path };
    }
    return { reachable: false, gapId: b, path };
  }

  // -------------------------------------------------------------------------------------------
  // The site graph

  /** Live DCI links out of a site, with the site at the other end. */
  siteNeighbours(siteId: string): readonly SiteNeighbour[] {
    return this.siteAdj.get(siteId) ?? [];
  }

  /**
   * Whether a site is a stub (role `witness`, DOMAIN.md §8): paths start or end there, never
   * cross it. The one definition every query of this graph uses.
   */
  isStubSite(siteId: string): boolean {
    const n = this.index.nodes.get(siteId);
    return n?.kind === 'site' && n.role === 'witness';
  }

  /** Whether two sites are joined, avoiding some sites and links (see `siteRoute`). */
  sitesConnected(a: string, b: string, avoid: SiteAvoid = {}): boolean {
    return this.siteRoute(a, b, avoid) !== null;
  }

  /**
   * One route of DCI links from site a to site b, as [b, link, site, link, …, a], avoiding some
   * sites and links, or null when there is none. A stub site is never walked through (it may
   * be a or b). Breadth-first, so the route has the fewest hops.
   */
  siteRoute(a: string, b: string, avoid: SiteAvoid = {}): string[] | null {
    if (this.dead.has(a) || this.dead.has(b) || !this.fabricBySite.has(a)) return null;
    if (a === b) return [a];
    const via = new Map<string, { readonly site: string; readonly link: string }>();
    const seen = new Set([a]);
    const queue = [a];
    for (let i = 0; i < queue.length; i++) {
      const s = queue[i];
      if (s === undefined) break;
      for (const n of this.siteNeighbours(s)) {
        if (seen.has(n.siteId) || avoid.links?.has(n.linkId) || avoid.sites?.has(n.siteId))
          continue;
        seen.add(n.siteId);
        via.set(n.siteId, { site: s, link: n.linkId });
        if (n.siteId === b) {
          const route = [b];
          for (let c = b; c !== a;) {
            const step = via.get(c);
            if (!step) throw new Error(`site route to ${b} lost its way at ${c}`);
            route.push(step.link, step.site);
            c = step.site;
          }
          return route;
        }
        if (!this.isStubSite(n.siteId)) queue.push(n.siteId);
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Single points of failure

  /**
   * The single points between two sites (DOMAIN.md §8): the devices (spine, ToR, border,
   * firewall; never a site container) and the links whose failure alone cuts every path from
   * one site to the other. Ordered from a to b. Null when either site is absent or a stub, or
   * when the two are not joined at all. Stub sites carry nothing between others, so they are
   * left out of the search.
   *
   * How: one depth-first search per graph over the transit graph (network devices, site
   * containers, and the links and implicit site hops between them), computing low-links as
   * Tarjan's articulation-point algorithm does, parallel links counted as separate edges. Any
   * separator lies on the tree path a … lca … b. On it, a vertex v below the lca separates a from
   * b exactly when its child c toward the end below it has low[c] ≥ disc[v]; the lca does when
   * either of its two children on the path does; a tree edge p–c on the path is a bridge between
   * them when low[c] > disc[p]. So the cost is one linear search per graph, plus the length of
   * the tree path per pair.
   */
  singlePoints(a: string, b: string): SinglePoints | null {
    if (a === b || this.isStubSite(a) || this.isStubSite(b)) return null;
    const ga = this.nodeIdx.get(a);
    const gb = this.nodeIdx.get(b);
    if (ga === undefined || gb === undefined) return null;
    if ((this.fabricOf[ga] ?? -1) < 0 || (this.fabricOf[gb] ?? -1) < 0) return null;
    const t = this.transitSearch();
    const root = (x: number) => t.root[x] ?? -1;
    if (root(ga) < 0 || root(ga) !== root(gb)) return null;
    const depth = (x: number) => t.depth[x] ?? -1;
    const parentOf = (x: number) => {
      const p = t.parent[x] ?? -1;
      if (p < 0) throw new Error(`search tree broken at ${this.nodeIds[x] ?? x}`);
      return p;
    };
    // The tree path a … lca … b, climbing from both ends.
    const up: number[] = [ga];
    const down: number[] = [gb];
    let x = ga;
    let y = gb;
    while (depth(x) > depth(y)) up.push((x = parentOf(x)));
    while (depth(y) > depth(x)) down.push((y = parentOf(y)));
    while (x !== y) {
      up.push((x = parentOf(x)));
      down.push((y = parentOf(y)));
    }
    down.pop(); // the lca ends `up`
    const path = [...up, ...down.reverse()];
    const lca = x;
    const low = (c: number) => t.low[c] ?? -1;
    const disc = (v: number) => t.disc[v] ?? -1;
    const devices: string[] = [];
    const links: string[] = [];
    const design = this.index.design;
    for (const [k, v] of path.entries()) {
      const before = path[k - 1];
      const after = path[k + 1];
      // A tree edge on the path is a bridge between a and b when its child's subtree has no
      // other way out (low > disc of the parent).
      if (after !== undefined) {
        const [p, c] = k < up.length - 1 ? [after, v] : [v, after];
        const link = t.parentLink[c] ?? -1;
        if (link >= 0 && low(c) > disc(p)) links.push(this.linkId(link));
      }
      if (before === undefined || after === undefined || design.nodes[v]?.kind === 'site') continue;
      // v separates a and b when the child of v toward an end that lies below v has no way
      // around v (low ≥ disc[v]); at the lca either end's side will do.
      const children = v === lca ? [before, after] : [k < up.length ? before : after];
      if (children.some((c) => low(c) >= disc(v))) devices.push(this.nodeId(v));
    }
    return { devices, links };
  }

  /** Adjacency of the transit graph, by global node index: (neighbour, link index or -1). */
  private transitAdj(): TransitAdjacency {
    if (this.transitAdjCache) return this.transitAdjCache;
    // The undirected edges in order (ends and link), then rows filled in that order.
    const ends: number[] = [];
    const links: number[] = [];
    const add = (x: number, y: number, link: number) => {
      ends.push(x, y);
      links.push(link);
    };
    for (const f of this.fabrics) {
      if (f.stub) continue;
      for (let u = 0; u < f.members.length; u++) {
        if (!f.transit[u]) continue;
        for (let k = f.offset[u] as number, end = f.offset[u + 1] as number; k < end; k++) {
          const v = f.to[k] as number;
          // Each undirected edge is listed from both ends: keep it once.
          if (v <= u || !f.transit[v]) continue;
          add(f.members[u] ?? -1, f.members[v] ?? -1, f.link[k] as number);
        }
      }
    }
    for (const l of this.interLinks) {
      const x = this.ports[l.a] ?? -1;
      const y = this.ports[l.b] ?? -1;
      const fx = this.fabrics[this.fabricOf[x] ?? -1];
      const fy = this.fabrics[this.fabricOf[y] ?? -1];
      if (!fx || !fy || fx.stub || fy.stub) continue;
      if (!fx.transit[this.localOf[x] ?? -1] || !fy.transit[this.localOf[y] ?? -1]) continue;
      add(x, y, l.link);
    }
    const n = this.nodeIds.length;
    const valid = (x: number) => x >= 0 && x < n;
    const offset = new Int32Array(n + 1);
    for (const x of ends) if (valid(x)) offset[x + 1] = (offset[x + 1] as number) + 1;
    for (let v = 0; v < n; v++) offset[v + 1] = (offset[v + 1] as number) + (offset[v] as number);
    const fill = offset.slice(0, n);
    const m = offset[n] as number;
    const adj = {
      offset,
      to: new Int32Array(m),
      link: new Int32Array(m),
      edge: new Int32Array(m),
    };
    const put = (from: number, to: number, e: number) => {
      if (!valid(from)) return;
      const at = fill[from] as number;
      fill[from] = at + 1;
      adj.to[at] = to;
      adj.link[at] = links[e] as number;
      adj.edge[at] = e;
    };
    for (let e = 0; e < links.length; e++) {
      const x = ends[2 * e] as number;
      const y = ends[2 * e + 1] as number;
      put(x, y, e);
      put(y, x, e);
    }
    this.transitAdjCache = adj;
    return adj;
  }

  /**
   * An iterative depth-first search of the whole transit graph (a forest: one tree per
   * connected part), with discovery times, low-links, depths and each vertex's tree root.
   */
  private transitSearch(): TransitSearch {
    if (this.transitSearchCache) return this.transitSearchCache;
    const adj = this.transitAdj();
    const n = this.nodeIds.length;
    const disc = new Int32Array(n).fill(-1);
    const low = new Int32Array(n).fill(-1);
    const parent = new Int32Array(n).fill(-1);
    const parentLink = new Int32Array(n).fill(-1);
    const parentEdge = new Int32Array(n).fill(-1);
    const depth = new Int32Array(n).fill(-1);
    const root = new Int32Array(n).fill(-1);
    const cursor = new Int32Array(n);
    let time = 0;
    const stack: number[] = [];
    for (let r = 0; r < n; r++) {
      if ((disc[r] ?? -1) >= 0 || adj.offset[r] === adj.offset[r + 1]) continue;
      disc[r] = low[r] = time++;
      depth[r] = 0;
      root[r] = r;
      stack.push(r);
      while (stack.length > 0) {
        const v: number = stack[stack.length - 1] ?? r;
        const k = (adj.offset[v] as number) + (cursor[v] as number);
        if (k < (adj.offset[v + 1] as number)) {
          cursor[v] = (cursor[v] as number) + 1;
          const to = adj.to[k] as number;
          const edge = adj.edge[k] as number;
          // Parallel links are separate edges: only the very edge we came in by is skipped.
          if (edge === parentEdge[v]) continue;
          if ((disc[to] ?? -1) < 0) {
            disc[to] = low[to] = time++;
            parent[to] = v;
            parentLink[to] = adj.link[k] as number;
            parentEdge[to] = edge;
            depth[to] = (depth[v] ?? 0) + 1;
            root[to] = r;
            stack.push(to);
          } else {
            low[v] = Math.min(low[v] ?? 0, disc[to] ?? 0);
          }
          continue;
        }
        stack.pop();
        const p = parent[v] ?? -1;
        if (p >= 0) low[p] = Math.min(low[p] ?? 0, low[v] ?? 0);
      }
    }
    this.transitSearchCache = { disc, low, parent, parentLink, depth, root };
    return this.transitSearchCache;
  }
}

/** Build the graph of a design under a failed set (ids of nodes, links or sites). */
export function buildGraph(design: Design, failed?: ReadonlySet<string>): DesignGraph {
  return new DesignGraph(buildIndex(design), failed);
}
