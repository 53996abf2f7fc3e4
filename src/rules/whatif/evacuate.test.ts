import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../../model/builder';
import type { Design, Workload } from '../../model/schema';
import { runRules } from '../index';
import { evacuateSite } from './evacuate';

/**
 * DC1 and DC2 on one DCI link; DC1 has two clusters running `vms` workloads of 16 GB each, all
 * allowed to move to DC2's cluster (and rack to rack inside DC1).
 */
function twoSites(
  opts: {
    dciGbps?: number;
    vms?: number;
    targetHosts?: number;
    extraTargets?: readonly string[];
  } = {},
): Design {
  const b = new DesignBuilder('Evacuate DC1');
  for (const s of ['dc1', 'dc2']) b.site(s, s.toUpperCase()).border(`${s}-be`, s);
  const clusters = ['dc1-esx-a', 'dc1-esx-b'];
  for (const c of clusters)
    b.cluster(c, 'dc1', { concurrentMigrations: 4, hosts: 4, vswitchPortsPerHost: 64 }).fabric(
      `${c}--be`,
      c,
      'dc1-be',
      { bandwidthGbps: 40 },
    );
  b.cluster('dc2-esx', 'dc2', {
    concurrentMigrations: 4,
    hosts: opts.targetHosts ?? 16,
    vswitchPortsPerHost: 64,
  })
    .fabric('dc2-esx--be', 'dc2-esx', 'dc2-be', { bandwidthGbps: 40 })
    .dci('dci', 'dc1-be', 'dc2-be', {
      distanceKm: 20,
      bandwidthGbps: opts.dciGbps ?? 1,
      l2Extension: 'vxlan-evpn',
      extendedSegmentIds: ['seg'],
    })
    .segment('seg', 'app', 120, {
      gatewayMode: 'anycast',
      ingressMode: 'gslb',
    });
  const vms = opts.vms ?? 10;
  for (let i = 0; i < vms; i++) {
    const from = clusters[i % 2] ?? 'dc1-esx-a';
    const props: Partial<Workload> = {
      memoryGB: 16,
      dirtyRateMBps: 5,
      segmentIds: ['seg'],
      mobilityTargetIds: [clusters[(i + 1) % 2] ?? '', 'dc2-esx', ...(opts.extraTargets ?? [])],
    };
    b.workload(`vm-${i}`, `vm-${i}`, from, props);
  }
  return b.build();
}

