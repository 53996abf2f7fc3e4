import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { findingsOf } from './testing';

/** MetroCluster (ONTAP Mediator < 75 ms) between A and B, a witness at W. */
const metro = (links: (b: DesignBuilder) => DesignBuilder) =>
  links(
    new DesignBuilder('witness')
      .site('a', 'DC A')
      .site('b', 'DC B')
      .site('w', 'Witness W', { role: 'witness' })
      .array('a-arr', 'a', {
        label: 'A array',
        product: 'netapp-metrocluster',
        volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
      })
      .array('b-arr', 'b', { label: 'B array', product: 'netapp-metrocluster' })
      .witness('med', 'w', { label: 'Mediator', arbitrates: ['a-arr', 'b-arr'] })
      .dci('ab', 'a', 'b', { distanceKm: 50 })
      .dci('ab2', 'a', 'b', { distanceKm: 60 }),
  ).build();

describe('LAT-WITNESS', () => {
  it('fires when the witness is farther than its product allows', () => {
    const d = metro((b) => b.dci('wa', 'w', 'a', { rttMs: 90 }).dci('wb', 'w', 'b', { rttMs: 90 }));
    const found = findingsOf(d, 'LAT-WITNESS');
    expect(found).toHaveLength(2);
    const toA = found.find((f) => f.elementIds.includes('a-arr'));
    expect(toA).toMatchObject({ severity: 'warning', measured: 90, limit: 75, unit: 'ms' });
    expect(toA?.message).toBe(
      'RTT 90 ms > 75 ms from witness Mediator to DC A (stretched storage NetApp MetroCluster (FC / IP) A array + B array)',
    );
  });
  it('fires when the witness reaches one data site only through the other', () => {
    const d = metro((b) => b.dci('wb', 'w', 'b', { distanceKm: 100 }));
    const [f] = findingsOf(d, 'LAT-WITNESS');
    expect(f?.message).toContain(
      'Witness Mediator reaches DC A only through DC B: losing DC B also cuts the witness off',
    );
    expect(f?.elementIds).toEqual(expect.arrayContaining(['med', 'a', 'b']));
  });
  it('stays quiet with independent paths within the limit', () => {
    const d = metro((b) =>
      b.dci('wa', 'w', 'a', { distanceKm: 300 }).dci('wb', 'w', 'b', { distanceKm: 300 }),
    );
    expect(findingsOf(d, 'LAT-WITNESS')).toEqual([]);
  });

  describe('vSAN stretched: the limit depends on hosts per site', () => {
    const vsan = (hosts: number, witnessRttMs: number) =>
      new DesignBuilder('vsan')
        .site('a', 'DC A')
        .site('b', 'DC B')
        .site('w', 'Witness W', { role: 'witness' })
        .cluster('a-c', 'a', { label: 'A1', hosts })
        .cluster('b-c', 'b', { label: 'B1', hosts })
        .array('a-arr', 'a', {
          label: 'vsan-a',
          product: 'vsan-stretched',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
        })
        .array('b-arr', 'b', { label: 'vsan-b', product: 'vsan-stretched' })
        .witness('wit', 'w', { label: 'vSAN witness', arbitrates: ['a-arr', 'b-arr'] })
        .dci('ab', 'a', 'b', { distanceKm: 50 })
        .dci('ab2', 'a', 'b', { distanceKm: 60 })
        .dci('wa', 'w', 'a', { rttMs: witnessRttMs })
        .dci('wb', 'w', 'b', { rttMs: witnessRttMs })
        .build();
    it('stays quiet at 150 ms with 10 hosts per site (limit 200 ms)', () => {
      expect(findingsOf(vsan(10, 150), 'LAT-WITNESS')).toEqual([]);
    });
    it('fires at 150 ms with 11 hosts per site (limit 100 ms), naming the tier', () => {
      const found = findingsOf(vsan(11, 150), 'LAT-WITNESS');
      expect(found).toHaveLength(2);
      expect(found[0]).toMatchObject({ limit: 100, measured: 150, severity: 'warning' });
      expect(found[0]?.message).toContain('RTT 150 ms > 100 ms from witness vSAN witness to DC');
      expect(found[0]?.message).toContain(', 11 hosts per site)');
      expect(found[0]?.source).toContain('vSAN stretched-cluster guide');
    });
    it('fires at 250 ms with 4 hosts per site (limit 200 ms)', () => {
      expect(findingsOf(vsan(4, 250), 'LAT-WITNESS')[0]).toMatchObject({ limit: 200 });
    });
  });
});
