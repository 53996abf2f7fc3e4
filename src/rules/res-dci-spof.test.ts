import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { removeElements, updateLink } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
import { findingsOf, twoSites } from './testing';

/** Sites A and B, each with two border routers, and one DCI link per router pair: no single point. */
function diverse(): DesignBuilder {
  return new DesignBuilder('diverse')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .border('a-be1', 'a', { label: 'A edge 1' })
    .border('a-be2', 'a', { label: 'A edge 2' })
    .border('b-be1', 'b', { label: 'B edge 1' })
    .border('b-be2', 'b', { label: 'B edge 2' })
    .cluster('a-c', 'a', { label: 'A1' })
    .cluster('b-c', 'b', { label: 'B1' })
    .dci('north', 'a-be1', 'b-be1', {
      label: 'north',
      l2Extension: 'otv',
      extendedSegmentIds: ['web'],
    })
    .dci('south', 'a-be2', 'b-be2', {
      label: 'south',
      l2Extension: 'otv',
      extendedSegmentIds: ['web'],
    })
    .segment('web', 'web', 100, { gatewayMode: 'anycast', ingressMode: 'gslb' })
    .workload('w1', 'web-01', 'a-c', { mobilityTargetIds: ['b-c'], segmentIds: ['web'] });
}

const template = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`template ${id} missing`);
  return t.build();
};

describe('RES-DCI-SPOF', () => {
  it('fires when two sites that exchange moves are joined by one DCI link, naming the link and its routers', () => {
    const [f, ...rest] = findingsOf(twoSites({ singleDci: true }).build(), 'RES-DCI-SPOF');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      elementIds: ['a', 'b', 'a-be', 'b-be', 'dci-1'],
    });
    expect(f?.message).toBe(
      'every path between DC A and DC B crosses A–B north, border router A edge and border router B edge: one failure there stops migration and replication between them',
    );
  });
  it('fires when two links both end on the same border routers, and names the routers', () => {
    const d = twoSites({ singleDci: true }).dci('dci-2', 'a-be', 'b-be').build();
    const [f, ...rest] = findingsOf(d, 'RES-DCI-SPOF');
    expect(rest).toEqual([]);
    expect(f?.elementIds).toEqual(['a', 'b', 'a-be', 'b-be']);
    expect(f?.message).toBe(
      'DC A and DC B are joined by 2 DCI links, but all of them end on border router A edge and border router B edge: one device failure stops migration and replication between them',
    );
    expect(f?.fixes.map((x) => x.label)).toEqual([
      'Land a second DCI link on another border router at DC A, so A edge is not the only way out',
      'Land a second DCI link on another border router at DC B, so B edge is not the only way out',
    ]);
  });
  it('fires for one router at one site only, when the other site has two', () => {
    // Both links leave A from one router, and land on two routers at B.
    const d = updateLink(diverse().build(), 'south', { source: 'a-be1' });
    const [f, ...rest] = findingsOf(d, 'RES-DCI-SPOF');
    expect(rest).toEqual([]);
    expect(f?.elementIds).toEqual(['a', 'b', 'a-be1']);
    expect(f?.message).toContain('all of them end on border router A edge 1');
  });
  it('fires when every path between the sites crosses one link of a chain', () => {
    const d = diverse()
      .site('c', 'DC C')
      .border('c-be', 'c')
      .dci('b-c-1', 'b-be1', 'c-be')
      .cluster('c-c', 'c')
      .workload('w2', 'db-01', 'a-c', { mobilityTargetIds: ['c-c'] })
      .build();
    const found = findingsOf(d, 'RES-DCI-SPOF').map((f) => f.elementIds);
    expect(found).toEqual([['a', 'c', 'b-be1', 'c-be', 'b-c-1']]);
  });
  it('stays quiet with two links on two routers at each end', () => {
    expect(findingsOf(diverse().build(), 'RES-DCI-SPOF')).toEqual([]);
  });
  it('stays quiet for sites that exchange nothing', () => {
    const d = twoSites({ singleDci: true, workload: { mobilityTargetIds: [] } }).build();
    expect(findingsOf(d, 'RES-DCI-SPOF')).toEqual([]);
  });
  it('after a router fails, the survivor and its link are the single points', () => {
    const [f] = findingsOf(diverse().build(), 'RES-DCI-SPOF', { failed: new Set(['a-be1']) });
    expect(f?.elementIds).toEqual(['a', 'b', 'a-be2', 'b-be2', 'south']);
  });
});

describe('RES-DCI-SPOF through a witness site', () => {
  it('fires when the only other route between two data sites runs through the witness site', () => {
    const oneRoute = removeElements(template('metro-vplex-otv'), ['dci-fibre-2']);
    const f = findingsOf(oneRoute, 'RES-DCI-SPOF');
    expect(f).toHaveLength(1);
    expect(f[0]?.elementIds).toContain('dci-fibre-1');
    expect(f[0]?.message).toContain('Dark fibre route');
  });
  it('stays quiet on the metro template, whose two routes land on two routers at each site', () => {
    expect(findingsOf(template('metro-vplex-otv'), 'RES-DCI-SPOF')).toEqual([]);
  });
});
