/**
 * Reference design 1 (DOMAIN.md §7): the clean metro. Two data centers 80 km apart on two
 * diverse dark-fibre routes, OTV with FHRP filtering (a local gateway at each site), GSLB ingress,
 * Dell VPLEX Metro active/active with uniform (cross-connected) access, vSphere 6, and a VPLEX
 * Witness in a third site. Every workload can move to the other site without a trombone.
 */
import type { Design, Volume } from '../schema';
import { buildTwoSiteMetro } from './metro';

const distributed = (id: string, name: string, preferred: string, peer: string): Volume => ({
  id,
  name,
  // The detach-rule winner: I/O is local at both sites, this only decides who survives a split.
  preferredSiteId: preferred,
  peerArrayId: peer,
  replication: 'sync',
});

/** The template's name: the menu's, and the design's it builds. */
export const METRO_VPLEX_OTV_NAME = 'Metro 80 km: VPLEX Metro + OTV';

export function buildMetroVplexOtv(): Design {
  return buildTwoSiteMetro({
    name: METRO_VPLEX_OTV_NAME,
    storage: {
      product: 'vplex-metro',
      access: 'uniform',
      nodeRedundancy: true,
      labels: ['VPLEX-A', 'VPLEX-B'],
      volumesA: [
        distributed('dd-prod-01', 'DD_PROD_01', 'dc1', 'array-b'),
        distributed('dd-db-01', 'DD_DB_01', 'dc1', 'array-b'),
      ],
      volumesB: [distributed('dd-prod-02', 'DD_PROD_02', 'dc2', 'array-a')],
      witnessLabel: 'VPLEX Witness',
    },
    gateway: { gatewayMode: 'per-site', gatewaySiteIds: ['dc1', 'dc2'] },
    workloads: [
      {
        id: 'wl-web-a',
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
        memoryGB: 32,
        dirtyRateMBps: 120,
        segmentIds: ['seg-app'],
        datastoreId: 'dd-prod-01',
        mobilityTargetIds: ['esx-prod-b'],
      },
      {
        id: 'wl-db',
        name: 'app-db',
        clusterId: 'esx-prod-a',
        memoryGB: 64,
        dirtyRateMBps: 250,
        segmentIds: ['seg-db'],
        datastoreId: 'dd-db-01',
        mobilityTargetIds: ['esx-prod-b'],
      },
      {
        id: 'wl-web-b',
        name: 'web-05..06',
        clusterId: 'esx-prod-b',
        count: 2,
        memoryGB: 8,
        dirtyRateMBps: 30,
        segmentIds: ['seg-web'],
        datastoreId: 'dd-prod-02',
        mobilityTargetIds: ['esx-prod-a'],
      },
      {
        id: 'wl-batch',
        name: 'batch-01',
        clusterId: 'esx-prod-b',
        memoryGB: 16,
        dirtyRateMBps: 80,
        segmentIds: ['seg-app'],
        datastoreId: 'dd-prod-02',
        mobilityTargetIds: ['esx-prod-a'],
      },
    ],
  });
}
