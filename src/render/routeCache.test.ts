import { beforeAll, describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { moveNodes, removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { isRouted, renderConnectors, routingGroups, type RouteCache } from './diagram';
import type { ConnectorRouter } from './router';
import { memoRouter } from './routeMemo';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** A site's rack devices (not its borders, spines, array or firewall). */
const racks = (design: Design, siteId: string) =>
  design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === siteId && /-[tc]\d/.test(n.id))
    .map((n) => n.id);

const moved = (design: Design, id: string, dx: number, dy: number): Design => {
  const node = design.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return moveNodes(design, new Map([[id, { x: node.position.x + dx, y: node.position.y + dy }]]));
};

describe('The route cache', () => {
  it('draws after each edit, routed from the routes before, what a route from scratch draws', () => {
    const design = syntheticDesign({ sites: 3, elements: 450 });
    const picked = racks(design, 's0').slice(0, 12);
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 })?.design;
    if (!pasted) throw new Error('the paste does not apply');
    const rack = racks(design, 's1')[3] as string;
    const steps: [string, Design][] = [
      ['delete', removeElements(design, picked)],
      ['undo', design],
      ['paste', pasted],
      ['undo', design],
      // A box that moved by a pixel, either way: its links' routes are not the cache's.
      ['rack 1 px right', moved(design, rack, 1, 0)],
      ['rack 1 px down', moved(moved(design, rack, 1, 0), rack, -1, 1)],
      // Every box of a site moved: the links between sites too.
      ['site moved', moved(design, 's2', 8, 0)],
      ['undo', design],
    ];
    // As the canvas's worker routes (routes.worker.ts): one cache and one memo for every job.
    const memo = memoRouter(router);
    const cache: RouteCache = new Map();
    renderConnectors(design, memo, { cache, groups: routingGroups(design) });
    for (const [name, edited] of steps) {
      const groups = routingGroups(edited);
      const cached = [...groups].filter(([id, g]) => isRouted(cache, id, g)).map(([id]) => id);
      const drawn = renderConnectors(edited, memo, { cache, groups });
      expect({ name, drawn }).toEqual({ name, drawn: renderConnectors(edited, router) });
      // And the cache is used: an edit in one site leaves another's routes as they were.
      if (name !== 'site moved') expect(cached.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
