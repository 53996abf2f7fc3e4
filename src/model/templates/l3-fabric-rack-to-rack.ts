/**
 * Reference design 3 (DOMAIN.md §7, seed 003): one data center on an L3 leaf-spine fabric,
 * routed at the ToR with no overlay, and VMs allowed to move from the rack pair behind
 * leaf-101/102 to the one behind leaf-103/104. vSphere 6 routes vMotion itself, so the vmkernel
 * is fine; the VMs' own segments end at their ToR, so every rack-to-rack move is an L2 gap.
 * Turning the VXLAN-EVPN overlay on at the leaves (with an anycast gateway) fixes it.
 */
import { DesignBuilder } from '../builder';
import type { Design } from '../schema';
import { addFabric, attach } from './parts';

/** The template's name: the menu's, and the design's it builds. */
export const L3_FABRIC_RACK_TO_RACK_NAME = 'L3 leaf-spine: rack-to-rack vMotion';

export function buildL3FabricRackToRack(): Design {
  const b = new DesignBuilder(L3_FABRIC_RACK_TO_RACK_NAME);
  b.site('dc1', 'DC1 Frankfurt', { location: { lat: 50.1, lon: 8.74 } });
  const fabric = addFabric(b, {
    siteId: 'dc1',
    code: 'fra',
    leaves: [101, 102, 103, 104],
    borders: 2,
    borderName: 'border',
    tor: { boundary: 'l3', overlay: false, anycastGateway: false },
  });
  const rackA = fabric.leaves.slice(0, 2);
  const rackB = fabric.leaves.slice(2, 4);
  const cluster = {
    profile: 'vsphere-6',
    hosts: 12,
    vswitchPortsPerHost: 128,
    // vMotion on the vSphere 6 vMotion TCP/IP stack, routed between racks (seed 003).
    vmkRouted: true,
    vmotionNicGbps: 25,
    concurrentMigrations: 4,
  } as const;
  b.cluster('esx-rack-a', 'dc1', { label: 'esx-rack-a', ...cluster })
    .array('nfs-array', 'dc1', {
      label: 'PowerStore-1 (NFS)',
      product: 'generic',
      access: 'uniform',
      nodeRedundancy: true,
      volumes: [
        { id: 'ds-prod-01', name: 'ds_prod_01', preferredSiteId: 'dc1', replication: 'none' },
        { id: 'ds-db-01', name: 'ds_db_01', preferredSiteId: 'dc1', replication: 'none' },
      ],
    })
    .cluster('esx-rack-b', 'dc1', { label: 'esx-rack-b', ...cluster })
    .firewall('fra-fw', 'dc1', {
      label: 'fra-fw (perimeter)',
      stateful: true,
      stateSynced: false,
      segmentIds: ['seg-web'],
    });
  attach(b, 'esx-rack-a', rackA, 100);
  attach(b, 'nfs-array', rackA, 100);
  attach(b, 'esx-rack-b', rackB, 100);
  attach(b, 'fra-fw', fabric.borders, 40);

  const segments = [
    { id: 'seg-web', name: 'web', vlanId: 110, subnet: '10.30.10.0/24' },
    { id: 'seg-app', name: 'app', vlanId: 120, subnet: '10.30.20.0/24' },
    { id: 'seg-db', name: 'db', vlanId: 130, subnet: '10.30.30.0/24' },
  ];
  for (const s of segments) {
    b.segment(s.id, s.name, s.vlanId, {
      subnet: s.subnet,
      gatewayMode: 'centralized',
      gatewaySiteIds: ['dc1'],
      ingressMode: 'single-site',
      ingressSiteId: 'dc1',
    });
  }

  const toRackB = { clusterId: 'esx-rack-a', mobilityTargetIds: ['esx-rack-b'] };
  b.workload('wl-web-01', 'web-01', toRackB.clusterId, {
    ...toRackB,
    memoryGB: 8,
    dirtyRateMBps: 25,
    segmentIds: ['seg-web'],
    datastoreId: 'ds-prod-01',
  })
    .workload('wl-web-02', 'web-02', toRackB.clusterId, {
      ...toRackB,
      memoryGB: 8,
      dirtyRateMBps: 25,
      segmentIds: ['seg-web'],
      datastoreId: 'ds-prod-01',
    })
    .workload('wl-app-01', 'app-01', toRackB.clusterId, {
      ...toRackB,
      memoryGB: 24,
      dirtyRateMBps: 100,
      segmentIds: ['seg-app'],
      datastoreId: 'ds-prod-01',
    })
    .workload('wl-app-db', 'app-db', 'esx-rack-b', {
      memoryGB: 96,
      dirtyRateMBps: 300,
      segmentIds: ['seg-db'],
      datastoreId: 'ds-db-01',
      mobilityTargetIds: ['esx-rack-a'],
    });

  return b.build();
}
