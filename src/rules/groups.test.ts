import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../model/synthetic';
import { runRules } from './index';
import type { FixAction } from './types';
import { applyGroupFix, commonLabel, groupFindings, mergeActions } from './groups';

const design = syntheticDesign({ sites: 4, elements: 1000 });
const findings = runRules(design);

describe('Findings grouped by rule and cause', () => {
  it('folds the gateway trombones of a large design into a few groups', () => {
    const groups = groupFindings(findings, design);
    const trombones = groups.filter((g) => g.ruleId === 'TROMBONE-GW');
    const total = findings.filter((f) => f.ruleId === 'TROMBONE-GW').length;
    expect(total).toBeGreaterThan(40);
    expect(trombones.length).toBeLessThanOrEqual(2);
    expect(trombones.reduce((n, g) => n + g.members.length, 0)).toBe(total);
    const placed = trombones.find((g) => !g.moves);
    expect(placed?.workloadCount).toBeGreaterThan(10);
    expect(placed?.segmentCount).toBeGreaterThan(5);
    // Every trombone of the synthetic design loops to the gateway at DC 1.
    expect(placed?.commonIds).toContain('s0');
  });

  it('keeps findings of different rules or placements apart', () => {
    for (const g of groupFindings(findings, design)) {
      expect(new Set(g.members.map((f) => f.ruleId)).size).toBe(1);
      expect(new Set(g.members.map((f) => f.scenario !== undefined)).size).toBe(1);
    }
  });

  it('lists the groups as placed before those after a what-if move, rule by rule', () => {
    const moved = findings.filter((f) => f.scenario !== undefined);
    const placed = findings.filter((f) => f.scenario === undefined);
    expect(moved.length).toBeGreaterThan(0);
    // The moves first, as a rule that sorts them first would hand them over.
    const groups = groupFindings([...moved, ...placed], design);
    const rules = [...new Set(groups.map((g) => g.ruleId))];
    for (const rule of rules) {
      const ofRule = groups.filter((g) => g.ruleId === rule);
      const firstMove = ofRule.findIndex((g) => g.moves);
      if (firstMove >= 0) expect(ofRule.slice(firstMove).every((g) => g.moves)).toBe(true);
    }
    const trombones = groups.filter((g) => g.ruleId === 'TROMBONE-GW');
    expect(trombones.map((g) => g.moves)).toEqual([false, true]);
    // A rule's groups stay together, where the rule first appears.
    const at = groups.map((g) => rules.indexOf(g.ruleId));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('fixes a whole group in one edit that clears its findings', () => {
    const group = groupFindings(findings, design).find((g) => g.ruleId === 'TROMBONE-GW');
    const anycast = group?.fixes.find((f) => f.label.includes('anycast'));
    if (!group || !anycast) throw new Error('no gateway trombone group with an anycast fix');
    const fixed = applyGroupFix(design, anycast);
    const keys = new Set(runRules(fixed).map((f) => f.key));
    expect(group.members.filter((f) => keys.has(f.key))).toHaveLength(0);
  });

  it('keeps a single finding as a group of one without a group fix', () => {
    const one = findings.slice(0, 1);
    const [group] = groupFindings(one, design);
    expect(group?.members).toHaveLength(1);
    expect(group?.fixes).toHaveLength(0);
  });
});

describe('Group fixes', () => {
  it('merge actions that differ only in their site lists', () => {
    const a: FixAction = {
      type: 'set-gateway-mode',
      segmentId: 'web',
      mode: 'per-site',
      siteIds: ['a', 'b'],
    };
    const b: FixAction = {
      type: 'set-gateway-mode',
      segmentId: 'web',
      mode: 'per-site',
      siteIds: ['a', 'c'],
    };
    const c: FixAction = {
      type: 'set-gateway-mode',
      segmentId: 'db',
      mode: 'per-site',
      siteIds: ['a'],
    };
    expect(mergeActions([a, b, c])).toEqual([
      { type: 'set-gateway-mode', segmentId: 'web', mode: 'per-site', siteIds: ['a', 'b', 'c'] },
      c,
    ]);
  });

  it('label what the members share and elide what differs', () => {
    expect(commonLabel(['Give web a local gateway', 'Give db a local gateway'])).toBe(
      'Give … a local gateway',
    );
    expect(commonLabel(['Same label', 'Same label'])).toBe('Same label');
  });
});
