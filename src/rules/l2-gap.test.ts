import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('L2-GAP', () => {
  it('fires when a DCI link does not extend the segment, marking the link as the gap', () => {
    const d = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build();
    const [f, ...rest] = findingsOf(d, 'L2-GAP');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.scenario).toEqual({ workloadId: 'w1', targetClusterId: 'b-c' });
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: segment web (VLAN 100) does not reach cluster B1: it stops at DCI link A–B north (web is not extended)',
    );
    expect(f?.elementIds).toEqual(expect.arrayContaining(['w1', 'web', 'a-c', 'b-c', 'dci-1']));
    expect(f?.fixes[0]?.action).toEqual({
      type: 'extend-segment',
      segmentId: 'web',
      linkId: 'dci-1',
    });
  });
  it('fires at an L3 ToR without overlay when moving rack to rack', () => {
    const d = twoSites({ torB: { boundary: 'l3' } }).build();
    const [f] = findingsOf(d, 'L2-GAP');
    expect(f?.elementIds).toContain('b-t');
    expect(f?.message).toContain('it stops at ToR B ToR (routed at the rack, no overlay)');
    expect(f?.fixes[0]?.action).toEqual({ type: 'set-tor-overlay', torIds: ['b-t'] });
  });
  it('stays quiet when the segment is extended and ToRs bridge or overlay', () => {
    expect(
      findingsOf(twoSites({ torB: { boundary: 'l3', overlay: true } }).build(), 'L2-GAP'),
    ).toEqual([]);
  });
});
