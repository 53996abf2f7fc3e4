import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { DEVICE_SIZE } from '../model/defaults';
import { removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import {
  assignTracks,
  CHANNEL_GROUP_MIN,
  nearestGap,
  routeGroup,
  routeNearLinks,
} from './channels';
import { diagramDefects, sharedRunPx, SHARED_RUN_PX } from './check';
import { renderDiagram, routingGroups } from './diagram';
import { withPorts, type ConnectorRouter, type RouteEnd, type RouteRequest } from './router';
import type { Connector, Diagram } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** The router, counting the links it is asked to route. */
function counting(): { router: ConnectorRouter; routed: () => number } {
  let routed = 0;
  return {
    router: {
      route(obstacles, requests) {
        routed += requests.length;
        return router.route(obstacles, requests);
      },
    },
    routed: () => routed,
  };
}

/**
 * One leaf-spine site, its rows far enough apart for every link to have a track of its own:
 * spines on top, leaves below, two hosts per leaf below them, each row in a shuffled order (so
 * links go left and right, short and long), every leaf linked to every spine.
 */
function fabric(spines: number, leaves: number, order: readonly number[]): Design {
  const column = DEVICE_SIZE.width + 40;
  const leafY = 40 + DEVICE_SIZE.height + 12 * spines * leaves + 80;
  const hostY = leafY + DEVICE_SIZE.height + 12 * 2 * leaves + 80;
  const b = new DesignBuilder('Fabric').site('s', 'DC', {
    position: { x: 0, y: 0 },
    width: (2 * leaves + 2) * column,
    height: hostY + DEVICE_SIZE.height + 60,
  });
  const at = (i: number, y: number) => ({ position: { x: 40 + i * column, y } });
  for (let i = 0; i < spines; i++) b.spine(`sp${i}`, 's', at(i * 3 + 1, 40));
  for (let l = 0; l < leaves; l++) {
    b.tor(`t${l}`, 's', at((order[l] ?? l) % (2 * leaves), leafY));
    for (let i = 0; i < spines; i++) b.fabric(`t${l}~sp${i}`, `t${l}`, `sp${i}`);
    for (const h of [0, 1]) {
      b.cluster(`c${l}-${h}`, 's', at((order[(l + h * 7) % leaves] ?? l) * 2 + h, hostY));
      b.fabric(`c${l}-${h}~t${l}`, `c${l}-${h}`, `t${l}`);
    }
  }
  return b.build();
}

/**
 * A leaf-spine site in two blocks: spines on top, a row of leaves with a host under each, and a
 * second row of leaves below the hosts; every leaf linked to every spine, so the second row's
 * links pass between the first block's racks.
 */
function twoBlocks(spines: number, leaves: number): Design {
  const column = DEVICE_SIZE.width + 40;
  const leafY = 40 + DEVICE_SIZE.height + 12 * spines * leaves * 2 + 80;
  const hostY = leafY + DEVICE_SIZE.height + 60;
  const lowY = hostY + DEVICE_SIZE.height + 12 * spines * leaves + 80;
  const b = new DesignBuilder('Two blocks').site('s', 'DC', {
    position: { x: 0, y: 0 },
    width: (leaves + 2) * column,
    height: lowY + DEVICE_SIZE.height + 60,
  });
  const at = (i: number, y: number) => ({ position: { x: 40 + i * column, y } });
  for (let i = 0; i < spines; i++) b.spine(`sp${i}`, 's', at(i * 3 + 1, 40));
  for (let l = 0; l < leaves; l++) {
    b.tor(`a${l}`, 's', at(l, leafY));
    b.cluster(`h${l}`, 's', at(l, hostY));
    b.fabric(`h${l}~a${l}`, `h${l}`, `a${l}`);
    b.tor(`b${l}`, 's', at(l, lowY));
    for (let i = 0; i < spines; i++) {
      b.fabric(`a${l}~sp${i}`, `a${l}`, `sp${i}`);
      b.fabric(`b${l}~sp${i}`, `b${l}`, `sp${i}`);
    }
  }
  return b.build();
}

/** Pairs of links of one site drawn on one line for more than SHARED_RUN_PX. */
function overlaps(diagram: Diagram): [string, string][] {
  const out: [string, string][] = [];
  const list: readonly Connector[] = diagram.connectors;
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1))
      if (sharedRunPx(a.points, b.points) > SHARED_RUN_PX) out.push([a.id, b.id]);
  });
  return out;
}

