import { describe, expect, it } from 'vitest';
import { minimapShapes, type MinimapBox } from './minimap';

const box = (x: number, y: number, fill: string, width = 40, height = 20): MinimapBox => ({
  x,
  y,
  width,
  height,
  fill,
});

describe('the minimap drawing', () => {
  it('draws every node of one fill in one path, the fills in the order of their first node', () => {
    const shapes = minimapShapes([box(0, 0, 'site'), box(10, 10, 'tor'), box(60, 10, 'site')], 0);
    expect(shapes).toEqual([
      { fill: 'site', d: 'M0,0h40v20h-40zM60,10h40v20h-40z' },
      { fill: 'tor', d: 'M10,10h40v20h-40z' },
    ]);
  });

  it('rounds the corners as a rect with rx draws them, never more than half a side', () => {
    const [wide] = minimapShapes([box(0, 0, 'a')], 5);
    expect(wide?.d).toBe(
      'M5,0h30a5,5 0 0 1 5,5v10a5,5 0 0 1 -5,5h-30a5,5 0 0 1 -5,-5v-10a5,5 0 0 1 5,-5z',
    );
    const [thin] = minimapShapes([box(0, 0, 'a', 40, 4)], 5);
    expect(thin?.d).toBe(
      'M2,0h36a2,2 0 0 1 2,2v0a2,2 0 0 1 -2,2h-36a2,2 0 0 1 -2,-2v0a2,2 0 0 1 2,-2z',
    );
  });

  it('writes coordinates to a tenth of a flow unit', () => {
    const [shape] = minimapShapes([box(1.04, 2.26, 'a', 10.01, 5.55)], 0);
    expect(shape?.d).toBe('M1,2.3h10v5.6h-10z');
  });
});
