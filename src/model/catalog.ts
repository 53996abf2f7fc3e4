/**
 * Hypervisor profiles (DOMAIN.md §3) and stretched-storage products (§4) as data.
 * Every limit carries the text of its source so the UI and reports can cite it, and a
 * `certain` flag: an uncertain figure (`?` in the rule book) may raise a warning, never an error.
 */

import {
  L2_EXTENSION_LABELS,
  PRODUCT_LABELS,
  PROFILE_LABELS,
  TRANSPORT_LABELS,
} from './catalogLabels';
import type { L2Extension, Transport } from './schema';

export interface Limit {
  readonly value: number;
  readonly certain: boolean;
  readonly source: string;
}

export const HYPERVISOR_PROFILE_IDS = [
  'vsphere-5-standard',
  'vsphere-5-metro',
  'vsphere-6',
  'hyperv-stretched',
  'kvm',
  'vsphere-vmsc',
  // Edition 2 (DOMAIN.md §8): appended, so the ids above keep their meaning in old files.
  'vsphere-7-8',
  'nutanix-ahv-metro',
  'azure-local-stretched',
  'proxmox-ve',
] as const;
export type HypervisorProfileId = (typeof HYPERVISOR_PROFILE_IDS)[number];

export interface HypervisorProfile {
  readonly id: HypervisorProfileId;
  readonly label: string;
  /** Max RTT between source and destination hosts for a live migration; null = no hard limit. */
  readonly maxRttMs: Limit | null;
  /** Bandwidth one concurrent migration needs on the migration path. */
  readonly bandwidthPerMigrationGbps: Limit | null;
  /** Whether the vMotion/migration vmkernel may be routed (cross an L3 boundary). */
  readonly routedVmkernel: 'supported' | 'not-supported' | 'n/a';
  /** Max RTT between the sites of one stretched cluster, where the profile is a stretched one. */
  readonly stretchedMaxRttMs: Limit | null;
  /** Default cap on migration throughput (KVM's 128 MiB/s), if any. */
  readonly defaultThroughputCapGbps: Limit | null;
}

/** QEMU's default migration max-bandwidth, 128 MiB/s, in Gb/s (≈ 1.074). */
const QEMU_DEFAULT_CAP_GBPS = (128 * 1024 * 1024 * 8) / 1e9;

const KB310156 = 'VMware KB 310156 (vMotion over distance: 5 ms, 10 ms with Metro vMotion)';

