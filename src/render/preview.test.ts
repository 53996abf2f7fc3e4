import { beforeAll, describe, expect, it } from 'vitest';
import { moveNodes } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import {
  placeLabels,
  renderDiagram,
  routingGroups,
  shapesOf,
  SITE_HEADER_PX,
  type RouteCache,
} from './diagram';
import { polylineCrossesBox } from './geom';
import { previewBase, previewConnectors, type PreviewBase } from './preview';
import type { ConnectorRouter } from './router';
import type { Connector } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

/** A router that records the links it is asked for. */
function asking(): { router: ConnectorRouter; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    router: { route: (o, r) => (asked.push(...r.map((q) => q.id)), router.route(o, r)) },
  };
}

describe('A drag’s preview at the cost of what moved', () => {
  // Large enough that its sites route in batches among nearby devices (channels.ts).
  const design = syntheticDesign({ sites: 2, elements: 600 });
  const moves = (to: { x: number; y: number }[]): Design[] => {
    const tor = design.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    return to.map((d) =>
      moveNodes(design, new Map([[tor.id, { x: tor.position.x + d.x, y: tor.position.y + d.y }]])),
    );
  };

  it('routes the links the whole design’s live drawing routes, along the same routes', () => {
    const cache: RouteCache = new Map();
    const drawn = renderDiagram(design, router, { cache });
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined, cache);
    for (const moved of moves([
      { x: 40, y: 20 },
      { x: 120, y: 0 },
      { x: -60, y: 90 },
    ])) {
      const whole = asking();
      const live = renderDiagram(moved, router, { cache, live: whole.router });
      const preview = asking();
      const connectors = previewConnectors(base, moved, preview.router, undefined);
      expect(connectors).not.toBeNull();
      expect(new Set(preview.asked)).toEqual(new Set(whole.asked));
      expect(connectors?.map((c) => [c.id, c.points])).toEqual(
        live.connectors.map((c) => [c.id, c.points]),
      );
    }
  });

  it('places the labels of the DCI links a border router drags as a placement among all does', () => {
    const border = design.nodes.find((n) => n.id === 's0-be0');
    if (!border) throw new Error('synthetic design has no s0-be0');
    const cache: RouteCache = new Map();
    const drawn = renderDiagram(design, router, { cache });
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined, cache);
    const own = new Set(
      design.links.filter((l) => l.source === border.id || l.target === border.id).map((l) => l.id),
    );
    // The router dragged along, then onto the label of another DCI link (which must then go
    // elsewhere: a label never lies over a device).
    const label = drawn.connectors.find((c) => !own.has(c.id) && c.label)?.label?.box;
    const box = shapesOf(design).devices.find((x) => x.id === border.id)?.box;
    if (!label || !box) throw new Error('no DCI label or router box');
    for (const d of [
      { x: -40, y: 20 },
      { x: -120, y: 60 },
      { x: 30, y: -50 },
      { x: -400, y: 200 },
      {
        x: label.x + label.width / 2 - (box.x + box.width / 2),
        y: label.y + label.height / 2 - (box.y + box.height / 2),
      },
    ]) {
      const moved = moveNodes(
        design,
        new Map([[border.id, { x: border.position.x + d.x, y: border.position.y + d.y }]]),
      );
      const preview = previewConnectors(base, moved, router, undefined) ?? [];
      // The dragged router's DCI links were drawn again, labels and all.
      const redrawn = preview.filter((c, i) => c !== drawn.connectors[i]);
      expect(redrawn.filter((c) => own.has(c.id) && c.label)).not.toEqual([]);
      // Labels go where placing them among every device and route of the preview puts them
      // (placeLabels without the preview's look-ups; where a label is given does not count).
      const { sites, devices } = shapesOf(moved);
      const whole = placeLabels(
        preview,
        devices.map((x) => x.box),
        sites.map((x) => ({ ...x.box, height: SITE_HEADER_PX })),
      );
      expect(preview.map((c) => c.label?.box)).toEqual(whole.map((c) => c.label?.box));
    }
  });

  it('keeps the connector object of every link it does not route again', () => {
    const drawn = renderDiagram(design, router);
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined);
    const [moved] = moves([{ x: 40, y: 20 }]);
    const preview = asking();
    const connectors = previewConnectors(base, moved as Design, preview.router, undefined) ?? [];
    const kept = connectors.filter((c, i) => c === drawn.connectors[i]);
    expect(preview.asked.length).toBeGreaterThan(0);
    expect(kept.length).toBe(connectors.length - new Set(preview.asked).size);
  });

  it('hands the router only the devices near the links it routes again', () => {
    const cache: RouteCache = new Map();
    const drawn = renderDiagram(design, router, { cache });
    const groups = routingGroups(design);
    const base = previewBase(design, drawn.connectors, groups, undefined, cache);
    const [moved] = moves([{ x: 40, y: 20 }]);
    const shapes: number[] = [];
    const counting: ConnectorRouter = {
      route: (obstacles, requests) => (
        shapes.push(obstacles.length),
        router.route(obstacles, requests)
      ),
    };
    expect(previewConnectors(base, moved as Design, counting, undefined)).not.toBeNull();
    const site = groups.get('s0')?.obstacles.length ?? 0;
    expect(site).toBeGreaterThan(100);
    expect(shapes.length).toBeGreaterThan(0);
    // A site's devices cost libavoid about 25 µs each, on every move (channels.ts, routeNearLinks).
    for (const n of shapes) expect(n).toBeLessThan(site * 0.7);
  });

  it('reads, on each move, only what lies near it: no other device’s place, no far route', () => {
    const drawn = renderDiagram(design, router);
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined);
    const [first, second] = moves([
      { x: 40, y: 20 },
      { x: 60, y: 30 },
    ]);
    // The first preview of a drawing files its things by place (PreviewBase.index).
    expect(previewConnectors(base, first as Design, router, undefined)).not.toBeNull();
    let reads = 0;
    const counted = <T extends object>(o: T, key: keyof T) => {
      const value = o[key];
      Object.defineProperty(o, key, { get: () => (reads++, value), configurable: true });
    };
    // Every device but the dragged one, and every route in the other site.
    for (const n of design.nodes) if (n.kind !== 'site' && n.id !== 's0-t1') counted(n, 'position');
    const far = drawn.connectors.filter((c) => c.source.startsWith('s1-'));
    expect(far.length).toBeGreaterThan(100);
    for (const c of far) counted(c, 'points');
    const preview = asking();
    expect(previewConnectors(base, second as Design, preview.router, undefined)).not.toBeNull();
    expect(preview.asked.length).toBeGreaterThan(0);
    expect(reads).toBe(0);
  });

  it('leaves to the whole drawing a design whose links, sites or findings changed', () => {
    const drawn = renderDiagram(design, router);
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined);
    const site = design.nodes.find((n) => n.kind === 'site');
    if (!site) throw new Error('no site');
    const siteMoved = moveNodes(design, new Map([[site.id, { x: 500, y: 500 }]]));
    expect(previewConnectors(base, siteMoved, router, undefined)).toBeNull();
    expect(
      previewConnectors(base, { ...design, links: design.links.slice(1) }, router, undefined),
    ).toBeNull();
    const findings = new Map([[design.links[0]?.id ?? '', []]]);
    expect(previewConnectors(base, design, router, findings)).toBeNull();
  });
});

