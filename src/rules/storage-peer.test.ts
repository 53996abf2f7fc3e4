import { describe, expect, it } from 'vitest';
import type { StorageProductId } from '../model/catalog';
import type { Volume } from '../model/schema';
import { applyFix } from './fixes';
import { findingsOf, twoSites } from './testing';

/** Array a-arr in DC A with volume ds1, peer b-arr in DC B; each spec changes one thing. */
const pair = (
  o: {
    product?: StorageProductId;
    peerProduct?: StorageProductId;
    volume?: Partial<Volume>;
    peerSite?: 'a' | 'b';
  } = {},
) =>
  twoSites()
    .array('a-arr', 'a', {
      label: 'array-1',
      product: o.product ?? 'pure-activecluster',
      volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr', ...o.volume }],
    })
    .array('b-arr', o.peerSite ?? 'b', {
      label: 'array-2',
      product: o.peerProduct ?? o.product ?? 'pure-activecluster',
    })
    .build();

describe('STORAGE-PEER', () => {
  it('stays quiet for a sync volume between two arrays of one product in two sites', () => {
    expect(findingsOf(pair(), 'STORAGE-PEER')).toEqual([]);
  });
  it('stays quiet for an async volume of a product that cannot replicate synchronously', () => {
    const d = pair({ product: 'vplex-geo', volume: { replication: 'async' } });
    expect(findingsOf(d, 'STORAGE-PEER')).toEqual([]);
  });
  it('stays quiet for a volume that is not replicated, peer or not', () => {
    const d = pair({ volume: { replication: 'none', peerArrayId: 'nowhere' } });
    expect(findingsOf(d, 'STORAGE-PEER')).toEqual([]);
  });

  it('fires when a replicated volume names no peer', () => {
    const { peerArrayId: _, ...volume } = {
      id: 'ds1',
      name: 'ds1',
      replication: 'async' as const,
      peerArrayId: 'x',
    };
    const d = twoSites()
      .array('a-arr', 'a', { label: 'array-1', product: 'vplex-metro', volumes: [volume] })
      .array('b-arr', 'b', { label: 'array-2', product: 'vplex-metro' })
      .build();
    const [f, ...rest] = findingsOf(d, 'STORAGE-PEER');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f?.message).toBe('Volume ds1 of array-1 is replicated async but names no peer array');
    expect(f?.elementIds).toEqual(['a-arr', 'ds1']);
    expect(f?.fixes[0]).toEqual({
      label: 'Replicate ds1 to array-2',
      action: { type: 'set-volume-peer', arrayId: 'a-arr', volumeId: 'ds1', peerArrayId: 'b-arr' },
    });
    const fixed = applyFix(d, f?.fixes[0]?.action ?? { type: 'set-bpdu-filter', linkId: '' });
    expect(findingsOf(fixed, 'STORAGE-PEER')).toEqual([]);
  });
  it('fires when the peer id points at no array of the design', () => {
    const [f] = findingsOf(pair({ volume: { peerArrayId: 'b-c' } }), 'STORAGE-PEER');
    expect(f?.message).toBe(
      'Volume ds1 of array-1 is replicated sync but names peer "b-c", which is not a storage array of this design',
    );
  });
  it('fires when the peer sits in the same site, and offers an array in another site', () => {
    const d = twoSites()
      .array('a-arr', 'a', {
        label: 'array-1',
        product: 'vplex-metro',
        volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'a-arr2' }],
      })
      .array('a-arr2', 'a', { label: 'array-1b', product: 'vplex-metro' })
      .array('b-arr', 'b', { label: 'array-2', product: 'vplex-metro' })
      .build();
    const [f, ...rest] = findingsOf(d, 'STORAGE-PEER');
    expect(rest).toEqual([]);
    expect(f?.message).toBe(
      'Volume ds1 of array-1 replicates to array-1b in the same site (DC A): the copy does not survive the loss of DC A',
    );
    expect(f?.elementIds).toEqual(['a-arr', 'ds1', 'a-arr2', 'a']);
    expect(f?.fixes.map((x) => x.label)).toEqual([
      'Replicate ds1 to array-2',
      'Place the peer of ds1 in another site',
    ]);
  });
  it('fires when the peer is another product; its one-click fix makes the peer match', () => {
    const d = pair({ product: 'pure-activecluster', peerProduct: 'vplex-metro' });
    const [f, ...rest] = findingsOf(d, 'STORAGE-PEER');
    expect(rest).toEqual([]);
    expect(f?.message).toBe(
      'Volume ds1 of array-1 (Pure ActiveCluster) replicates to array-2, a Dell VPLEX Metro / metro node array: replication works only between arrays of one product',
    );
    expect(f?.fixes[0]).toEqual({
      label: 'Make array-2 a Pure ActiveCluster array',
      action: { type: 'set-array-product', arrayId: 'b-arr', product: 'pure-activecluster' },
    });
    const fixed = applyFix(d, f?.fixes[0]?.action ?? { type: 'set-bpdu-filter', linkId: '' });
    expect(findingsOf(fixed, 'STORAGE-PEER')).toEqual([]);
  });
  it.each(['generic', 'netapp-flexcache', 'vplex-geo'] as const)(
    'fires when %s is asked for sync; its one-click fix sets async',
    (product) => {
      const d = pair({ product });
      const [f, ...rest] = findingsOf(d, 'STORAGE-PEER');
      expect(rest).toEqual([]);
      expect(f?.message).toMatch(/^Volume ds1 asks for synchronous replication, but .* cannot/);
      expect(f?.fixes[0]).toEqual({
        label: 'Set the replication of ds1 to async',
        action: {
          type: 'set-volume-replication',
          arrayId: 'a-arr',
          volumeId: 'ds1',
          replication: 'async',
        },
      });
      const fixed = applyFix(d, f?.fixes[0]?.action ?? { type: 'set-bpdu-filter', linkId: '' });
      expect(findingsOf(fixed, 'STORAGE-PEER')).toEqual([]);
    },
  );
  it('leaves a failed peer to the what-if engine', () => {
    const d = pair({ peerProduct: 'vplex-metro' });
    expect(findingsOf(d, 'STORAGE-PEER', { failed: new Set(['b-arr']) })).toEqual([]);
    expect(findingsOf(d, 'STORAGE-PEER', { failed: new Set(['b']) })).toEqual([]);
  });
  it('does not also raise LAT-STORAGE for a sync volume of a product that cannot do sync', () => {
    const d = twoSites({ distanceKm: 8000 })
      .array('a-arr', 'a', {
        product: 'vplex-geo',
        volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
      })
      .array('b-arr', 'b', { product: 'vplex-geo' })
      .build();
    expect(findingsOf(d, 'LAT-STORAGE')).toEqual([]);
    expect(findingsOf(d, 'STORAGE-PEER')).toHaveLength(1);
  });
});
