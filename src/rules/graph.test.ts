import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { linkById, nodeById, segmentById, volumeById, workloadById } from '../model/byId';
import { updateLink } from '../model/edits';
import { labelOf } from '../model/labels';
import { buildGraph, buildIndex, linkRttMs } from './graph';
import { twoSites } from './testing';

describe('link RTT', () => {
  it('estimates a DCI link from distance plus the hop allowance', () => {
    const d = twoSites({ distanceKm: 100 }).build();
    const link = d.links.find((l) => l.id === 'dci-1');
    expect(link && linkRttMs(link, d.settings)).toBeCloseTo(1.1);
  });
  it('uses an explicit RTT over the distance estimate', () => {
    const d = twoSites({ dci: { rttMs: 4 } }).build();
    const link = d.links.find((l) => l.id === 'dci-1');
    expect(link && linkRttMs(link, d.settings)).toBe(4);
  });
});

describe('shortest path', () => {
  it('returns ordered node and link ids, total RTT and bottleneck bandwidth', () => {
    const d = twoSites({ distanceKm: 100, singleDci: true, dci: { bandwidthGbps: 4 } }).build();
    const p = buildGraph(d).path('a-c', 'b-c');
    expect(p?.path).toEqual([
      'a-c',
      'a-f1',
      'a-t',
      'a-f2',
      'a-sp',
      'a-f3',
      'a-be',
      'dci-1',
      'b-be',
      'b-f3',
      'b-sp',
      'b-f2',
      'b-t',
      'b-f1',
      'b-c',
    ]);
    expect(p?.rttMs).toBeCloseTo(1.1 + 6 * 0.005);
    expect(p?.bottleneckGbps).toBe(4);
    expect(p?.siteIds).toEqual(['a', 'b']);
  });
  it('picks the lower-RTT of two DCI links', () => {
    const d = twoSites({ distanceKm: 100 })
      .dci('dci-3', 'a-be', 'b-be', { distanceKm: 10 })
      .build();
    expect(buildGraph(d).path('a-c', 'b-c')?.linkIds).toContain('dci-3');
  });
  it('routes through a DCI link attached to the site containers', () => {
    const d = new DesignBuilder()
      .site('a', 'A')
      .site('b', 'B')
      .cluster('a-c', 'a')
      .cluster('b-c', 'b')
      .dci('ab', 'a', 'b', { distanceKm: 200 })
      .build();
    const p = buildGraph(d).path('a-c', 'b-c');
    expect(p?.path).toEqual(['a-c', 'a', 'ab', 'b', 'b-c']);
    expect(p?.rttMs).toBeCloseTo(2.1);
  });
  it('treats unwired devices in one site as local (~0 ms)', () => {
    const d = new DesignBuilder().site('a', 'A').cluster('c1', 'a').cluster('c2', 'a').build();
    expect(buildGraph(d).rttMs('c1', 'c2')).toBe(0);
  });
  it('prefers real fabric links inside a site', () => {
    const d = twoSites().build();
    expect(buildGraph(d).path('a-c', 'a-be')?.path).toEqual([
      'a-c',
      'a-f1',
      'a-t',
      'a-f2',
      'a-sp',
      'a-f3',
      'a-be',
    ]);
  });
  it('transits through a third site', () => {
    const d = new DesignBuilder()
      .site('a', 'A')
      .site('b', 'B')
      .site('c', 'C')
      .cluster('a-c', 'a')
      .cluster('b-c', 'b')
      .dci('ac', 'a', 'c', { distanceKm: 100 })
      .dci('cb', 'c', 'b', { distanceKm: 100 })
      .build();
    expect(buildGraph(d).path('a-c', 'b-c')?.path).toEqual([
      'a-c',
      'a',
      'ac',
      'c',
      'cb',
      'b',
      'b-c',
    ]);
  });
});

describe('failed elements', () => {
  it('routes around a failed DCI link', () => {
    const d = twoSites().build();
    expect(buildGraph(d, new Set(['dci-1'])).path('a-c', 'b-c')?.linkIds).toContain('dci-2');
  });
  it('has no path when every DCI link failed', () => {
    const d = twoSites().build();
    expect(buildGraph(d, new Set(['dci-1', 'dci-2'])).path('a-c', 'b-c')).toBeNull();
  });
  it('treats a failed site as failing all its devices', () => {
    const g = buildGraph(twoSites().build(), new Set(['b']));
    expect(g.isDead('b-c')).toBe(true);
    expect(g.isDead('dci-1')).toBe(true);
    expect(g.path('a-c', 'b-c')).toBeNull();
  });
  it('cuts a site node off when all of its borders fail', () => {
    const d = twoSites().build();
    expect(buildGraph(d, new Set(['a-be'])).path('a-c', 'b')).not.toBeNull();
    expect(buildGraph(d, new Set(['a-be', 'a-be2'])).path('a-c', 'b')).toBeNull();
  });
});