describe('Large sites route their row-to-row links by rule', () => {
  it('routes the links between rows without the general router, each on a track of its own', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }),
        fc
          .integer({ min: 17, max: 24 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.shuffledSubarray([...Array(2 * n).keys()], { minLength: n, maxLength: n }),
            ),
          ),
        (spines, [leaves, order]) => {
          const design = fabric(spines, leaves, order);
          expect(design.links.length).toBeGreaterThan(CHANNEL_GROUP_MIN);
          const spy = counting();
          const diagram = renderDiagram(design, spy.router);
          // The row-to-row links are drawn by rule: the router sees none of them.
          expect(spy.routed()).toBe(0);
          expect(diagramDefects(diagram).crossings).toEqual([]);
          expect(overlaps(diagram)).toEqual([]);
          const boxes = new Map(diagram.devices.map((d) => [d.id, d.box]));
          for (const c of diagram.connectors) {
            // Down from the upper device's bottom, along a track, down into the lower's top.
            expect(c.points.length === 2 || c.points.length === 4).toBe(true);
            const [first, last] = [c.points[0], c.points[c.points.length - 1]];
            const source = boxes.get(c.source);
            const target = boxes.get(c.target);
            const onTopOrBottom = (p: typeof first, b: typeof source) =>
              !!p &&
              !!b &&
              p.x > b.x &&
              p.x < b.x + b.width &&
              (p.y === b.y || p.y === b.y + b.height);
            expect(onTopOrBottom(first, source)).toBe(true);
            expect(onTopOrBottom(last, target)).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('routes the links through the rows of another block between the racks, by rule', () => {
    for (const [spines, leaves] of [
      [4, 12],
      [3, 17],
    ] as const) {
      const design = twoBlocks(spines, leaves);
      const spy = counting();
      const diagram = renderDiagram(design, spy.router);
      // The lower row's links too: deleting or pasting racks of the upper block used to send
      // every one of them to the router again (their input is every device around them).
      expect(spy.routed()).toBe(0);
      expect(diagramDefects(diagram).crossings).toEqual([]);
      expect(overlaps(diagram)).toEqual([]);
      const gone = removeElements(design, ['a0', 'h0', 'a1', 'h1']);
      const after = counting();
      const redrawn = renderDiagram(gone, after.router);
      expect(after.routed()).toBe(0);
      expect(diagramDefects(redrawn).crossings).toEqual([]);
      expect(overlaps(redrawn)).toEqual([]);
    }
  });

  it('keeps every route of a synthetic design out of the devices that are not its ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 150, max: 370 }),
        (sites, perSite) => {
          const design = syntheticDesign({ sites, elements: sites * perSite });
          const spy = counting();
          const diagram = renderDiagram(design, spy.router);
          expect(diagramDefects(diagram).crossings).toEqual([]);
          // Every link is drawn, by rule or by the router.
          expect(diagram.connectors.length).toBe(design.links.length);
          for (const c of diagram.connectors) expect(c.points.length).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('routes a small site with the general router alone, as before', () => {
    const design = syntheticDesign({ sites: 2, elements: 200 });
    const spy = counting();
    renderDiagram(design, spy.router);
    expect(spy.routed()).toBe(design.links.length);
  });
});

describe('The batches of a large site’s leftover links', () => {
  it('are taken by where the links run: deleting one leaves the others’ batches as they were', () => {
    const design = syntheticDesign({ sites: 4, elements: 3000 });
    const group = routingGroups(design).get('s0');
    if (!group) throw new Error('no group s0');
    const calls = (requests: readonly RouteRequest[]) => {
      const out: string[] = [];
      const recording: ConnectorRouter = {
        route(obstacles, batch) {
          out.push(JSON.stringify([obstacles.map((o) => o.id), batch]));
          return new Map(batch.map((r) => [r.id, []]));
        },
      };
      routeGroup(recording, group.obstacles, requests);
      return out;
    };
    // Its links without their sides: none is drawn by rule, every one goes to the router.
    const free = (e: RouteEnd): RouteEnd => ('shapeId' in e ? { shapeId: e.shapeId } : e);
    const requests = group.requests.map((r) => ({
      id: r.id,
      source: free(r.source),
      target: free(r.target),
    }));
    const before = calls(requests);
    expect(before.length).toBeGreaterThan(10);
    // A host link of the leftmost rack: its batch changes, and only its batch.
    const gone = requests.find((r) => r.id === 's0-c0-1~s0-t0');
    if (!gone) throw new Error('no link s0-c0-1~s0-t0');
    const after = calls(requests.filter((r) => r !== gone));
    const kept = new Set(before);
    // The batches of its column of the canvas (the column's links cut 30 by 30) change; the
    // batches of every other column are as they were.
    const changed = after.filter((c) => !kept.has(c));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(2);
  });
});

describe('The corridor a link through rows takes', () => {
  it('is the gap every gap scored would pick (the lowest score, the leftmost of equals)', () => {
    // Gaps left to right without overlap, as rowsBetween makes them; small integers for ties.
    const gaps = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 })), {
        maxLength: 40,
      })
      .map((steps) => {
        let at = -200;
        return steps.map(([space, width]): readonly [number, number] => {
          const gap = [at + space, at + space + width] as const;
          at = gap[1];
          return gap;
        });
      });
    const off = ([a, b]: readonly [number, number], x: number) =>
      x < a ? a - x : x > b ? x - b : 0;
    const every = (list: readonly (readonly [number, number])[], x: number, from: number) => {
      let best: readonly [number, number] | null = null;
      let score = Infinity;
      for (const gap of list) {
        const d = off(gap, x) + off(gap, from) / 1e3;
        if (d < score) {
          score = d;
          best = gap;
        }
      }
      return best;
    };
    const at = fc.oneof(fc.integer({ min: -300, max: 1500 }), fc.double({ min: -300, max: 1500 }));
    fc.assert(
      fc.property(gaps, at, at, (list, x, from) => {
        expect(nearestGap({ gaps: list }, x, from)).toBe(every(list, x, from));
      }),
      { numRuns: 2000 },
    );
    // A tie between a gap left of x and one right of it: the left one, as when every gap is
    // scored in order (500.5 from x each, the right one plus 1000 / 1e3 from `from`).
    const tie = [[-10, 0] as const, [1000, 1010] as const];
    expect(nearestGap({ gaps: tie }, 500.5, 0)).toBe(tie[0]);
  });
});

