import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { checkReferences } from './integrity';
import { connectFullMesh } from './mesh';
import { designSchema } from './schema';

const twoSites = () =>
  new DesignBuilder()
    .site('a', 'DC1')
    .site('b', 'DC2')
    .spine('a-sp1', 'a')
    .spine('a-sp2', 'a')
    .tor('a-l1', 'a')
    .border('a-be', 'a')
    .border('b-be', 'b')
    .tor('b-l1', 'b')
    .fabric('f1', 'a-sp1', 'a-l1')
    .build();

describe('Connect the selection as a full mesh', () => {
  it('links every pair of devices in one site with a fabric link', () => {
    const r = connectFullMesh(twoSites(), ['a-sp1', 'a-sp2', 'a-be']);
    expect(r.devices).toBe(3);
    expect(r.fabricLinkIds).toHaveLength(3);
    expect(r.dciLinkIds).toHaveLength(0);
    const added = r.design.links.filter((l) => r.fabricLinkIds.includes(l.id));
    expect(added.map((l) => [l.source, l.target, l.kind])).toEqual([
      ['a-sp1', 'a-sp2', 'fabric'],
      ['a-sp1', 'a-be', 'fabric'],
      ['a-sp2', 'a-be', 'fabric'],
    ]);
  });
  it('skips pairs already linked, either way round', () => {
    const r = connectFullMesh(twoSites(), ['a-l1', 'a-sp1', 'a-sp2']);
    expect(r.alreadyLinked).toBe(1);
    expect(r.fabricLinkIds).toHaveLength(2);
    expect(
      r.design.links.filter((l) => [l.source, l.target].sort().join() === 'a-l1,a-sp1'),
    ).toHaveLength(1);
  });
  it('links routers of different sites with DCI links', () => {
    const r = connectFullMesh(twoSites(), ['a-be', 'b-be', 'a-sp2']);
    expect(r.dciLinkIds).toHaveLength(2);
    expect(r.fabricLinkIds).toHaveLength(1);
    for (const id of r.dciLinkIds)
      expect(r.design.links.find((l) => l.id === id)?.kind).toBe('dci');
  });
  it('does not link a leaf to another site, and says so', () => {
    const r = connectFullMesh(twoSites(), ['a-l1', 'b-be', 'b-l1']);
    // a-l1 ↔ b-be and a-l1 ↔ b-l1 cross sites with a leaf at one end; b-be ↔ b-l1 is fabric.
    expect(r.notDciEnds).toBe(2);
    expect(r.fabricLinkIds).toHaveLength(1);
    expect(r.dciLinkIds).toHaveLength(0);
  });
  it('ignores sites and links in the selection', () => {
    const d = twoSites();
    const r = connectFullMesh(d, ['a', 'b', 'f1', 'a-be']);
    expect(r.devices).toBe(1);
    expect(r.design).toBe(d);
    expect(r.fabricLinkIds).toHaveLength(0);
  });
  it('keeps the design valid, and a second run adds nothing', () => {
    const all = ['a-sp1', 'a-sp2', 'a-l1', 'a-be', 'b-be', 'b-l1'];
    const once = connectFullMesh(twoSites(), all);
    expect(designSchema.safeParse(once.design).success).toBe(true);
    expect(checkReferences(once.design)).toBeNull();
    const twice = connectFullMesh(once.design, all);
    expect(twice.design).toBe(once.design);
    expect(twice.alreadyLinked).toBe(once.fabricLinkIds.length + once.dciLinkIds.length + 1);
  });
});
