/**
 * What each field of a design is called, in which unit it is given, and how its choices read:
 * the one table the inspector, the segment and workload editors and the Compare dialog take
 * their words from, so "Distance (km)" in the inspector is "Distance: 80 km → 120 km" in a
 * comparison, never `distanceKm: 80 → 120`.
 *
 * Every field of every element's schema has an entry (fieldNames.test.ts walks the schemas).
 */
import {
  L2_EXTENSION_LABELS,
  PRODUCT_LABELS,
  PROFILE_LABELS,
  TRANSPORT_LABELS,
} from './catalogLabels';
import { NODE_KINDS } from './kinds';
import type {
  Cluster,
  DciLink,
  Firewall,
  Note,
  Segment,
  Settings,
  Site,
  StorageArray,
  Tor,
  Volume,
  Witness,
  Workload,
} from './schema';

/** How a field's value reads. Numbers, flags and text need no entry: their type says it. */
export type FieldShow =
  /** One element, by id: read as its name. */
  | 'ref'
  /** A list of element ids: read as their names. */
  | 'refs'
  /** `{ lat, lon }`. */
  | 'place';

export interface FieldName {
  readonly label: string;
  /** Written after the figure: `km`, `Gb/s`, `°`, `/host`. */
  readonly unit?: string;
  /** The words for each value of a choice. */
  readonly options?: Readonly<Record<string, string>>;
  readonly show?: FieldShow;
  /** How an absent value (an optional field left empty) reads. */
  readonly none?: string;
}

export const ROLE_LABELS = {
  dc: 'Data center',
  witness: 'Witness site',
  cloud: 'Cloud',
} as const satisfies Readonly<Record<Site['role'], string>>;

export const BOUNDARY_LABELS = {
  l2: 'L2 — VLANs trunked up',
  l3: 'L3 — routed at the ToR',
} as const satisfies Readonly<Record<Tor['boundary'], string>>;

export const ACCESS_LABELS = {
  uniform: 'Uniform (hosts see both sites)',
  'non-uniform': 'Non-uniform (local site only)',
} as const satisfies Readonly<Record<StorageArray['access'], string>>;

export const REPLICATION_LABELS = {
  none: 'None',
  sync: 'Synchronous',
  async: 'Asynchronous',
} as const satisfies Readonly<Record<Volume['replication'], string>>;

export const GATEWAY_MODE_LABELS = {
  centralized: 'Centralized (one site)',
  'per-site': 'Per site (FHRP filtered)',
  anycast: 'Anycast (distributed EVPN)',
} as const satisfies Readonly<Record<Segment['gatewayMode'], string>>;

export const INGRESS_MODE_LABELS = {
  'single-site': 'Single site',
  gslb: 'GSLB (DNS steering)',
  lisp: 'LISP mobility',
  'host-routes': 'Host routes (/32, /128)',
} as const satisfies Readonly<Record<Segment['ingressMode'], string>>;

/** Fields of a table: every key of the element's own fields (the common ones are apart). */
type Table<T, Common extends PropertyKey = never> = {
  readonly [K in Exclude<keyof T, Common>]-?: FieldName;
};

type NodeCommon = 'id' | 'kind' | 'label' | 'position' | 'parentId';
type LinkCommon = 'id' | 'kind' | 'label' | 'source' | 'target' | 'bandwidthGbps' | 'rttMs';

const node = {
  id: { label: 'Id' },
  kind: { label: 'Kind' },
  label: { label: 'Label' },
  parentId: { label: 'Site', show: 'ref' },
  position: { label: 'Position' },
} as const satisfies Readonly<Record<NodeCommon, FieldName>>;

const site = {
  role: { label: 'Role', options: ROLE_LABELS },
  location: { label: 'Location', show: 'place', none: 'not given' },
  width: { label: 'Width', unit: 'px' },
  height: { label: 'Height', unit: 'px' },
} as const satisfies Table<Site, NodeCommon>;

/** A site's location, field by field (the inspector edits them one at a time). */
const location = {
  lat: { label: 'Latitude', unit: '°' },
  lon: { label: 'Longitude', unit: '°' },
} as const satisfies Table<NonNullable<Site['location']>>;

const tor = {
  boundary: { label: 'Boundary', options: BOUNDARY_LABELS },
  overlay: { label: 'VXLAN-EVPN' },
  anycastGateway: { label: 'Anycast gateway' },
} as const satisfies Table<Tor, NodeCommon>;

const cluster = {
  profile: { label: 'Hypervisor', options: PROFILE_LABELS },
  hosts: { label: 'Hosts' },
  vswitchPortsPerHost: { label: 'vSwitch ports', unit: '/host' },
  vmkRouted: { label: 'Routed vmkernel' },
  vmotionNicGbps: { label: 'vMotion NIC', unit: 'Gb/s' },
  concurrentMigrations: { label: 'Concurrent moves' },
  stretchPeerId: { label: 'Stretch peer', show: 'ref', none: 'None (not stretched)' },
} as const satisfies Table<Cluster, NodeCommon>;

const array = {
  product: { label: 'Product', options: PRODUCT_LABELS },
  access: { label: 'Host access', options: ACCESS_LABELS },
  nodeRedundancy: { label: 'Node redundancy' },
  volumes: { label: 'Volumes (datastores)' },
} as const satisfies Table<StorageArray, NodeCommon>;

