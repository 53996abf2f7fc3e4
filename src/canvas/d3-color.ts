/**
 * Stands in for the `d3-color` package in the studio's builds (vite.config.ts, resolve.alias).
 *
 * React Flow pans and zooms through d3-zoom, which brings d3-transition and d3-interpolate, and
 * with them d3-color: CSS colour parsing (148 named colours) and the RGB, HSL, Lab, HCL and
 * Cubehelix spaces, 4.3 KB gzip of the first screen. They only serve transitions of colours
 * (`transition.attr('fill', …)`, `interpolate('red', 'blue')`); the canvas only ever animates
 * its viewport (a d3-zoom transform, interpolated by `interpolateZoom`), never a colour.
 *
 * Here nothing is a colour: `color()` parses no string (d3-interpolate and d3-transition then
 * interpolate a value as a number or a string, which is what a transform is), so the colour
 * spaces are never reached; if a future d3 or React Flow ever reaches one, it says so.
 */

/**
 * No string is a colour here: d3 interpolates it as a number or a string instead. A function
 * declaration, as d3 also asks `value instanceof color`.
 */
export function color(_specifier: string): null {
  return null;
}

function noColourSpace(name: string): () => never {
  return () => {
    throw new Error(
      `d3-color's ${name}() was called, but the studio's build leaves colour spaces out (src/canvas/d3-color.ts): remove the alias in vite.config.ts`,
    );
  };
}

export const rgb = noColourSpace('rgb');
export const hsl = noColourSpace('hsl');
export const lab = noColourSpace('lab');
export const hcl = noColourSpace('hcl');
export const cubehelix = noColourSpace('cubehelix');
