import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('L2-STP', () => {
  it('fires for a plain trunk over dark fibre without BPDU filtering', () => {
    const d = twoSites({ singleDci: true, dci: { l2Extension: 'trunk' } }).build();
    const [f, ...rest] = findingsOf(d, 'L2-STP');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', elementIds: ['dci-1', 'a', 'b'] });
    expect(f?.message).toBe(
      'DCI link A–B north extends 1 segment with a plain 802.1Q trunk over dark fibre and no BPDU filtering: one spanning-tree domain spans DC A and DC B',
    );
    expect(f?.fixes.map((x) => x.action?.type)).toEqual([
      'set-l2-extension',
      'set-l2-extension',
      'set-bpdu-filter',
    ]);
  });
  it('fires for VPLS without BPDU filtering', () => {
    const d = twoSites({
      singleDci: true,
      dci: { l2Extension: 'vpls', transport: 'mpls-l3vpn' },
    }).build();
    expect(findingsOf(d, 'L2-STP')[0]?.message).toContain('with VPLS over an MPLS L3VPN');
  });
  it('stays quiet with BPDU filtering, with OTV, and for a trunk over IP (that is an L2 gap)', () => {
    const filtered = twoSites({ dci: { l2Extension: 'trunk', bpduFilter: true } }).build();
    expect(findingsOf(filtered, 'L2-STP')).toEqual([]);
    expect(findingsOf(twoSites().build(), 'L2-STP')).toEqual([]);
    const overIp = twoSites({ dci: { l2Extension: 'trunk', transport: 'internet' } }).build();
    expect(findingsOf(overIp, 'L2-STP')).toEqual([]);
  });
});
