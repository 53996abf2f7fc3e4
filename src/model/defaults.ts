/**
 * Defaults for every element kind: what a freshly dropped element looks like. The loader
 * (src/io) and the editor both use these, so a new element is valid by construction.
 */
import type {
  DciLink,
  DesignNode,
  Design,
  DeviceKind,
  FabricLink,
  NodeKind,
  Position,
  Segment,
  Settings,
  Site,
  Workload,
} from './schema';
import { CURRENT_VERSION } from './kinds';

/** Rendered size of a device node; sites are resizable containers. */
export const DEVICE_SIZE = { width: 168, height: 56 } as const;
export const SITE_DEFAULT_SIZE = { width: 560, height: 380 } as const;

/** How the builder and placement lay devices out in a site (tiers in rows). */
export const LAYOUT = {
  columnGapPx: 32,
  rowPitchPx: 110,
  sitePaddingPx: 40,
  siteHeaderPx: 48,
  siteGapPx: 160,
} as const;

export const DEFAULT_SETTINGS: Settings = {
  dciHopAllowanceMs: 0.1,
  fabricHopAllowanceMs: 0.005,
  tcpWindowMB: 64,
  resumeAllowanceS: 0.1,
};

export const KIND_LABELS: Readonly<Record<NodeKind, string>> = {
  site: 'Site',
  spine: 'Spine',
  tor: 'ToR / leaf',
  border: 'Border / DCI edge',
  cluster: 'Host cluster',
  array: 'Storage array',
  firewall: 'Firewall',
  witness: 'Witness',
};

/** The word a new device of each kind is named after: `dc1-spine-1`, `dc1-leaf-2`. */
export const DEVICE_NAME_WORDS: Readonly<Record<DeviceKind, string>> = {
  spine: 'spine',
  tor: 'leaf',
  border: 'border',
  cluster: 'cluster',
  array: 'array',
  firewall: 'fw',
  witness: 'witness',
};

/** The longest site prefix a device name starts with, in characters. */
const SITE_PREFIX_MAX = 10;

/**
 * The short prefix of a site's device names: the first word of its label, lower case, letters
 * and digits only ("DC1 Amsterdam" → `dc1`, "Witness Utrecht" → `witness`); `site` when the
 * label has none.
 */
export function sitePrefix(siteLabel: string): string {
  for (const word of siteLabel.toLowerCase().split(/\s+/)) {
    const clean = word.replace(/[^a-z0-9]/g, '').slice(0, SITE_PREFIX_MAX);
    if (clean) return clean;
  }
  return 'site';
}

/**
 * The prefix of a site's device names: the one most of its devices already share (the
 * templates name Amsterdam's devices `ams-…`), else the site's own prefix.
 */
function devicePrefix(design: Design, siteId: string): string {
  const counts = new Map<string, number>();
  let devices = 0;
  for (const n of design.nodes) {
    if (n.kind === 'site' || n.parentId !== siteId) continue;
    devices++;
    const head = nameHead(n.label);
    if (head) counts.set(head, (counts.get(head) ?? 0) + 1);
  }
  const site = design.nodes.find((n) => n.id === siteId);
  return prefixAmong(counts, devices, site?.label ?? '');
}

/** The first word of a device name, lower case (`ams` of `ams-spine-1`), if it has one. */
function nameHead(label: string): string | undefined {
  return /^([a-z0-9]+)-/i.exec(label)?.[1]?.toLowerCase();
}

/**
 * The prefix most of a site's `devices` share (their heads counted in `counts`, in the order
 * they first appear), else the site's own.
 */
function prefixAmong(
  counts: ReadonlyMap<string, number>,
  devices: number,
  siteLabel: string,
): string {
  let best: string | undefined;
  let bestCount = 0;
  for (const [head, count] of counts)
    if (count > bestCount) {
      best = head;
      bestCount = count;
    }
  if (best !== undefined && bestCount * 2 > devices) return best;
  return sitePrefix(siteLabel);
}

function takenNames(design: Design, extra: Iterable<string>): Set<string> {
  const taken = new Set<string>();
  for (const n of design.nodes) taken.add(n.label.toLowerCase());
  for (const name of extra) taken.add(name.toLowerCase());
  return taken;
}

/**
 * The name of a new device of `kind` in a site: the site's prefix (or the one its devices
 * already share), the kind's word and the lowest number that makes it unique in the design
 * (`dc1-spine-1`, then `dc1-spine-2`; the spines of DC2 count on their own). `taken` adds names not yet in the design, for callers that
 * name several new devices before adding them. Every way of adding a device (drop, click, paste,
 * fabric builder) names it here.
 */
