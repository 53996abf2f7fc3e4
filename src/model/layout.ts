/**
 * "Tidy up": an automatic layout of a whole design. Inside each site, elk's layered algorithm
 * orders the devices of each tier so fabric links cross as little as possible; the tiers
 * themselves (spines and borders on top, leaves and witnesses below, clusters, arrays and
 * firewalls at the bottom) are fixed by kind, whatever the links say. Sites keep the user's
 * arrangement: each is resized to fit what it holds, and neighbours that a grown site would
 * crowd are pushed right or down, never past one another.
 *
 * Pure: returns a new design in which only positions and site sizes differ. elk (~1.4 MB) is
 * loaded on first use, so the first screen does not pay for it.
 */
import { DEVICE_SIZE } from './defaults';
import type { Design, DesignNode, Device, DeviceKind, Link, Position, Site } from './schema';
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';

export const TIDY = {
  gridPx: 16,
  /** Between devices of one tier: room for the device labels' edges and finding badges. */
  nodeGapPx: 32,
  /** Between tiers: room for the fabric links to fan out. */
  tierGapPx: 56,
  siteHeaderPx: 48,
  /** Left, right and bottom; also covers the workload chips drawn 12 px below clusters. */
  sitePaddingPx: 40,
  /** Kept between sites that a resized site would otherwise crowd. */
  siteGapPx: 120,
  siteMinWidthPx: 240,
  siteMinHeightPx: 160,
} as const;

/** Top to bottom; tiers a site does not use take no room. */
export const TIDY_TIER: Readonly<Record<DeviceKind, number>> = {
  spine: 0,
  border: 0,
  tor: 1,
  witness: 1,
  cluster: 2,
  array: 2,
  firewall: 2,
};

const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // Layers come from the tiers (each device is handed to elk at its tier's y), so elk orders the
  // devices within a tier but never moves one across. Partitioning would do the same through
  // constraint edges between every pair of consecutive tiers: quadratic, 47 s for one 500-device site.
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
  'elk.spacing.nodeNode': String(TIDY.nodeGapPx),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(TIDY.tierGapPx),
  'elk.spacing.edgeNode': String(TIDY.nodeGapPx / 2),
  // Isolated devices stay in their tier instead of being packed beside the fabric.
  'elk.separateConnectedComponents': 'false',
  // Ties in crossing minimisation follow the order devices are given in (their current x).
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.randomSeed': '1',
  // React Flow draws the links itself; elk's default orthogonal routing would be wasted work
  // (more than half the time on a 500-device site).
  'elk.edgeRouting': 'POLYLINE',
};

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

interface SiteLayout {
  /** Device positions relative to the site. */
  readonly positions: ReadonlyMap<string, Position>;
  readonly width: number;
  readonly height: number;
}

const snap = (v: number) => Math.round(v / TIDY.gridPx) * TIDY.gridPx;
const snapUp = (v: number) => Math.ceil(v / TIDY.gridPx) * TIDY.gridPx;

let elkInstance: Promise<ELK> | undefined;

/**
 * One elk for the session, loaded on first use (its own chunk under Vite). The bundled build runs
 * in the calling thread, in the browser and in node alike; a failed load is retried next time.
 */
function loadElk(): Promise<ELK> {
  elkInstance ??= import('elkjs/lib/elk.bundled.js').then(
    ({ default: ElkConstructor }) => new ElkConstructor(),
    (error: unknown) => {
      elkInstance = undefined;
      throw error;
    },
  );
  return elkInstance;
}

/**
 * Lays every site's devices out in tiers and resizes and spaces the sites to fit (see the top of
 * this file). Resolves to a new design; rejects only if elk cannot be loaded.
 */

