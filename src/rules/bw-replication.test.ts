import { describe, expect, it } from 'vitest';
import type { StorageProductId } from '../model/catalog';
import type { Workload } from '../model/schema';
import { lineRateFor, replicationGbps, writeRateStatus } from './bw-replication';
import { applyFix } from './fixes';
import { findingsOf, twoSites } from './testing';

/**
 * VPLEX Metro a-arr (DC A) replicates ds1 synchronously to b-arr (DC B) over one 1 Gb/s DCI
 * link; web-01 (a VM group) has ds1 as its datastore.
 */
const replicated = (
  o: {
    workload?: Partial<Workload>;
    bandwidthGbps?: number;
    replication?: 'sync' | 'async';
    product?: StorageProductId;
    singleDci?: boolean;
  } = {},
) =>
  twoSites({
    singleDci: o.singleDci ?? true,
    dci: { bandwidthGbps: o.bandwidthGbps ?? 1 },
    workload: { datastoreId: 'ds1', count: 10, writeRateMBps: 10, ...o.workload },
  })
    .array('a-arr', 'a', {
      label: 'array-1',
      product: o.product ?? 'vplex-metro',
      volumes: [
        { id: 'ds1', name: 'DS1', replication: o.replication ?? 'sync', peerArrayId: 'b-arr' },
      ],
    })
    .array('b-arr', 'b', { label: 'array-2', product: o.product ?? 'vplex-metro' })
    .fabric('a-f4', 'a-arr', 'a-t')
    .fabric('b-f4', 'b-arr', 'b-t')
    .build();

describe('BW-REPLICATION', () => {
  it('sizes replication as writes × 1.4 metadata × 1.25 resync headroom, MB/s to Gb/s', () => {
    // 100 MB/s = 0.8 Gb/s of writes; × 1.75 = 1.4 Gb/s.
    expect(replicationGbps(100)).toBeCloseTo(1.4, 10);
    expect(lineRateFor(1.4)).toBe(10);
    expect(lineRateFor(30)).toBe(40);
    expect(lineRateFor(900)).toBe(1200);
  });
  it('stays quiet while 10 VMs write 10 MB/s each on a 10 Gb/s DCI', () => {
    expect(findingsOf(replicated({ bandwidthGbps: 10 }), 'BW-REPLICATION')).toEqual([]);
  });
  it('fires when the writes of a sync volume exceed the DCI bandwidth, and its fix clears it', () => {
    const d = replicated();
    const [f, ...rest] = findingsOf(d, 'BW-REPLICATION');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', limit: 1, unit: 'Gb/s' });
    expect(f?.measured).toBeCloseTo(1.4, 10);
    expect(f?.message).toBe(
      'Synchronous replication of DS1 needs 1.4 Gb/s > 1 Gb/s on DCI link A–B north (writes 100 MB/s × 1.4 metadata × 1.25 resync headroom)',
    );
    expect(f?.elementIds).toEqual(expect.arrayContaining(['dci-1', 'ds1', 'a-arr', 'b-arr']));
    expect(f?.fixes[0]).toEqual({
      label: 'Raise A–B north to 10 Gb/s',
      action: { type: 'set-link-bandwidth', linkId: 'dci-1', bandwidthGbps: 10 },
    });
    const fixed = applyFix(d, f?.fixes[0]?.action ?? { type: 'set-bpdu-filter', linkId: '' });
    expect(findingsOf(fixed, 'BW-REPLICATION')).toEqual([]);
  });
  it('stays quiet when the write rate is 0 (unknown)', () => {
    expect(findingsOf(replicated({ workload: { writeRateMBps: 0 } }), 'BW-REPLICATION')).toEqual(
      [],
    );
  });
  it('stays quiet for asynchronous replication and for a product that cannot replicate synchronously', () => {
    expect(findingsOf(replicated({ replication: 'async' }), 'BW-REPLICATION')).toEqual([]);
    expect(findingsOf(replicated({ product: 'vplex-geo' }), 'BW-REPLICATION')).toEqual([]);
  });
  it('adds up volumes whose paths share a DCI link', () => {
    // Two volumes at 0.875 Gb/s each: quiet alone on 1 Gb/s, over it together.
    const two = (second: boolean) =>
      twoSites({
        singleDci: true,
        dci: { bandwidthGbps: 1 },
        workload: { datastoreId: 'ds1', count: 1, writeRateMBps: 62.5 },
      })
        .array('a-arr', 'a', {
          label: 'array-1',
          product: 'pure-activecluster',
          volumes: [
            { id: 'ds1', name: 'DS1', replication: 'sync', peerArrayId: 'b-arr' },
            { id: 'ds2', name: 'DS2', replication: 'sync', peerArrayId: 'b-arr' },
          ],
        })
        .array('b-arr', 'b', { label: 'array-2', product: 'pure-activecluster' })
        .workload('w2', 'db-01', 'a-c', {
          ...(second ? { datastoreId: 'ds2' } : {}),
          writeRateMBps: 62.5,
        })
        .build();
    expect(findingsOf(two(false), 'BW-REPLICATION')).toEqual([]);
    const [f] = findingsOf(two(true), 'BW-REPLICATION');
    expect(f?.message).toContain('Synchronous replication of DS1, DS2 needs 1.75 Gb/s > 1 Gb/s');
  });
  it('names the new bottleneck when a failure reroutes replication onto a thinner link', () => {
    const d = replicated({ singleDci: false, bandwidthGbps: 10 });
    expect(findingsOf(d, 'BW-REPLICATION')).toEqual([]);
    const thin = structuredClone(d);
    const south = thin.links.find((l) => l.id === 'dci-2');
    if (south) south.bandwidthGbps = 1;
    const [f] = findingsOf(thin, 'BW-REPLICATION', { failed: new Set(['dci-1']) });
    expect(f?.message).toContain('on DCI link A–B south');
  });
  it('leaves out workloads on a failed cluster: they write nothing', () => {
    expect(findingsOf(replicated(), 'BW-REPLICATION', { failed: new Set(['a-c']) })).toEqual([]);
  });
});

describe('What the workload editor says about the write rate', () => {
  const w = (d: ReturnType<typeof replicated>) => {
    const first = d.workloads[0];
    if (!first) throw new Error('the fixture has a workload');
    return first;
  };
  it('says why the rule is quiet when the rate is unknown', () => {
    const d = replicated({ workload: { writeRateMBps: 0 } });
    expect(writeRateStatus(d, w(d))).toContain('unknown (0): BW-REPLICATION cannot check');
  });
  it('says the writes do not wait on the DCI when the volume is not synchronous', () => {
    const d = replicated({ replication: 'async' });
    expect(writeRateStatus(d, w(d))).toBe(
      'DS1 is not replicated synchronously: its writes do not wait on the DCI.',
    );
  });
  it('gives the DCI bandwidth the writes need', () => {
    const d = replicated();
    expect(writeRateStatus(d, w(d))).toBe(
      'DS1 replicates synchronously: 10 VMs × 10 MB/s need 1.4 Gb/s of DCI bandwidth (× 1.4 metadata, × 1.25 resync headroom).',
    );
  });
});
