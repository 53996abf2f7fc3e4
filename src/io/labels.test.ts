import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementLabels, LINK_ENDS_SEPARATOR, nameOf } from '../model/labels';
import type { Design } from '../model/schema';
import { arbitraryDesign } from './arbitrary';
import { buildIndex } from '../rules/graph';
import { runRules } from '../rules/index';
import { reportMarkdown } from './report';
import { labelsDesign as design } from '../model/labelsDesign';

describe('One name per element across the rules, the panels and the report', () => {
  it('names an unnamed link and a volume the same way everywhere', () => {
    const d = design();
    expect(buildIndex(d).label('dci-1')).toBe('edge-a ↔ edge-b');
    expect(buildIndex(d).label('vol-1')).toBe('DS_WEB_01');
    const report = reportMarkdown(d, runRules(d));
    expect(report).toContain('| edge-a ↔ edge-b |');
    expect(report).toContain('**Concerns:** array-1, DS\\_WEB\\_01');
  });
  it('keeps a storage finding’s volume in its element list', () => {
    const d = design();
    const peer = runRules(d).find((f) => f.ruleId === 'STORAGE-PEER');
    expect(peer?.elementIds).toContain('vol-1');
    expect(elementLabels(d, peer?.elementIds ?? [])).toEqual(['array-1', 'DS_WEB_01']);
  });
});

/** Every element's name, computed eagerly and plainly: what the lazy label index must agree with. */
function eagerNames(design: Design): Map<string, string> {
  const names = new Map<string, string>();
  for (const n of design.nodes) {
    names.set(n.id, n.label || n.id);
    if (n.kind === 'array') for (const v of n.volumes) names.set(v.id, v.name || v.id);
  }
  for (const w of design.workloads) names.set(w.id, w.name || w.id);
  for (const s of design.segments) names.set(s.id, s.name || s.id);
  const ends = new Map(names);
  for (const l of design.links) {
    const end = (id: string) => ends.get(id) ?? id;
    names.set(l.id, l.label || `${end(l.source)}${LINK_ENDS_SEPARATOR}${end(l.target)}`);
  }
  return names;
}

describe('Names of random designs', () => {
  it('are those of an eager index, link names made on first use included, looked up by design or through the validator index', () => {
    fc.assert(
      fc.property(arbitraryDesign, fc.nat(), (design, seed) => {
        const names = eagerNames(design);
        // Asked in a shuffled order, twice: the memo gives the same answer the second time.
        const ids = [...names.keys(), 'no-such-id'].sort(
          (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7),
        );
        const label = buildIndex(design).label;
        for (const round of [1, 2])
          for (const id of ids) {
            expect(nameOf(design, id), `${id} (${round})`).toBe(names.get(id));
            expect(label(id), `${id} (${round})`).toBe(names.get(id) ?? id);
          }
      }),
      { numRuns: 200 },
    );
  });
});
