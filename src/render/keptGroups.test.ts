import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { moveNodes, removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import {
  isRouted,
  keptGroups,
  renderConnectors,
  routingGroups,
  shapesOf,
  type RouteCache,
} from './diagram';
import { polylineCrossesBox } from './geom';
import type { ConnectorRouter, RouteRequest } from './router';
import { memoRouter } from './routeMemo';
import type { Connector } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** The router, counting the links it is asked to route. */
function counting(): { router: ConnectorRouter; asked: RouteRequest[] } {
  const asked: RouteRequest[] = [];
  return {
    router: {
      route(obstacles, requests) {
        asked.push(...requests);
        return router.route(obstacles, requests);
      },
    },
    asked,
  };
}

/** The devices of a site that are not its borders, spines, array or firewall: its racks. */
const rackDevices = (design: Design, siteId: string) =>
  design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === siteId && /-[tc]\d/.test(n.id))
    .map((n) => n.id);

/**
 * An edit routed as the canvas's worker routes it (routes.worker.ts), after a complete drawing
 * of the design before: its first drawing (the groups whose routes it left valid kept), then
 * its complete drawing, with the links the router was asked for before the first.
 */
function routedEdit(before: Design, edited: Design) {
  const spy = counting();
  const memo = memoRouter(spy.router);
  const cache: RouteCache = new Map();
  renderConnectors(before, memo, { cache, groups: routingGroups(before) });
  spy.asked.length = 0;
  const groups = routingGroups(edited);
  const pending = new Map([...groups].filter(([id, g]) => !isRouted(cache, id, g)));
  const kept = keptGroups(cache, pending);
  const first = renderConnectors(edited, memo, { cache, groups, kept });
  const askedFirst = [...spy.asked];
  const complete = renderConnectors(edited, memo, { cache, groups });
  const groupOf = new Map<string, string>();
  for (const [id, g] of groups) for (const r of g.requests) groupOf.set(r.id, id);
  return { first, complete, kept, askedFirst, groupOf };
}

/** Whether a connector runs through a device other than its own ends. */
function throughDevice(c: Connector, design: Design): string | null {
  for (const d of shapesOf(design).devices)
    if (d.id !== c.source && d.id !== c.target && polylineCrossesBox(c.points, d.box)) return d.id;
  return null;
}

describe('An edit’s first drawing keeps the routes it left valid', () => {
  it('differs from a route from scratch only in kept links, none through a device', () => {
    type Step =
      | { kind: 'paste'; site: number; from: number; count: number; x: number; y: number }
      | { kind: 'delete'; site: number; from: number; count: number }
      | { kind: 'move'; site: number; pick: number; dx: number; dy: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('paste' as const),
        site: fc.nat(2),
        from: fc.nat(40),
        count: fc.integer({ min: 1, max: 12 }),
        x: fc.integer({ min: 0, max: 4000 }),
        y: fc.integer({ min: 0, max: 1400 }),
      }),
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
    );
    let keptAny = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 200, max: 420 }),
        step,
        (sites, perSite, s) => {
          const design = syntheticDesign({ sites, elements: sites * perSite });
          const siteId = `s${s.site % sites}`;
          const site = design.nodes.find((n) => n.id === siteId);
          const racks = rackDevices(design, siteId);
          let edited: Design = design;
          if (s.kind === 'paste' && site) {
            const ids = racks.slice(s.from, s.from + s.count);
            const center = { x: site.position.x + s.x, y: site.position.y + s.y };
            edited =
              pasteInto(design, { design, ids }, { x: 32, y: 32 }, { center })?.design ?? design;
          } else if (s.kind === 'delete')
            edited = removeElements(design, racks.slice(s.from, s.from + s.count));
          else if (s.kind === 'move') {
            const node = design.nodes.find((n) => n.id === racks[s.pick % racks.length]);
            if (node)
              edited = moveNodes(
                design,
                new Map([[node.id, { x: node.position.x + s.dx, y: node.position.y + s.dy }]]),
              );
          }
          const { first, complete, kept, groupOf } = routedEdit(design, edited);
          keptAny += kept.size;
          // The complete drawing is the one a route from scratch makes, point for point.
          const scratch = renderConnectors(edited, router);
          expect(complete).toEqual(scratch);
          // The first differs from it only in links of the kept groups; those run through no
          // device their route did not run through in the drawing before.
          const before = new Map(renderConnectors(design, router).map((c) => [c.id, c]));
          first.forEach((c, i) => {
            const c2 = scratch[i];
            if (c2 && JSON.stringify(c) === JSON.stringify(c2)) return;
            expect(kept.has(groupOf.get(c.id) ?? '?')).toBe(true);
            const was = before.get(c.id);
            const through = throughDevice(c, edited);
            if (through) expect(was && throughDevice(was, design)).toBe(through);
          });
        },
      ),
      { numRuns: 8 },
    );
    // The property is not empty: some edits kept a group.
    expect(keptAny).toBeGreaterThan(0);
  }, 240_000);

  it('routes again first the links between sites whose route a moved device now covers', () => {
    const design = syntheticDesign({ sites: 2, elements: 500 });
    const drawn = renderConnectors(design, router);
    const link = drawn.find((c) => c.id === 'dci-s0-s1-0');
    const rack = design.nodes.find((n) => n.id === rackDevices(design, 's0')[5]);
    const site = design.nodes.find((n) => n.id === 's0');
    if (!link || !rack || !site) throw new Error('the synthetic design has changed');
    // The rack moved onto the middle of the link's longest segment.
    const [a, b] =
      link.points
        .slice(1)
        .map((p, i) => [link.points[i] ?? p, p] as const)
        .sort(
          ([a1, b1], [a2, b2]) =>
            Math.hypot(b2.x - a2.x, b2.y - a2.y) - Math.hypot(b1.x - a1.x, b1.y - a1.y),
        )[0] ?? [];
    if (!a || !b) throw new Error('the link has no segment');
    const box = shapesOf(design).devices.find((d) => d.id === rack.id)?.box;
    if (!box) throw new Error('the rack is not drawn');
    const at = {
      x: rack.position.x + (a.x + b.x) / 2 - (box.x + box.width / 2),
      y: rack.position.y + (a.y + b.y) / 2 - (box.y + box.height / 2),
    };
    const moved = moveNodes(design, new Map([[rack.id, at]]));
    const { first, kept } = routedEdit(design, moved);
    expect(kept.has('')).toBe(false);
    const after = first.find((c) => c.id === link.id);
    expect(after && throughDevice(after, moved)).toBeNull();
  }, 120_000);

  it('routes after the UI bench’s paste at 1,000 elements only links of its site first', () => {
    // bench/ui: DC 1's first 30 rack devices copied and pasted with the view at (40, 40), zoom
    // 0.75: they land at the top left of DC 1, under its spines (the worker's job in the bench).
    const design = syntheticDesign({ sites: 4, elements: 1000 });
    const picked = rackDevices(design, 's0').slice(0, 30);
    const target = {
      center: { x: 680, y: 530 },
      view: { x: -53, y: -53, width: 1466, height: 1160 },
    };
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 }, target);
    if (!pasted) throw new Error('the bench’s paste does not apply');
    const { first, complete, askedFirst } = routedEdit(design, pasted.design);
    // The 16 links between sites (every device is their obstacle) were routed again before
    // the paste's first drawing: 60–140 ms of the worker, for the same routes.
    expect(askedFirst.filter((r) => /^(dci|wit)-/.test(r.id))).toEqual([]);
    expect(first).toEqual(complete);
  }, 120_000);
});
