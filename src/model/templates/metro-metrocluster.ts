/**
 * Reference design 2 (DOMAIN.md §7): the metro of design 1 with a split-controller array and a
 * centralized gateway. A two-node NetApp MetroCluster owns every volume at DC1 (one controller
 * per site, so no node redundancy at either site), and every segment's gateway sits at DC1.
 * Once a workload moves to DC2, its disk I/O and its egress cross the DCI and come back.
 */
import type { Design, Volume } from '../schema';
import { buildTwoSiteMetro } from './metro';

const ownedByDc1 = (id: string, name: string): Volume => ({
  id,
  name,
  // Split controller: the volume is served by the DC1 controller and mirrored (SyncMirror) to DC2.
  preferredSiteId: 'dc1',
  peerArrayId: 'array-b',
  replication: 'sync',
});

/** The template's name: the menu's, and the design's it builds. */
export const METRO_METROCLUSTER_NAME = 'Metro 80 km: MetroCluster + central gateway';

export function buildMetroMetroCluster(): Design {
  const movesToDc2 = { clusterId: 'esx-prod-a', mobilityTargetIds: ['esx-prod-b'] };
  return buildTwoSiteMetro({
    name: METRO_METROCLUSTER_NAME,
    storage: {
      product: 'netapp-metrocluster',
      access: 'uniform',
      nodeRedundancy: false,
      labels: ['MetroCluster A (fas-a)', 'MetroCluster B (fas-b)'],
      volumesA: [
        ownedByDc1('vol-prod-01', 'vol_prod_01'),
        ownedByDc1('vol-db-01', 'vol_db_01'),
        ownedByDc1('vol-batch-01', 'vol_batch_01'),
      ],
      volumesB: [],
      witnessLabel: 'ONTAP Mediator',
    },
    gateway: { gatewayMode: 'centralized', gatewaySiteIds: ['dc1'] },
    workloads: [
      {
        id: 'wl-web',
        name: 'web-01..04',
        ...movesToDc2,
        count: 4,
        memoryGB: 8,
        dirtyRateMBps: 30,
        segmentIds: ['seg-web'],
        datastoreId: 'vol-prod-01',
      },
      {
        id: 'wl-app',
        name: 'app-01',
        ...movesToDc2,
        memoryGB: 32,
        dirtyRateMBps: 120,
        segmentIds: ['seg-app'],
        datastoreId: 'vol-prod-01',
      },
      {
        id: 'wl-db',
        name: 'app-db',
        ...movesToDc2,
        memoryGB: 64,
        dirtyRateMBps: 250,
        segmentIds: ['seg-db'],
        datastoreId: 'vol-db-01',
      },
      {
        id: 'wl-batch',
        name: 'batch-01',
        ...movesToDc2,
        memoryGB: 16,
        dirtyRateMBps: 80,
        segmentIds: ['seg-app'],
        datastoreId: 'vol-batch-01',
      },
    ],
  });
}
