import { describe, expect, it } from 'vitest';
import { updateLink, updateNode } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
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

describe('LAT-MIGRATION and the witness site (DOMAIN.md §8)', () => {
  /**
   * The repro: the metro template with both dark-fibre routes at 1500 km (15.1 ms). Its
   * clusters run vSphere 6 (150 ms), so here they run vSphere 5.x Metro vMotion (10 ms): the
   * witness site's short WAN links (0.43 ms) used to hide the distance.
   */
  const farMetro = (distanceKm = 1500) => {
    const t = TEMPLATES.find((x) => x.id === 'metro-vplex-otv');
    if (!t) throw new Error('template missing');
    let d = t.build();
    for (const id of ['dci-fibre-1', 'dci-fibre-2']) d = updateLink(d, id, { distanceKm });
    for (const id of ['esx-prod-a', 'esx-prod-b'])
      d = updateNode(d, id, { profile: 'vsphere-5-metro' });
    return d;
  };
  it('fires at 1500 km, measuring the path over the fibre, not through the witness site', () => {
    const found = findingsOf(farMetro(), 'LAT-MIGRATION');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.measured).toBeGreaterThan(15);
      expect(f.path?.some((id) => id === 'dci-fibre-1' || id === 'dci-fibre-2')).toBe(true);
      for (const id of ['dci-wit-ams', 'dci-wit-rtm', 'utr-wan-rtr', 'wit'])
        expect(f.path).not.toContain(id);
    }
  });
  it('stays quiet at the template’s 80 km', () => {
    expect(findingsOf(farMetro(80), 'LAT-MIGRATION')).toEqual([]);
  });
});
