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

/**
 * The layout of a site, tier by tier as leaf-spine fabrics are drawn: the borders (with the
 * array and the firewall beside them), the spines spread over the racks below, then the racks
 * in blocks of up to RACK_COLUMNS, each rack a column (its ToR, its two clusters below it).
 * Between two rows, the band their links cross gets a lane for each link that passes over any
 * one point (the router draws them on tracks that far apart, src/render/channels.ts): cramped,
 * the spine↔ToR links of a large site read as one smear.
 */
const RACK_COLUMNS = 36;
const COLUMN_PX = DEVICE_SIZE.width + 32;
const LEFT_PX = 40;
const TOP_PX = 48;
/** The router's spacing of parallel tracks, and its clearance from devices (src/render/router.ts). */
const LANE_PX = 12;
const CLEARANCE_PX = 14;
/** Between rows whose links need no more. */
const ROW_GAP_PX = 54;
/**
 * The spine↔ToR band stops growing here: the working view of the UI bench (bench/ui/run.ts,
 * the top left of DC 1 at 75 %) keeps the first ToRs in it. Beyond, the tracks come closer.
 */
const SPINE_BAND_MAX_PX = 560;
/** Between one block of racks and the next. */
const BLOCK_GAP_PX = 96;

const columnX = (column: number) => LEFT_PX + column * COLUMN_PX;

/** The band two rows need for links spanning these x ranges: a lane for each that overlaps. */
function bandPx(spans: readonly (readonly [number, number])[], maxPx = Infinity): number {
  const events = spans.flatMap(([a, b]) => [
    [Math.min(a, b), 1],
    [Math.max(a, b), -1],
  ]);
  // Starts before ends at one x: links that meet there still need two tracks.
  events.sort((p, q) => (p[0] as number) - (q[0] as number) || (q[1] as number) - (p[1] as number));
  let open = 0;
  let most = 0;
  for (const [, d] of events) {
    open += d as number;
    most = Math.max(most, open);
  }
  return Math.min(maxPx, Math.max(ROW_GAP_PX, 2 * CLEARANCE_PX + (most + 1) * LANE_PX));
}

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

  // Every site is laid out alike (see RACK_COLUMNS): rows and bands from the top.
  const centre = (column: number) => columnX(column) + DEVICE_SIZE.width / 2;
  const firstBlock = Math.min(racks, RACK_COLUMNS);
  const spineSpan = Math.max(firstBlock, spines);
  const spineColumns = Array.from({ length: spines }, (_, i) =>
    Math.max(0, Math.round(((i + 0.5) * spineSpan) / spines - 0.5)),
  );
  /** The array, the two borders and the firewall, side by side: each beside its border. */
  const borderColumns = [1, 2];
  const spineY =
    TOP_PX +
    DEVICE_SIZE.height +
    bandPx(
      spineColumns.flatMap((sp) => borderColumns.map((be) => [centre(be), centre(sp)] as const)),
    );
  const torTop =
    spineY +
    DEVICE_SIZE.height +
    bandPx(
      spineColumns.flatMap((sp) =>
        Array.from({ length: firstBlock }, (_, r) => [centre(sp), centre(r)] as const),
      ),
      SPINE_BAND_MAX_PX,
    );
  const rowPx = DEVICE_SIZE.height + ROW_GAP_PX;
  const blockPx = 3 * rowPx - ROW_GAP_PX + BLOCK_GAP_PX;
  const blocks = Math.ceil(racks / RACK_COLUMNS);
  // Below the racks, room for two more rows: a device dragged down or added stays in its site.
  const siteHeight = torTop + blocks * blockPx - BLOCK_GAP_PX + 2 * rowPx + LEFT_PX;
  /** Rack r's ToR (tier 0) or its cluster c (tier 1 + c). */
  const rackAt = (r: number, tier: number) => ({
    x: columnX(r % RACK_COLUMNS),
    y: torTop + Math.floor(r / RACK_COLUMNS) * blockPx + tier * rowPx,
  });

  for (let si = 0; si < siteCount; si++) {
    const site = `s${si}`;
    nodes.push({
      ...createSite(site, `DC ${si + 1}`, { x: si * SITE_PITCH, y: 0 }),
      width: SITE_WIDTH,
      height: siteHeight,
    });
    const device = (
      kind: Parameters<typeof createDevice>[0],
      id: string,
      position: { x: number; y: number },
    ) => {
      const n = createDevice(kind, id, id, site, position);
      devices.push(n);
      return n;
    };
    const borders = borderColumns.map(
      (column, b) => device('border', `${site}-be${b}`, { x: columnX(column), y: TOP_PX }).id,
    );
    const spineIds = spineColumns.map(
      (column, i) => device('spine', `${site}-sp${i}`, { x: columnX(column), y: spineY }).id,
    );
    for (const sp of spineIds)
      for (const be of borders) links.push(createFabricLink(`${sp}~${be}`, sp, be));
    const clusters: string[] = [];
    for (let r = 0; r < racks; r++) {
      const tor = createDevice('tor', `${site}-t${r}`, `${site}-t${r}`, site, rackAt(r, 0));
      // Every other rack is routed at the ToR with an EVPN overlay; all carry L2.
      devices.push(r % 2 === 0 ? tor : ({ ...tor, boundary: 'l3', overlay: true } as DesignNode));
      for (const sp of spineIds) links.push(createFabricLink(`${tor.id}~${sp}`, tor.id, sp));
      for (let c = 0; c < 2; c++) {
        const id = `${site}-c${r}-${c}`;
        const cluster = createDevice('cluster', id, id, site, rackAt(r, 1 + c));
        devices.push(cluster.kind === 'cluster' ? { ...cluster, hosts: 16 } : cluster);
        links.push(createFabricLink(`${id}~${tor.id}`, id, tor.id));
        clusters.push(id);
      }
    }
    clustersBySite.push(clusters);
    const next = `s${(si + 1) % siteCount}`;
    const array = createDevice('array', `${site}-arr`, `${site}-arr`, site, {
      x: columnX(0),
      y: TOP_PX,
    });
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
    const fw = createDevice('firewall', `${site}-fw`, `${site}-fw`, site, {
      x: columnX(3),
      y: TOP_PX,
    });
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
      ...createDevice('witness', 'wit-w', 'witness', 'wit', { x: columnX(0), y: TOP_PX }),
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
