import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { DEVICE_SIZE } from '../model/defaults';
import { moveNodes, removeElements } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import {
  groupKeeper,
  isRouted,
  keptGroups,
  renderConnectors,
  routingGroups,
  type DrawnLinks,
  type RouteCache,
} from './diagram';
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
    const links: DrawnLinks = new Map();
    renderConnectors(design, memo, { cache, drawn: links, groups: routingGroups(design) });
    for (const [name, edited] of steps) {
      const groups = routingGroups(edited);
      const cached = [...groups].filter(([id, g]) => isRouted(cache, id, g)).map(([id]) => id);
      const drawn = renderConnectors(edited, memo, { cache, drawn: links, groups });
      expect({ name, drawn }).toEqual({ name, drawn: renderConnectors(edited, router) });
      // And the cache is used: an edit in one site leaves another's routes as they were.
      if (name !== 'site moved') expect(cached.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('keeps no site’s groups when a box of another site comes in front of its ports', () => {
    const design = syntheticDesign({ sites: 3, elements: 450 });
    const groupsOf = groupKeeper();
    groupsOf(design);
    // A rack of DC 2 moved just below a spine of DC 1 (across the sites' bounds): the spine's
    // links to its ToRs no longer leave by its bottom, though DC 1's own devices did not move.
    const at = (id: string) => {
      const node = design.nodes.find((n) => n.id === id);
      const parent = node && node.kind !== 'site' ? node.parentId : undefined;
      const site = design.nodes.find((n) => n.id === parent);
      if (!node || !site) throw new Error(`no node ${id}`);
      return { x: site.position.x + node.position.x, y: site.position.y + node.position.y };
    };
    const rack = racks(design, 's1')[0] as string;
    const spine = at('s0-sp0');
    const from = at(rack);
    const next = moved(design, rack, spine.x - from.x, spine.y + DEVICE_SIZE.height + 4 - from.y);
    const groups = groupsOf(next);
    expect(groups.get('s0')).not.toEqual(routingGroups(design).get('s0'));
    expect([...groups]).toEqual([...routingGroups(next)]);
  });

  it('draws after any run of deletes, pastes and undos what a route from scratch draws, from the groups it kept, keeping untouched links’ connectors', () => {
    const design = syntheticDesign({ sites: 3, elements: 450 });
    type Step =
      | { kind: 'delete'; site: number; from: number; count: number }
      | { kind: 'paste'; site: number; from: number; count: number; x: number; y: number }
      | { kind: 'undo' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        site: fc.integer({ min: 0, max: 2 }),
        from: fc.integer({ min: 0, max: 60 }),
        count: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('paste' as const),
        site: fc.integer({ min: 0, max: 2 }),
        from: fc.integer({ min: 0, max: 60 }),
        count: fc.integer({ min: 1, max: 30 }),
        x: fc.integer({ min: -200, max: 400 }),
        y: fc.integer({ min: -200, max: 400 }),
      }),
      fc.constant({ kind: 'undo' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
        // As the canvas's worker routes (routes.worker.ts): one cache, one memo and one record
        // of drawn links for every job; an edit's first drawing (kept groups), then its
        // complete one.
        // And one groupKeeper: each job's groups are routingGroups' from scratch.
        const memo = memoRouter(router);
        const cache: RouteCache = new Map();
        const drawn: DrawnLinks = new Map();
        const groupsOf = groupKeeper();
        renderConnectors(design, memo, { cache, drawn, groups: groupsOf(design) });
        const history: Design[] = [design];
        for (const s of steps) {
          const now = history[history.length - 1] as Design;
          let next: Design | undefined;
          if (s.kind === 'undo') {
            if (history.length < 2) continue;
            history.pop();
            next = history[history.length - 1];
          } else {
            const ids = racks(now, `s${s.site}`).slice(s.from, s.from + s.count);
            if (ids.length === 0) continue;
            next =
              s.kind === 'delete'
                ? removeElements(now, ids)
                : pasteInto(now, { design: now, ids }, { x: s.x, y: s.y })?.design;
            if (!next) continue;
            history.push(next);
          }
          if (!next) continue;
          const before = new Map(drawn);
          const groups = groupsOf(next);
          expect([...groups]).toEqual([...routingGroups(next)]);
          const pending = new Map([...groups].filter(([id, g]) => !isRouted(cache, id, g)));
          const kept = keptGroups(cache, pending);
          if (kept.size > 0) renderConnectors(next, memo, { cache, drawn, groups, kept });
          const complete = renderConnectors(next, memo, { cache, drawn, groups });
          expect(complete).toEqual(renderConnectors(next, router));
          // Links the edit left as they were keep the connectors drawn before.
          const same = complete.filter((c) => before.get(c.id)?.connector === c);
          expect(same.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
