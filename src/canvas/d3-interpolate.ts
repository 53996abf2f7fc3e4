/**
 * Stands in for the `d3-interpolate` package in the studio's builds (vite.config.ts,
 * resolve.alias), as src/canvas/d3-transition.ts does for d3-transition.
 *
 * React Flow's zoom asks d3-interpolate for two things: `interpolateZoom`, the smooth pan and
 * zoom between two views (van Wijk and Nuij, "Smooth and efficient zooming and panning", 2003)
 * that d3-zoom animates the viewport with, and `interpolate`, which React Flow hands d3-zoom
 * instead when a view change asks for `interpolate: 'linear'` (between two views: arrays of
 * numbers). The package's other interpolators — colours in five spaces (with d3-color's CSS
 * colour parsing), strings, dates, objects, transforms, basis splines — served d3-transition's
 * transitions of attributes and styles, which the studio does not have: 1.4 KB gzip of the first
 * screen. A value that is neither a number nor a list of numbers fails loudly here: if a future
 * d3 or React Flow ever interpolates one, remove the alias.
 */

/** A view as d3-zoom interpolates it: the centre's x and y and the width shown. */
type View = readonly [number, number, number] | readonly number[];
type ViewInterpolator = ((t: number) => [number, number, number]) & { duration: number };

const RHO = Math.SQRT2;
const RHO2 = 2;
const RHO4 = 4;
const EPSILON2 = 1e-12;

/**
 * The path between two views that zooms out, pans and zooms back in as much as a viewer finds
 * natural (the paper's ρ = √2), with its natural duration in ms.
 */
export function interpolateZoom(from: View, to: View): ViewInterpolator {
  const [ux0 = 0, uy0 = 0, w0 = 1] = from;
  const [ux1 = 0, uy1 = 0, w1 = 1] = to;
  const dx = ux1 - ux0;
  const dy = uy1 - uy0;
  const d2 = dx * dx + dy * dy;
  let path: (t: number) => [number, number, number];
  let S: number;
  if (d2 < EPSILON2) {
    // The same centre: a zoom alone, at a constant rate on the log scale.
    S = Math.log(w1 / w0) / RHO;
    path = (t) => [ux0 + t * dx, uy0 + t * dy, w0 * Math.exp(RHO * t * S)];
  } else {
    const d1 = Math.sqrt(d2);
    const b0 = (w1 * w1 - w0 * w0 + RHO4 * d2) / (2 * w0 * RHO2 * d1);
    const b1 = (w1 * w1 - w0 * w0 - RHO4 * d2) / (2 * w1 * RHO2 * d1);
    const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
    const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
    S = (r1 - r0) / RHO;
    const coshR0 = Math.cosh(r0);
    const sinhR0 = Math.sinh(r0);
    path = (t) => {
      const r = RHO * t * S + r0;
      const u = (w0 / (RHO2 * d1)) * (coshR0 * Math.tanh(r) - sinhR0);
      return [ux0 + u * dx, uy0 + u * dy, (w0 * coshR0) / Math.cosh(r)];
    };
  }
  return Object.assign(path, { duration: (Math.abs(S) * 1000 * RHO) / Math.SQRT2 });
}

/** Between two numbers, or two lists of numbers (two views): straight lines. */
export function interpolate(a: unknown, b: unknown): (t: number) => number | number[] {
  if (typeof a === 'number' && typeof b === 'number') return (t) => a * (1 - t) + b * t;
  if (
    Array.isArray(a) &&
    Array.isArray(b) &&
    [...a, ...b].every((v): v is number => typeof v === 'number')
  ) {
    const from = a as number[];
    const to = b as number[];
    return (t) => to.map((v, i) => (i < from.length ? from[i]! * (1 - t) + v * t : v));
  }
  throw new Error(
    `d3-interpolate's interpolate() was asked for something other than numbers (${typeof b}), but the studio's build leaves those out (src/canvas/d3-interpolate.ts): remove the alias in vite.config.ts`,
  );
}