export const HYPERVISOR_PROFILES: Readonly<Record<HypervisorProfileId, HypervisorProfile>> = {
  'vsphere-5-standard': {
    id: 'vsphere-5-standard',
    label: PROFILE_LABELS['vsphere-5-standard'],
    maxRttMs: { value: 5, certain: true, source: KB310156 },
    bandwidthPerMigrationGbps: {
      value: 0.622,
      certain: false,
      source: 'Guidance of 622 Mb/s per migration (seed 001, long-distance vMotion part 3)',
    },
    routedVmkernel: 'not-supported',
    stretchedMaxRttMs: null,
    defaultThroughputCapGbps: null,
  },
  'vsphere-5-metro': {
    id: 'vsphere-5-metro',
    label: PROFILE_LABELS['vsphere-5-metro'],
    maxRttMs: { value: 10, certain: true, source: KB310156 },
    bandwidthPerMigrationGbps: {
      value: 0.622,
      certain: false,
      source: 'Guidance of 622 Mb/s per migration (seed 001, long-distance vMotion part 3)',
    },
    routedVmkernel: 'not-supported',
    stretchedMaxRttMs: null,
    defaultThroughputCapGbps: null,
  },
  'vsphere-6': {
    id: 'vsphere-6',
    label: PROFILE_LABELS['vsphere-6'],
    maxRttMs: {
      value: 150,
      certain: true,
      source: 'VMware KB 2106949 (long-distance vMotion: 150 ms RTT)',
    },
    bandwidthPerMigrationGbps: {
      value: 0.25,
      certain: true,
      source: 'vSphere 6–8 vMotion networking requirements (250 Mb/s per concurrent migration)',
    },
    routedVmkernel: 'supported',
    stretchedMaxRttMs: null,
    defaultThroughputCapGbps: null,
  },
  'hyperv-stretched': {
    id: 'hyperv-stretched',
    label: PROFILE_LABELS['hyperv-stretched'],
    maxRttMs: {
      value: 5,
      certain: true,
      source:
        'Microsoft Storage Replica requirements (5 ms average RTT for synchronous replication)',
    },
    bandwidthPerMigrationGbps: {
      value: 1,
      certain: true,
      source: 'Microsoft Storage Replica requirements (≥ 1 Gb/s link)',
    },
    routedVmkernel: 'n/a',
    stretchedMaxRttMs: {
      value: 5,
      certain: true,
      source: 'Microsoft Storage Replica requirements (5 ms average RTT)',
    },
    defaultThroughputCapGbps: null,
  },
  kvm: {
    id: 'kvm',
    label: PROFILE_LABELS['kvm'],
    maxRttMs: null,
    bandwidthPerMigrationGbps: null,
    routedVmkernel: 'supported',
    stretchedMaxRttMs: null,
    // 128 MiB/s = 1.074 Gb/s: QEMU's default max-bandwidth; raise it for WAN migrations.
    defaultThroughputCapGbps: {
      value: QEMU_DEFAULT_CAP_GBPS,
      certain: true,
      source: 'QEMU migration options (max-bandwidth defaults to 128 MiB/s)',
    },
  },
  'vsphere-vmsc': {
    id: 'vsphere-vmsc',
    label: PROFILE_LABELS['vsphere-vmsc'],
    maxRttMs: {
      value: 10,
      certain: true,
      source: 'VMware vSphere Metro Storage Cluster recommended practices (10 ms)',
    },
    bandwidthPerMigrationGbps: null,
    routedVmkernel: 'not-supported',
    stretchedMaxRttMs: {
      value: 10,
      certain: true,
      source: 'VMware vSphere Metro Storage Cluster recommended practices (10 ms between sites)',
    },
    defaultThroughputCapGbps: null,
  },
  'vsphere-7-8': {
    id: 'vsphere-7-8',
    label: PROFILE_LABELS['vsphere-7-8'],
    maxRttMs: {
      value: 150,
      certain: true,
      source:
        'vSphere 7/8 vCenter and Host Management: vMotion networking requirements (150 ms RTT)',
    },
    bandwidthPerMigrationGbps: {
      value: 0.25,
      certain: true,
      source:
        'vSphere 7/8 vCenter and Host Management: vMotion networking requirements (250 Mb/s per concurrent migration)',
    },
    routedVmkernel: 'supported',
    stretchedMaxRttMs: null,
    defaultThroughputCapGbps: null,
  },
  'nutanix-ahv-metro': {
    id: 'nutanix-ahv-metro',
    label: PROFILE_LABELS['nutanix-ahv-metro'],
    maxRttMs: {
      value: 5,
      certain: true,
      source:
        'Nutanix Data Protection and Recovery guide: Metro Availability requirements (5 ms RTT between sites)',
    },
    bandwidthPerMigrationGbps: null,
    routedVmkernel: 'supported',
    stretchedMaxRttMs: {
      value: 5,
      certain: true,
      source:
        'Nutanix Data Protection and Recovery guide: Metro Availability requirements (5 ms RTT between sites)',
    },
    defaultThroughputCapGbps: null,
  },
  'azure-local-stretched': {
    id: 'azure-local-stretched',
    label: PROFILE_LABELS['azure-local-stretched'],
    maxRttMs: {
      value: 5,
      certain: true,
      source: 'Microsoft Azure Stack HCI stretched-cluster requirements (5 ms average RTT)',
    },
    bandwidthPerMigrationGbps: {
      value: 1,
      certain: false,
      source:
        'Microsoft Azure Stack HCI stretched-cluster requirements (≥ 1 Gb/s RDMA-capable link between sites)',
    },
    routedVmkernel: 'n/a',
    stretchedMaxRttMs: {
      value: 5,
      certain: true,
      source:
        'Microsoft Azure Stack HCI stretched-cluster requirements (5 ms average RTT between sites)',
    },
    defaultThroughputCapGbps: null,
  },
  'proxmox-ve': {
    id: 'proxmox-ve',
    label: PROFILE_LABELS['proxmox-ve'],
    maxRttMs: null,
    bandwidthPerMigrationGbps: null,
    routedVmkernel: 'supported',
    stretchedMaxRttMs: null,
    // Uncertain: Proxmox may set its own migration bandwidth limit over QEMU's default.
    defaultThroughputCapGbps: {
      value: QEMU_DEFAULT_CAP_GBPS,
      certain: false,
      source: 'Proxmox VE admin guide, QEMU migration parameters (QEMU default cap 128 MiB/s)',
    },
  },
};

