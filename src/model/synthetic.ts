/**
 * Synthetic designs for benchmarks and property tests: several sites, each a full leaf-spine
 * (borders, spines, racks of one ToR and two clusters), arrays replicating to the next site,
 * segments extended over a ring of DCI links, and workloads that may move to another rack and
 * to the next site. Pure and deterministic: the same options give the same design.
 */
import {
  createDciLink,
  createDevice,
  createFabricLink,
  createSegment,
  createSite,
  createWorkload,
  DEVICE_SIZE,
  emptyDesign,
} from './defaults';
import type { Design, DesignNode, Link, Segment, Workload } from './schema';
import { plural } from './plural';

export interface SyntheticOptions {
  /** Number of sites (≥ 1), joined in a ring by two DCI links per neighbour pair. */
  readonly sites: number;
  /** Approximate number of drawn elements (nodes + links) in total. */
  readonly elements: number;
  /** Segments in the design; each workload uses two (default 40). */
  readonly segments?: number;
  /** One workload per this many clusters (default 4). */
  readonly clustersPerWorkload?: number;
  readonly spinesPerSite?: number;
}

/** Data centres stand in one row, this far apart from left edge to left edge. */
const SITE_PITCH = 8000;
const SITE_WIDTH = 7600;

/** Elements one rack adds: ToR, two clusters, their two links, and the ToR's spine uplinks. */
const rackElements = (spines: number) => 3 + 2 + spines;

