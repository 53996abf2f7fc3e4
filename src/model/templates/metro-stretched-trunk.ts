/**
 * Reference design 5 (DOMAIN.md §7, seed 002): the metro of design 1 with the VLANs carried as a
 * plain 802.1Q trunk over both dark-fibre routes and no BPDU filtering, on vSphere 5 with the
 * vMotion vmkernel on a stretched VLAN. It works, but both data centers are one spanning-tree
 * domain: a loop or a root change in one site takes the other down with it.
 */
import type { Design, Volume } from '../schema';
import { buildTwoSiteMetro } from './metro';

const distributed = (id: string, name: string, preferred: string, peer: string): Volume => ({
  id,
  name,
  preferredSiteId: preferred,
  peerArrayId: peer,
  replication: 'sync',
});

/** The template's name: the menu's, and the design's it builds. */
export const METRO_STRETCHED_TRUNK_NAME = 'Metro 80 km: plain VLAN trunk';

export function buildMetroStretchedTrunk(): Design {
  return buildTwoSiteMetro({
    name: METRO_STRETCHED_TRUNK_NAME,
    storage: {
      product: 'vplex-metro',
      access: 'uniform',
      nodeRedundancy: true,
      labels: ['VPLEX-A', 'VPLEX-B'],
      volumesA: [distributed('dd-prod-01', 'DD_PROD_01', 'dc1', 'array-b')],
      volumesB: [distributed('dd-prod-02', 'DD_PROD_02', 'dc2', 'array-a')],
      witnessLabel: 'VPLEX Witness',
    },
    gateway: { gatewayMode: 'per-site', gatewaySiteIds: ['dc1', 'dc2'] },
    extension: { l2Extension: 'trunk', bpduFilter: false, name: '802.1Q trunk' },
    cluster: { profile: 'vsphere-5-standard', vmkRouted: false },
    workloads: [
      {
        id: 'wl-web',
        name: 'web-01..04',
        clusterId: 'esx-prod-a',
        count: 4,
        memoryGB: 8,
        dirtyRateMBps: 30,
        segmentIds: ['seg-web'],
        datastoreId: 'dd-prod-01',
        mobilityTargetIds: ['esx-prod-b'],
      },
      {
        id: 'wl-app',
        name: 'app-01',
        clusterId: 'esx-prod-a',
        memoryGB: 16,
        dirtyRateMBps: 60,
        segmentIds: ['seg-app'],
        datastoreId: 'dd-prod-01',
        mobilityTargetIds: ['esx-prod-b'],
      },
      {
        id: 'wl-db',
        name: 'app-db',
        clusterId: 'esx-prod-b',
        memoryGB: 32,
        dirtyRateMBps: 150,
        segmentIds: ['seg-db'],
        datastoreId: 'dd-prod-02',
        mobilityTargetIds: ['esx-prod-a'],
      },
      {
        id: 'wl-mail',
        name: 'mail-01',
        clusterId: 'esx-prod-b',
        memoryGB: 12,
        dirtyRateMBps: 40,
        segmentIds: ['seg-app'],
        datastoreId: 'dd-prod-02',
        mobilityTargetIds: ['esx-prod-a'],
      },
    ],
  });
}
