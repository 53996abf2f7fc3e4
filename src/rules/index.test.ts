import { describe, expect, it } from 'vitest';
import { RULE_IDS } from './types';
import { RULES, runRules } from './index';
import { twoSites } from './testing';

describe('runRules', () => {
  it('finds nothing in the clean two-site baseline', () => {
    expect(runRules(twoSites().build())).toEqual([]);
  });
  it('has metadata with a 2–4 sentence explanation for each of the 20 rule ids', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const sentences = RULES[id].explanation.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, id).toBeGreaterThanOrEqual(2);
      expect(sentences, id).toBeLessThanOrEqual(4);
    }
  });
  it('gives every finding a unique, stable key and sorts errors first', () => {
    const design = twoSites({
      singleDci: true,
      torB: { boundary: 'l3' },
      dci: { mtu: 1500 },
    }).build();
    const a = runRules(design);
    const b = runRules(structuredClone(design));
    expect(a.map((f) => f.key)).toEqual(b.map((f) => f.key));
    expect(new Set(a.map((f) => f.key)).size).toBe(a.length);
    expect(a[0]?.severity).toBe('error');
  });
  it('evaluates only the current placement when moves are excluded', () => {
    const design = twoSites({ torB: { boundary: 'l3' } }).build();
    expect(runRules(design, { includeMoves: false }).some((f) => f.scenario)).toBe(false);
  });
});
