/**
 * The reference designs of DOMAIN.md §7 as specs of the validator: each template shows exactly
 * the findings its story is about, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Design } from '../model/schema';
import { TEMPLATES } from '../model/templates';
import { runRules } from './index';
import type { Finding, RuleId } from './types';

function build(templateId: string): Design {
  const template = TEMPLATES.find((t) => t.id === templateId);
  if (!template) throw new Error(`no template "${templateId}"`);
  return template.build();
}
const findingsOf = (templateId: string): Finding[] => runRules(build(templateId));

/** "TROMBONE-GW wl-web→esx-prod-b" for a move, "L2-STP dci-fibre-1" for the first element. */
const brief = (f: Finding) =>
  `${f.ruleId} ${f.scenario ? `${f.scenario.workloadId}→${f.scenario.targetClusterId}` : (f.elementIds[0] ?? '')}`;
const briefs = (findings: readonly Finding[]) => findings.map(brief).sort();
const ofRule = (findings: readonly Finding[], ruleId: RuleId) =>
  findings.filter((f) => f.ruleId === ruleId);
const moves = (ruleId: RuleId, workloads: readonly string[], target: string) =>
  workloads.map((w) => `${ruleId} ${w}→${target}`);

describe('Template metro-vplex-otv (VPLEX Metro, OTV, per-site gateways, witness)', () => {
  const findings = findingsOf('metro-vplex-otv');

  it('raises no error', () => {
    expect(briefs(findings.filter((f) => f.severity === 'error'))).toEqual([]);
  });

  it('raises no warning', () => {
    expect(briefs(findings.filter((f) => f.severity === 'warning'))).toEqual([]);
  });

  it('raises no info either', () => {
    expect(briefs(findings)).toEqual([]);
  });
});

