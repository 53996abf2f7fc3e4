import { describe, expect, it } from 'vitest';
import { findingsOf, twoSites } from './testing';

const firewalled = (stateSynced: boolean) =>
  twoSites({ segment: { ingressMode: 'single-site', ingressSiteId: 'a' } })
    .firewall('a-fw', 'a', { label: 'FW A', segmentIds: ['web'], stateSynced })
    .firewall('b-fw', 'b', { label: 'FW B', segmentIds: ['web'], stateSynced })
    .build();

describe('FW-ASYMMETRY', () => {
  it('fires after a move when traffic enters through one site firewall and leaves through another', () => {
    const [f, ...rest] = findingsOf(firewalled(false), 'FW-ASYMMETRY');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.scenario).toEqual({ workloadId: 'w1', targetClusterId: 'b-c' });
    expect(f?.message).toBe(
      'After web-01 moves to cluster B1: traffic for segment web enters through firewall FW A at DC A and leaves through firewall FW B at DC B, which do not share state: return traffic is dropped',
    );
    expect(f?.elementIds).toEqual(expect.arrayContaining(['a-fw', 'b-fw', 'w1']));
    expect(f?.fixes[0]?.action).toEqual({
      type: 'set-ingress-mode',
      segmentId: 'web',
      mode: 'host-routes',
    });
  });
  it('stays quiet when the firewalls share state', () => {
    expect(findingsOf(firewalled(true), 'FW-ASYMMETRY')).toEqual([]);
  });
});
