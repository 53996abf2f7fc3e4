import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { labelOf, elementLabels, nameOf } from './labels';

/** Two sites, an unnamed DCI link between their borders, a volume on an array. */
const design = () =>
  new DesignBuilder('labels')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .border('a-be', 'a', { label: 'edge-a' })
    .border('b-be', 'b', { label: 'edge-b' })
    .array('arr', 'a', {
      label: 'array-1',
      product: 'vplex-metro',
      volumes: [{ id: 'vol-1', name: 'DS_WEB_01', replication: 'sync' }],
    })
    .fabric('f', 'arr', 'a-be')
    .dci('dci-1', 'a-be', 'b-be', { label: '' })
    .build();

describe('Element labels', () => {
  it('name a volume by its name, not its id', () => {
    expect(nameOf(design(), 'vol-1')).toBe('DS_WEB_01');
  });
  it('name an unnamed link by its two ends', () => {
    expect(labelOf(design(), 'dci-1')).toBe('edge-a ↔ edge-b');
  });
  it('fall back on the id for a dangling reference', () => {
    expect(labelOf(design(), 'gone')).toBe('gone');
  });
  it('list a finding’s elements without fabric hops', () => {
    expect(elementLabels(design(), ['arr', 'f', 'dci-1', 'vol-1'])).toEqual([
      'array-1',
      'edge-a ↔ edge-b',
      'DS_WEB_01',
    ]);
  });
});