export async function tidyLayout(design: Design): Promise<Design> {
  const sites = design.nodes.filter((n): n is Site => n.kind === 'site');
  const devicesBySite = new Map<string, Device[]>(sites.map((s) => [s.id, []]));
  for (const n of design.nodes) {
    if (n.kind !== 'site') devicesBySite.get(n.parentId)?.push(n);
  }
  const siteOf = new Map<string, string>();
  for (const n of design.nodes) siteOf.set(n.id, n.kind === 'site' ? n.id : n.parentId);

  const elk = sites.some((s) => (devicesBySite.get(s.id)?.length ?? 0) > 0)
    ? await loadElk()
    : undefined;
  const layouts = new Map<string, SiteLayout>();
  for (const site of sites) {
    const devices = devicesBySite.get(site.id) ?? [];
    if (elk && devices.length > 0) {
      layouts.set(site.id, await layoutSite(elk, design, site, devices, sites, siteOf));
    }
  }

  const boxes = arrangeSites(
    sites.map((s) => ({ ...s.position, width: s.width, height: s.height })),
    sites.map((s) => layouts.get(s.id) ?? { width: snapUp(s.width), height: snapUp(s.height) }),
  );
  const siteBox = new Map(sites.map((s, i) => [s.id, boxes[i]]));

  const nodes = design.nodes.map((n): DesignNode => {
    if (n.kind === 'site') {
      const box = siteBox.get(n.id);
      return box
        ? { ...n, position: { x: box.x, y: box.y }, width: box.width, height: box.height }
        : n;
    }
    const position = layouts.get(n.parentId)?.positions.get(n.id);
    return position ? { ...n, position } : n;
  });
  return { ...design, nodes };
}

/** Which way a device's DCI links leave its site: -1 left, 1 right, 0 both or none. */
function dciSide(
  deviceId: string,
  site: Site,
  dciLinks: readonly Link[],
  sites: readonly Site[],
  siteOf: ReadonlyMap<string, string>,
): number {
  const centre = (s: Site) => s.position.x + s.width / 2;
  let pull = 0;
  for (const l of dciLinks) {
    const other = l.source === deviceId ? l.target : l.target === deviceId ? l.source : undefined;
    const peer = other === undefined ? undefined : sites.find((s) => s.id === siteOf.get(other));
    if (peer && peer.id !== site.id) pull += Math.sign(centre(peer) - centre(site));
  }
  return Math.sign(pull);
}

async function layoutSite(
  elk: ELK,
  design: Design,
  site: Site,
  devices: readonly Device[],
  sites: readonly Site[],
  siteOf: ReadonlyMap<string, string>,
): Promise<SiteLayout> {
  const usedTiers = [...new Set(devices.map((d) => TIDY_TIER[d.kind]))].sort((a, b) => a - b);
  const rowOf = new Map(devices.map((d) => [d.id, usedTiers.indexOf(TIDY_TIER[d.kind])]));
  const dciLinks = design.links.filter((l) => l.kind === 'dci');
  // Model order: the user's left-to-right order, with the top tier's DCI edges moved to the side
  // that faces their peer sites so the links between sites do not cut across the fabric.
  const side = new Map(
    devices.map((d) => [
      d.id,
      rowOf.get(d.id) === 0 ? dciSide(d.id, site, dciLinks, sites, siteOf) : 0,
    ]),
  );
  const ordered = devices
    .map((d, index) => ({ d, index }))
    .sort(
      (a, b) =>
        (side.get(a.d.id) ?? 0) - (side.get(b.d.id) ?? 0) ||
        a.d.position.x - b.d.position.x ||
        a.d.position.y - b.d.position.y ||
        a.index - b.index,
    )
    .map(({ d }) => d);
  const order = new Map(ordered.map((d, i) => [d.id, i]));

  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  for (const l of design.links) {
    if (l.kind !== 'fabric') continue;
    const a = rowOf.get(l.source);
    const b = rowOf.get(l.target);
    // Links within one tier would split it into two layers; they do not affect crossings between tiers.
    if (a === undefined || b === undefined || a === b) continue;
    const [from, to] = a < b ? [l.source, l.target] : [l.target, l.source];
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: l.id, sources: [from], targets: [to] });
  }

  const graph: ElkNode = {
    id: site.id,
    layoutOptions: ELK_OPTIONS,
    children: ordered.map((d, i) => ({
      id: d.id,
      x: i * (DEVICE_SIZE.width + TIDY.nodeGapPx),
      y: (rowOf.get(d.id) ?? 0) * (DEVICE_SIZE.height + TIDY.tierGapPx),
      width: DEVICE_SIZE.width,
      height: DEVICE_SIZE.height,
    })),
    edges,
  };
  const laid = await elk.layout(graph);
  const elkX = new Map((laid.children ?? []).map((c) => [c.id, c.x ?? 0]));

  // Rows come from the tiers, x from elk; a sweep keeps the node gap on the grid whatever elk did.
  const rows = usedTiers.map(() => [] as Device[]);
  for (const d of ordered) rows[rowOf.get(d.id) ?? 0]?.push(d);
  const minX = Math.min(...ordered.map((d) => elkX.get(d.id) ?? 0));
  const positions = new Map<string, Position>();
  let right = 0;
  for (const [row, members] of rows.entries()) {
    members.sort(
      (a, b) =>
        (elkX.get(a.id) ?? 0) - (elkX.get(b.id) ?? 0) ||
        (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
    );
    let next = -Infinity;
    for (const d of members) {
      const x = Math.max(snap(TIDY.sitePaddingPx + (elkX.get(d.id) ?? 0) - minX), next);
      positions.set(d.id, {
        x,
        y: TIDY.siteHeaderPx + row * (DEVICE_SIZE.height + TIDY.tierGapPx),
      });
      next = snapUp(x + DEVICE_SIZE.width + TIDY.nodeGapPx);
      right = Math.max(right, x + DEVICE_SIZE.width);
    }
  }
  const bottom =
    TIDY.siteHeaderPx + rows.length * (DEVICE_SIZE.height + TIDY.tierGapPx) - TIDY.tierGapPx;
  return {
    positions,
    width: Math.max(TIDY.siteMinWidthPx, snapUp(right + TIDY.sitePaddingPx)),
    height: Math.max(TIDY.siteMinHeightPx, snapUp(bottom + TIDY.sitePaddingPx)),
  };
}

