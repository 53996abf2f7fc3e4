import { describe, expect, it } from 'vitest';
import { checkReferences } from '../model/integrity';
import { designSchema, type Design } from '../model/schema';
import { applyFix } from './fixes';
import { findingsOf, twoSites } from './testing';
import { runRules } from './index';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;
let n = 0;
const makeId = (prefix: string) => `${prefix}-${++n}`;

describe('applyFix', () => {
  it('extend-segment adds the segment to the link and clears the L2 gap', () => {
    const d = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build();
    const fixed = applyFix(d, { type: 'extend-segment', segmentId: 'web', linkId: 'dci-1' });
    expect(fixed.links.find((l) => l.id === 'dci-1')).toMatchObject({
      extendedSegmentIds: ['web'],
    });
    expect(findingsOf(fixed, 'L2-GAP')).toEqual([]);
  });
  it('extend-segment over a link with no L2 extension switches it to VXLAN-EVPN', () => {
    const d = twoSites({
      singleDci: true,
      dci: { l2Extension: 'none', extendedSegmentIds: [] },
    }).build();
    const fixed = applyFix(d, { type: 'extend-segment', segmentId: 'web', linkId: 'dci-1' });
    expect(fixed.links.find((l) => l.id === 'dci-1')).toMatchObject({ l2Extension: 'vxlan-evpn' });
  });
  it('set-gateway-mode makes gateways per-site or anycast', () => {
    const d = twoSites({ segment: { gatewayMode: 'centralized', gatewaySiteIds: ['a'] } }).build();
    const perSite = applyFix(d, {
      type: 'set-gateway-mode',
      segmentId: 'web',
      mode: 'per-site',
      siteIds: ['a', 'b'],
    });
    expect(perSite.segments[0]).toMatchObject({
      gatewayMode: 'per-site',
      gatewaySiteIds: ['a', 'b'],
    });
    expect(findingsOf(perSite, 'TROMBONE-GW')).toEqual([]);
    const anycast = applyFix(d, { type: 'set-gateway-mode', segmentId: 'web', mode: 'anycast' });
    expect(anycast.segments[0]?.gatewayMode).toBe('anycast');
  });
  it('set-preferred-site moves the active site of a volume', () => {
    const d = twoSites()
      .array('arr', 'a', {
        volumes: [{ id: 'ds1', name: 'ds1', replication: 'none', preferredSiteId: 'a' }],
      })
      .build();
    const fixed = applyFix(d, {
      type: 'set-preferred-site',
      arrayId: 'arr',
      volumeId: 'ds1',
      siteId: 'b',
    });
    const arr = fixed.nodes.find((x) => x.id === 'arr');
    expect(arr?.kind === 'array' && arr.volumes[0]?.preferredSiteId).toBe('b');
  });
  it('add-witness-site adds a witness site above, arbitrating, linked to both sites', () => {
    const d = twoSites()
      .array('a-arr', 'a', {
        product: 'vplex-metro',
        volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
      })
      .array('b-arr', 'b', { product: 'vplex-metro' })
      .build();
    expect(findingsOf(d, 'RES-WITNESS')).toHaveLength(1);
    const fixed = applyFix(
      d,
      { type: 'add-witness-site', arbitrates: ['a-arr', 'b-arr'] },
      { makeId },
    );
    expect(isValid(fixed)).toBe(true);
    const site = fixed.nodes.find((x) => x.kind === 'site' && x.role === 'witness');
    const others = fixed.nodes.filter((x) => x.kind === 'site' && x.role === 'dc');
    expect(site?.kind === 'site' && site.position.y + site.height).toBeLessThan(
      Math.min(...others.map((s) => s.position.y)),
    );
    const witness = fixed.nodes.find((x) => x.kind === 'witness');
    expect(witness?.kind === 'witness' && witness.arbitrates).toEqual(['a-arr', 'b-arr']);
    expect(
      fixed.links
        .filter((l) => l.source === site?.id)
        .map((l) => l.target)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(findingsOf(fixed, 'RES-WITNESS')).toEqual([]);
  });
  it('set-l2-extension and set-bpdu-filter isolate spanning tree', () => {
    const d = twoSites({ dci: { l2Extension: 'trunk' } }).build();
    expect(findingsOf(d, 'L2-STP')).toHaveLength(2);
    const otv = applyFix(d, { type: 'set-l2-extension', linkId: 'dci-1', l2Extension: 'otv' });
    expect(findingsOf(otv, 'L2-STP').map((f) => f.elementIds[0])).toEqual(['dci-2']);
    const filtered = applyFix(otv, { type: 'set-bpdu-filter', linkId: 'dci-2' });
    expect(findingsOf(filtered, 'L2-STP')).toEqual([]);
  });
  it('set-tor-overlay enables the overlay on a ToR', () => {
    const d = twoSites({ torB: { boundary: 'l3' } }).build();
    const fixed = applyFix(d, { type: 'set-tor-overlay', torIds: ['b-t'] });
    expect(findingsOf(fixed, 'L2-GAP')).toEqual([]);
  });
  it('set-ingress-mode drops single-site ingress', () => {
    const d = twoSites({ segment: { ingressMode: 'single-site', ingressSiteId: 'a' } }).build();
    const fixed = applyFix(d, { type: 'set-ingress-mode', segmentId: 'web', mode: 'host-routes' });
    expect(fixed.segments[0]).toMatchObject({ ingressMode: 'host-routes' });
    expect(fixed.segments[0]?.ingressSiteId).toBeUndefined();
    expect(isValid(fixed)).toBe(true);
  });
  it('every suggested action applies to a valid design', () => {
    const d = twoSites({
      singleDci: true,
      dci: { l2Extension: 'trunk', extendedSegmentIds: [] },
      torB: { boundary: 'l3' },
      segment: {
        gatewayMode: 'centralized',
        gatewaySiteIds: ['a'],
        ingressMode: 'single-site',
        ingressSiteId: 'a',
      },
    }).build();
    for (const f of runRules(d))
      for (const fix of f.fixes)
        if (fix.action) expect(isValid(applyFix(d, fix.action, { makeId }))).toBe(true);
  });
});
