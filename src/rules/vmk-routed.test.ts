import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('VMK-ROUTED', () => {
  it('fires for a routed vmkernel on a profile that does not support it', () => {
    const d = twoSites({ clusterA: { profile: 'vsphere-5-metro', vmkRouted: true } }).build();
    const config = findingsOf(d, 'VMK-ROUTED').find((f) => !f.scenario);
    expect(config).toMatchObject({ severity: 'error', elementIds: ['a-c'] });
    expect(config?.message).toBe(
      'Cluster A1 has a routed vMotion vmkernel, which vSphere 5.x Metro vMotion (Enterprise Plus) does not support',
    );
  });
  it('fires when a move crosses an L3 ToR on vSphere 5', () => {
    const d = twoSites({
      clusterA: { profile: 'vsphere-5-metro' },
      torB: { boundary: 'l3' },
    }).build();
    const [f] = findingsOf(d, 'VMK-ROUTED');
    expect(f?.scenario).toEqual({ workloadId: 'w1', targetClusterId: 'b-c' });
    expect(f?.elementIds).toContain('b-t');
    expect(f?.message).toContain('crosses an L3 boundary at ToR B ToR');
    expect(f?.fixes[0]?.action).toEqual({ type: 'set-tor-overlay', torIds: ['b-t'] });
  });
  it('stays quiet on vSphere 6 across an L3 ToR (routed vMotion is supported)', () => {
    expect(findingsOf(twoSites({ torB: { boundary: 'l3' } }).build(), 'VMK-ROUTED')).toEqual([]);
  });
});
