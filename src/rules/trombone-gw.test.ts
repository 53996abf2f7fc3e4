import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../model/synthetic';
import { runRules } from './index';
import { findingsOf, twoSites } from './testing';

describe('TROMBONE-GW', () => {
  it('fires after a move to a site with no active gateway, with the whole looping path', () => {
    const d = twoSites({
      singleDci: true,
      segment: { gatewayMode: 'centralized', gatewaySiteIds: ['a'] },
    }).build();
    const [f, ...rest] = findingsOf(d, 'TROMBONE-GW');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe(
      "After web-01 moves to cluster B1: segment web's gateway is at DC A, not at DC B: egress crosses the DCI and back (+1.83 ms RTT per exchange)",
    );
    expect(f?.path).toEqual([
      'b-c',
      'b-f1',
      'b-t',
      'b-f2',
      'b-sp',
      'b-f3',
      'b-be',
      'dci-1',
      'a-be',
      'a',
      'a-be',
      'dci-1',
      'b-be',
      'b-f3',
      'b-sp',
      'b-f2',
      'b-t',
      'b-f1',
      'b-c',
    ]);
    expect(f?.fixes.map((x) => x.action)).toEqual([
      { type: 'set-gateway-mode', segmentId: 'web', mode: 'per-site', siteIds: ['a', 'b'] },
      { type: 'set-gateway-mode', segmentId: 'web', mode: 'anycast' },
    ]);
  });
  it('fires for the current placement when the gateway is elsewhere', () => {
    const d = twoSites({ segment: { gatewayMode: 'centralized', gatewaySiteIds: ['b'] } }).build();
    const current = findingsOf(d, 'TROMBONE-GW').find((f) => !f.scenario);
    expect(current?.message).toMatch(/^web-01 runs at DC A but segment web's gateway is at DC B/);
  });
  it('stays quiet with per-site gateways at both sites, or an anycast gateway', () => {
    expect(findingsOf(twoSites().build(), 'TROMBONE-GW')).toEqual([]);
    expect(
      findingsOf(
        twoSites({ segment: { gatewayMode: 'anycast', gatewaySiteIds: [] } }).build(),
        'TROMBONE-GW',
      ),
    ).toEqual([]);
  });
});

describe('The trombone rules’ fixes', () => {
  it('are one list per segment and pair of sites, shared by the findings that offer them', () => {
    // A segment's trombone is found once per workload on it and per move: its fixes, built
    // once, are shared (at 10,000 elements, building them per finding was ~30% of each rule).
    const findings = runRules(syntheticDesign({ sites: 3, elements: 300 }));
    for (const rule of ['TROMBONE-GW', 'TROMBONE-INGRESS']) {
      const of = findings.filter((f) => f.ruleId === rule);
      const lists = new Map<string, Set<readonly unknown[]>>();
      for (const f of of) {
        const same = JSON.stringify(f.fixes);
        lists.set(same, (lists.get(same) ?? new Set()).add(f.fixes));
      }
      expect(lists.size).toBeLessThan(of.length);
      for (const shared of lists.values()) expect(shared.size).toBe(1);
    }
  });
});
