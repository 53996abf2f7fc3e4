import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { searchElements } from './search';

const design = () =>
  new DesignBuilder()
    .site('a', 'DC1 Amsterdam')
    .site('b', 'DC2 Rotterdam')
    .spine('s1', 'a', { label: 'ams-spine-1' })
    .tor('l1', 'a', { label: 'ams-leaf-1' })
    .border('be', 'b', { label: 'rtm-dci-edge' })
    .spine('sx', 'b', { label: 'spine-core' })
    .dci('d1', 'be', 's1', { label: 'Dark fibre north' })
    .fabric('f1', 's1', 'l1')
    .build();

describe('Find an element by name', () => {
  it('finds sites, devices and named links by any part of their name, ignoring case', () => {
    expect(searchElements(design(), 'AMS').map((h) => h.id)).toEqual(['s1', 'l1', 'a']);
    expect(searchElements(design(), 'north')).toEqual([
      { id: 'd1', label: 'Dark fibre north', kind: 'link', where: 'rtm-dci-edge – ams-spine-1' },
    ]);
  });
  it('ranks names that start with the text first, then a word that does', () => {
    expect(searchElements(design(), 'spine').map((h) => h.label)).toEqual([
      'spine-core',
      'ams-spine-1',
    ]);
  });
  it('says where a device is', () => {
    expect(searchElements(design(), 'leaf')[0]).toMatchObject({
      kind: 'tor',
      where: 'DC1 Amsterdam',
    });
  });
  it('finds nothing for blank text, or text no name has', () => {
    expect(searchElements(design(), '   ')).toEqual([]);
    expect(searchElements(design(), 'zzz')).toEqual([]);
  });
  it('lists at most the limit', () => {
    expect(searchElements(design(), 'a', 2)).toHaveLength(2);
  });
});
