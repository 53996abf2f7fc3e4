import { describe, expect, it } from 'vitest';
import type { StorageArray } from '../model/schema';
import { TEMPLATES } from '../model/templates/index';
import { findingsOf, twoSites } from './testing';

const stretchedStorage = (props: Partial<StorageArray>) =>
  twoSites({ workload: { datastoreId: 'ds1' } })
    .array('a-arr', 'a', {
      label: 'A array',
      volumes: [
        { id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr', preferredSiteId: 'a' },
      ],
      ...props,
    })
    .array('b-arr', 'b', { label: 'B array', ...props, volumes: [] })
    .site('w', 'W', { role: 'witness' })
    .witness('wit', 'w', { arbitrates: ['a-arr'] })
    .build();

describe('TROMBONE-STORAGE', () => {
  it('fires after a move when a split-controller volume stays active at the other site', () => {
    const d = stretchedStorage({ product: 'netapp-metrocluster' });
    const [f, ...rest] = findingsOf(d, 'TROMBONE-STORAGE');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(
      /^After web-01 moves to cluster B1: datastore ds1 of web-01 is active at DC A \(NetApp MetroCluster \(FC \/ IP\), split controller\): every I\/O from DC B crosses the DCI and back \(\+\d/,
    );
    expect(f?.elementIds).toEqual(expect.arrayContaining(['w1', 'ds1', 'b-c', 'a-arr']));
    expect(f?.fixes[0]?.action).toEqual({
      type: 'set-preferred-site',
      arrayId: 'a-arr',
      volumeId: 'ds1',
      siteId: 'b',
    });
  });
  it('fires for non-uniform access even on an active-active product', () => {
    const d = stretchedStorage({ product: 'vplex-metro', access: 'non-uniform' });
    expect(findingsOf(d, 'TROMBONE-STORAGE')[0]?.message).toContain('non-uniform access');
  });
  it('fires when the datastore has no copy at the site at all', () => {
    const d = twoSites({ workload: { datastoreId: 'ds1' } })
      .array('a-arr', 'a', { volumes: [{ id: 'ds1', name: 'ds1', replication: 'none' }] })
      .build();
    expect(findingsOf(d, 'TROMBONE-STORAGE')[0]?.message).toContain('(no copy at DC B)');
  });
  it("names the sync peer as the active copy when it sits at its array's own site", () => {
    const d = twoSites({ workload: { datastoreId: 'ds1' } })
      .array('a-arr', 'a', {
        product: 'netapp-metrocluster',
        volumes: [
          {
            id: 'ds1',
            name: 'ds1',
            replication: 'sync',
            peerArrayId: 'a-arr2',
            preferredSiteId: 'a',
          },
        ],
      })
      .array('a-arr2', 'a', { product: 'netapp-metrocluster', volumes: [] })
      .build();
    const [f, ...rest] = findingsOf(d, 'TROMBONE-STORAGE');
    expect(rest).toEqual([]);
    expect(f?.elementIds).toContain('a-arr2');
    expect(f?.elementIds).not.toContain('a-arr');
  });
  it('stays quiet for an active-active product with uniform access (VPLEX Metro)', () => {
    expect(findingsOf(stretchedStorage({ product: 'vplex-metro' }), 'TROMBONE-STORAGE')).toEqual(
      [],
    );
  });

  it('says so when the site holds only an asynchronous copy (it is not active)', () => {
    const t = TEMPLATES.find((x) => x.id === 'metro-vs-long-distance');
    if (!t) throw new Error('template missing');
    const messages = findingsOf(t.build(), 'TROMBONE-STORAGE').map((f) => f.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toContain('only an asynchronous copy at DC3 Los Angeles');
  });
});