describe('evacuateSite', () => {
  it('sends every workload to the only target outside the site', () => {
    const evac = evacuateSite(twoSites(), 'dc1');
    expect(evac.rows).toHaveLength(10);
    expect(evac.rows.every((r) => r.targetClusterId === 'dc2-esx')).toBe(true);
    expect(evac.totals).toMatchObject({ vmsMoved: 10, vmsStranded: 0, workloadsStranded: 0 });
  });

  it('an evacuation over a 1 Gb/s DCI link is limited by the link', () => {
    const evac = evacuateSite(twoSites({ dciGbps: 1 }), 'dc1');
    expect(evac.totals.limitedBy).toEqual({ kind: 'link', id: 'dci' });
    // 10 × 16 GB = 1280 Gb at least, plus what is dirtied meanwhile, over 1 Gb/s.
    expect(evac.totals.dataSentGb).toBeGreaterThan(1280);
    expect(evac.totals.timeS).toBeCloseTo(evac.totals.dataSentGb / 1, 6);
    expect(evac.totals.hours).toBeCloseTo(evac.totals.timeS / 3600, 9);
    expect(evac.links).toEqual([
      expect.objectContaining({ linkId: 'dci', bandwidthGbps: 1, dataGb: evac.totals.dataSentGb }),
    ]);
  });

  it('with a fat DCI link, the source clusters’ concurrent migrations set the pace', () => {
    const evac = evacuateSite(twoSites({ dciGbps: 400 }), 'dc1');
    expect(evac.totals.limitedBy.kind).toBe('cluster');
    const slowest = Math.max(...evac.rows.map((r) => r.estimate?.totalTimeS ?? 0));
    expect(evac.totals.timeS).toBeGreaterThanOrEqual(slowest);
    expect(evac.totals.timeS).toBeLessThan(
      evacuateSite(twoSites({ dciGbps: 1 }), 'dc1').totals.timeS,
    );
  });

  it('strands the workloads that no longer find vSwitch ports once the others landed', () => {
    // One host of 64 ports, 56 usable: 56 one-port VMs fit, the rest do not.
    const evac = evacuateSite(twoSites({ vms: 60, targetHosts: 1, dciGbps: 100 }), 'dc1');
    expect(evac.totals.vmsMoved).toBe(56);
    expect(evac.totals.vmsStranded).toBe(4);
    const stranded = evac.rows.filter((r) => r.targetClusterId === undefined);
    for (const r of stranded) expect(r.reasons.map((x) => x.code)).toEqual(['CAP-VSWITCH']);
    expect(evac.targets).toEqual([
      { clusterId: 'dc2-esx', portsBefore: 0, portsAfter: 56, capacity: 56 },
    ]);
  });

  it('strands a workload whose segment does not reach the target, with the L2-GAP reason', () => {
    const design = twoSites({ vms: 1 });
    const dci = design.links.find((l) => l.id === 'dci');
    if (dci?.kind === 'dci') dci.extendedSegmentIds = [];
    const [row] = evacuateSite(design, 'dc1').rows;
    expect(row?.targetClusterId).toBeUndefined();
    expect(row?.reasons.map((r) => r.code)).toContain('L2-GAP');
    expect(row?.reasons.every((r) => r.targetClusterId === 'dc2-esx')).toBe(true);
  });

  it('strands a workload that dirties memory faster than the DCI link carries it, saying both rates', () => {
    const d = twoSites({ vms: 1, dciGbps: 1 });
    const vm = d.workloads[0];
    if (!vm) throw new Error('no workload');
    const design = { ...d, workloads: [{ ...vm, dirtyRateMBps: 500 }] };
    const row = evacuateSite(design, 'dc1').rows[0];
    expect(row?.targetClusterId).toBeUndefined();
    const reason = row?.reasons.find((r) => r.code === 'MIG-CONVERGE');
    expect(reason?.message).toMatch(
      /^moving vm-0 to cluster dc2-esx: pre-copy does not converge \(its dirty rate of 500 MB\/s reaches the effective bandwidth of [\d.]+ (Mb|Gb)\/s\)$/,
    );
  });

  it('strands a workload with no mobility target outside the site', () => {
    const design = twoSites({ vms: 1 });
    const w = design.workloads[0];
    if (w) w.mobilityTargetIds = ['dc1-esx-b'];
    const [row] = evacuateSite(design, 'dc1').rows;
    expect(row?.reasons).toEqual([expect.objectContaining({ code: 'NO-TARGET' })]);
    expect(evacuateSite(design, 'dc1').totals.timeS).toBe(0);
  });

  describe('with what-if failures', () => {
    /** The DCI link `dci` carries the segment; a second, L3-only link keeps the sites joined. */
    const withL3Backup = () => {
      const d = twoSites();
      const dci = d.links.find((l) => l.id === 'dci');
      if (dci?.kind !== 'dci') throw new Error('dci missing');
      d.links.push({ ...dci, id: 'dci-l3', l2Extension: 'none', extendedSegmentIds: [] });
      return d;
    };
    it('strands every workload when the only link carrying its segment is failed', () => {
      const before = evacuateSite(withL3Backup(), 'dc1');
      expect(before.totals.vmsMoved).toBe(10);
      const after = evacuateSite(withL3Backup(), 'dc1', undefined, ['dci']);
      expect(after.totals).toMatchObject({ vmsMoved: 0, vmsStranded: 10 });
      for (const row of after.rows) {
        expect(row.targetClusterId).toBeUndefined();
        expect(row.reasons.map((r) => r.code)).toContain('L2-GAP');
      }
      expect(after.links).toEqual([]);
    });
    it('moves over the surviving link when a parallel one fails', () => {
      const d = twoSites();
      const dci = d.links.find((l) => l.id === 'dci');
      if (dci?.kind !== 'dci') throw new Error('dci missing');
      d.links.push({ ...dci, id: 'dci-b', bandwidthGbps: 10, distanceKm: 10 });
      expect(evacuateSite(d, 'dc1').links.map((l) => l.linkId)).toEqual(['dci-b']);
      const after = evacuateSite(d, 'dc1', undefined, ['dci-b']);
      expect(after.totals.vmsMoved).toBe(10);
      expect(after.links.map((l) => l.linkId)).toEqual(['dci']);
      expect(after.totals.timeS).toBeGreaterThan(evacuateSite(d, 'dc1').totals.timeS);
    });
    it('names a failed target as the reason a workload stays', () => {
      const after = evacuateSite(twoSites(), 'dc1', undefined, ['dc2-esx']);
      expect(after.totals.vmsStranded).toBe(10);
      expect(after.rows[0]?.reasons).toContainEqual({
        code: 'TARGET-DOWN',
        targetClusterId: 'dc2-esx',
        message: 'cluster dc2-esx is down (what-if failure)',
      });
    });
    it('uses the findings under the failure it is given, not the design as it is', () => {
      const failed = ['dci'];
      const under = runRules(withL3Backup(), { failed: new Set(failed) });
      expect(evacuateSite(withL3Backup(), 'dc1', under, failed).totals.vmsMoved).toBe(0);
    });
  });
});