/**
 * Places resized sites without overlaps, keeping the user's arrangement. Each pair of sites is
 * related along the axis on which they were further apart (side by side, or one above the
 * other); a pair that the resize brought closer than it was (or than the site gap) is pushed
 * apart along that axis, keeping its old gap. Shifts never decrease left to right (then top to
 * bottom), so no site passes another and rows that were aligned stay aligned.
 */
export function arrangeSites(before: readonly Box[], sizes: readonly Size[]): Box[] {
  const original = before.map((b) => ({ ...b, x: snap(b.x), y: snap(b.y) }));
  const result = original.map((b, i) => ({ ...b, ...sizes[i] }));
  const gapOn = (a: Box, b: Box, axis: 'x' | 'y') => {
    const size = axis === 'x' ? 'width' : 'height';
    return Math.max(b[axis] - (a[axis] + a[size]), a[axis] - (b[axis] + b[size]));
  };
  const relation = (a: Box, b: Box): 'x' | 'y' =>
    gapOn(a, b, 'x') >= gapOn(a, b, 'y') ? 'x' : 'y';

  for (const axis of ['x', 'y'] as const) {
    const cross = axis === 'x' ? 'y' : 'x';
    const size = axis === 'x' ? 'width' : 'height';
    const sequence = before
      .map((b, i) => ({ b, i }))
      .sort((p, q) => p.b[axis] - q.b[axis] || p.b[cross] - q.b[cross] || p.i - q.i)
      .map(({ i }) => i);
    let previous = 0;
    for (const [k, i] of sequence.entries()) {
      const me = result[i];
      const was = original[i];
      if (!me || !was) continue;
      let delta = previous;
      for (const j of sequence.slice(0, k)) {
        const other = result[j];
        const otherWas = original[j];
        if (!other || !otherWas || relation(was, otherWas) !== axis) continue;
        // Along the other axis (x is final by the time y is settled), far-apart pairs cannot collide.
        if (gapOn(me, other, cross) >= TIDY.siteGapPx) continue;
        const gap = Math.max(TIDY.siteGapPx, gapOn(was, otherWas, axis));
        delta = Math.max(delta, snapUp(other[axis] + other[size] + gap - was[axis]));
      }
      me[axis] = was[axis] + delta;
      previous = delta;
    }
  }
  return result;
}
