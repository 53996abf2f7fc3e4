import { describe, expect, it } from 'vitest';
import { bundleOffset, bundlePlaces, bundleSpacing, offsetCurve } from './parallel';

const link = (id: string, source: string, target: string) => ({ id, source, target });

describe('Parallel links', () => {
  it('are bundled by the two elements they join, in either direction, in design order', () => {
    const places = bundlePlaces([
      link('l1', 'a', 'b'),
      link('x', 'a', 'c'),
      link('l2', 'b', 'a'),
      link('l3', 'a', 'b'),
    ]);
    expect(places.get('l1')).toEqual({ index: 0, count: 3 });
    expect(places.get('l2')).toEqual({ index: 1, count: 3 });
    expect(places.get('l3')).toEqual({ index: 2, count: 3 });
    expect(places.get('x')).toEqual({ index: 0, count: 1 });
  });
  it('a lone link is not pushed aside', () => {
    expect(bundleOffset(link('x', 'a', 'c'), { index: 0, count: 1 }, 40)).toBe(0);
  });
  it('a bundle is spread evenly around the straight line', () => {
    const l = link('l', 'a', 'b');
    expect([0, 1].map((index) => bundleOffset(l, { index, count: 2 }, 40))).toEqual([-20, 20]);
    expect([0, 1, 2].map((index) => bundleOffset(l, { index, count: 3 }, 40))).toEqual([
      -40, 0, 40,
    ]);
  });
  it('a link drawn the other way round is pushed to the same side', () => {
    // Offsets are along the normal of the line from the link's source: reversed ends, reversed sign.
    expect(bundleOffset(link('l', 'b', 'a'), { index: 0, count: 2 }, 40)).toBe(20);
  });
  it('spaces labels by their height across a horizontal line, by their width across a vertical one', () => {
    expect(bundleSpacing(100, 0, 170, 60, 10)).toBeCloseTo(70);
    expect(bundleSpacing(0, 100, 170, 60, 10)).toBeCloseTo(180);
  });
  it('puts the middle of the curve, and the label, at the offset', () => {
    const c = offsetCurve(0, 0, 100, 0, 30);
    expect(c.labelX).toBeCloseTo(50);
    expect(c.labelY).toBeCloseTo(30);
    expect(c.path).toBe('M 0,0 C 33.333333333333336,40 66.66666666666667,40 100,0');
  });
});
