/**
 * Deletes and pastes of many devices at once (issue 12's delete and paste rows: 30 devices of a
 * 1,000-element design), each validated from the validation before it (revalidate.ts), find
 * exactly what a fresh full validation of the same design finds, in the same order.
 * revalidate.test.ts holds every kind of edit to that on small designs; this holds the edits that
 * restructure a design at the size the benches measure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { runRules } from './index';
import { revalidate, type Validation } from './revalidate';

const stepArb = fc.record({
  kind: fc.constantFrom('delete', 'paste', 'undo'),
  site: fc.nat(),
  start: fc.nat(),
  count: fc.integer({ min: 1, max: 30 }),
  back: fc.nat(),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

/** Up to `count` devices of one site, in the design's order from a position `start` picks. */
function devicesOf(design: Design, s: Step): string[] {
  const sites = design.nodes.filter((n) => n.kind === 'site');
  const site = sites[s.site % Math.max(1, sites.length)];
  if (!site) return [];
  const devices = design.nodes.filter((n) => n.kind !== 'site' && n.parentId === site.id);
  const from = devices.length === 0 ? 0 : s.start % devices.length;
  return devices.slice(from, from + s.count).map((n) => n.id);
}

function apply(design: Design, s: Step, history: readonly Design[]): Design {
  switch (s.kind) {
    case 'delete': {
      const ids = devicesOf(design, s);
      return ids.length === 0 ? design : removeElements(design, ids);
    }
    case 'paste': {
      const ids = devicesOf(design, s);
      const pasted = ids.length === 0 ? null : pasteInto(design, { design, ids }, { x: 32, y: 32 });
      return pasted ? pasted.design : design;
    }
    case 'undo':
      return history[s.back % Math.max(1, history.length)] ?? design;
  }
}

const base = syntheticDesign({ sites: 4, elements: 1000 });

describe('Validating a delete or paste of many devices from the validation before it', () => {
  it('finds what a fresh full validation finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 4 }), (steps) => {
        let design = base;
        let v: Validation = revalidate(design, null);
        const history: Design[] = [];
        for (const s of steps) {
          history.push(design);
          design = apply(design, s, history);
          v = revalidate(design, v);
          expect(v.design).toBe(design);
          expect(v.findings).toStrictEqual(runRules(design));
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
