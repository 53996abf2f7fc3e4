import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { labelOf, elementLabels, nameOf, pathText } from './labels';
import { labelsDesign as design } from './labelsDesign';

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

describe('A path as people read it', () => {
  const d = () =>
    new DesignBuilder('paths')
      .site('a', 'DC A')
      .site('b', 'DC B')
      .cluster('esx', 'a', { label: 'esx-a' })
      .tor('leaf', 'a', { label: 'leaf-a' })
      .border('ea', 'a', { label: 'edge-a' })
      .border('eb', 'b', { label: 'edge-b' })
      .array('arr', 'b', { label: 'array-b' })
      .fabric('f1', 'esx', 'leaf')
      .fabric('f2', 'leaf', 'ea')
      .dci('d1', 'ea', 'eb', { label: 'Dark fibre 1' })
      .fabric('f3', 'eb', 'arr')
      .build();
  it('names each device once, by label, and the named links it takes', () => {
    expect(pathText(d(), ['esx', 'f1', 'leaf', 'f2', 'ea', 'd1', 'eb', 'f3', 'arr'])).toBe(
      'esx-a → leaf-a → edge-a → edge-b → array-b (over Dark fibre 1)',
    );
  });
  it('writes a there-and-back path to its far end, and back', () => {
    const there = ['esx', 'f1', 'leaf', 'f2', 'ea', 'd1', 'eb', 'f3', 'arr'];
    const loop = [...there, ...[...there].reverse().slice(1)];
    expect(pathText(d(), loop)).toBe(
      'esx-a → leaf-a → edge-a → edge-b → array-b, and back (over Dark fibre 1)',
    );
  });
  it('never writes the same hop twice in a row', () => {
    expect(pathText(d(), ['esx', 'esx', 'f1', 'leaf', 'leaf'])).toBe('esx-a → leaf-a');
  });
});
