import { describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
import type { StorageProductId } from '../model/catalog';
import { findingsOf, twoSites } from './testing';

const replicated = (product: StorageProductId, distanceKm: number) =>
  twoSites({ distanceKm })
    .array('a-arr', 'a', {
      label: 'A array',
      product,
      volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
    })
    .array('b-arr', 'b', { label: 'B array', product })
    .build();

describe('LAT-STORAGE', () => {
  it('fires when synchronous replication exceeds the product RTT limit', () => {
    const [f, ...rest] = findingsOf(replicated('vplex-metro', 600), 'LAT-STORAGE');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', limit: 5, unit: 'ms' });
    expect(f?.elementIds).toEqual(expect.arrayContaining(['a-arr', 'b-arr', 'ds1']));
    expect(f?.message).toBe(
      'RTT 6.1 ms > 5 ms for synchronous Dell VPLEX Metro / metro node replication of ds1 (A array → B array)',
    );
  });
  it('raises only a warning for an uncertain limit', () => {
    expect(findingsOf(replicated('netapp-metrocluster', 900), 'LAT-STORAGE')[0]?.severity).toBe(
      'warning',
    );
  });
  it('stays quiet within the limit', () => {
    expect(findingsOf(replicated('vplex-metro', 80), 'LAT-STORAGE')).toEqual([]);
  });
});

describe('LAT-STORAGE and the witness site (DOMAIN.md §8)', () => {
  it('fires on the metro template with both fibre routes at 1500 km, over the fibre', () => {
    const t = TEMPLATES.find((x) => x.id === 'metro-vplex-otv');
    if (!t) throw new Error('template missing');
    let d = t.build();
    expect(findingsOf(d, 'LAT-STORAGE')).toEqual([]);
    for (const id of ['dci-fibre-1', 'dci-fibre-2']) d = updateLink(d, id, { distanceKm: 1500 });
    const found = findingsOf(d, 'LAT-STORAGE');
    expect(found).toHaveLength(3);
    for (const f of found) {
      expect(f.measured).toBeCloseTo(15.1, 1);
      for (const id of ['dci-wit-ams', 'dci-wit-rtm', 'utr-wan-rtr'])
        expect(f.path).not.toContain(id);
    }
  });
});
