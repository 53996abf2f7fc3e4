import { describe, expect, it } from 'vitest';
import { CULL_ABOVE_ELEMENTS, drawsOnlyInView } from './culling';
import { elementCount, syntheticDesign } from '../model/synthetic';

describe('drawsOnlyInView', () => {
  it('counts nodes and links together', () => {
    expect(drawsOnlyInView(CULL_ABOVE_ELEMENTS, 0)).toBe(false);
    expect(drawsOnlyInView(CULL_ABOVE_ELEMENTS - 100, 101)).toBe(true);
  });

  it('culls the 1,000-element bench design, whose nodes alone are fewer than 400', () => {
    const design = syntheticDesign({ sites: 4, elements: 1000 });
    expect(design.nodes.length).toBeLessThan(400);
    expect(elementCount(design)).toBeGreaterThan(CULL_ABOVE_ELEMENTS);
    expect(drawsOnlyInView(design.nodes.length, design.links.length)).toBe(true);
  });

  it('draws a reference-sized design whole', () => {
    const design = syntheticDesign({ sites: 2, elements: 200 });
    expect(drawsOnlyInView(design.nodes.length, design.links.length)).toBe(false);
  });
});
