import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { freshCopyName, freshDeviceNames, nameCopies, sitePrefix } from './names';

const design = () =>
  new DesignBuilder()
    .site('a', 'DC1')
    .site('b', 'Frankfurt West')
    .spine('s1', 'a', { label: 'dc1-spine-1' })
    .spine('s3', 'a', { label: 'dc1-spine-3' })
    .build();

describe('Default device names', () => {
  it('take the site’s label as a prefix', () => {
    expect(sitePrefix({ label: 'DC1' })).toBe('dc1');
    expect(sitePrefix({ label: 'Frankfurt West' })).toBe('frankfurt-west');
    expect(sitePrefix({ label: 'Zürich (Glattbrugg) – main' })).toBe('zurich-glattbrug');
    expect(sitePrefix({ label: '!!!' })).toBe('site');
    expect(sitePrefix({ label: '' })).toBe('site');
  });
  it('use the lowest free numbers, never a name the design has', () => {
    expect(freshDeviceNames(design(), 'a', 'spine', 3)).toEqual([
      'dc1-spine-2',
      'dc1-spine-4',
      'dc1-spine-5',
    ]);
    expect(freshDeviceNames(design(), 'b', 'tor', 2)).toEqual([
      'frankfurt-west-leaf-1',
      'frankfurt-west-leaf-2',
    ]);
  });
  it('never hand out a name twice when calls share a set of taken names', () => {
    const taken = new Set<string>();
    const first = freshDeviceNames(design(), 'a', 'border', 2, taken);
    const second = freshDeviceNames(design(), 'a', 'border', 2, taken);
    expect([...first, ...second]).toEqual([
      'dc1-border-1',
      'dc1-border-2',
      'dc1-border-3',
      'dc1-border-4',
    ]);
  });
});

describe('Names of copies', () => {
  it('count on from a number, or add one', () => {
    const taken = new Set(['leaf-1', 'leaf-2', 'DC1', 'core']);
    expect(freshCopyName('leaf-2', taken)).toBe('leaf-3');
    expect(freshCopyName('DC1', taken)).toBe('DC2');
    expect(freshCopyName('core', taken)).toBe('core-2');
    expect(freshCopyName('core', taken)).toBe('core-3');
    expect(freshCopyName('', taken)).toBe('');
  });
  it('a copied site takes a new name and its devices follow it', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1')
      .spine('s1', 'a', { label: 'dc1-spine-1' })
      .site('a2', 'DC1')
      .spine('s2', 'a2', { label: 'dc1-spine-1' })
      .build();
    const named = nameCopies(d, ['a2', 's2']);
    expect(named.nodes.map((n) => n.label)).toEqual(['DC1', 'DC2', 'dc1-spine-1', 'dc2-spine-1']);
  });
  it('a device copied within its site takes the next free number', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1')
      .tor('l1', 'a', { label: 'dc1-leaf-1' })
      .tor('l2', 'a', { label: 'dc1-leaf-2' })
      .tor('c1', 'a', { label: 'dc1-leaf-1' })
      .tor('c2', 'a', { label: 'dc1-leaf-2' })
      .build();
    const named = nameCopies(d, ['c1', 'c2']);
    expect(named.nodes.map((n) => n.label)).toEqual([
      'DC1',
      'dc1-leaf-1',
      'dc1-leaf-2',
      'dc1-leaf-3',
      'dc1-leaf-4',
    ]);
  });
});