describe('The tracks of a band', () => {
  it('are those of comparing each link with every link of a track', () => {
    type Crossing = Parameters<typeof assignTracks>[0][number];
    const SPACING = 12;
    /** assignTracks as it compared a link with each stretch of the track, one by one. */
    const oneByOne = (links: readonly Crossing[]): Crossing[][] => {
      const rightward = (l: Crossing) => l.lower.x > l.upper.x;
      let left = [...links].sort((a, b) =>
        rightward(a) !== rightward(b)
          ? rightward(a)
            ? 1
            : -1
          : rightward(a)
            ? b.upper.x - a.upper.x
            : a.upper.x - b.upper.x,
      );
      const above = new Map<Crossing, Crossing[]>();
      const byUpper = [...links].sort((a, b) => a.upper.x - b.upper.x);
      for (const l of links) {
        let lo = 0;
        let hi = byUpper.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((byUpper[mid] as Crossing).upper.x < l.lower.x - SPACING / 2) lo = mid + 1;
          else hi = mid;
        }
        const list: Crossing[] = [];
        for (let i = lo; i < byUpper.length; i++) {
          const a = byUpper[i] as Crossing;
          if (a.upper.x > l.lower.x + SPACING / 2) break;
          if (a !== l) list.push(a);
        }
        if (list.length > 0) above.set(l, list);
      }
      const placed = new Set<Crossing>();
      const tracks: Crossing[][] = [];
      while (left.length > 0) {
        const track: Crossing[] = [];
        const next: Crossing[] = [];
        for (const l of left) {
          const from = Math.min(l.upper.x, l.lower.x);
          const to = Math.max(l.upper.x, l.lower.x);
          const fits =
            (above.get(l) ?? []).every((a) => placed.has(a)) &&
            track.every((t) => {
              const tFrom = Math.min(t.upper.x, t.lower.x);
              const tTo = Math.max(t.upper.x, t.lower.x);
              return from >= tTo + SPACING || to <= tFrom - SPACING;
            });
          (fits ? track : next).push(l);
        }
        if (track.length === 0) track.push(next.shift() as Crossing);
        for (const l of track) placed.add(l);
        tracks.push(track);
        left = next;
      }
      return tracks;
    };
    const x = fc.oneof(
      fc.integer({ min: 0, max: 400 }),
      fc.double({ min: 0, max: 400, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(x, x), { maxLength: 60 }), fc.boolean(), (ends, withNaN) => {
        const links = ends.map(([a, b], i): Crossing => ({
          request: {
            id: `l${i}`,
            source: { point: { x: 0, y: 0 } },
            target: { point: { x: 0, y: 0 } },
          },
          upper: { x: withNaN && i === 3 ? NaN : a, y: 0 },
          lower: { x: b, y: 100 },
          upperIsSource: true,
        }));
        const ids = (tracks: Crossing[][]) => tracks.map((t) => t.map((l) => l.request.id));
        expect(ids(assignTracks(links))).toEqual(ids(oneByOne(links)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('A drag’s few links, routed among the devices near them', () => {
  const design = syntheticDesign({ sites: 2, elements: 600 });
  const group = routingGroups(design).get('s0');
  if (!group) throw new Error('synthetic design has no site s0');
  const mine = (r: RouteRequest) =>
    [r.source, r.target].some((e) => 'shapeId' in e && e.shapeId === 's0-t1');
  // Ported among all the group's links, as a preview ports them (preview.ts).
  const links = withPorts(group.obstacles, group.requests).filter(mine);

  it('gives the router only the devices near the links, ends included, and draws the same routes', () => {
    const given: string[][] = [];
    const pinned: boolean[] = [];
    const recording: ConnectorRouter = {
      route(obstacles, requests, options) {
        given.push(obstacles.map((o) => o.id));
        pinned.push(options?.endPinsOnly === true);
        return router.route(obstacles, requests, options);
      },
    };
    const near = routeNearLinks(recording, group.obstacles, links);
    expect(pinned).toEqual([true]);
    expect(links.length).toBeGreaterThan(2);
    expect(given).toHaveLength(1);
    const shapes = new Set(given[0]);
    expect(shapes.size).toBeLessThan(group.obstacles.length * 0.7);
    for (const r of links)
      for (const e of [r.source, r.target]) if ('shapeId' in e) expect(shapes).toContain(e.shapeId);
    const all = router.route(group.obstacles, links);
    expect([...near].sort()).toEqual([...all].sort());
  });

  it('routes again among all devices a link whose route runs through one it was not given', () => {
    const box = (x: number, y: number) => ({ x, y, width: 100, height: 40 });
    const obstacles = [
      { id: 'a', box: box(0, 0) },
      { id: 'b', box: box(1000, 0) },
      { id: 'c', box: box(0, 200) },
      { id: 'd', box: box(400, 200) },
      // Far below every link's ends.
      { id: 'wall', box: box(450, 600) },
    ];
    const end = (shapeId: string): RouteEnd => ({ shapeId });
    const requests: RouteRequest[] = [
      { id: 'a-b', source: end('a'), target: end('b') },
      { id: 'c-d', source: end('c'), target: end('d') },
    ];
    const calls: string[][] = [];
    const detour: ConnectorRouter = {
      route(given, asked) {
        calls.push(given.map((o) => o.id));
        const first = calls.length === 1;
        return new Map(
          asked.map((r) => [
            r.id,
            // The first call sends a-b down through the wall; every other route is direct.
            first && r.id === 'a-b'
              ? [
                  { x: 50, y: 40 },
                  { x: 50, y: 620 },
                  { x: 1050, y: 620 },
                  { x: 1050, y: 40 },
                ]
              : [
                  { x: first ? 1 : 2, y: 0 },
                  { x: 3, y: 0 },
                ],
          ]),
        );
      },
    };
    const routes = routeNearLinks(detour, obstacles, requests);
    expect(calls).toEqual([
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'c', 'd', 'wall'],
    ]);
    expect(routes.get('a-b')?.[0]).toEqual({ x: 2, y: 0 });
    expect(routes.get('c-d')?.[0]).toEqual({ x: 1, y: 0 });
  });
});

describe('A router call that pins only the shapes its links end at', () => {
  it('draws a site’s routes as a call that pins every shape', () => {
    const design = syntheticDesign({ sites: 2, elements: 600 });
    for (const site of ['s0', 's1']) {
      const group = routingGroups(design).get(site);
      if (!group) throw new Error(`synthetic design has no site ${site}`);
      // A rack's links, and a sample of the site's (all of them route for long in a unit test).
      const links = withPorts(group.obstacles, group.requests).filter((_, i) => i % 7 === 0);
      expect(links.length).toBeGreaterThan(5);
      const ends = router.route(group.obstacles, links, { endPinsOnly: true });
      expect([...ends].sort()).toEqual([...router.route(group.obstacles, links)].sort());
    }
  });
});