export const STORAGE_PRODUCT_IDS = [
  'generic',
  'vplex-metro',
  'vplex-geo',
  'netapp-metrocluster',
  'ibm-svc-stretched',
  'ibm-hyperswap',
  'pure-activecluster',
  'hpe-3par-peer-persistence',
  'vsan-stretched',
  'netapp-flexcache',
] as const;
export type StorageProductId = (typeof STORAGE_PRODUCT_IDS)[number];

export interface WitnessTier {
  readonly upToHostsPerSite: number;
  readonly limit: Limit;
}

export interface StorageProduct {
  readonly id: StorageProductId;
  readonly label: string;
  /**
   * active-active: local I/O at both sites; split-controller: one site owns each volume;
   * async / cache / local: not a synchronous stretched target.
   */
  readonly behaviour:
    'active-active' | 'split-controller' | 'active-passive-failover' | 'async' | 'cache' | 'local';
  /** RTT limit for synchronous replication between the two arrays; null = any (async). */
  readonly syncMaxRttMs: Limit | null;
  /** Whether the product needs a witness / mediator / quorum in a third site. */
  readonly needsWitness: boolean;
  /** Max RTT from the witness to each data site; null = not stated. */
  readonly witnessMaxRttMs: Limit | null;
  /**
   * Where the witness limit depends on the hosts per data site (vSAN): tiers in ascending
   * `upToHostsPerSite`; the first tier that holds the site's hosts applies.
   */
  readonly witnessMaxRttMsByHostsPerSite?: readonly WitnessTier[];
  /** Split-controller products have no node redundancy at one site (seed 001). */
  readonly nodeRedundancyPerSite: boolean;
  /**
   * Whether the product can replicate a volume synchronously at all (DOMAIN.md §8: `generic`,
   * `netapp-flexcache` and `vplex-geo` cannot).
   */
  readonly syncReplication: boolean;
}

const VSAN_WITNESS_SOURCE = 'VMware vSAN stretched-cluster guide: witness RTT by hosts per site';
const VSAN_WITNESS_TIERS = [
  {
    upToHostsPerSite: 10,
    limit: { value: 200, certain: true, source: `${VSAN_WITNESS_SOURCE} (≤ 200 ms up to 10)` },
  },
  {
    upToHostsPerSite: Infinity,
    limit: { value: 100, certain: true, source: `${VSAN_WITNESS_SOURCE} (≤ 100 ms above 10)` },
  },
] as const satisfies readonly WitnessTier[];

/**
 * The witness RTT limit of a product for a pair whose larger data site has `hostsPerSite`
 * hosts (undefined: not known, the product's general limit).
 */
export function witnessLimit(product: StorageProduct, hostsPerSite?: number): Limit | null {
  const tiers = product.witnessMaxRttMsByHostsPerSite;
  if (!tiers || hostsPerSite === undefined) return product.witnessMaxRttMs;
  return tiers.find((t) => hostsPerSite <= t.upToHostsPerSite)?.limit ?? product.witnessMaxRttMs;
}

