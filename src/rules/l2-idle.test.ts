import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('L2-IDLE', () => {
  it('fires when a segment is stretched but no workload on it may move across', () => {
    const d = twoSites({ singleDci: true, workload: { mobilityTargetIds: [] } }).build();
    const [f, ...rest] = findingsOf(d, 'L2-IDLE');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', elementIds: ['dci-1', 'web'] });
    expect(f?.message).toBe(
      'Segment web (VLAN 100) is extended over DCI link A–B north, but no workload on it may move across: a larger fault domain for nothing',
    );
  });
  it('fires for a dangling extension to a third site no move needs', () => {
    const d = twoSites()
      .site('c', 'DC C')
      .cluster('c-c', 'c')
      .dci('dci-c', 'b-be', 'c', { l2Extension: 'otv', extendedSegmentIds: ['web'] })
      .build();
    expect(findingsOf(d, 'L2-IDLE').map((f) => f.elementIds[0])).toEqual(['dci-c']);
  });
  it('stays quiet when a workload on the segment may move across, or has a stretched-cluster peer', () => {
    expect(findingsOf(twoSites().build(), 'L2-IDLE')).toEqual([]);
    const stretched = twoSites({
      workload: { mobilityTargetIds: [] },
      clusterA: { stretchPeerId: 'b-c' },
    }).build();
    expect(findingsOf(stretched, 'L2-IDLE')).toEqual([]);
  });
});
