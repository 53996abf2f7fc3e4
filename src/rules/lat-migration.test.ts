import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('LAT-MIGRATION', () => {
  it('fires when RTT to a mobility target exceeds the profile limit', () => {
    const d = twoSites({ dci: { rttMs: 12.4 }, clusterA: { profile: 'vsphere-5-metro' } }).build();
    const [f, ...rest] = findingsOf(d, 'LAT-MIGRATION');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      measured: expect.closeTo(12.43, 2),
      limit: 10,
      unit: 'ms',
    });
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: RTT 12.4 ms > 10 ms for vSphere 5.x Metro vMotion (Enterprise Plus) (cluster A1 → cluster B1)',
    );
    expect(f?.path?.[0]).toBe('a-c');
    expect(f?.path?.at(-1)).toBe('b-c');
  });
  it('holds a move to the stricter profile of its two ends', () => {
    const d = twoSites({ distanceKm: 700, clusterB: { profile: 'vsphere-5-standard' } }).build();
    expect(findingsOf(d, 'LAT-MIGRATION')[0]?.limit).toBe(5);
  });
  it('fires when there is no path to the target', () => {
    const d = twoSites().build();
    const [f] = findingsOf(d, 'LAT-MIGRATION', { failed: new Set(['dci-1', 'dci-2']) });
    expect(f?.message).toContain('there is no network path cluster A1 → cluster B1');
  });
  it('stays quiet within the limit', () => {
    expect(
      findingsOf(
        twoSites({ distanceKm: 800, clusterA: { profile: 'vsphere-5-metro' } }).build(),
        'LAT-MIGRATION',
      ),
    ).toEqual([]);
  });
});