export function nextDeviceName(
  design: Design,
  siteId: string,
  kind: DeviceKind,
  taken: Iterable<string> = [],
): string {
  const stem = `${devicePrefix(design, siteId)}-${DEVICE_NAME_WORDS[kind]}`;
  const used = takenNames(design, taken);
  let n = 1;
  while (used.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/**
 * Names for devices of the design that have none yet (label ''), in the order given: each the
 * name `nextDeviceName` gives it on the design without it, with the devices before it named.
 * One pass over the design reads its names (lower case, for uniqueness) and, for the sites of
 * the devices named only, the heads of their devices' names (a paste of 30 devices into a design
 * of 3,000 read every name 30 times, then every device's head in every site).
 */
export function nameUnnamedDevices(design: Design, ids: Iterable<string>): Map<string, string> {
  const order = [...ids];
  const wanted = new Set(order);
  const named = new Map<string, Exclude<DesignNode, Site>>();
  const sites = new Map<string, { label: string; devices: number; counts: Map<string, number> }>();
  for (const n of design.nodes)
    if (n.kind !== 'site' && n.label === '' && wanted.has(n.id)) {
      named.set(n.id, n);
      sites.set(n.parentId, { label: '', devices: 0, counts: new Map() });
    }
  const used = new Set<string>();
  for (const n of design.nodes) {
    used.add(n.label.toLowerCase());
    const site = sites.get(n.kind === 'site' ? n.id : n.parentId);
    if (!site) continue;
    if (n.kind === 'site') {
      site.label = n.label;
      continue;
    }
    site.devices++;
    const head = nameHead(n.label);
    if (head) site.counts.set(head, (site.counts.get(head) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const id of order) {
    const device = named.get(id);
    const site = device && sites.get(device.parentId);
    if (!device || !site) continue;
    // Without the device itself: one device fewer (its empty name has no head).
    const prefix = prefixAmong(site.counts, site.devices - 1, site.label);
    const stem = `${prefix}-${DEVICE_NAME_WORDS[device.kind]}`;
    let n = 1;
    while (used.has(`${stem}-${n}`)) n++;
    const name = `${stem}-${n}`;
    names.set(id, name);
    used.add(name.toLowerCase());
    const head = nameHead(name);
    if (head) site.counts.set(head, (site.counts.get(head) ?? 0) + 1);
  }
  return names;
}

/**
 * The name of a new site: `DC1`, `DC2`…, with the lowest number whose prefix no site has yet
 * ("DC1 Amsterdam" holds `dc1`), so the new site's devices never read as another site's.
 */
export function nextSiteName(design: Design, taken: Iterable<string> = []): string {
  const used = new Set<string>();
  for (const n of design.nodes) if (n.kind === 'site') used.add(sitePrefix(n.label));
  for (const name of taken) used.add(sitePrefix(name));
  let n = 1;
  while (used.has(`dc${n}`)) n++;
  return `DC${n}`;
}

let counter = 0;
/** A fresh, readable id: `spine-k3f9x2`. Random so pasted copies never collide with a design. */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1296;
  const random = Math.floor(Math.random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0');
  return `${prefix}-${random}${counter.toString(36).padStart(2, '0')}`;
}

export function emptyDesign(name = 'Untitled design'): Design {
  return {
    version: CURRENT_VERSION,
    name,
    settings: { ...DEFAULT_SETTINGS },
    nodes: [],
    links: [],
    segments: [],
    workloads: [],
    waivers: [],
    notes: [],
  };
}

export function createSite(
  id: string,
  label: string,
  position: Position,
  role: Site['role'] = 'dc',
): Site {
  return { id, kind: 'site', label, position, role, ...SITE_DEFAULT_SIZE };
}

export function createDevice(
  kind: DeviceKind,
  id: string,
  label: string,
  parentId: string,
  position: Position,
): DesignNode {
  const base = { id, label, parentId, position };
  switch (kind) {
    case 'spine':
      return { ...base, kind };
    case 'border':
      return { ...base, kind };
    case 'tor':
      return { ...base, kind, boundary: 'l2', overlay: false, anycastGateway: false };
    case 'cluster':
      return {
        ...base,
        kind,
        profile: 'vsphere-6',
        hosts: 8,
        vswitchPortsPerHost: 64,
        vmkRouted: false,
        vmotionNicGbps: 10,
        concurrentMigrations: 1,
      };
    case 'array':
      return {
        ...base,
        kind,
        product: 'generic',
        access: 'uniform',
        nodeRedundancy: true,
        volumes: [],
      };
    case 'firewall':
      return { ...base, kind, stateful: true, stateSynced: false, segmentIds: [] };
    case 'witness':
      return { ...base, kind, arbitrates: [] };
  }
}

export function createNode(
  kind: NodeKind,
  id: string,
  label: string,
  position: Position,
  parentId?: string,
): DesignNode {
  if (kind === 'site') return createSite(id, label, position);
  if (parentId === undefined) throw new Error(`a ${kind} must live in a site`);
  return createDevice(kind, id, label, parentId, position);
}

/** A new DCI link: dark fibre, 10 km, 10 Gb/s, MTU 9216, nothing extended yet. */
export function createDciLink(id: string, source: string, target: string): DciLink {
  return {
    id,
    kind: 'dci',
    source,
    target,
    transport: 'dark-fiber',
    l2Extension: 'none',
    bpduFilter: false,
    distanceKm: 10,
    bandwidthGbps: 10,
    mtu: 9216,
    extendedSegmentIds: [],
  };
}

export function createFabricLink(id: string, source: string, target: string): FabricLink {
  return { id, kind: 'fabric', source, target, bandwidthGbps: 100 };
}

export function createSegment(id: string, name: string, vlanId: number): Segment {
  return {
    id,
    name,
    vlanId,
    subnet: '',
    gatewayMode: 'centralized',
    gatewaySiteIds: [],
    ingressMode: 'single-site',
  };
}

export function createWorkload(id: string, name: string, clusterId: string): Workload {
  return {
    id,
    name,
    count: 1,
    clusterId,
    memoryGB: 16,
    dirtyRateMBps: 50,
    writeRateMBps: 0,
    segmentIds: [],
    downtimeToleranceS: 2,
    mobilityTargetIds: [],
  };
}
