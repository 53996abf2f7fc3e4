import { describe, expect, it } from 'vitest';
import { removeElements } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
import { findingsOf, twoSites } from './testing';

describe('RES-DCI-SPOF', () => {
  it('fires when two sites that exchange moves are joined by one DCI link', () => {
    const [f, ...rest] = findingsOf(twoSites({ singleDci: true }).build(), 'RES-DCI-SPOF');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', elementIds: ['a', 'b', 'dci-1'] });
    expect(f?.message).toBe(
      'DC A and DC B are joined through a single DCI link (A–B north): one cut stops migration and replication between them',
    );
  });
  it('fires when every path between the sites crosses one link', () => {
    const d = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } })
      .site('c', 'DC C')
      .dci('b-c-1', 'b', 'c')
      .dci('b-c-2', 'b', 'c')
      .cluster('c-c', 'c')
      .workload('w2', 'db-01', 'a-c', { mobilityTargetIds: ['c-c'] })
      .build();
    const found = findingsOf(d, 'RES-DCI-SPOF').map((f) => f.elementIds);
    expect(found).toContainEqual(['a', 'c', 'dci-1']);
  });
  it('stays quiet with two DCI links, and after one fails it fires', () => {
    expect(findingsOf(twoSites().build(), 'RES-DCI-SPOF')).toEqual([]);
    expect(
      findingsOf(twoSites().build(), 'RES-DCI-SPOF', { failed: new Set(['dci-2']) }),
    ).toHaveLength(1);
  });
});

describe('RES-DCI-SPOF through a witness site', () => {
  it('fires when the only other route between two data sites runs through the witness site', () => {
    const t = TEMPLATES.find((x) => x.id === 'metro-vplex-otv');
    if (!t) throw new Error('template missing');
    const oneRoute = removeElements(t.build(), ['dci-fibre-2']);
    const f = findingsOf(oneRoute, 'RES-DCI-SPOF');
    expect(f).toHaveLength(1);
    expect(f[0]?.elementIds).toContain('dci-fibre-1');
    expect(f[0]?.message).toContain('single DCI link');
  });
});
