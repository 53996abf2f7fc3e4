import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveNodes, removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { renderDiagram, type RouteCache } from './diagram';
import type { ConnectorRouter, Obstacle, RouteRequest } from './router';
import { memoRouter } from './routeMemo';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** The router, keeping each call it gets. */
function recording(): {
  router: ConnectorRouter;
  calls: { obstacles: readonly Obstacle[]; requests: readonly RouteRequest[] }[];
} {
  const calls: { obstacles: readonly Obstacle[]; requests: readonly RouteRequest[] }[] = [];
  return {
    router: {
      route(obstacles, requests) {
        calls.push({ obstacles, requests });
        return router.route(obstacles, requests);
      },
    },
    calls,
  };
}

/** The devices of a site that are not its borders, spines, array or firewall: its racks. */
const rackDevices = (design: Design, siteId: string) =>
  design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === siteId && /-[tc]\d/.test(n.id))
    .map((n) => n.id);

describe('The canvas’s router remembers its answers', () => {
  it('draws after any deletes, moves and undos what a route from scratch draws', () => {
    type Step =
      | { kind: 'delete'; site: number; from: number; count: number }
      | { kind: 'move'; site: number; pick: number; dx: number; dy: number }
      | { kind: 'undo' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        site: fc.nat(2),
        from: fc.nat(60),
        count: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        site: fc.nat(2),
        pick: fc.nat(60),
        dx: fc.integer({ min: -300, max: 300 }),
        dy: fc.integer({ min: -200, max: 200 }),
      }),
      fc.constant({ kind: 'undo' as const }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 200, max: 420 }),
        fc.array(step, { minLength: 2, maxLength: 4 }),
        (sites, perSite, steps) => {
          const memo = memoRouter(router);
          const cache: RouteCache = new Map();
          let design = syntheticDesign({ sites, elements: sites * perSite });
          const history: Design[] = [];
          expect(renderDiagram(design, memo, { cache })).toEqual(renderDiagram(design, router));
          for (const s of steps) {
            const siteId = `s${'site' in s ? s.site % sites : 0}`;
            const racks = rackDevices(design, siteId);
            if (s.kind === 'undo') design = history.pop() ?? design;
            else if (s.kind === 'delete') {
              history.push(design);
              design = removeElements(design, racks.slice(s.from, s.from + s.count));
            } else {
              const id = racks[s.pick % Math.max(1, racks.length)];
              const node = design.nodes.find((n) => n.id === id);
              if (!node) continue;
              history.push(design);
              const { x, y } = node.position;
              design = moveNodes(design, new Map([[node.id, { x: x + s.dx, y: y + s.dy }]]));
            }
            expect(renderDiagram(design, memo, { cache })).toEqual(renderDiagram(design, router));
          }
        },
      ),
      { numRuns: 5 },
    );
  });

  it('reroutes, after a delete in one site, only links of that site near what went', () => {
    const design = syntheticDesign({ sites: 4, elements: 1000 });
    const spy = recording();
    const memo = memoRouter(spy.router);
    const cache: RouteCache = new Map();
    renderDiagram(design, memo, { cache });
    const before = spy.calls.length;
    const gone = rackDevices(design, 's1').slice(0, 9);
    const after = removeElements(design, gone);
    const drawn = renderDiagram(after, memo, { cache });
    expect(drawn).toEqual(renderDiagram(after, router));
    const calls = spy.calls.slice(before);
    expect(calls.length).toBeGreaterThan(0);
    // No link between sites, no device of another site: those routes' inputs did not change.
    for (const { obstacles, requests } of calls) {
      for (const o of obstacles) expect(o.id).toMatch(/^s1[-#]/);
      for (const r of requests) expect(r.id).not.toMatch(/^(dci|wit)-/);
    }
    const rerouted = calls.reduce((n, c) => n + c.requests.length, 0);
    const inSite = after.links.filter(
      (l) => l.source.startsWith('s1-') && l.target.startsWith('s1-'),
    );
    expect(rerouted).toBeLessThan(inSite.length / 2);
  });

  it('routes an undo back to a drawing made lately without the router', () => {
    const design = syntheticDesign({ sites: 2, elements: 500 });
    const spy = recording();
    const memo = memoRouter(spy.router);
    const cache: RouteCache = new Map();
    const first = renderDiagram(design, memo, { cache });
    renderDiagram(removeElements(design, rackDevices(design, 's0').slice(0, 6)), memo, { cache });
    const before = spy.calls.length;
    expect(renderDiagram(design, memo, { cache })).toEqual(first);
    expect(spy.calls.length).toBe(before);
  });

  it('forgets the answers used least lately beyond the number it keeps', () => {
    const spy = recording();
    const memo = memoRouter(spy.router, 2);
    const box = (x: number) => ({ x, y: 0, width: 40, height: 40 });
    const ask = (x: number) =>
      memo.route(
        [
          { id: 'a', box: box(0) },
          { id: 'b', box: box(x) },
        ],
        [{ id: 'l', source: { shapeId: 'a' }, target: { shapeId: 'b' } }],
      );
    ask(100);
    ask(200);
    ask(100);
    ask(300); // forgets 200, used least lately
    expect(spy.calls).toHaveLength(3);
    ask(100);
    expect(spy.calls).toHaveLength(3);
    ask(200);
    expect(spy.calls).toHaveLength(4);
  });
});
