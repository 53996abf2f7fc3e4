import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

describe('TROMBONE-INGRESS', () => {
  it('fires when inbound traffic enters only at another site', () => {
    const d = twoSites({
      singleDci: true,
      segment: { ingressMode: 'single-site', ingressSiteId: 'a' },
    }).build();
    const [f, ...rest] = findingsOf(d, 'TROMBONE-INGRESS');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: inbound traffic for segment web enters only at DC A and crosses the DCI to reach web-01 at DC B (+1.83 ms RTT)',
    );
    expect(f?.path?.[0]).toBe('a');
    expect(f?.path).toContain('b-c');
    expect(f?.path?.at(-1)).toBe('a');
    expect(f?.fixes.map((x) => x.action?.type)).toEqual([
      'set-ingress-mode',
      'set-ingress-mode',
      'set-ingress-mode',
    ]);
  });
  it('stays quiet with GSLB, or when it runs at the ingress site', () => {
    expect(findingsOf(twoSites().build(), 'TROMBONE-INGRESS')).toEqual([]);
    const noMoves = twoSites({
      segment: { ingressMode: 'single-site', ingressSiteId: 'a' },
      workload: { mobilityTargetIds: [] },
    }).build();
    expect(findingsOf(noMoves, 'TROMBONE-INGRESS')).toEqual([]);
  });
});
