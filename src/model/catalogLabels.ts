/**
 * The names of the catalog's entries (catalog.ts), apart from their limits and sources: what
 * the canvas draws on the first screen (a cluster's profile, an array's product, a DCI link's
 * transport) without loading the whole catalog. catalog.ts takes its labels from here.
 */
import type { HypervisorProfileId, StorageProductId } from './catalog';
import type { L2Extension, Transport } from './schema';

export const PROFILE_LABELS = {
  'vsphere-5-standard': 'vSphere 4.x / 5.x standard',
  'vsphere-5-metro': 'vSphere 5.x Metro vMotion (Enterprise Plus)',
  'vsphere-6': 'vSphere 6.0+ (long-distance vMotion)',
  'hyperv-stretched': 'Hyper-V stretched cluster (Storage Replica sync)',
  kvm: 'KVM / QEMU',
  'vsphere-vmsc': 'Stretched vSphere cluster (vMSC)',
  'vsphere-7-8': 'vSphere 7.x / 8.x (vMotion)',
  'nutanix-ahv-metro': 'Nutanix AHV (Metro Availability / stretched)',
  'azure-local-stretched': 'Azure Local / Azure Stack HCI stretched cluster',
  'proxmox-ve': 'Proxmox VE (KVM)',
} as const satisfies Readonly<Record<HypervisorProfileId, string>>;

/**
 * A profile's name where a device card has 106 px for it beside a host count
 * ("8 × vSphere 6+"): the family and version, without the edition.
 */
export const PROFILE_CARD_LABELS = {
  'vsphere-5-standard': 'vSphere 5',
  'vsphere-5-metro': 'vSphere 5 Metro',
  'vsphere-6': 'vSphere 6+',
  'hyperv-stretched': 'Hyper-V',
  kvm: 'KVM',
  'vsphere-vmsc': 'vMSC',
  'vsphere-7-8': 'vSphere 7/8',
  'nutanix-ahv-metro': 'Nutanix AHV',
  'azure-local-stretched': 'Azure Local',
  'proxmox-ve': 'Proxmox VE',
} as const satisfies Readonly<Record<HypervisorProfileId, string>>;

export const PRODUCT_LABELS = {
  generic: 'Local array (not stretched)',
  'vplex-metro': 'Dell VPLEX Metro / metro node',
  'vplex-geo': 'Dell VPLEX Geo',
  'netapp-metrocluster': 'NetApp MetroCluster (FC / IP)',
  'ibm-svc-stretched': 'IBM SVC stretched system',
  'ibm-hyperswap': 'IBM HyperSwap',
  'pure-activecluster': 'Pure ActiveCluster',
  'hpe-3par-peer-persistence': 'HPE 3PAR Peer Persistence',
  'vsan-stretched': 'vSAN stretched cluster',
  'netapp-flexcache': 'NetApp FlexCache (NFS)',
} as const satisfies Readonly<Record<StorageProductId, string>>;

/** A product's name on a device card: the product, without its vendor. */
export const PRODUCT_CARD_LABELS = {
  generic: 'Local array',
  'vplex-metro': 'VPLEX Metro',
  'vplex-geo': 'VPLEX Geo',
  'netapp-metrocluster': 'MetroCluster',
  'ibm-svc-stretched': 'SVC stretched',
  'ibm-hyperswap': 'HyperSwap',
  'pure-activecluster': 'ActiveCluster',
  'hpe-3par-peer-persistence': 'Peer Persistence',
  'vsan-stretched': 'vSAN stretched',
  'netapp-flexcache': 'FlexCache',
} as const satisfies Readonly<Record<StorageProductId, string>>;

export const TRANSPORT_LABELS = {
  'dark-fiber': 'Dark fibre',
  dwdm: 'DWDM',
  'mpls-l3vpn': 'MPLS L3VPN',
  'ipsec-vpn': 'IPsec VPN',
  internet: 'Internet',
} as const satisfies Readonly<Record<Transport, string>>;

export const L2_EXTENSION_LABELS = {
  none: 'None (L3 only)',
  trunk: '802.1Q trunk',
  vpls: 'VPLS',
  eompls: 'EoMPLS',
  otv: 'OTV',
  'vxlan-evpn': 'VXLAN-EVPN',
} as const satisfies Readonly<Record<L2Extension, string>>;
