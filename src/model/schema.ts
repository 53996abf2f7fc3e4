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

/**
 * Bounds on a design's quantities: past them a value is a slip of the keyboard (a distance of
 * 1e9 km drew as an RTT of 10,000,000 ms, a VM of 1e300 GB wrote its memory as "1e+300 GB"),
 * not a design.
 * - The longest fibre between two places on Earth runs well under 40,000 km (half the equator
 *   is 20,000 km, and a cable's path is rarely twice the great circle).
 * - Ten seconds of RTT is past any link a live migration could cross; so is a device allowance
 *   of as much.
 * - 1,000,000 Gb/s (1 Pb/s) is past any fibre system built, and past any NIC.
 * - 1,000,000 GB (1 PB) of memory is past any server built and past every hypervisor's largest
 *   VM (Hyper-V in Windows Server 2025: 240 TB; vSphere 8: 24 TB).
 * - 10,000,000 MB/s (10 TB/s) is past the memory bandwidth of any server (what a VM could
 *   dirty) and past any storage array's writes.
 * - A day is past any switchover a live migration could mean: a tolerance or a resume time
 *   longer than that is a planned outage, not a move.
 * - 1,024 MB is the largest window TCP can advertise (2^30 bytes, window scaling, RFC 7323 §2.3).
 */
export const DCI_DISTANCE_MAX_KM = 40_000;
export const RTT_MAX_MS = 10_000;
export const BANDWIDTH_MAX_GBPS = 1_000_000;
export const MEMORY_MAX_GB = 1_000_000;
export const RATE_MAX_MBPS = 10_000_000;
export const SWITCHOVER_MAX_S = 86_400;
export const TCP_WINDOW_MAX_MB = 1024;

/** A quantity from 0 (or above it, `strict`) up to its bound. */
const upTo = (max: number, strict = false) =>
  z.number().check(strict ? z.gt(0) : z.gte(0), z.lte(max));

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
  vmotionNicGbps: upTo(BANDWIDTH_MAX_GBPS, true),
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

const linkBase = {
  id,
  source: id,
  target: id,
  label: z.optional(label),
  bandwidthGbps: upTo(BANDWIDTH_MAX_GBPS, true),
  /** Explicit RTT; when absent the RTT is estimated from distance (DOMAIN.md §2). */
  rttMs: z.optional(upTo(RTT_MAX_MS)),
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
  distanceKm: upTo(DCI_DISTANCE_MAX_KM),
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
  memoryGB: upTo(MEMORY_MAX_GB, true),
  dirtyRateMBps: upTo(RATE_MAX_MBPS),
  /**
   * Write rate of one VM (MB/s), for replication bandwidth (DOMAIN.md §8, BW-REPLICATION).
   * 0 means unknown: the rules that need it stay quiet. Added in version 2.
   */
  writeRateMBps: upTo(RATE_MAX_MBPS),
  segmentIds: z.array(id),
  /** A volume id of one of the design's arrays. */
  datastoreId: z.optional(id),
  downtimeToleranceS: upTo(SWITCHOVER_MAX_S, true),
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
  dciHopAllowanceMs: upTo(RTT_MAX_MS),
  /** Device allowance added to each fabric link's RTT. */
  fabricHopAllowanceMs: upTo(RTT_MAX_MS),
  /** TCP window of a migration stream: caps throughput at window / RTT (DOMAIN.md §6). */
  tcpWindowMB: upTo(TCP_WINDOW_MAX_MB, true),
  /** Time to resume a VM after the final copy, added to the downtime estimate. */
  resumeAllowanceS: upTo(SWITCHOVER_MAX_S),
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