describe('Template metro-metrocluster (split controller, centralized gateway)', () => {
  const findings = findingsOf('metro-metrocluster');
  const workloads = ['wl-app', 'wl-batch', 'wl-db', 'wl-web'];

  it('raises exactly the storage and gateway trombones of each move to DC2, and RES-SITE-NODE', () => {
    expect(briefs(findings)).toEqual(
      [
        ...['RES-SITE-NODE array-a', 'RES-SITE-NODE array-b'],
        ...moves('TROMBONE-GW', workloads, 'esx-prod-b'),
        ...moves('TROMBONE-STORAGE', workloads, 'esx-prod-b'),
      ].sort(),
    );
  });

  it('raises no error', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('loops storage I/O back to the array that owns the volume at DC1, across the DCI', () => {
    for (const f of ofRule(findings, 'TROMBONE-STORAGE')) {
      expect(f.severity).toBe('warning');
      expect(f.elementIds).toContain('array-a');
      expect(f.elementIds.some((id) => id.startsWith('dci-fibre-'))).toBe(true);
      expect(f.path?.length ?? 0).toBeGreaterThan(2);
    }
  });

  it('sends egress back to the only gateway, at DC1', () => {
    for (const f of ofRule(findings, 'TROMBONE-GW')) {
      expect(f.severity).toBe('warning');
      expect(f.elementIds).toContain('dc1');
      expect(f.elementIds.some((id) => id.startsWith('seg-'))).toBe(true);
    }
  });

  it('flags both MetroCluster arrays for having one controller per site', () => {
    const arrays = ofRule(findings, 'RES-SITE-NODE').map((f) => f.elementIds[0]);
    expect(arrays.sort()).toEqual(['array-a', 'array-b']);
  });
});

describe('Template l3-fabric-rack-to-rack (routed at the ToR, no overlay)', () => {
  const findings = findingsOf('l3-fabric-rack-to-rack');

  it('raises exactly one L2 gap per rack-to-rack move', () => {
    expect(briefs(findings)).toEqual(
      [
        ...moves('L2-GAP', ['wl-web-01', 'wl-web-02', 'wl-app-01'], 'esx-rack-b'),
        ...moves('L2-GAP', ['wl-app-db'], 'esx-rack-a'),
      ].sort(),
    );
  });

  it('marks the routed leaf where each VM segment stops', () => {
    const gaps = ofRule(findings, 'L2-GAP');
    for (const f of gaps) {
      expect(f.severity).toBe('error');
      const leaves = f.elementIds.filter((id) => id.startsWith('fra-leaf-'));
      expect(leaves, f.key).toHaveLength(1);
    }
    const leafOf = (workloadId: string) =>
      gaps
        .find((f) => f.scenario?.workloadId === workloadId)
        ?.elementIds.find((id) => id.startsWith('fra-leaf-'));
    expect(leafOf('wl-web-01')).toBe('fra-leaf-101');
    expect(leafOf('wl-app-db')).toBe('fra-leaf-103');
  });

  it('accepts the routed vMotion vmkernel of vSphere 6', () => {
    expect(ofRule(findings, 'VMK-ROUTED')).toEqual([]);
  });
});

describe('Template metro-vs-long-distance (400 km metro, 3000 km VPLEX Geo)', () => {
  const findings = findingsOf('metro-vs-long-distance');
  const toLosAngeles = ['wl-erp-app', 'wl-erp-db'];

  it('raises LAT-MIGRATION and the async storage trombone for the moves to Los Angeles only', () => {
    expect(briefs(findings)).toEqual(
      [
        ...moves('LAT-MIGRATION', toLosAngeles, 'esx-lax'),
        ...moves('TROMBONE-STORAGE', toLosAngeles, 'esx-lax'),
      ].sort(),
    );
  });

  it('measures the 3000 km RTT against the 10 ms of vSphere 5.x Metro vMotion', () => {
    for (const f of ofRule(findings, 'LAT-MIGRATION')) {
      expect(f.severity).toBe('error');
      expect(f.limit).toBe(10);
      expect(f.measured).toBeGreaterThan(30);
      expect(f.elementIds).toEqual(expect.arrayContaining(['esx-dal', 'esx-lax']));
    }
  });

  it('leaves the ERP datastore active in Dallas: VPLEX Geo is asynchronous', () => {
    for (const f of ofRule(findings, 'TROMBONE-STORAGE')) {
      expect(f.severity).toBe('warning');
      expect(f.elementIds).toEqual(expect.arrayContaining(['dg-erp-01', 'vplex-geo-a']));
    }
  });

  it('raises nothing for the 4 ms moves between Dallas and Houston', () => {
    const metroMoves = findings.filter(
      (f) => f.scenario && f.scenario.targetClusterId !== 'esx-lax',
    );
    expect(briefs(metroMoves)).toEqual([]);
  });
});

describe('Template metro-stretched-trunk (plain 802.1Q trunk, no BPDU filtering)', () => {
  const findings = findingsOf('metro-stretched-trunk');

  it('raises L2-STP on each trunk across the dark fibre, and nothing else', () => {
    expect(briefs(findings)).toEqual(['L2-STP dci-fibre-1', 'L2-STP dci-fibre-2']);
  });

  it('names both sites of the one spanning-tree domain', () => {
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.elementIds).toEqual(expect.arrayContaining(['dc1', 'dc2']));
    }
  });
});

describe('The fixes the templates point at', () => {
  it('turning the leaves’ EVPN overlay on closes every rack-to-rack L2 gap', () => {
    const design = build('l3-fabric-rack-to-rack');
    for (const n of design.nodes) if (n.kind === 'tor') n.overlay = true;
    expect(briefs(runRules(design))).toEqual([]);
  });

  it('OTV instead of the plain trunk keeps each site its own spanning tree', () => {
    const design = build('metro-stretched-trunk');
    for (const l of design.links)
      if (l.kind === 'dci' && l.l2Extension === 'trunk') l.l2Extension = 'otv';
    expect(briefs(runRules(design))).toEqual([]);
  });

  it('a local gateway at each site removes the gateway trombones, not the storage ones', () => {
    const design = build('metro-metrocluster');
    for (const s of design.segments) {
      s.gatewayMode = 'per-site';
      s.gatewaySiteIds = ['dc1', 'dc2'];
    }
    const findings = runRules(design);
    expect(ofRule(findings, 'TROMBONE-GW')).toEqual([]);
    expect(ofRule(findings, 'TROMBONE-STORAGE')).toHaveLength(4);
  });

  it('the clean metro stays clean only with its witness: without it, RES-WITNESS', () => {
    const design = build('metro-vplex-otv');
    design.nodes = design.nodes.filter((n) => n.kind !== 'witness');
    design.links = design.links.filter((l) => l.source !== 'witness' && l.target !== 'witness');
    expect(briefs(runRules(design))).toEqual(['RES-WITNESS array-a']);
  });
});
