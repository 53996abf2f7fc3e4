import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { connect, removeElements, reparent, updateLink, updateNode, type NodePatch } from './edits';
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

describe('Typed patches (updateNode, updateLink)', () => {
  const located = () =>
    connect(
      new DesignBuilder()
        .site('a', 'DC A', { location: { lat: 52.4, lon: 4.9 } })
        .site('b', 'DC B')
        .build(),
      'a',
      'b',
      'l1',
    );
  it('a field patched to undefined is cleared, the others are kept', () => {
    const d = updateNode(located(), 'a', { location: undefined, role: 'witness' });
    const site = d.nodes.find((n) => n.id === 'a');
    expect(site && 'location' in site).toBe(false);
    expect(site).toMatchObject({ label: 'DC A', role: 'witness' });
    expect(isValid(d)).toBe(true);
  });
  it('an explicit link RTT can be set and cleared', () => {
    const set = updateLink(located(), 'l1', { rttMs: 2 });
    expect(set.links[0]?.rttMs).toBe(2);
    expect(updateLink(set, 'l1', { rttMs: undefined }).links[0]).not.toHaveProperty('rttMs');
  });
  it('never changes id or kind, and only a required field’s value, never its presence', () => {
    // @ts-expect-error a required field cannot be cleared
    const clearLabel: NodePatch<'site'> = { label: undefined };
    // @ts-expect-error a site has no cluster fields
    const wrongKind: NodePatch<'site'> = { hosts: 4 };
    expect([clearLabel, wrongKind]).toHaveLength(2);
    const d = updateNode(located(), 'a', { id: 'x', kind: 'spine' } as NodePatch);
    expect(d.nodes.find((n) => n.id === 'a')?.kind).toBe('site');
  });
});
