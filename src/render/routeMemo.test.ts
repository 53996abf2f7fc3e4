import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { moveNodes, removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { renderDiagram, routingGroups, type RouteCache } from './diagram';
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

  describe('after the UI bench’s edits at 3,000 elements', () => {
    // bench/ui/page.ts and bench/route.bench.ts: DC 1's first 30 rack devices deleted, or
    // pasted 32 px down and right, and s0-t1 dragged 320 px right and 160 px down and dropped.
    const design = syntheticDesign({ sites: 4, elements: 3000 });
    const picked = rackDevices(design, 's0').slice(0, 30);
    const tor = design.nodes.find((n) => n.id === 's0-t1');
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
    if (!tor || !pasted) throw new Error('the bench’s edits do not apply');
    const edits: [string, Design][] = [
      [
        'a drop',
        moveNodes(
          design,
          new Map([[tor.id, { x: tor.position.x + 320, y: tor.position.y + 160 }]]),
        ),
      ],
      ['a delete', removeElements(design, picked)],
      ['a paste', pasted.design],
    ];
    /** Routed as the canvas's worker routes it: after the design as it was, with its caches. */
    const afterEdit = (edited: Design) => {
      const spy = recording();
      const memo = memoRouter(spy.router);
      const cache: RouteCache = new Map();
      renderDiagram(design, memo, { cache, groups: routingGroups(design) });
      const before = spy.calls.length;
      const drawn = renderDiagram(edited, memo, { cache, groups: routingGroups(edited) });
      return { drawn, calls: spy.calls.slice(before) };
    };

    for (const [name, edited] of edits)
      it(`draws after ${name} what a route from scratch draws, point for point`, () => {
        const { drawn, calls } = afterEdit(edited);
        // A link that should have been routed again and was not keeps its old points here.
        expect(drawn).toEqual(renderDiagram(edited, router));
        // DC 1's spine↔leaf links through the rows of racks are drawn by rule (channels.ts):
        // racks deleted or pasted among those rows route none of them again (180 did).
        const rerouted = calls.reduce((n, c) => n + c.requests.length, 0);
        if (name !== 'a drop') expect(rerouted).toBeLessThan(20);
      }, 120_000);

    it('routes again, after the drop, only a few of its site’s links', () => {
      const drop = edits[0]?.[1] ?? design;
      const { calls } = afterEdit(drop);
      const rerouted = calls.reduce((n, c) => n + c.requests.length, 0);
      const inSite = drop.links.filter(
        (l) => l.source.startsWith('s0-') && l.target.startsWith('s0-'),
      );
      // The dragged leaf's links and those near it; its site's links through the rows of
      // racks are drawn by rule (channels.ts), not by the router (207 links were routed again).
      expect(rerouted).toBeGreaterThan(0);
      expect(rerouted).toBeLessThan(inSite.length / 10);
    }, 120_000);
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