describe('L2 reachability', () => {
  it('reaches across a DCI link that extends the segment', () => {
    expect(buildGraph(twoSites().build()).l2Reachable('web', 'a-c', 'b-c')).toBe(true);
  });
  it('stops at a DCI link that does not extend the segment, and names it as the gap', () => {
    const d = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build();
    expect(buildGraph(d).l2Gap('web', 'a-c', 'b-c')).toMatchObject({
      reachable: false,
      gapId: 'dci-1',
    });
  });
  it('carries nothing over a plain trunk on an IP transport', () => {
    const d = twoSites({
      singleDci: true,
      dci: { l2Extension: 'trunk', transport: 'mpls-l3vpn' },
    }).build();
    expect(buildGraph(d).l2Reachable('web', 'a-c', 'b-c')).toBe(false);
  });
  it('stops at an L3 ToR without overlay, but not with one', () => {
    const l3 = twoSites({ torB: { boundary: 'l3' } }).build();
    expect(buildGraph(l3).l2Gap('web', 'a-c', 'b-c')).toMatchObject({ gapId: 'b-t' });
    const evpn = twoSites({ torB: { boundary: 'l3', overlay: true } }).build();
    expect(buildGraph(evpn).l2Reachable('web', 'a-c', 'b-c')).toBe(true);
  });
  it('lists the sites a segment reaches', () => {
    expect([...buildGraph(twoSites().build()).l2Sites('web', 'a-c')].sort()).toEqual(['a', 'b']);
  });
});

/**
 * Two data sites on one 1500 km DCI link, and a witness site joined to each by a short L3 link:
 * the route through the witness is far shorter, and must never be taken (DOMAIN.md §8).
 */
function withWitnessSite(): DesignBuilder {
  return new DesignBuilder('witness stub')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .site('w', 'Witness site', { role: 'witness' })
    .border('a-be', 'a')
    .border('b-be', 'b')
    .border('w-r', 'w')
    .cluster('a-c', 'a')
    .cluster('b-c', 'b')
    .witness('wit', 'w')
    .cluster('w-c', 'w')
    .fabric('a-f', 'a-c', 'a-be')
    .fabric('b-f', 'b-c', 'b-be')
    .dci('ab', 'a-be', 'b-be', { distanceKm: 1500 })
    .dci('aw', 'a-be', 'w-r', { distanceKm: 10, l2Extension: 'none', bandwidthGbps: 1 })
    .dci('bw', 'b-be', 'w-r', { distanceKm: 10, l2Extension: 'none', bandwidthGbps: 1 });
}

describe('witness sites are stubs', () => {
  it('a path between two data sites never crosses a witness site, even when it is shorter', () => {
    const p = buildGraph(withWitnessSite().build()).path('a-c', 'b-c');
    expect(p?.linkIds).toEqual(['a-f', 'ab', 'b-f']);
    expect(p?.siteIds).toEqual(['a', 'b']);
    expect(p?.rttMs).toBeCloseTo(15.1 + 2 * 0.005);
  });
  it('a path from or to the witness site uses its links', () => {
    const g = buildGraph(withWitnessSite().build());
    expect(g.path('wit', 'a-c')?.linkIds).toEqual(['aw', 'a-f']);
    expect(g.path('b-c', 'wit')?.linkIds).toEqual(['b-f', 'bw']);
    expect(g.rttMs('wit', 'w-c')).toBe(0);
  });
  it('no path between the data sites once their own link fails: the witness is no detour', () => {
    const g = buildGraph(withWitnessSite().build(), new Set(['ab']));
    expect(g.path('a-c', 'b-c')).toBeNull();
    expect(g.sitesConnected('a', 'b')).toBe(false);
    expect(g.path('wit', 'b-c')).not.toBeNull();
    expect(g.sitesConnected('w', 'b')).toBe(true);
  });
  it('the site graph walks to a witness site but not through it', () => {
    const g = buildGraph(withWitnessSite().build());
    expect(g.siteRoute('a', 'b')).toEqual(['b', 'ab', 'a']);
    expect(g.siteRoute('a', 'w')).toEqual(['w', 'aw', 'a']);
    expect(g.siteRoute('a', 'b', { links: new Set(['ab']) })).toBeNull();
    expect(g.isStubSite('w')).toBe(true);
    expect(g.isStubSite('a')).toBe(false);
  });
  it('a data site still relays between a witness site and another data site', () => {
    const d = withWitnessSite().build();
    const g = buildGraph(d, new Set(['bw']));
    expect(g.path('wit', 'b-c')?.linkIds).toEqual(['aw', 'ab', 'b-f']);
  });
});

