import { beforeAll, describe, expect, it } from 'vitest';
import { createDciLink, createDevice, createSite, emptyDesign } from '../model/defaults';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from './avoid';
import { diagramDefects } from './check';
import { renderDiagram, type RouteCache } from './diagram';
import { openFindingsByElement } from './findings';
import { straightRouter, type ConnectorRouter } from './router';
import type { Point } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const designs = [
  ...TEMPLATES.map((t) => [t.name, t.build()] as const),
  ['synthetic 200 elements', syntheticDesign({ sites: 3, elements: 200 })] as const,
];

describe('The drawing of every template and of a 200-element design', () => {
  it.each(designs)(
    '%s: no connector through a device, no label over anything',
    (_, design) => {
      const diagram = renderDiagram(design, router, { findings: openFindingsByElement(design) });
      const defects = diagramDefects(diagram);
      expect(diagram.connectors.length).toBe(design.links.length);
      expect(defects.crossings).toEqual([]);
      expect(defects.labelOverlaps).toEqual([]);
      expect(defects.sharedRuns).toEqual([]);
      for (const c of diagram.connectors) {
        // Orthogonal: every segment is horizontal or vertical.
        for (let i = 1; i < c.points.length; i++) {
          const a = c.points[i - 1] as Point;
          const b = c.points[i] as Point;
          expect(Math.min(Math.abs(a.x - b.x), Math.abs(a.y - b.y))).toBeLessThan(0.5);
        }
      }
    },
    30_000,
  );
});

/** Two sites side by side, a border in each, and a spine standing between the borders' rows. */
function twoSites(): Design {
  const design = emptyDesign('Two sites');
  const a = { ...createSite('a', 'A', { x: 0, y: 0 }), width: 400, height: 300 };
  const b = { ...createSite('b', 'B', { x: 700, y: 0 }), width: 400, height: 300 };
  const ba = createDevice('border', 'ba', 'ba', 'a', { x: 40, y: 120 });
  const bb = createDevice('border', 'bb', 'bb', 'b', { x: 200, y: 120 });
  // In the way of a straight line from ba to bb.
  const sb = createDevice('spine', 'sb', 'sb', 'b', { x: 20, y: 120 });
  return {
    ...design,
    nodes: [a, b, ba, bb, sb],
    links: [createDciLink('l1', 'ba', 'bb'), createDciLink('l2', 'ba', 'bb')],
  };
}

describe('Routing', () => {
  it('goes around a device that stands between a link’s ends', () => {
    const design = twoSites();
    expect(diagramDefects(renderDiagram(design, straightRouter)).crossings).toContainEqual([
      'l1',
      'sb',
    ]);
    expect(diagramDefects(renderDiagram(design, router)).crossings).toEqual([]);
  });

  it('keeps two links between the same devices apart', () => {
    const diagram = renderDiagram(twoSites(), router);
    const [l1, l2] = diagram.connectors;
    const ys = (pts: readonly Point[]) => pts.map((p) => Math.round(p.y)).join(',');
    expect(ys(l1?.points ?? [])).not.toBe(ys(l2?.points ?? []));
    expect(diagramDefects(diagram).labelOverlaps).toEqual([]);
  });

  it('starts and ends each route on its devices’ borders', () => {
    const diagram = renderDiagram(twoSites(), router);
    const ba = diagram.devices.find((d) => d.id === 'ba')?.box;
    const first = diagram.connectors[0]?.points[0];
    expect(ba && first).toBeTruthy();
    if (!ba || !first) return;
    const onBorder =
      Math.abs(first.x - ba.x) < 0.5 ||
      Math.abs(first.x - (ba.x + ba.width)) < 0.5 ||
      Math.abs(first.y - ba.y) < 0.5 ||
      Math.abs(first.y - (ba.y + ba.height)) < 0.5;
    expect(onBorder).toBe(true);
  });

  it('reuses the routes of a site where nothing moved', () => {
    const calls: number[] = [];
    const counting: ConnectorRouter = {
      route: (o, r) => {
        calls.push(r.length);
        return router.route(o, r);
      },
    };
    const cache: RouteCache = new Map();
    const design = syntheticDesign({ sites: 2, elements: 60 });
    renderDiagram(design, counting, { cache });
    const first = calls.length;
    renderDiagram(design, counting, { cache });
    expect(calls.length).toBe(first);
  });
});

describe('The defect check', () => {
  it('counts a label that covers a device', () => {
    const diagram = renderDiagram(twoSites(), router);
    const c = diagram.connectors[0];
    const device = diagram.devices[0];
    if (!c?.label || !device) throw new Error('fixture');
    const moved = {
      ...diagram,
      connectors: [{ ...c, label: { ...c.label, box: { ...device.box } } }],
    };
    expect(diagramDefects(moved).labelOverlaps).toEqual([[c.id, device.id]]);
  });
});
