/**
 * fast-check generators of valid designs for the io property tests: small designs whose every
 * reference points at an element of the right kind (the generator draws "picks" and resolves
 * them modulo the elements that exist), with awkward labels and ids. Test support only.
 */
import fc from 'fast-check';
import { textProblem } from '../model/text';
import { HYPERVISOR_PROFILE_IDS, STORAGE_PRODUCT_IDS } from '../model/catalog';
import {
  CURRENT_VERSION,
  L2_EXTENSIONS,
  TRANSPORTS,
  type Cluster,
  type Design,
  type DesignNode,
  type Link,
  type Segment,
  type Site,
  type Volume,
  type Workload,
} from '../model/schema';

/** Text the schema accepts (text.ts refuses control characters, broken ones, bidi overrides). */
const allowed = (text: string) => textProblem(text) === null;

/** Any text a user may type, including markup and characters outside the BMP. */
const label = fc.oneof(
  fc.string({ maxLength: 16 }).filter(allowed),
  fc.string({ unit: 'binary', maxLength: 12 }).filter(allowed),
  fc.constantFrom('<img src=x onerror=alert(1)>', '__proto__', 'a | b', '# *x* `y`', ''),
);
const rawId = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }).filter(allowed) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
);
/** Positions stay whole pixels: the share link rounds them (its one documented loss). */
const pixel = fc.integer({ min: -4000, max: 4000 });
const noNegZero = (x: number) => (x === 0 ? 0 : x);
const amount = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegZero),
  );
const positiveAmount = (max: number) => amount(0.001, max);
const pick = fc.nat({ max: 1000 });
const picks = fc.array(pick, { maxLength: 3 });

const siteArb = fc.record(
  {
    id: rawId,
    label,
    x: pixel,
    y: pixel,
    role: fc.constantFrom('dc', 'witness', 'cloud'),
    width: amount(120, 3000),
    height: amount(80, 3000),
    location: fc.record({
      lat: fc.integer({ min: -90, max: 90 }),
      lon: fc.integer({ min: -180, max: 180 }),
    }),
  },
  { requiredKeys: ['id', 'label', 'x', 'y', 'role', 'width', 'height'] },
);

const volumeArb = fc.record(
  {
    id: rawId,
    name: label,
    preferredSite: pick,
    peerArray: pick,
    replication: fc.constantFrom('none', 'sync', 'async'),
  },
  { requiredKeys: ['id', 'name', 'replication'] },
);

const deviceArb = fc.record({
  id: rawId,
  label,
  site: pick,
  x: pixel,
  y: pixel,
  kind: fc.constantFrom('spine', 'tor', 'border', 'cluster', 'array', 'firewall', 'witness'),
  boundary: fc.constantFrom('l2', 'l3'),
  flags: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  profile: fc.constantFrom(...HYPERVISOR_PROFILE_IDS),
  hosts: fc.integer({ min: 1, max: 64 }),
  ports: fc.integer({ min: 1, max: 4096 }),
  nicGbps: positiveAmount(400),
  concurrent: fc.integer({ min: 1, max: 8 }),
  stretchPeer: fc.option(pick, { nil: undefined }),
  product: fc.constantFrom(...STORAGE_PRODUCT_IDS),
  volumes: fc.array(volumeArb, { maxLength: 3 }),
  targets: picks,
});

const linkArb = fc.record(
  {
    id: rawId,
    dci: fc.boolean(),
    source: pick,
    target: pick,
    label,
    bandwidthGbps: positiveAmount(800),
    rttMs: amount(0, 300),
    transport: fc.constantFrom(...TRANSPORTS),
    l2Extension: fc.constantFrom(...L2_EXTENSIONS),
    bpduFilter: fc.boolean(),
    distanceKm: amount(0, 5000),
    mtu: fc.integer({ min: 576, max: 65535 }),
    segments: picks,
  },
  {
    requiredKeys: [
      'id',
      'dci',
      'source',
      'target',
      'bandwidthGbps',
      'transport',
      'l2Extension',
      'bpduFilter',
      'distanceKm',
      'mtu',
      'segments',
    ],
  },
);

const segmentArb = fc.record(
  {
    id: rawId,
    name: label,
    vlanId: fc.integer({ min: 1, max: 4094 }),
    subnet: fc.constantFrom('', '10.0.1.0/24', '192.168.0.0/16'),
    gatewayMode: fc.constantFrom('centralized', 'per-site', 'anycast'),
    gatewaySites: picks,
    ingressMode: fc.constantFrom('single-site', 'gslb', 'lisp', 'host-routes'),
    ingressSite: pick,
  },
  {
    requiredKeys: ['id', 'name', 'vlanId', 'subnet', 'gatewayMode', 'gatewaySites', 'ingressMode'],
  },
);

