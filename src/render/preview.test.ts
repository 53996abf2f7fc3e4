import { beforeAll, describe, expect, it } from 'vitest';
import { moveNodes } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { renderDiagram, routingGroups, type RouteCache } from './diagram';
import { previewBase, previewConnectors } from './preview';
import type { ConnectorRouter } from './router';

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
    const base = previewBase(design, drawn.connectors, routingGroups(design), undefined);
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
