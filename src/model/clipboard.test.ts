import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { pasteInto } from './clipboard';
import { removeElements, removeSegment } from './edits';
import { checkReferences } from './integrity';
import { designSchema, type Design } from './schema';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;

const twoSites = () =>
  new DesignBuilder('two sites')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .spine('a-sp', 'a')
    .border('a-be', 'a')
    .cluster('a-c', 'a')
    .cluster('b-c', 'b')
    .fabric('f1', 'a-sp', 'a-be')
    .segment('web', 'web', 100)
    .workload('w1', 'web-01', 'a-c', { mobilityTargetIds: ['b-c'], segmentIds: ['web'] })
    .build();

const offset = { x: 32, y: 32 };

describe('Pasting', () => {
  it('a copied site comes with its devices, links and workloads under fresh ids', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    if (!result) throw new Error('nothing pasted');
    const { design, newIds } = result;
    expect(design.nodes).toHaveLength(d.nodes.length + 4);
    expect(design.links).toHaveLength(2);
    expect(design.workloads).toHaveLength(2);
    for (const id of newIds) expect(d.nodes.some((n) => n.id === id)).toBe(false);
    expect(isValid(design)).toBe(true);
  });
  it('keeps sites before devices, as React Flow needs', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    const kinds = result?.design.nodes.map((n) => n.kind === 'site') ?? [];
    expect(kinds.indexOf(false)).toBeGreaterThan(kinds.lastIndexOf(true));
  });
  it('a copied site moves by the offset', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    const original = d.nodes.find((n) => n.id === 'a');
    const copy = result?.design.nodes.find((n) => n.id === result.newIds[0]);
    expect(copy?.position).toEqual({
      x: (original?.position.x ?? NaN) + 32,
      y: (original?.position.y ?? NaN) + 32,
    });
  });
  it('a device whose site was not copied goes back into that site', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a-sp'] }, offset);
    const copy = result?.design.nodes.find((n) => n.id === result.newIds[0]);
    expect(copy?.kind !== 'site' && copy?.parentId).toBe('a');
  });
  it('is refused (null) when the copied device’s site was deleted since', () => {
    const d = twoSites();
    expect(pasteInto(removeElements(d, ['a']), { design: d, ids: ['a-sp'] }, offset)).toBeNull();
  });
  it('a pasted workload drops the clusters and segments deleted since the copy', () => {
    const d = twoSites();
    const current = removeSegment(removeElements(d, ['b']), 'web');
    const result = pasteInto(current, { design: d, ids: ['a-c'] }, offset);
    const pasted = result?.design.workloads.find((w) => w.id !== 'w1');
    expect(pasted?.mobilityTargetIds).toEqual([]);
    expect(pasted?.segmentIds).toEqual([]);
    expect(result && isValid(result.design)).toBe(true);
  });
});