describe('parallel links', () => {
  const parallel = () =>
    twoSites({ distanceKm: 100, singleDci: true })
      .dci('dci-3', 'a-be', 'b-be', { distanceKm: 10 })
      .build();
  it('are separate links: the path takes the shorter, and a failure of one leaves the others', () => {
    expect(buildGraph(parallel()).path('a-c', 'b-c')?.linkIds).toContain('dci-3');
    const g = buildGraph(parallel(), new Set(['dci-3']));
    expect(g.path('a-c', 'b-c')?.linkIds).toContain('dci-1');
    expect(g.sitesConnected('a', 'b')).toBe(true);
    const none = buildGraph(parallel(), new Set(['dci-1', 'dci-3']));
    expect(none.path('a-c', 'b-c')).toBeNull();
  });
  it('are not a single point, but the router they both end on is', () => {
    expect(buildGraph(parallel()).singlePoints('a', 'b')).toEqual({
      devices: ['a-be', 'b-be'],
      links: [],
    });
  });
});

describe('single points between two sites', () => {
  it('a single DCI link is one, and so are the routers at its ends', () => {
    expect(buildGraph(twoSites({ singleDci: true }).build()).singlePoints('a', 'b')).toEqual({
      devices: ['a-be', 'b-be'],
      links: ['dci-1'],
    });
  });
  it('two links on two routers at each end leave none', () => {
    const d = new DesignBuilder()
      .site('a', 'A')
      .site('b', 'B')
      .border('a-1', 'a')
      .border('a-2', 'a')
      .border('b-1', 'b')
      .border('b-2', 'b')
      .dci('l1', 'a-1', 'b-1')
      .dci('l2', 'a-2', 'b-2')
      .build();
    expect(buildGraph(d).singlePoints('a', 'b')).toEqual({ devices: [], links: [] });
    // With one router down, the other router and its link carry everything.
    expect(buildGraph(d, new Set(['a-1'])).singlePoints('a', 'b')).toEqual({
      devices: ['a-2', 'b-2'],
      links: ['l2'],
    });
  });
  it('a spine between the DCI edge and the rest of the fabric counts; the site container does not', () => {
    // The links land on two routers that meet only at one spine of site B's fabric.
    const d = new DesignBuilder()
      .site('a', 'A')
      .site('b', 'B')
      .border('a-1', 'a')
      .border('a-2', 'a')
      .border('b-1', 'b')
      .spine('b-sp', 'b')
      .tor('b-t1', 'b')
      .tor('b-t2', 'b')
      .fabric('f1', 'b-1', 'b-sp')
      .fabric('f2', 'b-sp', 'b-t1')
      .fabric('f3', 'b-sp', 'b-t2')
      .dci('l1', 'a-1', 'b-t1')
      .dci('l2', 'a-2', 'b-t2')
      .build();
    expect(buildGraph(d).singlePoints('a', 'b')).toEqual({
      devices: ['b-sp', 'b-1'],
      links: ['f1'],
    });
  });
  it('a witness site is no second route', () => {
    const d = withWitnessSite().build();
    expect(buildGraph(d).singlePoints('a', 'b')).toEqual({
      devices: ['a-be', 'b-be'],
      links: ['ab'],
    });
    expect(buildGraph(d).singlePoints('a', 'w')).toBeNull();
  });
  it('is null for sites that are not joined at all', () => {
    expect(
      buildGraph(twoSites().build(), new Set(['dci-1', 'dci-2'])).singlePoints('a', 'b'),
    ).toBeNull();
  });
});

describe('the index of a design', () => {
  it('looks elements up in the maps of its arrays, shared with the canvas and the labels', () => {
    const d = twoSites({ distanceKm: 100 }).build();
    const index = buildIndex(d);
    expect(index.nodes).toBe(nodeById(d.nodes));
    expect(index.links).toBe(linkById(d.links));
    expect(index.segments).toBe(segmentById(d.segments));
    expect(index.workloads).toBe(workloadById(d.workloads));
    expect(index.volumes).toBe(volumeById(d.nodes));
    // An edit of a link leaves the nodes array, and so the map of the nodes, as it was.
    const edited = updateLink(d, 'dci-1', { distanceKm: 200 });
    expect(edited.nodes).toBe(d.nodes);
    expect(buildIndex(edited).nodes).toBe(index.nodes);
    expect(buildIndex(edited).links).not.toBe(index.links);
    expect(buildIndex(edited).links.get('dci-1')).toMatchObject({ distanceKm: 200 });
    expect(labelOf(edited, 'a-c')).toBe(labelOf(d, 'a-c'));
  });
});