export const STORAGE_PRODUCTS: Readonly<Record<StorageProductId, StorageProduct>> = {
  generic: {
    id: 'generic',
    label: PRODUCT_LABELS['generic'],
    behaviour: 'local',
    syncMaxRttMs: null,
    needsWitness: false,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: false,
  },
  'vplex-metro': {
    id: 'vplex-metro',
    label: PRODUCT_LABELS['vplex-metro'],
    behaviour: 'active-active',
    syncMaxRttMs: {
      value: 5,
      certain: true,
      source: 'Dell VPLEX Metro: 5 ms RTT (10 ms with cross-connect)',
    },
    needsWitness: true,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: true,
  },
  'vplex-geo': {
    id: 'vplex-geo',
    label: PRODUCT_LABELS['vplex-geo'],
    behaviour: 'async',
    syncMaxRttMs: {
      value: 50,
      certain: false,
      source: 'Dell VPLEX Geo: asynchronous, up to 50 ms RTT',
    },
    needsWitness: false,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: false,
  },
  'netapp-metrocluster': {
    id: 'netapp-metrocluster',
    label: PRODUCT_LABELS['netapp-metrocluster'],
    behaviour: 'split-controller',
    // ~1 ms per 100 km; IP up to ~700 km ⇒ about 7 ms, uncertain per platform.
    syncMaxRttMs: {
      value: 7,
      certain: false,
      source: 'NetApp MetroCluster: ~1 ms per 100 km, ≤ 300 km FC, up to ~700 km IP, per platform',
    },
    needsWitness: true,
    witnessMaxRttMs: { value: 75, certain: true, source: 'NetApp ONTAP Mediator: < 75 ms RTT' },
    nodeRedundancyPerSite: false,
    syncReplication: true,
  },
  'ibm-svc-stretched': {
    id: 'ibm-svc-stretched',
    label: PRODUCT_LABELS['ibm-svc-stretched'],
    behaviour: 'split-controller',
    // ~10 km campus without ISLs (seed 001) ⇒ about 0.1 ms of fibre.
    syncMaxRttMs: {
      value: 0.2,
      certain: false,
      source: 'IBM SVC stretched system: ~10 km without ISLs, campus distance (seed 001)',
    },
    needsWitness: true,
    witnessMaxRttMs: { value: 80, certain: false, source: 'IBM SVC IP quorum: ≤ 80 ms RTT' },
    nodeRedundancyPerSite: false,
    syncReplication: true,
  },
  'ibm-hyperswap': {
    id: 'ibm-hyperswap',
    label: PRODUCT_LABELS['ibm-hyperswap'],
    behaviour: 'active-active',
    syncMaxRttMs: { value: 3, certain: false, source: 'IBM HyperSwap: ≤ 300 km (about 3 ms RTT)' },
    needsWitness: true,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: true,
  },
  'pure-activecluster': {
    id: 'pure-activecluster',
    label: PRODUCT_LABELS['pure-activecluster'],
    behaviour: 'active-active',
    syncMaxRttMs: { value: 11, certain: true, source: 'Pure Storage ActiveCluster: 11 ms RTT' },
    needsWitness: true,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: true,
  },
  'hpe-3par-peer-persistence': {
    id: 'hpe-3par-peer-persistence',
    label: PRODUCT_LABELS['hpe-3par-peer-persistence'],
    behaviour: 'active-passive-failover',
    syncMaxRttMs: { value: 5, certain: true, source: 'HPE 3PAR Peer Persistence: 5 ms RTT' },
    needsWitness: true,
    witnessMaxRttMs: { value: 150, certain: true, source: 'HPE 3PAR quorum witness: < 150 ms RTT' },
    nodeRedundancyPerSite: true,
    syncReplication: true,
  },
  'vsan-stretched': {
    id: 'vsan-stretched',
    label: PRODUCT_LABELS['vsan-stretched'],
    behaviour: 'active-active',
    syncMaxRttMs: {
      value: 5,
      certain: true,
      source: 'VMware vSAN stretched cluster: 5 ms RTT between data sites',
    },
    needsWitness: true,
    witnessMaxRttMs: VSAN_WITNESS_TIERS[0].limit,
    witnessMaxRttMsByHostsPerSite: VSAN_WITNESS_TIERS,
    nodeRedundancyPerSite: true,
    syncReplication: true,
  },
  'netapp-flexcache': {
    id: 'netapp-flexcache',
    label: PRODUCT_LABELS['netapp-flexcache'],
    behaviour: 'cache',
    syncMaxRttMs: null,
    needsWitness: false,
    witnessMaxRttMs: null,
    nodeRedundancyPerSite: true,
    syncReplication: false,
  },
};

// ---------------------------------------------------------------------------------------------
// DCI transports and L2 extensions (DOMAIN.md §1, §2): what each carries, its spanning-tree
// isolation and its encapsulation overhead. Rules, inspector, segment lists and the report name
// them from here.

export interface TransportInfo {
  readonly id: Transport;
  /** For a select or a table: "Dark fibre". */
  readonly label: string;
  /** Inside a sentence: "over dark fibre", "over an MPLS L3VPN". */
  readonly inSentence: string;
  /** Carries only IP: a plain 802.1Q trunk over it carries nothing (DOMAIN.md §2). */
  readonly ipOnly: boolean;
  readonly carries: string;
}

