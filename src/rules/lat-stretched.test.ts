import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

const stretched = (distanceKm: number) =>
  twoSites({
    distanceKm,
    clusterA: { stretchPeerId: 'b-c' },
    clusterB: { stretchPeerId: 'a-c' },
  })
    .site('w', 'Witness site', { role: 'witness' })
    .witness('wit', 'w', { arbitrates: ['a-c', 'b-c'] })
    .dci('w-a', 'w', 'a', { distanceKm: 2000 })
    .dci('w-b', 'w', 'b', { distanceKm: 2000 })
    .build();

describe('LAT-STRETCHED', () => {
  it('fires when a stretched cluster spans more than 10 ms, once per pair', () => {
    const [f, ...rest] = findingsOf(stretched(1500), 'LAT-STRETCHED');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', limit: 10, measured: expect.closeTo(15.13, 2) });
    expect(f?.elementIds).toEqual(expect.arrayContaining(['a-c', 'b-c']));
    expect(f?.message).toBe(
      'RTT 15.1 ms > 10 ms between DC A and DC B for stretched cluster A1 + B1',
    );
  });
  it('stays quiet at metro distance', () => {
    expect(findingsOf(stretched(80), 'LAT-STRETCHED')).toEqual([]);
  });
});
