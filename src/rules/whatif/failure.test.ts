import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../../model/builder';
import type { Design } from '../../model/schema';
import { TEMPLATES } from '../../model/templates';
import { runRules } from '../index';
import type { Finding } from '../types';
import { failureImpact, singleFailureSweep } from './failure';
import { syntheticDesign } from '../../model/synthetic';
import { syntheticWhatIfDesign } from './synthetic';

/** Two sites on a short (50 km) and a long (600 km) DCI link, vSphere 5 (5 ms limit). */
function shortAndLongLinks(): Design {
  const b = new DesignBuilder('Short and long DCI');
  for (const s of ['dc1', 'dc2']) {
    b.site(s, s.toUpperCase())
      .border(`${s}-be1`, s)
      .border(`${s}-be2`, s)
      .cluster(`${s}-esx`, s, { profile: 'vsphere-5-standard', vmkRouted: false })
      .fabric(`${s}-be1--esx`, `${s}-be1`, `${s}-esx`)
      .fabric(`${s}-be2--esx`, `${s}-be2`, `${s}-esx`);
  }
  const l2 = { l2Extension: 'otv' as const, extendedSegmentIds: ['seg-web'] };
  return b
    .dci('dci-short', 'dc1-be1', 'dc2-be1', { ...l2, distanceKm: 50 })
    .dci('dci-long', 'dc1-be2', 'dc2-be2', {
      ...l2,
      extendedSegmentIds: ['seg-web'],
      distanceKm: 600,
    })
    .segment('seg-web', 'web', 110, {
      gatewayMode: 'per-site',
      gatewaySiteIds: ['dc1', 'dc2'],
      ingressMode: 'gslb',
    })
    .workload('web-01', 'web-01', 'dc1-esx', {
      segmentIds: ['seg-web'],
      mobilityTargetIds: ['dc2-esx'],
    })
    .build();
}

/** VPLEX Metro across DC1–DC2 with its witness reached only through DC1. */
function witnessBehindDc1(): Design {
  const b = new DesignBuilder('Witness behind DC1');
  for (const [s, peer] of [
    ['dc1', 'dc2'],
    ['dc2', 'dc1'],
  ] as const) {
    b.site(s, s.toUpperCase())
      .border(`${s}-be`, s)
      .array(`${s}-vplex`, s, {
        product: 'vplex-metro',
        volumes: [
          {
            id: `${s}-vol`,
            name: `${s}-vol`,
            replication: 'sync',
            peerArrayId: `${peer}-vplex`,
            preferredSiteId: s,
          },
        ],
      })
      .fabric(`${s}-be--vplex`, `${s}-be`, `${s}-vplex`);
  }
  return b
    .site('wit', 'Witness', { role: 'witness' })
    .border('wit-rtr', 'wit')
    .witness('vplex-witness', 'wit', { arbitrates: ['dc1-vplex', 'dc2-vplex'] })
    .fabric('wit-rtr--w', 'wit-rtr', 'vplex-witness')
    .dci('dci-dc1-dc2', 'dc1-be', 'dc2-be', { distanceKm: 40 })
    .dci('dci-wit-dc1', 'wit-rtr', 'dc1-be', { distanceKm: 30, transport: 'mpls-l3vpn' })
    .build();
}

