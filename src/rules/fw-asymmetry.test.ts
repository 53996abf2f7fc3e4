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
  it('draws the path through the firewalls it names: in through FW A, out through FW B', () => {
    const d = twoSites({ segment: { ingressMode: 'single-site', ingressSiteId: 'a' } })
      .firewall('a-fw', 'a', { label: 'FW A', segmentIds: ['web'] })
      .firewall('b-fw', 'b', { label: 'FW B', segmentIds: ['web'] })
      // Each firewall sits beside its site's spine, off the spine–border path.
      .fabric('a-fw-l', 'a-sp', 'a-fw')
      .fabric('b-fw-l', 'b-sp', 'b-fw')
      .build();
    const [f] = findingsOf(d, 'FW-ASYMMETRY');
    const path = f?.path ?? [];
    expect(path[0]).toBe('a');
    expect(path.at(-1)).toBe('b');
    const at = (id: string) => path.indexOf(id);
    expect(at('a-fw')).toBeGreaterThan(0);
    expect(at('b-c')).toBeGreaterThan(at('a-fw'));
    expect(at('b-fw')).toBeGreaterThan(at('b-c'));
    expect(path).toEqual(expect.arrayContaining(['a-fw-l', 'b-fw-l']));
    expect(f?.elementIds).toEqual(expect.arrayContaining(['a-fw', 'b-fw']));
  });
  it('stays quiet when the firewalls share state', () => {
    expect(findingsOf(firewalled(true), 'FW-ASYMMETRY')).toEqual([]);
  });
});
