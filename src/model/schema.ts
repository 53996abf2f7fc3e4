/**
 * The design document, version 1: the schema every file, link, paste and fixture is checked
 * against (after migration), and the types the rest of the studio uses (inferred from it).
 * DOMAIN.md §1 is the source of every element and property here.
 * The format is a public interface: docs/design-format.md describes it. Change it only with a
 * named migration (src/model/migrations.ts).
 */
import { z } from 'zod';
import { HYPERVISOR_PROFILE_IDS, STORAGE_PRODUCT_IDS } from './catalog';

export const CURRENT_VERSION = 1 as const;

const id = z.string().min(1).max(128);
const label = z.string().max(200);
const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().gt(0);

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

const nodeBase = {
  id,
  label,
  /** Top-left corner; relative to the parent site for devices, absolute for sites. */
  position: positionSchema,
};

const deviceBase = {
  ...nodeBase,
  /** The site this device lives in. */
  parentId: id,
};

export const siteSchema = z.object({
  ...nodeBase,
  kind: z.literal('site'),
  role: z.enum(['dc', 'witness', 'cloud']),
  location: z
    .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
  width: z.number().finite().min(120),
  height: z.number().finite().min(80),
});

export const spineSchema = z.object({ ...deviceBase, kind: z.literal('spine') });

export const torSchema = z.object({
  ...deviceBase,
  kind: z.literal('tor'),
  /** l2: VLANs trunked up to the spines; l3: routed at the ToR. */
  boundary: z.enum(['l2', 'l3']),
  /** VXLAN-EVPN overlay: carries segments at L2 over a routed fabric. */
  overlay: z.boolean(),
  anycastGateway: z.boolean(),
});

export const borderSchema = z.object({ ...deviceBase, kind: z.literal('border') });

export const clusterSchema = z.object({
  ...deviceBase,
  kind: z.literal('cluster'),
  profile: z.enum(HYPERVISOR_PROFILE_IDS),
  hosts: z.number().int().min(1).max(10000),
  vswitchPortsPerHost: z.number().int().min(1).max(100000),
  /** The vMotion vmkernel is routed (its own TCP/IP stack) rather than on one L2 segment. */
  vmkRouted: z.boolean(),
  vmotionNicGbps: positive,
  concurrentMigrations: z.number().int().min(1).max(64),
  /** A host cluster in another site that forms one stretched cluster with this one. */
  stretchPeerId: id.optional(),
});

export const volumeSchema = z.object({
  id,
  name: label,
  /** The site where the volume is active (preferred). */
  preferredSiteId: id.optional(),
  /** The array this volume replicates to. */
  peerArrayId: id.optional(),
  replication: z.enum(['none', 'sync', 'async']),
});

export const arraySchema = z.object({
  ...deviceBase,
  kind: z.literal('array'),
  product: z.enum(STORAGE_PRODUCT_IDS),
  access: z.enum(['uniform', 'non-uniform']),
  nodeRedundancy: z.boolean(),
  volumes: z.array(volumeSchema),
});

export const firewallSchema = z.object({
  ...deviceBase,
  kind: z.literal('firewall'),
  stateful: z.boolean(),
  stateSynced: z.boolean(),
  segmentIds: z.array(id),
});

export const witnessSchema = z.object({
  ...deviceBase,
  kind: z.literal('witness'),
  /** Ids of the arrays or (stretched) host clusters this witness arbitrates. */
  arbitrates: z.array(id),
});

export const designNodeSchema = z.discriminatedUnion('kind', [
  siteSchema,
  spineSchema,
  torSchema,
  borderSchema,
  clusterSchema,
  arraySchema,
  firewallSchema,
  witnessSchema,
]);

export const TRANSPORTS = ['dark-fiber', 'dwdm', 'mpls-l3vpn', 'ipsec-vpn', 'internet'] as const;
export const L2_EXTENSIONS = ['none', 'trunk', 'vpls', 'eompls', 'otv', 'vxlan-evpn'] as const;

const linkBase = {
  id,
  source: id,
  target: id,
  label: label.optional(),
  bandwidthGbps: positive,
  /** Explicit RTT; when absent the RTT is estimated from distance (DOMAIN.md §2). */
  rttMs: nonNegative.optional(),
};

export const fabricLinkSchema = z.object({
  ...linkBase,
  kind: z.literal('fabric'),
});

