import { describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
import { runRules } from './index';

const metroCluster = () => {
  const t = TEMPLATES.find((x) => x.id === 'metro-metrocluster');
  if (!t) throw new Error('template missing');
  return t.build();
};

describe('Finding keys', () => {
  it('stay the same when a trombone takes another route, so waivers and comparisons still match', () => {
    const design = metroCluster();
    const longer = updateLink(design, 'dci-fibre-1', { distanceKm: 400 });
    const trombones = (d: typeof design) => runRules(d).filter((f) => f.ruleId === 'TROMBONE-GW');
    const before = trombones(design);
    const after = trombones(longer);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((f) => f.key).sort()).toEqual(before.map((f) => f.key).sort());
    // …while the finding itself follows the new route.
    expect(after[0]?.path).not.toEqual(before[0]?.path);
    expect(after[0]?.message).not.toEqual(before[0]?.message);
  });

  it('still tell apart findings about different elements', () => {
    const keys = runRules(metroCluster()).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
