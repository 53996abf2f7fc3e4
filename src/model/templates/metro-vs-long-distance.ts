/**
 * Reference design 4 (DOMAIN.md §7, seed 001): a 400 km / 4 ms metro beside a 3000 km DR site.
 * DC1 Dallas and DC2 Houston share VPLEX Metro (synchronous, active/active) with a witness in
 * Austin; the ERP volumes replicate asynchronously with VPLEX Geo to DC3 Los Angeles. The hosts
 * run vSphere 5.x Metro vMotion (10 ms): Dallas ↔ Houston is fine, a live move to Los Angeles is
 * not, whatever the storage does.
 */
import { DesignBuilder } from '../builder';
import type { Design } from '../schema';
import {
  addFabric,
  addWitnessSite,
  attach,
  placeBeside,
  placeCentred,
  SITE_COLUMN_GAP_PX,
  type DciProps,
} from './parts';

const cluster = {
  profile: 'vsphere-5-metro',
  hosts: 8,
  vswitchPortsPerHost: 128,
  // vSphere 5 cannot route vMotion: the vmkernel sits on one VLAN, extended with the VM segments.
  vmkRouted: false,
  vmotionNicGbps: 10,
  concurrentMigrations: 2,
} as const;

/** The template's name: the menu's, and the design's it builds. */
export const METRO_VS_LONG_DISTANCE_NAME = 'Metro 400 km vs 3000 km (VPLEX Geo)';