export function syntheticDesign(options: SyntheticOptions): Design {
  const siteCount = Math.max(1, Math.floor(options.sites));
  const spines = options.spinesPerSite ?? 4;
  const segmentCount = options.segments ?? 40;
  const perWorkload = options.clustersPerWorkload ?? 4;
  const fixedPerSite = 1 + 2 + spines + 2 * spines + 2 + 2 + 2; // site, borders, spines, uplinks, array, firewall, witness links
  const dciPerSite = siteCount > 1 ? 2 : 0;
  const perSite = options.elements / siteCount - fixedPerSite - dciPerSite;
  const racks = Math.max(2, Math.round(perSite / rackElements(spines)));

  const design = emptyDesign(`Synthetic ${plural(siteCount, 'site')} × ${plural(racks, 'rack')}`);
  const nodes: DesignNode[] = [];
  const devices: DesignNode[] = [];
  const links: Link[] = [];
  const segments: Segment[] = [];
  const workloads: Workload[] = [];
  const clustersBySite: string[][] = [];
  const at = (i: number, row: number) => ({
    x: 40 + (i % 40) * (DEVICE_SIZE.width + 32),
    y: 48 + row * 110 + Math.floor(i / 40) * 70,
  });

  for (let s = 0; s < segmentCount; s++) {
    const seg = createSegment(`seg-${s}`, `seg-${s}`, 100 + s);
    // A mix of gateway modes so the trombone rules have work to do.
    if (s % 3 === 0) segments.push({ ...seg, gatewayMode: 'anycast', ingressMode: 'gslb' });
    else if (s % 3 === 1)
      segments.push({
        ...seg,
        gatewayMode: 'per-site',
        gatewaySiteIds: Array.from({ length: siteCount }, (_, i) => `s${i}`),
        ingressMode: 'host-routes',
      });
    else
      segments.push({
        ...seg,
        gatewaySiteIds: ['s0'],
        ingressMode: 'single-site',
        ingressSiteId: 's0',
      });
  }
  const allSegments = segments.map((s) => s.id);

  for (let si = 0; si < siteCount; si++) {
    const site = `s${si}`;
    nodes.push({
      ...createSite(site, `DC ${si + 1}`, { x: si * SITE_PITCH, y: 0 }),
      width: SITE_WIDTH,
      height: 600 + Math.ceil((racks * 2) / 40) * 70,
    });
    const device = (
      kind: Parameters<typeof createDevice>[0],
      id: string,
      i: number,
      row: number,
    ) => {
      const n = createDevice(kind, id, id, site, at(i, row));
      devices.push(n);
      return n;
    };
    const borders = [0, 1].map((b) => device('border', `${site}-be${b}`, b, 0).id);
    const spineIds = Array.from(
      { length: spines },
      (_, i) => device('spine', `${site}-sp${i}`, i + 2, 0).id,
    );
    for (const sp of spineIds)
      for (const be of borders) links.push(createFabricLink(`${sp}~${be}`, sp, be));
    const clusters: string[] = [];
    for (let r = 0; r < racks; r++) {
      const tor = createDevice('tor', `${site}-t${r}`, `${site}-t${r}`, site, at(r, 1));
      // Every other rack is routed at the ToR with an EVPN overlay; all carry L2.
      devices.push(r % 2 === 0 ? tor : ({ ...tor, boundary: 'l3', overlay: true } as DesignNode));
      for (const sp of spineIds) links.push(createFabricLink(`${tor.id}~${sp}`, tor.id, sp));
      for (let c = 0; c < 2; c++) {
        const id = `${site}-c${r}-${c}`;
        const cluster = createDevice('cluster', id, id, site, at(2 * r + c, 2));
        devices.push(cluster.kind === 'cluster' ? { ...cluster, hosts: 16 } : cluster);
        links.push(createFabricLink(`${id}~${tor.id}`, id, tor.id));
        clusters.push(id);
      }
    }
    clustersBySite.push(clusters);
    const next = `s${(si + 1) % siteCount}`;
    const array = createDevice('array', `${site}-arr`, `${site}-arr`, site, at(0, 3));
    devices.push(
      array.kind === 'array'
        ? {
            ...array,
            product: 'vplex-metro',
            volumes: [
              {
                id: `${site}-ds`,
                name: `${site}-ds`,
                replication: siteCount > 1 ? 'sync' : 'none',
                ...(siteCount > 1 ? { peerArrayId: `${next}-arr` } : {}),
                preferredSiteId: site,
              },
            ],
          }
        : array,
    );
    links.push(createFabricLink(`${site}-arr~${borders[0]}`, `${site}-arr`, borders[0] ?? site));
    const fw = createDevice('firewall', `${site}-fw`, `${site}-fw`, site, at(1, 3));
    devices.push(
      fw.kind === 'firewall'
        ? { ...fw, segmentIds: allSegments.slice(0, 4), stateSynced: true }
        : fw,
    );
    links.push(createFabricLink(`${site}-fw~${borders[1]}`, `${site}-fw`, borders[1] ?? site));
  }

  // DCI ring: two links per neighbour pair (no single point of failure), all segments extended.
  if (siteCount > 1) {
    const pairs = siteCount === 2 ? 1 : siteCount;
    for (let si = 0; si < pairs; si++) {
      const a = `s${si}`;
      const b = `s${(si + 1) % siteCount}`;
      for (const k of [0, 1]) {
        links.push({
          ...createDciLink(`dci-${a}-${b}-${k}`, `${a}-be${k}`, `${b}-be${k}`),
          distanceKm: 40 + 20 * k,
          bandwidthGbps: 100,
          l2Extension: 'vxlan-evpn',
          extendedSegmentIds: allSegments,
        });
      }
    }
    // A witness site arbitrating the arrays, reached from every data site: above DC 1, far
    // enough above that its tab clears DC 1's when the whole row is fitted in view (the gap is
    // ~1/12 of the row's width, ~40 px on screen at fit zoom).
    const witness = createSite('wit', 'Witness', { x: 0, y: 0 }, 'witness');
    const rowWidth = (siteCount - 1) * SITE_PITCH + SITE_WIDTH;
    witness.position = { x: 0, y: -Math.round(rowWidth / 12) - witness.height };
    nodes.push(witness);
    devices.push({
      ...createDevice('witness', 'wit-w', 'witness', 'wit', at(0, 0)),
      kind: 'witness',
      arbitrates: Array.from({ length: siteCount }, (_, i) => `s${i}-arr`),
    } as DesignNode);
    for (let si = 0; si < siteCount; si++)
      for (const k of [0, 1])
        links.push({
          ...createDciLink(`wit-s${si}-${k}`, 'wit', `s${si}-be${k}`),
          distanceKm: 200,
        });
  }

  let w = 0;
  for (let si = 0; si < siteCount; si++) {
    const clusters = clustersBySite[si] ?? [];
    const nextSite = clustersBySite[(si + 1) % siteCount] ?? [];
    for (let c = 0; c < clusters.length; c += perWorkload) {
      const from = clusters[c] ?? '';
      const rackPeer = clusters[(c + 2) % clusters.length] ?? from;
      const remote = siteCount > 1 ? nextSite[c % Math.max(1, nextSite.length)] : undefined;
      workloads.push({
        ...createWorkload(`w${w}`, `vm-${w}`, from),
        count: 4,
        // A write rate, so the benchmarks and the sweep's spec exercise BW-REPLICATION too.
        writeRateMBps: 5,
        segmentIds: [
          allSegments[w % segmentCount] ?? '',
          allSegments[(w + 1) % segmentCount] ?? '',
        ],
        datastoreId: `s${si}-ds`,
        mobilityTargetIds: [rackPeer, ...(remote !== undefined ? [remote] : [])].filter(
          (t) => t !== from,
        ),
      });
      w++;
    }
  }
  return { ...design, nodes: [...nodes, ...devices], links, segments, workloads };
}

/** Drawn elements of a design: nodes plus links. */
export function elementCount(design: Design): number {
  return design.nodes.length + design.links.length;
}
