import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { nameUnnamedDevices, nextDeviceName, nextSiteName, sitePrefix } from './defaults';
import { updateNode } from './edits';
import type { Design } from './schema';
import { syntheticDesign } from './synthetic';

const twoSites = () =>
  new DesignBuilder()
    .site('a', 'DC1 Amsterdam')
    .site('b', 'DC2 Rotterdam')
    .spine('s1', 'a', { label: 'dc1-spine-1' })
    .spine('s2', 'a', { label: 'dc1-spine-2' })
    .build();

describe('Device names', () => {
  it('a site’s prefix is the first word of its label, lower case, letters and digits only', () => {
    expect(sitePrefix('DC1 Amsterdam')).toBe('dc1');
    expect(sitePrefix('  Witness-Utrecht (B)')).toBe('witnessutr');
    expect(sitePrefix('DC-2')).toBe('dc2');
    expect(sitePrefix('')).toBe('site');
    expect(sitePrefix('— ✱')).toBe('site');
  });
  it('a new device is named after its site and kind, with the next number of that site', () => {
    const d = twoSites();
    expect(nextDeviceName(d, 'a', 'spine')).toBe('dc1-spine-3');
    expect(nextDeviceName(d, 'a', 'tor')).toBe('dc1-leaf-1');
  });
  it('each site counts its own devices', () => {
    expect(nextDeviceName(twoSites(), 'b', 'spine')).toBe('dc2-spine-1');
  });
  it('never takes a name the design already uses, in any case', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1')
      .spine('x', 'a', { label: 'DC1-SPINE-1' })
      .build();
    expect(nextDeviceName(d, 'a', 'spine')).toBe('dc1-spine-2');
  });
  it('fills the lowest free number, and skips names the caller is about to use', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1')
      .spine('x', 'a', { label: 'dc1-spine-2' })
      .build();
    expect(nextDeviceName(d, 'a', 'spine')).toBe('dc1-spine-1');
    expect(nextDeviceName(d, 'a', 'spine', ['dc1-spine-1'])).toBe('dc1-spine-3');
  });
  it('a new site is the next DCn whose prefix no site has', () => {
    expect(nextSiteName(twoSites())).toBe('DC3');
    expect(nextSiteName(new DesignBuilder().build())).toBe('DC1');
    expect(nextSiteName(new DesignBuilder().site('b', 'DC2 Rotterdam').build())).toBe('DC1');
  });
});

describe('Device names in a site whose devices share a prefix', () => {
  it('follow the prefix most of its devices already have', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1 Amsterdam')
      .spine('s1', 'a', { label: 'ams-spine-1' })
      .spine('s2', 'a', { label: 'ams-spine-2' })
      .cluster('c', 'a', { label: 'esx-prod-a' })
      .build();
    expect(nextDeviceName(d, 'a', 'spine')).toBe('ams-spine-3');
    expect(nextDeviceName(d, 'a', 'tor')).toBe('ams-leaf-1');
  });
  it('fall back on the site’s prefix when no prefix has a majority', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1 Amsterdam')
      .spine('s1', 'a', { label: 'ams-spine-1' })
      .cluster('c', 'a', { label: 'esx-prod-a' })
      .build();
    expect(nextDeviceName(d, 'a', 'spine')).toBe('dc1-spine-1');
  });
  it('unnamed devices are named in turn, each as nextDeviceName names it with the ones before', () => {
    // Two of five devices share `ams`: no majority while the unnamed ones count as devices.
    const d = new DesignBuilder()
      .site('a', 'DC1 Amsterdam')
      .site('b', 'DC2 Rotterdam')
      .spine('s1', 'a', { label: 'ams-spine-1' })
      .spine('s2', 'a', { label: 'ams-spine-2' })
      .cluster('c1', 'a', { label: 'esx-1' })
      .spine('u1', 'a', { label: '' })
      .spine('u2', 'a', { label: '' })
      .tor('u3', 'a', { label: '' })
      .spine('u4', 'b', { label: '' })
      .spine('u5', 'b', { label: '' })
      .build();
    const ids = ['u1', 'u2', 'u3', 'u4', 'u5'];
    let oneByOne: Design = d;
    const expected = new Map<string, string>();
    for (const id of ids) {
      const device = oneByOne.nodes.find((n) => n.id === id);
      if (!device || device.kind === 'site') throw new Error(id);
      const without = { ...oneByOne, nodes: oneByOne.nodes.filter((n) => n.id !== id) };
      const name = nextDeviceName(without, device.parentId, device.kind);
      expected.set(id, name);
      oneByOne = updateNode(oneByOne, id, { label: name });
    }
    expect(nameUnnamedDevices(d, ids)).toEqual(expected);
    expect([...expected.values()]).toEqual([
      'dc1-spine-1',
      'dc1-spine-2',
      'dc1-leaf-1',
      'dc2-spine-1',
      'dc2-spine-2',
    ]);
  });

  it('names 30 devices spread over a 3,000-element design as they would be named one by one', () => {
    const big = syntheticDesign({ sites: 4, elements: 3000 });
    const devices = big.nodes.filter((n) => n.kind !== 'site');
    const ids = devices.filter((_, k) => k % 33 === 0).map((n) => n.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    const d = {
      ...big,
      nodes: big.nodes.map((n) => (ids.includes(n.id) ? { ...n, label: '' } : n)),
    };
    let oneByOne: Design = d;
    const expected = new Map<string, string>();
    for (const id of ids) {
      const device = oneByOne.nodes.find((n) => n.id === id);
      if (!device || device.kind === 'site') throw new Error(id);
      const without = { ...oneByOne, nodes: oneByOne.nodes.filter((n) => n.id !== id) };
      const name = nextDeviceName(without, device.parentId, device.kind);
      expected.set(id, name);
      oneByOne = updateNode(oneByOne, id, { label: name });
    }
    expect(nameUnnamedDevices(d, ids)).toEqual(expected);
    // Over every site of the design, not one.
    expect(new Set([...expected.values()].map((name) => name.split('-')[0])).size).toBe(4);
  });
});
