import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('BW-MIGRATION', () => {
  it('fires when the bottleneck is below the need × concurrent migrations', () => {
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 1 },
      clusterA: { concurrentMigrations: 8 },
    }).build();
    const [f, ...rest] = findingsOf(d, 'BW-MIGRATION');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', measured: 1, limit: 2, unit: 'Gb/s' });
    expect(f?.elementIds).toContain('dci-1');
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: Bottleneck 1 Gb/s on A–B north < 2 Gb/s needed (250 Mb/s × 8 concurrent migrations, vSphere 6.0+ (long-distance vMotion))',
    );
  });
  it('raises only a warning for the uncertain 622 Mb/s guidance of vSphere 5', () => {
    const d = twoSites({
      singleDci: true,
      dci: { bandwidthGbps: 0.5 },
      clusterA: { profile: 'vsphere-5-metro' },
    }).build();
    expect(findingsOf(d, 'BW-MIGRATION')[0]?.severity).toBe('warning');
  });
  it('stays quiet with enough bandwidth', () => {
    expect(
      findingsOf(twoSites({ clusterA: { concurrentMigrations: 8 } }).build(), 'BW-MIGRATION'),
    ).toEqual([]);
  });
});