export const TRANSPORT_INFO: Readonly<Record<Transport, TransportInfo>> = {
  'dark-fiber': {
    id: 'dark-fiber',
    label: TRANSPORT_LABELS['dark-fiber'],
    inSentence: 'dark fibre',
    ipOnly: false,
    carries: 'any Ethernet frame: a trunk, VPLS, EoMPLS or an overlay',
  },
  dwdm: {
    id: 'dwdm',
    label: TRANSPORT_LABELS['dwdm'],
    inSentence: 'DWDM',
    ipOnly: false,
    carries: 'any Ethernet frame on its own wavelength: a trunk, VPLS, EoMPLS or an overlay',
  },
  'mpls-l3vpn': {
    id: 'mpls-l3vpn',
    label: TRANSPORT_LABELS['mpls-l3vpn'],
    inSentence: 'an MPLS L3VPN',
    ipOnly: true,
    carries: 'IP only: L2 needs an overlay (OTV, VXLAN-EVPN)',
  },
  'ipsec-vpn': {
    id: 'ipsec-vpn',
    label: TRANSPORT_LABELS['ipsec-vpn'],
    inSentence: 'an IPsec VPN',
    ipOnly: true,
    carries: 'IP only: L2 needs an overlay (OTV, VXLAN-EVPN)',
  },
  internet: {
    id: 'internet',
    label: TRANSPORT_LABELS['internet'],
    inSentence: 'the internet',
    ipOnly: true,
    carries: 'IP only: L2 needs an overlay (OTV, VXLAN-EVPN)',
  },
};

export interface L2ExtensionInfo {
  readonly id: L2Extension;
  /** For a select or a table: "802.1Q trunk". */
  readonly label: string;
  /** Inside a sentence: "with a plain 802.1Q trunk". */
  readonly inSentence: string;
  /** What it needs from the transport: `l1` (dark fibre/DWDM), `ip` (any), `none` (carries nothing). */
  readonly rides: 'l1' | 'ip' | 'mpls' | 'none';
  /** Spanning-tree isolation across the link: always, only with BPDU filtering, or n/a. */
  readonly stpIsolation: 'always' | 'with-bpdu-filter' | 'n/a';
  /** Bytes of encapsulation added to each frame (OTV 42, VXLAN 50). */
  readonly overheadBytes: number;
}

export const L2_EXTENSION_INFO: Readonly<Record<L2Extension, L2ExtensionInfo>> = {
  none: {
    id: 'none',
    label: L2_EXTENSION_LABELS['none'],
    inSentence: 'no L2 extension',
    rides: 'none',
    stpIsolation: 'n/a',
    overheadBytes: 0,
  },
  trunk: {
    id: 'trunk',
    label: L2_EXTENSION_LABELS['trunk'],
    inSentence: 'a plain 802.1Q trunk',
    rides: 'l1',
    stpIsolation: 'with-bpdu-filter',
    overheadBytes: 0,
  },
  vpls: {
    id: 'vpls',
    label: L2_EXTENSION_LABELS['vpls'],
    inSentence: 'VPLS',
    rides: 'mpls',
    stpIsolation: 'with-bpdu-filter',
    overheadBytes: 0,
  },
  eompls: {
    id: 'eompls',
    label: L2_EXTENSION_LABELS['eompls'],
    inSentence: 'EoMPLS',
    rides: 'mpls',
    stpIsolation: 'with-bpdu-filter',
    overheadBytes: 0,
  },
  otv: {
    id: 'otv',
    label: L2_EXTENSION_LABELS['otv'],
    inSentence: 'OTV',
    rides: 'ip',
    stpIsolation: 'always',
    overheadBytes: 42,
  },
  'vxlan-evpn': {
    id: 'vxlan-evpn',
    label: L2_EXTENSION_LABELS['vxlan-evpn'],
    inSentence: 'VXLAN-EVPN',
    rides: 'ip',
    stpIsolation: 'always',
    overheadBytes: 50,
  },
};

/**
 * Why a DCI link carries no segment at L2 whatever it lists, or null when it can carry them
 * (DOMAIN.md §2: no extension, or a plain trunk over an IP-only transport).
 */
export function whyCarriesNoL2(link: {
  readonly transport: Transport;
  readonly l2Extension: L2Extension;
}): string | null {
  if (link.l2Extension === 'none') return 'no L2 extension: carries nothing';
  if (L2_EXTENSION_INFO[link.l2Extension].rides === 'l1' && TRANSPORT_INFO[link.transport].ipOnly)
    return `a plain trunk over ${TRANSPORT_INFO[link.transport].inSentence} carries nothing`;
  return null;
}
