import { describe, expect, it } from 'vitest';
import { secondsText } from '../model/plural';
import { findingsOf, twoSites } from './testing';

describe('MIG-DOWNTIME', () => {
  it('fires when pre-copy hits its round cap with more left than the VM tolerates', () => {
    // λ = 0.95: after 30 rounds 128 Gb × 0.95^30 ≈ 27.5 Gb remain, 27.5 s at 1 Gb/s.
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 1 },
      workload: { memoryGB: 16, dirtyRateMBps: 118.75 },
    }).build();
    const [f, ...rest] = findingsOf(d, 'MIG-DOWNTIME');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', limit: 2, unit: 's' });
    expect(f?.measured).toBeCloseTo(27.6, 0);
    expect(f?.message).toMatch(
      /^After web-01 moves to cluster B1: estimated downtime 27\.\d s > 2 s tolerated by web-01 \(30 pre-copy rounds, λ = 0\.95\)$/,
    );
  });
  it('writes a downtime of minutes in minutes, as the migration estimate does', () => {
    // Ten times the memory: 275 Gb left after 30 rounds, 275 s at 1 Gb/s.
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 1 },
      workload: { memoryGB: 160, dirtyRateMBps: 118.75 },
    }).build();
    const [f] = findingsOf(d, 'MIG-DOWNTIME');
    expect(f?.measured).toBeGreaterThan(120);
    expect(f?.message).toContain(`estimated downtime ${secondsText(f?.measured ?? 0)} > 2 s`);
    expect(f?.message).toMatch(/estimated downtime 4\.\d+ min > 2 s tolerated/);
  });
  it('stays quiet when the remainder fits the tolerance', () => {
    expect(findingsOf(twoSites().build(), 'MIG-DOWNTIME')).toEqual([]);
  });
});
