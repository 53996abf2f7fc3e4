import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { cloneElements, connect, removeElements, reparent } from './edits';
import { checkReferences } from './integrity';
import { designSchema, type Design } from './schema';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;

const twoSites = () =>
  new DesignBuilder('two sites')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .spine('a-sp', 'a')
    .border('a-be', 'a')
    .border('b-be', 'b')
    .cluster('a-c', 'a')
    .cluster('b-c', 'b')
    .segment('web', 'web', 100)
    .workload('w1', 'web-01', 'a-c', { mobilityTargetIds: ['b-c'], segmentIds: ['web'] })
    .build();

describe('connect', () => {
  it('makes a DCI link between devices of different sites, with the documented defaults', () => {
    const d = connect(twoSites(), 'a-be', 'b-be', 'l1');
    const link = d.links.find((l) => l.id === 'l1');
    expect(link).toMatchObject({
      kind: 'dci',
      transport: 'dark-fiber',
      distanceKm: 10,
      bandwidthGbps: 10,
      mtu: 9216,
    });
  });
  it('makes a fabric link inside one site', () => {
    const d = connect(twoSites(), 'a-sp', 'a-be', 'l1');
    expect(d.links[0]?.kind).toBe('fabric');
  });
  it('makes a DCI link between two sites themselves', () => {
    expect(connect(twoSites(), 'a', 'b', 'l1').links[0]?.kind).toBe('dci');
  });
  it('refuses loops', () => {
    const once = connect(twoSites(), 'a-be', 'b-be', 'l1');
    expect(connect(once, 'a-be', 'a-be', 'l3').links).toHaveLength(1);
  });
  it('accepts several links between the same two elements, each its own link', () => {
    const once = connect(twoSites(), 'a-be', 'b-be', 'l1');
    const twice = connect(connect(once, 'b-be', 'a-be', 'l2'), 'a-be', 'b-be', 'l3');
    expect(twice.links.map((l) => [l.id, l.kind])).toEqual([
      ['l1', 'dci'],
      ['l2', 'dci'],
      ['l3', 'dci'],
    ]);
    expect(checkReferences(twice)).toBeNull();
  });
});

describe('removeElements', () => {
  it('removing a site removes its devices, their links and workloads, and scrubs references', () => {
    const d = removeElements(connect(twoSites(), 'a-be', 'b-be', 'l1'), ['b']);
    expect(d.nodes.map((n) => n.id).sort()).toEqual(['a', 'a-be', 'a-c', 'a-sp']);
    expect(d.links).toHaveLength(0);
    expect(d.workloads[0]?.mobilityTargetIds).toEqual([]);
    expect(isValid(d)).toBe(true);
  });
});

describe('reparent', () => {
  it('moving a device into the other site turns its DCI link into a fabric link', () => {
    const d = reparent(connect(twoSites(), 'a-be', 'b-be', 'l1'), 'a-be', 'b', { x: 10, y: 10 });
    expect(d.links[0]?.kind).toBe('fabric');
    expect(d.nodes.find((n) => n.id === 'a-be')).toMatchObject({
      parentId: 'b',
      position: { x: 10, y: 10 },
    });
  });
});

describe('cloneElements', () => {
  it('copies a site with fresh ids, keeps internal links, and stays loadable', () => {
    const base = connect(twoSites(), 'a-sp', 'a-be', 'l1');
    let n = 0;
    const { design, newIds } = cloneElements(
      base,
      ['a'],
      { x: 40, y: 40 },
      (p) => `${p}-copy${n++}`,
    );
    expect(newIds).toHaveLength(5);
    expect(design.links).toHaveLength(2);
    expect(design.workloads).toHaveLength(2);
    expect(isValid(design)).toBe(true);
  });
});

describe('checkReferences', () => {
  it('refuses a link whose id is a volume id', () => {
    const d = new DesignBuilder('dup')
      .site('a', 'A')
      .site('b', 'B')
      .array('arr', 'a', { volumes: [{ id: 'v1', name: 'v1', replication: 'none' }] })
      .border('a-be', 'a')
      .border('b-be', 'b')
      .dci('v1', 'a-be', 'b-be')
      .build();
    expect(checkReferences(d)).toEqual({ path: 'links[0].id', message: 'duplicate id "v1"' });
  });
});
