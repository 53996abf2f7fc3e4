/**
 * The design document, version 2: the schema every file, link, paste and fixture is checked
 * against (after migration), and the types the rest of the studio uses (inferred from it).
 * DOMAIN.md §1 is the source of every element and property here.
 * The format is a public interface: docs/design-format.md describes it. Change it only with a
 * named migration (src/model/migrations.ts).
 */
import * as z from 'zod/mini';
import { HYPERVISOR_PROFILE_IDS, STORAGE_PRODUCT_IDS } from './catalog';
import { NOTE_TEXT_MAX_CHARS, textProblem } from './text';
import { CURRENT_VERSION } from './kinds';
import { isCidr } from './validation';

export { CURRENT_VERSION, DEVICE_KINDS, NODE_KINDS } from './kinds';

/** Text a design may hold (text.ts): no control characters, broken characters or bidi overrides. */
const cleanText = (multiline: boolean) =>
  z.superRefine((text: string, ctx) => {
    const problem = textProblem(text, { multiline });
    if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: text });
  });
const line = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), cleanText(false));

const id = line(1, 128);
const label = line(0, 200);
const nonNegative = z.number().check(z.gte(0));
const positive = z.number().check(z.gt(0));

export const latitudeSchema = z.number().check(z.gte(-90), z.lte(90));
export const longitudeSchema = z.number().check(z.gte(-180), z.lte(180));
export const SUBNET_MAX_CHARS = 64;

/**
 * How far from the origin anything may be drawn, and how large a site may be: far beyond any
 * design (a site is ~600 px), small enough that drawing and image export stay exact.
 */
export const COORDINATE_LIMIT = 10_000_000;
export const SITE_SIZE_LIMIT = 1_000_000;
const coordinate = z.number().check(z.gte(-COORDINATE_LIMIT), z.lte(COORDINATE_LIMIT));

export const positionSchema = z.object({ x: coordinate, y: coordinate });

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
  location: z.optional(z.object({ lat: latitudeSchema, lon: longitudeSchema })),
  width: z.number().check(z.gte(120), z.lte(SITE_SIZE_LIMIT)),
  height: z.number().check(z.gte(80), z.lte(SITE_SIZE_LIMIT)),
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
  hosts: z.int().check(z.gte(1), z.lte(10000)),
  vswitchPortsPerHost: z.int().check(z.gte(1), z.lte(100000)),
  /** The vMotion vmkernel is routed (its own TCP/IP stack) rather than on one L2 segment. */
  vmkRouted: z.boolean(),
  vmotionNicGbps: positive,
  concurrentMigrations: z.int().check(z.gte(1), z.lte(64)),
  /** A host cluster in another site that forms one stretched cluster with this one. */
  stretchPeerId: z.optional(id),
});

export const volumeSchema = z.object({
  id,
  name: label,
  /** The site where the volume is active (preferred). */
  preferredSiteId: z.optional(id),
  /** The array this volume replicates to. */
  peerArrayId: z.optional(id),
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

/**
 * Bounds on a link's quantities: past them a value is a slip of the keyboard (a distance of
 * 1e9 km drew as an RTT of 10,000,000 ms), not a design. The longest fibre between two places
 * on Earth runs well under 40,000 km (half the equator is 20,000 km, and a cable's path is
 * rarely twice the great circle); ten seconds of RTT is past any link a live migration could
 * cross; 1,000,000 Gb/s (1 Pb/s) is past any fibre system built.
 */
export const DCI_DISTANCE_MAX_KM = 40_000;
export const RTT_MAX_MS = 10_000;
export const BANDWIDTH_MAX_GBPS = 1_000_000;

const linkBase = {
  id,
  source: id,
  target: id,
  label: z.optional(label),
  bandwidthGbps: z.number().check(z.gt(0), z.lte(BANDWIDTH_MAX_GBPS)),
  /** Explicit RTT; when absent the RTT is estimated from distance (DOMAIN.md §2). */
  rttMs: z.optional(z.number().check(z.gte(0), z.lte(RTT_MAX_MS))),
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
  distanceKm: z.number().check(z.gte(0), z.lte(DCI_DISTANCE_MAX_KM)),
  mtu: z.int().check(z.gte(576), z.lte(65535)),
  /** The L2 segments that cross this link. */
  extendedSegmentIds: z.array(id),
});

export const linkSchema = z.discriminatedUnion('kind', [fabricLinkSchema, dciLinkSchema]);

export const segmentSchema = z.object({
  id,
  name: label,
  vlanId: z.int().check(z.gte(1), z.lte(4094)),
  /** Empty (not given yet) or CIDR: `10.1.10.0/24`, `2001:db8:10::/64`. */
  subnet: z.string().check(
    z.maxLength(SUBNET_MAX_CHARS),
    z.refine((text) => text === '' || isCidr(text), {
      message: 'not a subnet in CIDR notation (like 10.1.10.0/24 or 2001:db8::/64), nor empty',
    }),
  ),
  /**
   * centralized: one gateway at gatewaySiteIds[0]; per-site: a local gateway (FHRP filtered)
   * at each listed site; anycast: a distributed EVPN gateway wherever the segment reaches.
   */
  gatewayMode: z.enum(['centralized', 'per-site', 'anycast']),
  gatewaySiteIds: z.array(id),
  /** single-site: traffic enters only at ingressSiteId. */
  ingressMode: z.enum(['single-site', 'gslb', 'lisp', 'host-routes']),
  ingressSiteId: z.optional(id),
});

export const workloadSchema = z.object({
  id,
  name: label,
  /** How many VMs this workload stands for (a VM group). */
  count: z.int().check(z.gte(1), z.lte(100000)),
  clusterId: id,
  memoryGB: positive,
  dirtyRateMBps: nonNegative,
  /**
   * Write rate of one VM (MB/s), for replication bandwidth (DOMAIN.md §8, BW-REPLICATION).
   * 0 means unknown: the rules that need it stay quiet. Added in version 2.
   */
  writeRateMBps: nonNegative,
  segmentIds: z.array(id),
  /** A volume id of one of the design's arrays. */
  datastoreId: z.optional(id),
  downtimeToleranceS: positive,
  /** Host clusters this workload may live-migrate to. */
  mobilityTargetIds: z.array(id),
});

export { NOTE_TEXT_MAX_CHARS };

/**
 * A whiteboard note on the canvas (added in version 2): free text, plain text only, optionally
 * pointing at one element (a callout).
 */
export const noteSchema = z.object({
  id,
  text: z.string().check(z.maxLength(NOTE_TEXT_MAX_CHARS), cleanText(true)),
  /** Top-left corner, in canvas coordinates. */
  position: positionSchema,
  /** The element (node or link) the note points at. */
  targetId: z.optional(id),
});

export const waiverSchema = z.object({
  /** The key of the waived finding (rule id, elements and scenario; see src/rules). */
  findingKey: line(1, 2000),
  ruleId: line(1, 64),
  justification: z.string().check(z.minLength(1), z.maxLength(2000), cleanText(true)),
  createdAt: z.optional(line(0, 64)),
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
  notes: z.array(noteSchema),
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
export type Note = z.infer<typeof noteSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Design = z.infer<typeof designSchema>;
