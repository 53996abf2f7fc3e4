import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('MIG-CONVERGE', () => {
  it('fires when the dirty rate reaches the effective bandwidth', () => {
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 1 },
      workload: { memoryGB: 16, dirtyRateMBps: 250 },
    }).build();
    const [f, ...rest] = findingsOf(d, 'MIG-CONVERGE');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', measured: 2, limit: 1 });
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: dirty rate 250 MB/s (2 Gb/s) ≥ effective bandwidth 1 Gb/s (limited by the path bottleneck): pre-copy of web-01 cannot converge (λ = 2)',
    );
  });
  it('stays quiet when bandwidth outruns the dirty rate', () => {
    expect(
      findingsOf(twoSites({ workload: { dirtyRateMBps: 250 } }).build(), 'MIG-CONVERGE'),
    ).toEqual([]);
  });
});
