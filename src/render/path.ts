/** SVG path data for a route, shared by the canvas and the SVG export. */
import type { Point } from './types';

/**
 * An orthogonal route as an SVG path with softly rounded corners. Written as parts joined once:
 * a string grown by `+=` stays a chain of pieces in V8 (a rope), and the canvas keeps one path
 * per drawn link: a five-corner route's rope took ~2 KB, its flat text ~0.25 KB.
 */
export function routePath(points: readonly Point[], radius = 6): string {
  const first = points[0];
  if (!first) return '';
  const n = (v: number) => Math.round(v * 10) / 10;
  const d: string[] = [`M${n(first.x)},${n(first.y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const next = points[i + 1];
    const prev = points[i - 1] as Point;
    if (!next) {
      d.push(`L${n(p.x)},${n(p.y)}`);
      break;
    }
    const r = Math.min(
      radius,
      Math.hypot(p.x - prev.x, p.y - prev.y) / 2,
      Math.hypot(next.x - p.x, next.y - p.y) / 2,
    );
    const inX = p.x - Math.sign(p.x - prev.x) * r;
    const inY = p.y - Math.sign(p.y - prev.y) * r;
    const outX = p.x + Math.sign(next.x - p.x) * r;
    const outY = p.y + Math.sign(next.y - p.y) * r;
    d.push(`L${n(inX)},${n(inY)}Q${n(p.x)},${n(p.y)} ${n(outX)},${n(outY)}`);
  }
  return d.join('');
}
