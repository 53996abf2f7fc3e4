/**
 * The two-site metro both §7 metro designs share: DC1 Amsterdam and DC2 Rotterdam on two diverse
 * dark-fibre routes (80 and 95 km) carrying OTV, a two-spine / two-leaf fabric with two DCI edge
 * routers per site, a vSphere 6 cluster, a stretched array and an inter-site firewall cluster in
 * each, and a witness in Utrecht reached from each data site over its own L3VPN link. The
 * templates differ in storage, gateway placement and workloads.
 */
import { DesignBuilder } from '../builder';
import type { Cluster, DciLink, Design, Segment, StorageArray, Volume, Workload } from '../schema';
import {
  addFabric,
  addWitnessSite,
  attach,
  placeBeside,
  placeCentred,
  SITE_COLUMN_GAP_PX,
  type DciProps,
} from './parts';

export const METRO_SEGMENTS = [
  { id: 'seg-web', name: 'web', vlanId: 110, subnet: '10.10.10.0/24' },
  { id: 'seg-app', name: 'app', vlanId: 120, subnet: '10.10.20.0/24' },
  { id: 'seg-db', name: 'db', vlanId: 130, subnet: '10.10.30.0/24' },
] as const;

export interface MetroSpec {
  readonly name: string;
  readonly storage: {
    readonly product: StorageArray['product'];
    readonly access: StorageArray['access'];
    readonly nodeRedundancy: boolean;
    readonly labels: readonly [string, string];
    readonly volumesA: readonly Volume[];
    readonly volumesB: readonly Volume[];
    readonly witnessLabel: string;
  };
  readonly gateway: Pick<Segment, 'gatewayMode' | 'gatewaySiteIds'>;
  /** How segments cross the two dark-fibre routes (default OTV). */
  readonly extension?: Pick<DciLink, 'l2Extension' | 'bpduFilter'> & { readonly name: string };
  readonly cluster?: Partial<Pick<Cluster, 'profile' | 'vmkRouted' | 'vswitchPortsPerHost'>>;
  readonly workloads: readonly (Partial<Omit<Workload, 'id'>> &
    Pick<Workload, 'id' | 'name' | 'clusterId'>)[];
}

const defaultCluster = {
  profile: 'vsphere-6',
  hosts: 8,
  vswitchPortsPerHost: 128,
  // vSphere 6: vMotion on its own routed TCP/IP stack (seed 003).
  vmkRouted: true,
  vmotionNicGbps: 10,
  concurrentMigrations: 2,
} as const;

const LOCATIONS = {
  dc1: { lat: 52.3, lon: 4.94 },
  dc2: { lat: 51.89, lon: 4.42 },
  wit: { lat: 52.09, lon: 5.12 },
} as const;

const segmentIds = METRO_SEGMENTS.map((s) => s.id);

export function buildTwoSiteMetro(spec: MetroSpec): Design {
  const b = new DesignBuilder(spec.name);
  const sites = [
    { id: 'dc1', label: 'DC1 Amsterdam', code: 'ams', leaves: [101, 102], side: 'a' },
    { id: 'dc2', label: 'DC2 Rotterdam', code: 'rtm', leaves: [201, 202], side: 'b' },
  ] as const;
  for (const [i, site] of sites.entries()) {
    b.site(site.id, site.label, { location: LOCATIONS[site.id] });
    const fabric = addFabric(b, {
      siteId: site.id,
      code: site.code,
      leaves: site.leaves,
      borders: 2,
      // DCI edges on the side that faces the other data center.
      borderPlacement: i === 0 ? 'right' : 'left',
    });
    const clusterId = `esx-prod-${site.side}`;
    const arrayId = `array-${site.side}`;
    const firewallId = `${site.code}-fw`;
    b.cluster(clusterId, site.id, { label: clusterId, ...defaultCluster, ...spec.cluster })
      .array(arrayId, site.id, {
        label: i === 0 ? spec.storage.labels[0] : spec.storage.labels[1],
        product: spec.storage.product,
        access: spec.storage.access,
        nodeRedundancy: spec.storage.nodeRedundancy,
        volumes: (i === 0 ? spec.storage.volumesA : spec.storage.volumesB).map((v) => ({ ...v })),
      })
      .firewall(firewallId, site.id, {
        // One firewall cluster spanning both sites (e.g. ASA inter-site clustering): state is
        // shared, so a flow may leave through the other site's member.
        label: `${firewallId} (inter-site cluster)`,
        stateful: true,
        stateSynced: true,
        segmentIds: [...segmentIds],
      });
    attach(b, clusterId, fabric.leaves, 40);
    attach(b, arrayId, fabric.leaves, 32);
    attach(b, firewallId, fabric.spines, 40);
  }

  const wanRouter = addWitnessSite(b, {
    siteId: 'wit',
    label: 'Witness Utrecht',
    code: 'utr',
    location: LOCATIONS.wit,
    witnessId: 'witness',
    witnessLabel: spec.storage.witnessLabel,
    arbitrates: ['array-a', 'array-b'],
  });

  // OTV never forwards BPDUs: each site keeps its own spanning tree.
  const extension = spec.extension ?? { l2Extension: 'otv', bpduFilter: false, name: 'OTV' };
  const l2Dci: DciProps = {
    transport: 'dark-fiber',
    l2Extension: extension.l2Extension,
    bpduFilter: extension.bpduFilter,
    bandwidthGbps: 10,
    mtu: 9216,
    extendedSegmentIds: [...segmentIds],
  };
  const witnessLink: DciProps = {
    transport: 'mpls-l3vpn',
    l2Extension: 'none',
    bandwidthGbps: 1,
    mtu: 1500,
  };
  b.dci('dci-fibre-1', 'ams-dci-edge-1', 'rtm-dci-edge-1', {
    ...l2Dci,
    label: 'Dark fibre route 1',
    distanceKm: 80,
  })
    .dci('dci-fibre-2', 'ams-dci-edge-2', 'rtm-dci-edge-2', {
      ...l2Dci,
      label: 'Dark fibre route 2 (diverse)',
      distanceKm: 95,
    })
    // The witness reaches each data site over its own link, never through the other site.
    .dci('dci-wit-ams', wanRouter, 'ams-dci-edge-1', {
      ...witnessLink,
      label: 'Witness WAN to DC1',
      distanceKm: 45,
    })
    .dci('dci-wit-rtm', wanRouter, 'rtm-dci-edge-1', {
      ...witnessLink,
      label: 'Witness WAN to DC2',
      distanceKm: 60,
    });

  for (const s of METRO_SEGMENTS) {
    b.segment(s.id, s.name, s.vlanId, {
      subnet: s.subnet,
      gatewayMode: spec.gateway.gatewayMode,
      gatewaySiteIds: [...spec.gateway.gatewaySiteIds],
      ingressMode: 'gslb',
    });
  }
  for (const { id, name, clusterId, ...props } of spec.workloads)
    b.workload(id, name, clusterId, props);

  const design = placeBeside(b.build(), 'dc2', 'dc1', SITE_COLUMN_GAP_PX);
  return placeCentred(design, 'wit', ['dc1', 'dc2'], 'above');
}
