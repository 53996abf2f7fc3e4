/**
 * A synthetic multi-site design for the what-if benchmark and the sweep's equivalence spec:
 * large, regular, and touching most rules.
 */
import { DesignBuilder } from '../../model/builder';
import type { Design } from '../../model/schema';

/**
 * Nine data centers (2 spines, 2 DCI edges, 30 leaves, 30 clusters, 4 arrays, 2 firewalls
 * each) on a ring with chords, and a witness site reached from three of them. Segments are
 * stretched to the two ring neighbours; each workload may move rack to rack and to the next
 * site. Metro distances, VPLEX Metro with a witness, per-site gateways: a realistic mix.
 */
export function syntheticWhatIfDesign(dcSites = 9, racks = 30, workloadsPerCluster = 12): Design {
  const b = new DesignBuilder('Synthetic what-if design');
  const site = (i: number) => `s${(i + dcSites) % dcSites}`;
  const segmentsPerSite = 30;
  const segOf = (i: number, k: number) => `seg-${(i + dcSites) % dcSites}-${k % segmentsPerSite}`;
  for (let i = 0; i < dcSites; i++) {
    const s = site(i);
    b.site(s, `DC${i + 1}`);
    const spines = [`${s}-sp1`, `${s}-sp2`];
    const borders = [`${s}-be1`, `${s}-be2`];
    for (const id of spines) b.spine(id, s);
    for (const id of borders) b.border(id, s);
    for (let r = 0; r < racks; r++) {
      const leaf = `${s}-leaf${r}`;
      const cluster = `${s}-c${r}`;
      b.tor(leaf, s, { boundary: 'l2' }).cluster(cluster, s, {
        profile: 'vsphere-6',
        vmkRouted: true,
        hosts: 8,
        vswitchPortsPerHost: 256,
        concurrentMigrations: 2,
      });
      for (const sp of spines) b.fabric(`${sp}--${leaf}`, sp, leaf);
      b.fabric(`${leaf}--${cluster}`, leaf, cluster, { bandwidthGbps: 25 });
    }
    for (const sp of spines) for (const be of borders) b.fabric(`${sp}--${be}`, sp, be);
    for (let a = 0; a < 4; a++) {
      const arr = `${s}-arr${a}`;
      b.array(arr, s, {
        product: 'vplex-metro',
        volumes: [
          {
            id: `${arr}-v`,
            name: `${arr}-v`,
            replication: 'sync',
            peerArrayId: `${site(i + 1)}-arr${a}`,
            preferredSiteId: s,
          },
        ],
      });
      b.fabric(`${s}-leaf${a}--${arr}`, `${s}-leaf${a}`, arr, { bandwidthGbps: 32 });
    }
    for (let f = 0; f < 2; f++) {
      b.firewall(`${s}-fw${f}`, s, { stateful: true, stateSynced: true });
      b.fabric(`${spines[f]}--fw`, spines[f] ?? '', `${s}-fw${f}`);
    }
    for (let k = 0; k < segmentsPerSite; k++)
      b.segment(segOf(i, k), segOf(i, k), 100 + ((i * segmentsPerSite + k) % 3900), {
        gatewayMode: 'per-site',
        gatewaySiteIds: [site(i - 1), s, site(i + 1)],
        ingressMode: 'gslb',
      });
  }
  b.site('wit', 'Witness', { role: 'witness' })
    .border('wit-rtr', 'wit')
    .witness('wit-w', 'wit', {
      arbitrates: Array.from({ length: dcSites }, (_, i) => `${site(i)}-arr0`),
    });
  b.fabric('wit-rtr--w', 'wit-rtr', 'wit-w', { bandwidthGbps: 1 });
  const extended = (i: number) =>
    Array.from({ length: segmentsPerSite }, (_, k) => [segOf(i, k), segOf(i + 1, k)]).flat();
  for (let i = 0; i < dcSites; i++) {
    b.dci(`dci-ring-${i}`, `${site(i)}-be1`, `${site(i + 1)}-be1`, {
      distanceKm: 40 + 10 * (i % 4),
      l2Extension: 'vxlan-evpn',
      extendedSegmentIds: extended(i),
    });
    if (i % 2 === 0)
      b.dci(`dci-chord-${i}`, `${site(i)}-be2`, `${site(i + 3)}-be2`, {
        distanceKm: 120,
        transport: 'mpls-l3vpn',
      });
  }
  for (const i of [0, 3, 6])
    b.dci(`dci-wit-${i}`, 'wit-rtr', `${site(i)}-be2`, {
      distanceKm: 60,
      transport: 'mpls-l3vpn',
      bandwidthGbps: 1,
      mtu: 1500,
    });
  for (let i = 0; i < dcSites; i++) {
    for (let r = 0; r < racks; r++) {
      for (let k = 0; k < workloadsPerCluster; k++) {
        const seg = segOf(i, r + k);
        b.workload(`w-${i}-${r}-${k}`, `vm-${i}-${r}-${k}`, `${site(i)}-c${r}`, {
          memoryGB: 8 + (k % 4) * 8,
          dirtyRateMBps: 20 + k * 5,
          segmentIds: [seg],
          datastoreId: `${site(i)}-arr${k % 4}-v`,
          mobilityTargetIds: [`${site(i)}-c${(r + 1) % racks}`, `${site(i + 1)}-c${r}`],
        });
      }
    }
  }
  return b.build();
}

/** Nodes, links, segments and workloads. */
export function elementCount(d: Design): number {
  return d.nodes.length + d.links.length + d.segments.length + d.workloads.length;
}
