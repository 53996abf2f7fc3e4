import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import { syntheticDesign } from '../model/synthetic';
import { buildContext, runRulesOn } from '../rules/index';
import type { Finding } from '../rules/types';
import { findingsFor, validatorReady } from './findings';
import { sameValue } from '../model/sameValue';
import { sharedFindings } from '../rules/sharedFindings';

const finding = fc.record({
  key: fc.constantFrom('k1', 'k2', 'k3', 'k4'),
  ruleId: fc.constant('L2-GAP'),
  severity: fc.constantFrom('error', 'warning', 'info'),
  message: fc.constantFrom('a', 'b'),
  why: fc.constant('why'),
  source: fc.constant('src'),
  elementIds: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fixes: fc.array(fc.record({ label: fc.constantFrom('fix', 'other') }), { maxLength: 1 }),
}) as fc.Arbitrary<Finding>;

describe('sharedFindings', () => {
  it('reads as the fresh list, taking an equal finding of before (each once) where there is one', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 8 }),
        fc.array(fc.oneof(finding, fc.nat(7)), { maxLength: 8 }),
        (before, picks) => {
          // The fresh run: copies of some of before's findings (as a new run makes), and new ones.
          const fresh = picks.map((p) =>
            typeof p === 'number' ? structuredClone(before[p] ?? before[0] ?? p) : p,
          ) as Finding[];
          const fresher = fresh.filter((f): f is Finding => typeof f === 'object');
          const out = sharedFindings(fresher, before);
          expect(out).toEqual(fresher);
          const used = new Set<Finding>();
          out.forEach((f, i) => {
            if (f !== fresher[i]) {
              expect(before).toContain(f);
              expect(used.has(f)).toBe(false);
              used.add(f);
            }
          });
          // Every fresh finding equal to an unused one of before was given before's object.
          const left = before.filter((b) => !used.has(b));
          out.forEach((f, i) => {
            if (f === fresher[i] && !before.includes(f))
              expect(left.some((b) => b.key === f.key && sameValue(b, f))).toBe(false);
          });
        },
      ),
    );
  });

  it('gives back the list before when every finding reads the same', () => {
    const before = [
      { key: 'a', message: 'x', fixes: [] },
      { key: 'b', message: 'y', fixes: [] },
    ] as unknown as Finding[];
    expect(sharedFindings(structuredClone(before), before)).toBe(before);
    expect(sharedFindings([...before].reverse(), before)).not.toBe(before);
  });
});

describe('findingsFor shares findings between designs', () => {
  beforeAll(() => validatorReady);

  it('gives what the rules give, with the objects of the design before where they read the same', () => {
    let design = syntheticDesign({ sites: 2, elements: 200 });
    let before = findingsFor(design).all;
    for (const km of [900, 40, 2500, 40]) {
      const link = design.links.find((l) => l.kind === 'dci');
      if (!link) throw new Error('no DCI link');
      design = updateLink(design, link.id, { distanceKm: km });
      const all = findingsFor(design).all;
      expect(all).toEqual(runRulesOn(buildContext(design)));
      const kept = all.filter((f) => before.includes(f));
      expect(kept.length).toBeGreaterThan(0);
      const left = before.filter((b) => !kept.includes(b));
      for (const f of all)
        if (!before.includes(f))
          expect(left.some((b) => b.key === f.key && sameValue(b, f))).toBe(false);
      before = all;
    }
  });
});
