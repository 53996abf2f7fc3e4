/**
 * A route's SVG path, written once per route while its edge is drawn: a route keeps its object
 * while it does not change (routes.ts), and a selection, a select-all or new findings re-render
 * its edge, not its route.
 *
 * The path lives with the drawn edge, not in a table of every route: the canvas draws only the
 * links in view, and a table kept the path of every link ever drawn (all of them, since a design
 * opens fitted to the view), ~0.3 MB at 3,000 elements. A link that comes back into view writes
 * its path again, a few microseconds against the edge's own mounting.
 */
import { useMemo } from 'react';
import { routePath } from '../render/path';
import type { Connector } from '../render/types';

/** The path of `route` (undefined while the edge has none), the same string while it is. */
export function useDrawnPath(route: Connector | undefined): string | undefined {
  return useMemo(() => (route ? routePath(route.points) : undefined), [route]);
}
