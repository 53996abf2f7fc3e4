import { describe, expect, it } from 'vitest';
import { checkReferences } from './integrity';
import { designSchema } from './schema';
import { elementCount, syntheticDesign } from './synthetic';

describe('syntheticDesign', () => {
  it('builds a valid design of about the requested size', () => {
    const d = syntheticDesign({ sites: 4, elements: 1000 });
    expect(designSchema.safeParse(d).success).toBe(true);
    expect(checkReferences(d)).toBeNull();
    expect(elementCount(d)).toBeGreaterThan(900);
    expect(elementCount(d)).toBeLessThan(1100);
    expect(d.workloads.length).toBeGreaterThan(20);
    expect(d.workloads.every((w) => w.mobilityTargetIds.length === 2)).toBe(true);
  });
  it('is deterministic', () => {
    expect(syntheticDesign({ sites: 3, elements: 500 })).toEqual(
      syntheticDesign({ sites: 3, elements: 500 }),
    );
  });
  it('works with a single site', () => {
    const d = syntheticDesign({ sites: 1, elements: 200 });
    expect(checkReferences(d)).toBeNull();
  });
});