const volume = {
  id: { label: 'Id' },
  name: { label: 'Name' },
  preferredSiteId: { label: 'Preferred site', show: 'ref', none: 'none' },
  replication: { label: 'Replication', options: REPLICATION_LABELS },
  peerArrayId: { label: 'Peer array', show: 'ref', none: 'none' },
} as const satisfies Table<Volume>;

const firewall = {
  stateful: { label: 'Stateful' },
  stateSynced: { label: 'State-synced' },
  segmentIds: { label: 'Protects', show: 'refs' },
} as const satisfies Table<Firewall, NodeCommon>;

const witness = {
  arbitrates: { label: 'Arbitrates', show: 'refs' },
} as const satisfies Table<Witness, NodeCommon>;

const link = {
  id: { label: 'Id' },
  kind: { label: 'Kind' },
  label: { label: 'Label', none: 'none' },
  source: { label: 'From', show: 'ref' },
  target: { label: 'To', show: 'ref' },
  bandwidthGbps: { label: 'Bandwidth', unit: 'Gb/s' },
  rttMs: { label: 'RTT (explicit)', unit: 'ms', none: 'estimated from distance' },
} as const satisfies Readonly<Record<LinkCommon, FieldName>>;

const dci = {
  transport: { label: 'Transport', options: TRANSPORT_LABELS },
  l2Extension: { label: 'L2 extension', options: L2_EXTENSION_LABELS },
  bpduFilter: { label: 'BPDU filtering' },
  distanceKm: { label: 'Distance', unit: 'km' },
  mtu: { label: 'MTU', unit: 'B' },
  extendedSegmentIds: { label: 'Extended segments', show: 'refs' },
} as const satisfies Table<DciLink, LinkCommon>;

const segment = {
  id: { label: 'Id' },
  name: { label: 'Name' },
  vlanId: { label: 'VLAN id' },
  subnet: { label: 'Subnet' },
  gatewayMode: { label: 'Gateway', options: GATEWAY_MODE_LABELS },
  gatewaySiteIds: { label: 'Gateway sites', show: 'refs' },
  ingressMode: { label: 'Ingress', options: INGRESS_MODE_LABELS },
  ingressSiteId: { label: 'Ingress site', show: 'ref', none: 'none' },
} as const satisfies Table<Segment>;

const workload = {
  id: { label: 'Id' },
  name: { label: 'Name' },
  count: { label: 'VMs' },
  clusterId: { label: 'Host cluster', show: 'ref' },
  memoryGB: { label: 'Memory', unit: 'GB' },
  dirtyRateMBps: { label: 'Dirty rate', unit: 'MB/s' },
  writeRateMBps: { label: 'Write rate per VM', unit: 'MB/s' },
  segmentIds: { label: 'Segments', show: 'refs' },
  datastoreId: { label: 'Datastore', show: 'ref', none: 'None' },
  downtimeToleranceS: { label: 'Downtime tolerance', unit: 's' },
  mobilityTargetIds: { label: 'Mobility targets', show: 'refs' },
} as const satisfies Table<Workload>;

const note = {
  id: { label: 'Id' },
  text: { label: 'Text' },
  position: { label: 'Position' },
  targetId: { label: 'Points at', show: 'ref', none: 'nothing' },
} as const satisfies Table<Note>;

const settings = {
  dciHopAllowanceMs: { label: 'DCI hop', unit: 'ms' },
  fabricHopAllowanceMs: { label: 'Fabric hop', unit: 'ms' },
  tcpWindowMB: { label: 'TCP window', unit: 'MB' },
  resumeAllowanceS: { label: 'Resume time', unit: 's' },
} as const satisfies Table<Settings>;

const design = {
  name: { label: 'Name' },
} as const satisfies Readonly<Record<string, FieldName>>;

export const FIELD_NAMES = {
  node,
  site,
  location,
  spine: {},
  tor,
  border: {},
  cluster,
  array,
  volume,
  firewall,
  witness,
  link,
  dci,
  fabric: {},
  segment,
  workload,
  note,
  settings,
  design,
} as const;

export type FieldScope = keyof typeof FIELD_NAMES;

/**
 * The entry for a field of an element of `scope` (a node or link kind, `volume`, `segment`,
 * `workload`, `settings` or `design`); a node's and a link's common fields are found from their
 * kinds too. Undefined for a field the table does not know (a file from a later version).
 */
export function fieldName(scope: FieldScope, key: string): FieldName | undefined {
  const own: Readonly<Record<string, FieldName>> = FIELD_NAMES[scope];
  if (Object.hasOwn(own, key)) return own[key];
  const common: Readonly<Record<string, FieldName>> | undefined =
    scope === 'dci' || scope === 'fabric'
      ? FIELD_NAMES.link
      : NODE_SCOPES.has(scope)
        ? FIELD_NAMES.node
        : undefined;
  return common && Object.hasOwn(common, key) ? common[key] : undefined;
}

const NODE_SCOPES: ReadonlySet<string> = new Set(NODE_KINDS);

export const isFieldScope = (x: string): x is FieldScope => Object.hasOwn(FIELD_NAMES, x);

/** A field's label and unit, as the editors' field components take them. */
export function fieldProps(name: FieldName): { label: string; unit?: string } {
  return name.unit === undefined ? { label: name.label } : { label: name.label, unit: name.unit };
}

/** A choice's values with their words, in the table's order: a select's options. */
export function choices<K extends string>(
  labels: Readonly<Record<K, string>>,
): readonly { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
