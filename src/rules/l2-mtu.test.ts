import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('L2-MTU', () => {
  it('fires when the DCI MTU cannot carry 1500-byte frames plus VXLAN overhead', () => {
    const d = twoSites({ singleDci: true, dci: { l2Extension: 'vxlan-evpn', mtu: 1500 } }).build();
    const [f] = findingsOf(d, 'L2-MTU');
    expect(f).toMatchObject({
      severity: 'error',
      elementIds: ['dci-1'],
      measured: 1500,
      limit: 1550,
    });
    expect(f?.message).toBe(
      'MTU 1500 B < 1550 B on DCI link A–B north: VXLAN-EVPN adds 50 B to each 1500-byte frame',
    );
  });
  it('uses the OTV overhead of 42 B', () => {
    const d = twoSites({ singleDci: true, dci: { mtu: 1540 } }).build();
    expect(findingsOf(d, 'L2-MTU')[0]?.limit).toBe(1542);
  });
  it('stays quiet at 1550 B for VXLAN and when nothing is extended', () => {
    expect(
      findingsOf(twoSites({ dci: { l2Extension: 'vxlan-evpn', mtu: 1550 } }).build(), 'L2-MTU'),
    ).toEqual([]);
    expect(
      findingsOf(twoSites({ dci: { mtu: 1500, extendedSegmentIds: [] } }).build(), 'L2-MTU'),
    ).toEqual([]);
  });
});
