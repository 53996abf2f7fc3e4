import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('CAP-VSWITCH', () => {
  it('fires when the VMs on a cluster plus those that may move in exceed its usable ports', () => {
    const d = twoSites({ clusterB: { hosts: 2 }, workload: { count: 100 } })
      .workload('w2', 'db', 'b-c', { count: 20, segmentIds: ['web'] })
      .build();
    const [f, ...rest] = findingsOf(d, 'CAP-VSWITCH');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', measured: 120, limit: 112, unit: 'ports' });
    expect(f?.elementIds).toEqual(['b-c', 'w1']);
    expect(f?.message).toBe(
      'Up to 120 vSwitch ports needed on cluster B1 (120 VMs on it or able to move in) > 112 usable (2 hosts × 56 of 64 ports)',
    );
  });
  it('writes its counts as counts, grouped from a thousand, as the VMs are', () => {
    const d = twoSites({ clusterB: { hosts: 20 }, workload: { count: 1200 } })
      .workload('w2', 'db', 'b-c', { count: 20, segmentIds: ['web'] })
      .build();
    const f = findingsOf(d, 'CAP-VSWITCH').find((x) => x.elementIds[0] === 'b-c');
    expect(f).toMatchObject({ measured: 1220, limit: 1120 });
    expect(f?.message).toBe(
      'Up to 1,220 vSwitch ports needed on cluster B1 (1,220 VMs on it or able to move in) > 1,120 usable (20 hosts × 56 of 64 ports)',
    );
  });
  it('stays quiet within capacity', () => {
    expect(findingsOf(twoSites({ workload: { count: 100 } }).build(), 'CAP-VSWITCH')).toEqual([]);
  });
});
