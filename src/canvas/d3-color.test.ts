import { color } from 'd3-color';
import { interpolate, interpolateZoom } from 'd3-interpolate';
import { describe, expect, it } from 'vitest';
import { rgb } from './d3-color';

describe('d3-color in the studio (vite.config.ts: src/canvas/d3-color.ts stands in)', () => {
  it('is the stand-in d3 gets: no string is a colour', () => {
    expect(color('red')).toBeNull();
    expect(color('#0ea5e9')).toBeNull();
  });

  it('zooms the viewport as before: d3-zoom interpolates its view with interpolateZoom', () => {
    const zoom = interpolateZoom([0, 0, 100], [300, 200, 50]);
    const close = (view: number[], to: number[]) =>
      view.forEach((v, i) => expect(v).toBeCloseTo(to[i] ?? NaN));
    close(zoom(0), [0, 0, 100]);
    close(zoom(1), [300, 200, 50]);
    expect(zoom.duration).toBeGreaterThan(0);
  });

  it('interpolates numbers, objects and the numbers in strings as before', () => {
    expect(interpolate(0, 10)(0.25)).toBe(2.5);
    expect(interpolate({ x: 0, k: 1 }, { x: 10, k: 2 })(0.5)).toEqual({ x: 5, k: 1.5 });
    expect(interpolate('translate(0px, 0px)', 'translate(10px, 20px)')(0.5)).toBe(
      'translate(5px, 10px)',
    );
  });

  it('a colour is interpolated by its numbers (the real d3-color would give rgb(128, …))', () => {
    expect(interpolate('rgb(0, 0, 0)', 'rgb(255, 255, 255)')(0.5)).toBe('rgb(127.5, 127.5, 127.5)');
  });

  it('says what to do if a colour space is ever reached', () => {
    expect(() => rgb()).toThrow(/remove the alias in vite.config.ts/u);
  });
});
