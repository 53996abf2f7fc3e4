import { describe, expect, it } from 'vitest';
import { checkReferences } from '../model/integrity';
import { designSchema, type Design } from '../model/schema';
import { applyFix } from './fixes';
import { findingsOf, twoSites } from './testing';
import type { FixAction, RuleId } from './types';

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
});

/**
 * For each fix type, a design on which a rule suggests it. A Record over FixAction['type'], so a
 * new fix type does not compile until it has its case here.
 */
const SUGGESTED: Readonly<Record<FixAction['type'], { ruleId: RuleId; design: () => Design }>> = {
  'extend-segment': {
    ruleId: 'L2-GAP',
    design: () => twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build(),
  },
  'set-tor-overlay': {
    ruleId: 'L2-GAP',
    design: () => twoSites({ torB: { boundary: 'l3' } }).build(),
  },
  'set-l2-extension': {
    ruleId: 'L2-STP',
    design: () => twoSites({ dci: { l2Extension: 'trunk' } }).build(),
  },
  'set-bpdu-filter': {
    ruleId: 'L2-STP',
    design: () => twoSites({ dci: { l2Extension: 'trunk' } }).build(),
  },
  'set-gateway-mode': {
    ruleId: 'TROMBONE-GW',
    design: () =>
      twoSites({ segment: { gatewayMode: 'centralized', gatewaySiteIds: ['a'] } }).build(),
  },
  'set-ingress-mode': {
    ruleId: 'TROMBONE-INGRESS',
    design: () => twoSites({ segment: { ingressMode: 'single-site', ingressSiteId: 'a' } }).build(),
  },
  'set-preferred-site': {
    ruleId: 'TROMBONE-STORAGE',
    design: () =>
      twoSites({ workload: { datastoreId: 'ds1' } })
        .array('a-arr', 'a', {
          product: 'netapp-metrocluster',
          volumes: [
            {
              id: 'ds1',
              name: 'ds1',
              replication: 'sync',
              peerArrayId: 'b-arr',
              preferredSiteId: 'a',
            },
          ],
        })
        .array('b-arr', 'b', { product: 'netapp-metrocluster' })
        .site('w', 'W', { role: 'witness' })
        .witness('wit', 'w', { arbitrates: ['a-arr'] })
        .build(),
  },
  'set-volume-peer': {
    ruleId: 'STORAGE-PEER',
    design: () =>
      twoSites()
        .array('a-arr', 'a', {
          product: 'vplex-metro',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'async' }],
        })
        .array('b-arr', 'b', { product: 'vplex-metro' })
        .build(),
  },
  'set-array-product': {
    ruleId: 'STORAGE-PEER',
    design: () =>
      twoSites()
        .array('a-arr', 'a', {
          product: 'pure-activecluster',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
        })
        .array('b-arr', 'b', { product: 'vplex-metro' })
        .build(),
  },
  'set-volume-replication': {
    ruleId: 'STORAGE-PEER',
    design: () =>
      twoSites()
        .array('a-arr', 'a', {
          product: 'vplex-geo',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
        })
        .array('b-arr', 'b', { product: 'vplex-geo' })
        .build(),
  },
  'set-link-bandwidth': {
    ruleId: 'BW-REPLICATION',
    design: () =>
      twoSites({
        singleDci: true,
        dci: { bandwidthGbps: 1 },
        workload: { datastoreId: 'ds1', count: 10, writeRateMBps: 10 },
      })
        .array('a-arr', 'a', {
          product: 'vplex-metro',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
        })
        .array('b-arr', 'b', { product: 'vplex-metro' })
        .fabric('a-f4', 'a-arr', 'a-t')
        .fabric('b-f4', 'b-arr', 'b-t')
        .build(),
  },
  'add-witness-site': {
    ruleId: 'RES-WITNESS',
    design: () =>
      twoSites()
        .array('a-arr', 'a', {
          product: 'vplex-metro',
          volumes: [{ id: 'ds1', name: 'ds1', replication: 'sync', peerArrayId: 'b-arr' }],
        })
        .array('b-arr', 'b', { product: 'vplex-metro' })
        .build(),
  },
};

describe('Every fix type', () => {
  it.each(Object.entries(SUGGESTED))(
    '%s is suggested by its rule, applies to a valid design, and clears the finding',
    (type, { ruleId, design }) => {
      const d = design();
      const suggested = findingsOf(d, ruleId).flatMap((finding) =>
        finding.fixes.flatMap((fix) =>
          fix.action?.type === type ? [{ finding, action: fix.action }] : [],
        ),
      );
      expect(suggested.length).toBeGreaterThan(0);
      for (const { finding, action } of suggested) {
        const fixed = applyFix(d, action, { makeId });
        expect(fixed).not.toEqual(d);
        expect(isValid(fixed)).toBe(true);
        expect(findingsOf(fixed, ruleId).map((f) => f.key)).not.toContain(finding.key);
      }
    },
  );
});