const workloadArb = fc.record(
  {
    id: rawId,
    name: label,
    count: fc.integer({ min: 1, max: 500 }),
    cluster: pick,
    memoryGB: positiveAmount(4096),
    dirtyRateMBps: amount(0, 10000),
    writeRateMBps: amount(0, 2000),
    segments: picks,
    datastore: pick,
    downtimeToleranceS: positiveAmount(60),
    targets: picks,
  },
  {
    requiredKeys: [
      'id',
      'name',
      'count',
      'cluster',
      'memoryGB',
      'dirtyRateMBps',
      'writeRateMBps',
      'segments',
      'downtimeToleranceS',
      'targets',
    ],
  },
);

const waiverArb = fc.record(
  {
    findingKey: fc.string({ minLength: 1, maxLength: 40 }),
    ruleId: fc.constantFrom('L2-GAP', 'RES-DCI-SPOF', 'TROMBONE-GW'),
    justification: fc.string({ minLength: 1, maxLength: 40 }),
    createdAt: fc.constant('2025-01-01T00:00:00.000Z'),
  },
  { requiredKeys: ['findingKey', 'ruleId', 'justification'] },
);

const noteArb = fc.record(
  {
    id: rawId,
    text: fc.string({ maxLength: 60 }),
    x: pixel,
    y: pixel,
    target: pick,
  },
  { requiredKeys: ['id', 'text', 'x', 'y'] },
);

const settingsArb = fc.oneof(
  fc.constant({
    dciHopAllowanceMs: 0.1,
    fabricHopAllowanceMs: 0.005,
    tcpWindowMB: 64,
    resumeAllowanceS: 0.1,
  }),
  fc.record({
    dciHopAllowanceMs: amount(0, 5),
    fabricHopAllowanceMs: amount(0, 1),
    tcpWindowMB: positiveAmount(1024),
    resumeAllowanceS: amount(0, 5),
  }),
);

const at = <T>(items: readonly T[], i: number): T | undefined =>
  items.length === 0 ? undefined : items[i % items.length];

/** Give each element a unique id: its drawn one if any and still free, else a readable one. */
function idMaker() {
  const used = new Set<string>();
  return (drawn: string | null, prefix: string): string => {
    let id = drawn ?? `${prefix}-${used.size}`;
    while (used.has(id)) id = `${prefix}-${used.size}-${id.length}`;
    used.add(id);
    return id;
  };
}

