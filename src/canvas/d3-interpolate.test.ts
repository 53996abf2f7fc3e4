import { interpolate, interpolateZoom } from 'd3-interpolate';
import { describe, expect, it } from 'vitest';
import * as standIn from './d3-interpolate';

/** The package itself, by its file: the alias only catches the bare name. */
const real = (await import(
  /* @vite-ignore */ new URL(
    '../../node_modules/d3-interpolate/dist/d3-interpolate.mjs',
    import.meta.url,
  ).href
)) as typeof import('d3-interpolate');

/** Views as d3-zoom hands them over: [centre x, centre y, width shown]. */
type View = [number, number, number];
const VIEWS: [View, View][] = [
  [
    [0, 0, 800],
    [300, 200, 400],
  ],
  [
    [-5000, 1200, 12000],
    [40, -30, 90],
  ],
  [
    [100, 100, 800],
    [100, 100, 200],
  ],
  [
    [10, 20, 50],
    [10.0000001, 20, 5000],
  ],
  [
    [0, 0, 1000],
    [1e6, 0, 1000],
  ],
];
const TIMES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

describe('d3-interpolate in the studio (vite.config.ts: src/canvas/d3-interpolate.ts stands in)', () => {
  it('is the stand-in React Flow and d3-zoom get', () => {
    expect(interpolateZoom).toBe(standIn.interpolateZoom);
    expect(interpolate).toBe(standIn.interpolate);
  });

  it('zooms between two views along the same path, in the same time, as d3 does', () => {
    for (const [from, to] of VIEWS) {
      const ours = interpolateZoom(from, to);
      const theirs = real.interpolateZoom(from, to);
      expect(ours.duration).toBeCloseTo(theirs.duration, 6);
      for (const t of TIMES) {
        const a = ours(t);
        const b = theirs(t);
        // Within rounding (relative to the value, or absolute near 0).
        a.forEach((v, i) =>
          expect(Math.abs(v - b[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b[i]!))),
        );
      }
    }
  });

  it('interpolates numbers and views in straight lines, as d3 does', () => {
    expect(interpolate(2, 10)(0.25)).toBe(real.interpolate(2, 10)(0.25));
    for (const [from, to] of VIEWS)
      for (const t of TIMES)
        expect(interpolate(from, to)(t)).toEqual(real.interpolate(from, to)(t));
  });

  it('says what to do if anything but numbers is ever interpolated', () => {
    expect(() => interpolate('red', 'blue')).toThrow(/remove the alias in vite.config.ts/u);
    expect(() => interpolate({ x: 0 }, { x: 1 })).toThrow(/remove the alias/u);
  });
});