describe('A drag’s preview in a site whose links run through corridors', () => {
  // Four blocks of racks in DC 1: a spine's links to the ToRs of the lower blocks run down
  // corridors between the racks above them (channels.ts), past s0-t1, the ToR the UI bench drags.
  const design = syntheticDesign({ sites: 4, elements: 3000 });
  let drawn: { connectors: readonly Connector[] };
  let base: PreviewBase;
  beforeAll(() => {
    const cache: RouteCache = new Map();
    const groups = routingGroups(design);
    drawn = renderDiagram(design, router, { cache, groups });
    base = previewBase(design, drawn.connectors, groups, undefined, cache);
  });
  const tor = design.nodes.find((n) => n.id === 's0-t1');
  if (!tor) throw new Error('synthetic design has no s0-t1');
  // The bench's drag: right and down across the corridor beside the ToR.
  const moved = (step: number) =>
    moveNodes(
      design,
      new Map([[tor.id, { x: tor.position.x + step * 8, y: tor.position.y + step * 4 }]]),
    );
  const own = new Set(
    design.links.filter((l) => l.source === tor.id || l.target === tor.id).map((l) => l.id),
  );
  // The devices beside the dragged one (the racks of its row): their ports may move.
  const beside = (id: string) => /^s0-(t[0-9]|c[0-9]-)/.test(id);

  it('routes the dragged ToR’s links and those of the racks beside it, not the corridors it crosses', () => {
    for (const step of [10, 20, 40]) {
      const preview = asking();
      expect(previewConnectors(base, moved(step), preview.router, undefined)).not.toBeNull();
      for (const id of own) expect(preview.asked).toContain(id);
      const others = preview.asked.filter((id) => !own.has(id));
      const link = (id: string) => design.links.find((l) => l.id === id);
      expect(
        others.filter((id) => !beside(link(id)?.source ?? '') || !beside(link(id)?.target ?? '')),
      ).toEqual([]);
    }
  });

  it('draws the corridor links it passes over as they were', () => {
    const design20 = moved(20);
    const box = shapesOf(design20).devices.find((d) => d.id === tor.id)?.box;
    if (!box) throw new Error('no box for the dragged ToR');
    const passed = drawn.connectors.filter(
      (c) => !own.has(c.id) && /^s0-sp/.test(c.target) && polylineCrossesBox(c.points, box),
    );
    expect(passed.length).toBeGreaterThan(0);
    const byId = new Map(
      (previewConnectors(base, design20, router, undefined) ?? []).map((c) => [c.id, c]),
    );
    for (const c of passed) expect(byId.get(c.id)).toBe(c);
  });
});