describe('failureImpact', () => {
  it('losing the short DCI link pushes the long backup over the 5 ms vSphere 5 limit', () => {
    const impact = failureImpact(shortAndLongLinks(), ['dci-short']);
    const lat = impact.added.filter((f) => f.ruleId === 'LAT-MIGRATION');
    expect(lat).toHaveLength(1);
    expect(lat[0]?.severity).toBe('error');
    expect(lat[0]?.measured).toBeGreaterThan(5);
    expect(lat[0]?.elementIds).toContain('dci-long');
    expect(impact.counts.error).toBeGreaterThanOrEqual(1);

    const [change] = impact.effects.rttChanges;
    expect(change).toMatchObject({ siteA: 'dc1', siteB: 'dc2', broken: true });
    expect(change?.beforeMs).toBeCloseTo(0.6, 5);
    expect(change?.afterMs).toBeCloseTo(6.1, 5);
    expect(change?.limit?.valueMs).toBe(5);
    expect(impact.effects.disconnected).toEqual([]);
    expect(impact.effects.segmentReachLost).toEqual([]);
  });

  it('losing the long link changes nothing the short one does not carry', () => {
    const impact = failureImpact(shortAndLongLinks(), ['dci-long']);
    expect(impact.added.filter((f) => f.severity === 'error')).toEqual([]);
    expect(impact.effects.rttChanges).toEqual([]);
  });

  it('a DC1 failure strands the witness: DC2 cannot reach it and loses quorum', () => {
    const impact = failureImpact(witnessBehindDc1(), ['dc1']);
    expect(impact.effects.witnessesUnreachable).toEqual([
      { witnessId: 'vplex-witness', siteId: 'dc2', reason: 'no-path' },
    ]);
    expect(impact.effects.stretched).toEqual([
      expect.objectContaining({
        a: 'dc1-vplex',
        b: 'dc2-vplex',
        before: 'ok',
        after: 'quorum-lost',
        severity: 'error',
      }),
    ]);
    expect(impact.failed).toEqual([{ id: 'dc1', kind: 'site', label: 'DC1' }]);
  });

  it('cutting DC1–DC2 partitions the stretched storage; the witness still sees DC1', () => {
    const impact = failureImpact(witnessBehindDc1(), ['dci-dc1-dc2']);
    expect(impact.effects.stretched.map((s) => s.after)).toEqual(['partitioned']);
    expect(impact.effects.disconnected).toEqual([
      ['dc1', 'dc2'],
      ['dc2', 'wit'],
    ]);
  });

  it('never reroutes two data sites through the witness site (DOMAIN.md §8)', () => {
    const design = witnessBehindDc1();
    design.links.push({
      ...(design.links.find((l) => l.id === 'dci-wit-dc1') as (typeof design.links)[number]),
      id: 'dci-wit-dc2',
      target: 'dc2-be',
    });
    const impact = failureImpact(design, ['dci-dc1-dc2']);
    expect(impact.effects.disconnected).toEqual([['dc1', 'dc2']]);
    expect(impact.effects.rttChanges).toEqual([]);
    expect(impact.effects.stretched.map((x) => x.after)).toEqual(['partitioned']);
    expect(impact.added.map((f) => f.ruleId)).toContain('LAT-STORAGE');
    expect(impact.effects.witnessesUnreachable).toEqual([]);
  });

  it('reports segment reach lost when the only link extending it fails', () => {
    const design = shortAndLongLinks();
    design.links = design.links.filter((l) => l.id !== 'dci-long');
    const impact = failureImpact(design, ['dci-short']);
    expect(impact.effects.segmentReachLost).toEqual([
      { segmentId: 'seg-web', sitePairs: [['dc1', 'dc2']] },
    ]);
    expect(impact.added.map((f) => f.ruleId)).toContain('L2-GAP');
  });

  it('counts findings of a failed cluster as moot, not resolved', () => {
    const impact = failureImpact(TEMPLATES[1]?.build() ?? shortAndLongLinks(), ['dc2']);
    expect(impact.moot.length).toBeGreaterThan(0);
    expect(impact.resolved.filter((f) => f.ruleId.startsWith('TROMBONE-'))).toEqual([]);
  });
});

describe('singleFailureSweep', () => {
  it('fails every DCI link, then every site', () => {
    const sweep = singleFailureSweep(witnessBehindDc1());
    expect(sweep.rows.map((r) => `${r.failed.kind}:${r.failed.id}`)).toEqual([
      'link:dci-dc1-dc2',
      'link:dci-wit-dc1',
      'site:dc1',
      'site:dc2',
      'site:wit',
    ]);
    const dc1 = sweep.rows.find((r) => r.failed.id === 'dc1');
    expect(dc1?.effects.witnessesUnreachable).toHaveLength(1);
  });

  const designs: [string, () => Design][] = [
    ...TEMPLATES.map((t): [string, () => Design] => [t.id, t.build]),
    ['short and long links', shortAndLongLinks],
    ['witness behind DC1', witnessBehindDc1],
    ['synthetic 4 sites', () => syntheticWhatIfDesign(4, 4, 2)],
    ['shared synthetic, 5 sites', () => syntheticDesign({ sites: 5, elements: 400 })],
  ];
  /**
   * A finding without the links it names and its figures: where two routes tie on RTT, a full
   * run under a failure may pick the other one (the sweep keeps the route it had); and a finding
   * that persists under a failure keeps its key (path links are not part of it), so the sweep
   * reports the baseline's figure for it, while a full run measures the longer detour.
   */
  const modRoute = (design: Design) => {
    const links = new Set(design.links.map((l) => l.id));
    return (f: Finding) =>
      `${f.ruleId}|${f.scenario ? `${f.scenario.workloadId}>${f.scenario.targetClusterId}` : ''}|${f.elementIds
        .filter((id) => !links.has(id))
        .sort()
        .join(',')}`;
  };

  // A correctness check that validates every failure in full: on a busy machine it takes
  // seconds, and its speed is the benchmarks' business (npm run bench), not a timeout's.
  it.each(designs)(
    'finds what a full validation run finds, on %s',
    (_, build) => {
      const design = build();
      const id = modRoute(design);
      const baseline = runRules(design);
      const sweep = singleFailureSweep(design);
      expect(sweep.baseline.map((f) => f.key)).toEqual(baseline.map((f) => f.key));
      for (const row of sweep.rows) {
        const full = runRules(design, { failed: new Set([row.failed.id]) });
        const gone = new Set([...row.resolved, ...row.moot].map((f) => f.key));
        const after = [...baseline.filter((f) => !gone.has(f.key)), ...row.added];
        expect(after.map(id).sort(), row.failed.id).toEqual(full.map(id).sort());
      }
    },
    60_000,
  );
});
