import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { buildGraph, linkRttMs } from './graph';
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
    expect(buildGraph(d, new Set(['a-be'])).path('a-c', 'b')).toBeNull();
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

describe('site graph', () => {
  it('finds the one DCI link that every path between two sites shares', () => {
    expect(buildGraph(twoSites({ singleDci: true }).build()).sharedLinks('a', 'b')).toEqual([
      'dci-1',
    ]);
    expect(buildGraph(twoSites().build()).sharedLinks('a', 'b')).toEqual([]);
  });
});