export const arbitraryDesign: fc.Arbitrary<Design> = fc
  .record({
    name: label,
    settings: settingsArb,
    sites: fc.array(siteArb, { minLength: 1, maxLength: 4 }),
    devices: fc.array(deviceArb, { maxLength: 12 }),
    links: fc.array(linkArb, { maxLength: 8 }),
    segments: fc.array(segmentArb, { maxLength: 4 }),
    workloads: fc.array(workloadArb, { maxLength: 5 }),
    waivers: fc.array(waiverArb, { maxLength: 2 }),
    notes: fc.array(noteArb, { maxLength: 3 }),
  })
  .map((spec): Design => {
    const makeId = idMaker();
    const sites: Site[] = spec.sites.map((s) => ({
      id: makeId(s.id, 'site'),
      kind: 'site',
      label: s.label,
      position: { x: s.x, y: s.y },
      role: s.role,
      width: s.width,
      height: s.height,
      ...(s.location ? { location: s.location } : {}),
    }));
    const siteIds = sites.map((s) => s.id);
    const segmentIds = spec.segments.map((s) => makeId(s.id, 'seg'));
    // Ids first, so references can point forwards.
    const deviceIds = spec.devices.map((d) => makeId(d.id, d.kind));
    const clusterIds = deviceIds.filter((_, i) => spec.devices[i]?.kind === 'cluster');
    const arrayIds = deviceIds.filter((_, i) => spec.devices[i]?.kind === 'array');
    const volumeIds: string[] = [];
    const devices: DesignNode[] = spec.devices.map((d, i) => {
      const base = {
        id: deviceIds[i] ?? 'unreachable',
        label: d.label,
        parentId: at(siteIds, d.site) ?? 'unreachable',
        position: { x: d.x, y: d.y },
      };
      const [f1, f2, f3] = d.flags;
      switch (d.kind) {
        case 'spine':
          return { ...base, kind: 'spine' };
        case 'border':
          return { ...base, kind: 'border' };
        case 'tor':
          return {
            ...base,
            kind: 'tor',
            boundary: d.boundary,
            overlay: f1,
            anycastGateway: f2,
          };
        case 'cluster': {
          const peer = d.stretchPeer === undefined ? undefined : at(clusterIds, d.stretchPeer);
          const cluster: Cluster = {
            ...base,
            kind: 'cluster',
            profile: d.profile,
            hosts: d.hosts,
            vswitchPortsPerHost: d.ports,
            vmkRouted: f3,
            vmotionNicGbps: d.nicGbps,
            concurrentMigrations: d.concurrent,
            ...(peer !== undefined ? { stretchPeerId: peer } : {}),
          };
          return cluster;
        }
        case 'array': {
          const volumes: Volume[] = d.volumes.map((v) => {
            const id = makeId(v.id, 'vol');
            volumeIds.push(id);
            const site = v.preferredSite === undefined ? undefined : at(siteIds, v.preferredSite);
            const peer = v.peerArray === undefined ? undefined : at(arrayIds, v.peerArray);
            return {
              id,
              name: v.name,
              replication: v.replication,
              ...(site !== undefined ? { preferredSiteId: site } : {}),
              ...(peer !== undefined ? { peerArrayId: peer } : {}),
            };
          });
          return {
            ...base,
            kind: 'array',
            product: d.product,
            access: f1 ? 'non-uniform' : 'uniform',
            nodeRedundancy: f2,
            volumes,
          };
        }
        case 'firewall':
          return {
            ...base,
            kind: 'firewall',
            stateful: f1,
            stateSynced: f2,
            segmentIds: d.targets.flatMap((p) => at(segmentIds, p) ?? []),
          };
        case 'witness':
          return {
            ...base,
            kind: 'witness',
            arbitrates: d.targets.flatMap((p) => at([...arrayIds, ...clusterIds], p) ?? []),
          };
      }
    });
    const nodes = [...sites, ...devices];
    const nodeIds = nodes.map((n) => n.id);
    const links: Link[] = spec.links.map((l) => {
      const base = {
        id: makeId(l.id, l.dci ? 'dci' : 'fabric'),
        source: at(nodeIds, l.source) ?? 'unreachable',
        target: at(nodeIds, l.target) ?? 'unreachable',
        bandwidthGbps: l.bandwidthGbps,
        ...(l.label !== undefined ? { label: l.label } : {}),
        ...(l.rttMs !== undefined ? { rttMs: l.rttMs } : {}),
      };
      if (!l.dci) return { ...base, kind: 'fabric' };
      return {
        ...base,
        kind: 'dci',
        transport: l.transport,
        l2Extension: l.l2Extension,
        bpduFilter: l.bpduFilter,
        distanceKm: l.distanceKm,
        mtu: l.mtu,
        extendedSegmentIds: l.segments.flatMap((p) => at(segmentIds, p) ?? []),
      };
    });
    const segments: Segment[] = spec.segments.map((s, i) => {
      const ingress = s.ingressSite === undefined ? undefined : at(siteIds, s.ingressSite);
      return {
        id: segmentIds[i] ?? 'unreachable',
        name: s.name,
        vlanId: s.vlanId,
        subnet: s.subnet,
        gatewayMode: s.gatewayMode,
        gatewaySiteIds: s.gatewaySites.flatMap((p) => at(siteIds, p) ?? []),
        ingressMode: s.ingressMode,
        ...(ingress !== undefined ? { ingressSiteId: ingress } : {}),
      };
    });
    const workloads: Workload[] = [];
    for (const w of spec.workloads) {
      const clusterId = at(clusterIds, w.cluster);
      if (clusterId === undefined) break;
      const datastore = w.datastore === undefined ? undefined : at(volumeIds, w.datastore);
      workloads.push({
        id: makeId(w.id, 'wl'),
        name: w.name,
        count: w.count,
        clusterId,
        memoryGB: w.memoryGB,
        dirtyRateMBps: w.dirtyRateMBps,
        writeRateMBps: w.writeRateMBps,
        segmentIds: w.segments.flatMap((p) => at(segmentIds, p) ?? []),
        downtimeToleranceS: w.downtimeToleranceS,
        mobilityTargetIds: w.targets.flatMap((p) => at(clusterIds, p) ?? []),
        ...(datastore !== undefined ? { datastoreId: datastore } : {}),
      });
    }
    return {
      version: CURRENT_VERSION,
      name: spec.name,
      settings: spec.settings,
      nodes,
      links,
      segments,
      workloads,
      waivers: spec.waivers,
      notes: spec.notes.map((n) => {
        const target =
          n.target === undefined
            ? undefined
            : at([...nodeIds, ...links.map((l) => l.id)], n.target);
        return {
          id: makeId(n.id, 'note'),
          text: n.text,
          position: { x: n.x, y: n.y },
          ...(target !== undefined ? { targetId: target } : {}),
        };
      }),
    };
  });