export const dciLinkSchema = z.object({
  ...linkBase,
  kind: z.literal('dci'),
  transport: z.enum(TRANSPORTS),
  l2Extension: z.enum(L2_EXTENSIONS),
  bpduFilter: z.boolean(),
  distanceKm: nonNegative,
  mtu: z.number().int().min(576).max(65535),
  /** The L2 segments that cross this link. */
  extendedSegmentIds: z.array(id),
});

export const linkSchema = z.discriminatedUnion('kind', [fabricLinkSchema, dciLinkSchema]);

export const segmentSchema = z.object({
  id,
  name: label,
  vlanId: z.number().int().min(1).max(4094),
  subnet: z.string().max(64),
  /**
   * centralized: one gateway at gatewaySiteIds[0]; per-site: a local gateway (FHRP filtered)
   * at each listed site; anycast: a distributed EVPN gateway wherever the segment reaches.
   */
  gatewayMode: z.enum(['centralized', 'per-site', 'anycast']),
  gatewaySiteIds: z.array(id),
  /** single-site: traffic enters only at ingressSiteId. */
  ingressMode: z.enum(['single-site', 'gslb', 'lisp', 'host-routes']),
  ingressSiteId: id.optional(),
});

export const workloadSchema = z.object({
  id,
  name: label,
  /** How many VMs this workload stands for (a VM group). */
  count: z.number().int().min(1).max(100000),
  clusterId: id,
  memoryGB: positive,
  dirtyRateMBps: nonNegative,
  segmentIds: z.array(id),
  /** A volume id of one of the design's arrays. */
  datastoreId: id.optional(),
  downtimeToleranceS: positive,
  /** Host clusters this workload may live-migrate to. */
  mobilityTargetIds: z.array(id),
});

export const waiverSchema = z.object({
  /** The key of the waived finding (rule id, elements and scenario; see src/rules). */
  findingKey: z.string().min(1).max(2000),
  ruleId: z.string().min(1).max(64),
  justification: z.string().min(1).max(2000),
  createdAt: z.string().max(64).optional(),
});

export const settingsSchema = z.object({
  /** Device allowance added to each DCI link's RTT (DOMAIN.md §2). */
  dciHopAllowanceMs: nonNegative,
  /** Device allowance added to each fabric link's RTT. */
  fabricHopAllowanceMs: nonNegative,
  /** TCP window of a migration stream: caps throughput at window / RTT (DOMAIN.md §6). */
  tcpWindowMB: positive,
  /** Time to resume a VM after the final copy, added to the downtime estimate. */
  resumeAllowanceS: nonNegative,
});

export const designSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  name: label,
  settings: settingsSchema,
  nodes: z.array(designNodeSchema),
  links: z.array(linkSchema),
  segments: z.array(segmentSchema),
  workloads: z.array(workloadSchema),
  waivers: z.array(waiverSchema),
});

export type Position = z.infer<typeof positionSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Spine = z.infer<typeof spineSchema>;
export type Tor = z.infer<typeof torSchema>;
export type Border = z.infer<typeof borderSchema>;
export type Cluster = z.infer<typeof clusterSchema>;
export type Volume = z.infer<typeof volumeSchema>;
export type StorageArray = z.infer<typeof arraySchema>;
export type Firewall = z.infer<typeof firewallSchema>;
export type Witness = z.infer<typeof witnessSchema>;
export type DesignNode = z.infer<typeof designNodeSchema>;
export type Device = Exclude<DesignNode, Site>;
export type NodeKind = DesignNode['kind'];
export type DeviceKind = Device['kind'];
export type FabricLink = z.infer<typeof fabricLinkSchema>;
export type DciLink = z.infer<typeof dciLinkSchema>;
export type Link = z.infer<typeof linkSchema>;
export type LinkKind = Link['kind'];
export type Transport = DciLink['transport'];
export type L2Extension = DciLink['l2Extension'];
export type Segment = z.infer<typeof segmentSchema>;
export type Workload = z.infer<typeof workloadSchema>;
export type Waiver = z.infer<typeof waiverSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Design = z.infer<typeof designSchema>;

export const NODE_KINDS = [
  'site',
  'spine',
  'tor',
  'border',
  'cluster',
  'array',
  'firewall',
  'witness',
] as const;
export const DEVICE_KINDS = [
  'spine',
  'tor',
  'border',
  'cluster',
  'array',
  'firewall',
  'witness',
] as const;