export function buildMetroVsLongDistance(): Design {
  const b = new DesignBuilder(METRO_VS_LONG_DISTANCE_NAME);

  b.site('dc1', 'DC1 Dallas', { location: { lat: 32.8, lon: -96.82 } });
  const dal = addFabric(b, {
    siteId: 'dc1',
    code: 'dal',
    leaves: [101, 102],
    borders: 2,
    borderPlacement: 'right',
  });
  b.cluster('esx-dal', 'dc1', { label: 'esx-dal', ...cluster })
    .array('vplex-a', 'dc1', {
      label: 'VPLEX-A (Metro)',
      product: 'vplex-metro',
      access: 'uniform',
      nodeRedundancy: true,
      volumes: [
        {
          id: 'dd-metro-01',
          name: 'DD_METRO_01',
          preferredSiteId: 'dc1',
          peerArrayId: 'vplex-b',
          replication: 'sync',
        },
      ],
    })
    .array('vplex-geo-a', 'dc1', {
      label: 'VPLEX-A (Geo)',
      product: 'vplex-geo',
      access: 'uniform',
      nodeRedundancy: true,
      volumes: [
        {
          id: 'dg-erp-01',
          name: 'DG_ERP_01',
          preferredSiteId: 'dc1',
          peerArrayId: 'vplex-geo-c',
          replication: 'async',
        },
      ],
    });
  attach(b, 'esx-dal', dal.leaves, 40);
  attach(b, 'vplex-a', dal.leaves, 32);
  attach(b, 'vplex-geo-a', dal.leaves, 32);

  b.site('dc2', 'DC2 Houston', { location: { lat: 29.76, lon: -95.37 } });
  const hou = addFabric(b, {
    siteId: 'dc2',
    code: 'hou',
    leaves: [201, 202],
    borders: 2,
    borderPlacement: 'left',
  });
  b.cluster('esx-hou', 'dc2', { label: 'esx-hou', ...cluster }).array('vplex-b', 'dc2', {
    label: 'VPLEX-B (Metro)',
    product: 'vplex-metro',
    access: 'uniform',
    nodeRedundancy: true,
    volumes: [
      {
        id: 'dd-metro-02',
        name: 'DD_METRO_02',
        preferredSiteId: 'dc2',
        peerArrayId: 'vplex-a',
        replication: 'sync',
      },
    ],
  });
  attach(b, 'esx-hou', hou.leaves, 40);
  attach(b, 'vplex-b', hou.leaves, 32);

  b.site('dc3', 'DC3 Los Angeles', { location: { lat: 34.05, lon: -118.24 } });
  const lax = addFabric(b, {
    siteId: 'dc3',
    code: 'lax',
    leaves: [301, 302],
    borders: 2,
    borderPlacement: 'flank',
  });
  b.cluster('esx-lax', 'dc3', { label: 'esx-lax', ...cluster }).array('vplex-geo-c', 'dc3', {
    label: 'VPLEX-C (Geo)',
    product: 'vplex-geo',
    access: 'uniform',
    nodeRedundancy: true,
    volumes: [],
  });
  attach(b, 'esx-lax', lax.leaves, 40);
  attach(b, 'vplex-geo-c', lax.leaves, 32);

  const wanRouter = addWitnessSite(b, {
    siteId: 'wit',
    label: 'Witness Austin',
    code: 'aus',
    location: { lat: 30.27, lon: -97.74 },
    witnessId: 'vplex-witness',
    witnessLabel: 'VPLEX Witness',
    arbitrates: ['vplex-a', 'vplex-b'],
  });

  const metroSegments = ['seg-web', 'seg-app', 'seg-erp'];
  const dwdm: DciProps = {
    transport: 'dwdm',
    l2Extension: 'otv',
    bpduFilter: false,
    bandwidthGbps: 10,
    mtu: 9216,
    extendedSegmentIds: metroSegments,
  };
  const longHaul: DciProps = {
    transport: 'mpls-l3vpn',
    l2Extension: 'otv',
    bpduFilter: false,
    bandwidthGbps: 10,
    mtu: 9000,
    extendedSegmentIds: ['seg-erp'],
  };
  const witnessLink: DciProps = {
    transport: 'mpls-l3vpn',
    l2Extension: 'none',
    bandwidthGbps: 1,
    mtu: 1500,
  };
  b.dci('dci-dwdm-1', 'dal-dci-edge-1', 'hou-dci-edge-1', {
    ...dwdm,
    label: 'DWDM route 1',
    distanceKm: 400,
    rttMs: 4,
  })
    .dci('dci-dwdm-2', 'dal-dci-edge-2', 'hou-dci-edge-2', {
      ...dwdm,
      label: 'DWDM route 2 (diverse)',
      distanceKm: 440,
    })
    .dci('dci-dal-lax', 'dal-dci-edge-2', 'lax-dci-edge-1', {
      ...longHaul,
      label: 'Long haul to LA',
      distanceKm: 3000,
    })
    .dci('dci-hou-lax', 'hou-dci-edge-2', 'lax-dci-edge-2', {
      ...longHaul,
      label: 'Long haul to LA (2)',
      distanceKm: 3200,
    })
    .dci('dci-wit-dal', wanRouter, 'dal-dci-edge-1', {
      ...witnessLink,
      label: 'Witness WAN to DC1',
      distanceKm: 300,
    })
    .dci('dci-wit-hou', wanRouter, 'hou-dci-edge-1', {
      ...witnessLink,
      label: 'Witness WAN to DC2',
      distanceKm: 250,
    });

  b.segment('seg-web', 'web', 210, {
    subnet: '10.20.10.0/24',
    gatewayMode: 'per-site',
    gatewaySiteIds: ['dc1', 'dc2'],
    ingressMode: 'gslb',
  })
    .segment('seg-app', 'app', 220, {
      subnet: '10.20.20.0/24',
      gatewayMode: 'per-site',
      gatewaySiteIds: ['dc1', 'dc2'],
      ingressMode: 'gslb',
    })
    .segment('seg-erp', 'erp', 240, {
      subnet: '10.20.40.0/24',
      gatewayMode: 'per-site',
      gatewaySiteIds: ['dc1', 'dc2', 'dc3'],
      ingressMode: 'gslb',
    });

  b.workload('wl-web', 'web-01..06', 'esx-dal', {
    count: 6,
    memoryGB: 8,
    dirtyRateMBps: 30,
    segmentIds: ['seg-web'],
    datastoreId: 'dd-metro-01',
    mobilityTargetIds: ['esx-hou'],
  })
    .workload('wl-app', 'app-01', 'esx-dal', {
      memoryGB: 32,
      dirtyRateMBps: 100,
      segmentIds: ['seg-app'],
      datastoreId: 'dd-metro-01',
      mobilityTargetIds: ['esx-hou'],
    })
    .workload('wl-crm', 'crm-01', 'esx-hou', {
      memoryGB: 16,
      dirtyRateMBps: 60,
      segmentIds: ['seg-app'],
      datastoreId: 'dd-metro-02',
      mobilityTargetIds: ['esx-dal'],
    })
    .workload('wl-erp-app', 'erp-app', 'esx-dal', {
      memoryGB: 24,
      dirtyRateMBps: 80,
      segmentIds: ['seg-erp'],
      datastoreId: 'dg-erp-01',
      mobilityTargetIds: ['esx-lax'],
    })
    .workload('wl-erp-db', 'erp-db', 'esx-dal', {
      memoryGB: 64,
      dirtyRateMBps: 200,
      segmentIds: ['seg-erp'],
      datastoreId: 'dg-erp-01',
      mobilityTargetIds: ['esx-lax'],
    });

  const design = placeBeside(b.build(), 'dc2', 'dc1', SITE_COLUMN_GAP_PX);
  placeCentred(design, 'wit', ['dc1', 'dc2'], 'above');
  return placeCentred(design, 'dc3', ['dc1', 'dc2'], 'below');
}
