import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { checkReferences } from './integrity';
import { designSchema, type Design, type Segment } from './schema';
import {
  addSegment,
  setExtendedBy,
  setGatewayMode,
  setIngressMode,
  setIngressSite,
} from './segments';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;

const twoSites = () =>
  new DesignBuilder('two sites')
    .site('edge', 'Witness site', { role: 'witness' })
    .site('a', 'DC A')
    .site('b', 'DC B')
    .border('a-be', 'a')
    .border('b-be', 'b')
    .spine('a-sp', 'a')
    .dci('l1', 'a-be', 'b-be', { l2Extension: 'vxlan-evpn' })
    .fabric('f1', 'a-sp', 'a-be')
    .segment('web', 'web', 100, {
      gatewayMode: 'per-site',
      gatewaySiteIds: ['b', 'a'],
      ingressMode: 'single-site',
      ingressSiteId: 'b',
    })
    .build();

const segment = (d: Design, id: string): Segment => {
  const s = d.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id}`);
  return s;
};

describe('Adding a segment', () => {
  it('takes the next free VLAN id and names itself after it', () => {
    const d = addSegment(twoSites(), 'new');
    expect(d && segment(d, 'new')).toMatchObject({ name: 'vlan-110', vlanId: 110 });
  });
  it('starts complete: gateway and single-site ingress at the first data center', () => {
    const d = addSegment(twoSites(), 'new');
    expect(d && segment(d, 'new')).toMatchObject({
      gatewayMode: 'centralized',
      gatewaySiteIds: ['a'],
      ingressMode: 'single-site',
      ingressSiteId: 'a',
    });
    expect(d && isValid(d)).toBe(true);
  });
  it('names no site in a design without sites', () => {
    const d = addSegment(new DesignBuilder().build(), 'new');
    expect(d && segment(d, 'new').gatewaySiteIds).toEqual([]);
    expect(d && segment(d, 'new').ingressSiteId).toBeUndefined();
  });
  it('is refused (null) when every VLAN id from 1 to 4094 is in use', () => {
    const full = new DesignBuilder();
    for (let v = 1; v <= 4094; v++) full.segment(`s${v}`, `s${v}`, v);
    expect(addSegment(full.build(), 'new')).toBeNull();
  });
});

describe('Gateway mode', () => {
  it('switching to centralized keeps only the first gateway site', () => {
    const d = setGatewayMode(twoSites(), 'web', 'centralized');
    expect(segment(d, 'web')).toMatchObject({ gatewayMode: 'centralized', gatewaySiteIds: ['b'] });
  });
  it('switching to anycast or per-site keeps the sites', () => {
    expect(segment(setGatewayMode(twoSites(), 'web', 'anycast'), 'web').gatewaySiteIds).toEqual([
      'b',
      'a',
    ]);
  });
  it('leaves the design untouched for an unknown segment', () => {
    const d = twoSites();
    expect(setGatewayMode(d, 'nope', 'anycast')).toBe(d);
  });
});

describe('Ingress mode', () => {
  it('any mode but single-site names no ingress site', () => {
    const d = setIngressMode(twoSites(), 'web', 'gslb');
    expect(segment(d, 'web').ingressMode).toBe('gslb');
    expect('ingressSiteId' in segment(d, 'web')).toBe(false);
  });
  it('back to single-site starts at the gateway site', () => {
    const gslb = setIngressMode(twoSites(), 'web', 'gslb');
    const d = setIngressMode(gslb, 'web', 'single-site');
    expect(segment(d, 'web')).toMatchObject({ ingressMode: 'single-site', ingressSiteId: 'b' });
  });
  it('single-site without any gateway site starts at the first site', () => {
    const noGateway = setGatewayMode(setIngressMode(twoSites(), 'web', 'lisp'), 'web', 'anycast');
    const bare = { ...noGateway, segments: [{ ...segment(noGateway, 'web'), gatewaySiteIds: [] }] };
    expect(segment(setIngressMode(bare, 'web', 'single-site'), 'web').ingressSiteId).toBe('edge');
  });
  it('the ingress site can be cleared and set', () => {
    const cleared = setIngressSite(twoSites(), 'web', undefined);
    expect('ingressSiteId' in segment(cleared, 'web')).toBe(false);
    expect(segment(setIngressSite(cleared, 'web', 'a'), 'web').ingressSiteId).toBe('a');
  });
});

describe('Stretching a segment over a DCI link', () => {
  const extendedOn = (d: Design, linkId: string) => {
    const link = d.links.find((l) => l.id === linkId);
    return link?.kind === 'dci' ? link.extendedSegmentIds : null;
  };
  it('ticking a link adds the segment to it, unticking removes it', () => {
    const on = setExtendedBy(twoSites(), 'web', 'l1', true);
    expect(extendedOn(on, 'l1')).toEqual(['web']);
    expect(extendedOn(setExtendedBy(on, 'web', 'l1', false), 'l1')).toEqual([]);
  });
  it('ticking twice lists the segment once', () => {
    const on = setExtendedBy(twoSites(), 'web', 'l1', true);
    expect(setExtendedBy(on, 'web', 'l1', true)).toBe(on);
  });
  it('a fabric link or an unknown link is left alone', () => {
    const d = twoSites();
    expect(setExtendedBy(d, 'web', 'f1', true)).toBe(d);
    expect(setExtendedBy(d, 'web', 'nope', true)).toBe(d);
  });
});
