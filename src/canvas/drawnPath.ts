/**
 * A route's SVG path, written once per route: a route keeps its object while it does not change
 * (routes.ts), and a selection, a select-all or new findings re-render its edge, not its route.
 */
import { routePath } from '../render/path';
import type { Connector } from '../render/types';

const drawnPaths = new WeakMap<Connector, string>();

export function drawnPath(route: Connector): string {
  let path = drawnPaths.get(route);
  if (path === undefined) {
    path = routePath(route.points);
    drawnPaths.set(route, path);
  }
  return path;
}
