import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('RES-SITE-NODE', () => {
  it('fires for a split-controller product', () => {
    const d = twoSites()
      .array('a-arr', 'a', { label: 'A array', product: 'ibm-svc-stretched' })
      .build();
    const [f, ...rest] = findingsOf(d, 'RES-SITE-NODE');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', elementIds: ['a-arr', 'a'] });
    expect(f?.message).toBe(
      'Array A array has no node redundancy at DC A: IBM SVC stretched system is split-controller: one node per site',
    );
  });
  it('fires for an array drawn without node redundancy', () => {
    const d = twoSites().array('a-arr', 'a', { label: 'A array', nodeRedundancy: false }).build();
    expect(findingsOf(d, 'RES-SITE-NODE')[0]?.message).toContain(
      'it is drawn with no node redundancy',
    );
  });
  it('stays quiet for a redundant active-active array', () => {
    const d = twoSites().array('a-arr', 'a', { product: 'vplex-metro' }).build();
    expect(findingsOf(d, 'RES-SITE-NODE')).toEqual([]);
  });
});
