import { beforeAll, describe, expect, it } from 'vitest';
import { createDciLink, createDevice, createSite, emptyDesign } from '../model/defaults';
import { moveNodes } from '../model/edits';
import { buildFabric } from '../model/fabric';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates/index';
import { loadAvoidRouter } from './avoid';
import { diagramDefects } from './check';
import {
  isRouted,
  renderConnectors,
  renderDiagram,
  routeIntoCache,
  routingGroups,
  type RouteCache,
} from './diagram';
import { openFindingsByElement } from './findings';
import { noteLayout } from './notes';
import { straightRouter, type ConnectorRouter } from './router';
import { diagramToSvg } from './svg';
import { polylineCrossesBox } from './geom';
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
    '%s: no connector through a device or around its own end, no label over anything',
    (_, design) => {
      const diagram = renderDiagram(design, router, { findings: openFindingsByElement(design) });
      const defects = diagramDefects(diagram);
      expect(diagram.connectors.length).toBe(design.links.length);
      expect(defects.crossings).toEqual([]);
      expect(defects.labelOverlaps).toEqual([]);
      expect(defects.sharedRuns).toEqual([]);
      expect(defects.wraps).toEqual([]);
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

describe('A link between two devices that face each other', () => {
  it.each(TEMPLATES.filter((t) => t.id.startsWith('metro-') && t.id !== 'metro-vs-long-distance'))(
    '$name: the first dark fibre runs straight, beside the witness link at its far end',
    (template) => {
      const diagram = renderDiagram(template.build(), router);
      const fibre = diagram.connectors.find((c) => c.id === 'dci-fibre-1');
      // Its far DCI edge takes the witness link by the same side: two ports there, one here.
      expect(diagram.connectors.find((c) => c.id === 'dci-wit-rtm')?.target).toBe(fibre?.target);
      expect(fibre?.points).toHaveLength(2);
      expect(fibre?.points[0]?.y).toBe(fibre?.points[1]?.y);
    },
  );
});

describe('The spine↔ToR links of a large synthetic design', () => {
  it('run on tracks far enough apart to read as lines, not a smear', () => {
    const design = syntheticDesign({ sites: 4, elements: 1000 });
    const diagram = renderDiagram(design, router, { findings: openFindingsByElement(design) });
    const defects = diagramDefects(diagram);
    expect(defects.crossings).toEqual([]);
    expect(defects.labelOverlaps).toEqual([]);
    expect(defects.sharedRuns).toEqual([]);
    // The heights of the horizontal runs of DC 1's spine↔ToR links: one per track.
    const tracks = new Set<number>();
    for (const c of diagram.connectors) {
      if (!/^s0-t\d+~s0-sp\d+$/.test(c.id)) continue;
      for (let i = 1; i < c.points.length; i++) {
        const a = c.points[i - 1] as Point;
        const b = c.points[i] as Point;
        if (Math.abs(a.y - b.y) < 0.5 && Math.abs(a.x - b.x) > 1)
          tracks.add(Math.round(a.y * 10) / 10);
      }
    }
    const ys = [...tracks].sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThan(20);
    const closest = Math.min(...ys.slice(1).map((y, i) => y - (ys[i] as number)));
    // 0.3 px when the band between the rows was 54 px high.
    expect(closest).toBeGreaterThanOrEqual(9);
  }, 60_000);
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

  it('draws the groups routed so far, the others straight, and routed one by one the whole', () => {
    const design = syntheticDesign({ sites: 3, elements: 150 });
    const refuses: ConnectorRouter = {
      route: () => {
        throw new Error('routed a group that was not asked for');
      },
    };
    const cache: RouteCache = new Map();
    const groups = [...routingGroups(design)];
    expect(groups.length).toBeGreaterThan(2);
    const [firstId, first] = groups[0] as (typeof groups)[number];
    routeIntoCache(cache, firstId, first, router);
    expect(isRouted(cache, firstId, first)).toBe(true);
    const partial = renderDiagram(design, refuses, { cache, only: new Set() });
    const inFirst = new Set(first.requests.map((r) => r.id));
    const full = renderDiagram(design, router);
    for (const c of partial.connectors) {
      const whole = full.connectors.find((f) => f.id === c.id);
      if (inFirst.has(c.id)) expect(c.points).toEqual(whole?.points);
      else expect(c.points).toHaveLength(2);
    }
    // The straight links were not remembered as their group's routes.
    expect([...cache.keys()]).toEqual([firstId]);
    for (const [id, group] of groups.slice(1)) routeIntoCache(cache, id, group, router);
    expect(renderDiagram(design, refuses, { cache })).toEqual(full);
  });
});

describe('A partial drawing while a device is dragged', () => {
  it('keeps the routes of the links whose ends did not move, and draws the moved ones straight', () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    const cache: RouteCache = new Map();
    const before = renderDiagram(design, router, { cache });
    const refuses: ConnectorRouter = {
      route: () => {
        throw new Error('routed a group that was not asked for');
      },
    };
    // A ToR moves in its site: its site's links and the links between sites (routed around
    // every device) wait to be routed again.
    const tor = design.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    const moved = moveNodes(
      design,
      new Map([[tor.id, { x: tor.position.x + 200, y: tor.position.y }]]),
    );
    const partial = renderDiagram(moved, refuses, { cache, only: new Set() });
    const own = new Set(
      moved.links.filter((l) => l.source === tor.id || l.target === tor.id).map((l) => l.id),
    );
    const inSite = new Set(
      routingGroups(moved)
        .get('s0')
        ?.requests.map((r) => r.id),
    );
    expect(own.size).toBeGreaterThan(0);
    let keptInSite = 0;
    for (const c of partial.connectors) {
      const was = before.connectors.find((b) => b.id === c.id)?.points;
      if (own.has(c.id)) expect(c.points).toHaveLength(2);
      else if (!inSite.has(c.id)) expect(c.points).toEqual(was);
      else if (JSON.stringify(c.points) === JSON.stringify(was)) keptInSite++;
    }
    expect(keptInSite).toBeGreaterThan(0);
    // Nothing of the partial drawing was remembered.
    expect(renderDiagram(moved, router, { cache })).toEqual(renderDiagram(moved, router));
  });

  it('routes again only the dragged device’s links and those it now covers, and caches none', () => {
    // Large enough that its sites route in batches among nearby devices (channels.ts).
    const design = syntheticDesign({ sites: 2, elements: 600 });
    const cache: RouteCache = new Map();
    const before = renderDiagram(design, router, { cache });
    const asked: string[] = [];
    const live: ConnectorRouter = {
      route: (o, r) => {
        asked.push(...r.map((q) => q.id));
        return router.route(o, r);
      },
    };
    const tor = design.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    const box = (id: string) => before.devices.find((d) => d.id === id)?.box;
    const torBox = box(tor.id);
    if (!torBox) throw new Error('s0-t1 is not drawn');
    const to = { x: tor.position.x + 40, y: tor.position.y + 20 };
    const moved = moveNodes(design, new Map([[tor.id, to]]));
    const preview = renderDiagram(moved, router, { cache, live });
    // The links whose ends moved: the ToR's, and those whose port moved off a side it blocks.
    const asKey = (d: Design) =>
      new Map(
        [...routingGroups(d).values()].flatMap((g) =>
          g.requests.map((r) => [r.id, JSON.stringify([r.source, r.target])] as const),
        ),
      );
    const was = asKey(design);
    const ofTor = new Set(
      moved.links.filter((l) => l.source === tor.id || l.target === tor.id).map((l) => l.id),
    );
    const own = [...asKey(moved)].filter(([id, ends]) => ends !== was.get(id) || ofTor.has(id));
    expect(own.length).toBeGreaterThan(4);
    const newBox = { ...torBox, x: torBox.x + 40, y: torBox.y + 20 };
    const covered = before.connectors.filter(
      (c) => !own.some(([id]) => id === c.id) && polylineCrossesBox(c.points, newBox),
    );
    expect(new Set(asked)).toEqual(
      new Set([...own.map(([id]) => id), ...covered.map((c) => c.id)]),
    );
    for (const c of preview.connectors)
      if (!asked.includes(c.id))
        expect(c.points).toEqual(before.connectors.find((b) => b.id === c.id)?.points);
    // The drop routes the design whole: the preview was not cached as its routes.
    expect(renderDiagram(moved, router, { cache })).toEqual(renderDiagram(moved, router));
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

describe('A leaf-spine fabric', () => {
  const fabric = (spines: number, leaves: number) => {
    const start = { ...emptyDesign('Fabric'), nodes: [createSite('dc1', 'DC1', { x: 0, y: 0 })] };
    const built = buildFabric(start, 'dc1', { spines, leaves });
    if (!built.ok) throw new Error(built.reason);
    return built.design;
  };

  it.each([
    [2, 4],
    [4, 8],
  ])('%i × %i: links run down from a spine’s bottom to a leaf’s top, in order', (s, l) => {
    const design = fabric(s, l);
    const diagram = renderDiagram(design, router);
    expect(diagramDefects(diagram).crossings).toEqual([]);
    const box = new Map(diagram.devices.map((d) => [d.id, d.box]));
    const leaving = new Map<string, { x: number; towardX: number }[]>();
    for (const c of diagram.connectors) {
      const spine = box.get(c.source);
      const leaf = box.get(c.target);
      const first = c.points[0];
      const last = c.points[c.points.length - 1];
      if (!spine || !leaf || !first || !last) throw new Error('fixture');
      expect(first.y).toBeCloseTo(spine.y + spine.height, 0);
      expect(last.y).toBeCloseTo(leaf.y, 0);
      const list = leaving.get(c.source) ?? [];
      list.push({ x: first.x, towardX: leaf.x });
      leaving.set(c.source, list);
    }
    // Each spine's links leave in the order of the leaves they go to: none cross at the spine.
    for (const list of leaving.values()) {
      const byPort = [...list].sort((a, b) => a.x - b.x).map((p) => p.towardX);
      expect(byPort).toEqual([...byPort].sort((a, b) => a - b));
    }
  });
});

describe('Notes in the drawing', () => {
  const withNotes = (): Design => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const device = design.nodes.find((n) => n.kind !== 'site');
    if (!device) throw new Error('no device');
    return {
      ...design,
      notes: [
        { id: 'n-free', text: 'A <b>bold</b> & free\nnote', position: { x: -400, y: -200 } },
        { id: 'n-on', text: 'Points here', position: { x: -400, y: 0 }, targetId: device.id },
        { id: 'n-gone', text: 'Target gone', position: { x: -400, y: 200 }, targetId: 'gone' },
      ],
    };
  };

  it('sizes each note with the notes geometry, and ends a callout on its target’s border', () => {
    const design = withNotes();
    const diagram = renderDiagram(design, straightRouter);
    const on = diagram.notes.find((n) => n.id === 'n-on');
    const layout = noteLayout('Points here');
    expect(on?.box).toEqual({ x: -400, y: 0, width: layout.width, height: layout.height });
    const target = diagram.devices.find((d) => d.id === design.notes[1]?.targetId)?.box;
    const end = on?.pointer?.at(-1);
    if (!target || !end) throw new Error('no callout');
    const onBorder =
      Math.abs(end.x - target.x) < 0.5 ||
      Math.abs(end.x - target.x - target.width) < 0.5 ||
      Math.abs(end.y - target.y) < 0.5 ||
      Math.abs(end.y - target.y - target.height) < 0.5;
    expect(onBorder).toBe(true);
  });

  it('draws a note whose target is gone as a free note', () => {
    const gone = renderDiagram(withNotes(), straightRouter).notes.find((n) => n.id === 'n-gone');
    expect(gone).toMatchObject({ targetId: null, pointer: null });
  });

  it('draws the text of notes as SVG text, markup escaped, with the callout and its dot', () => {
    const svg = diagramToSvg(renderDiagram(withNotes(), straightRouter));
    expect(svg).toContain('>A &lt;b&gt;bold&lt;/b&gt; &amp; free</text>');
    expect(svg).toContain('>note</text>');
    expect(svg).not.toContain('<b>');
    const group = /<g id="n-on"[^]*?<\/g>/u.exec(svg)?.[0] ?? '';
    expect(group).toContain('stroke-dasharray="4 3"');
    expect(group).toMatch(/<circle [^>]*r="3"/);
    const free = /<g id="n-free"[^]*?<\/g>/u.exec(svg)?.[0] ?? '';
    expect(free).not.toContain('<circle');
  });
});

describe("The canvas's connectors", () => {
  it("are the drawing's, with notes pointing at links and devices beside them", () => {
    const base = syntheticDesign({ sites: 3, elements: 200 });
    const link = base.links.find((l) => l.kind === 'dci');
    const device = base.nodes.find((n) => n.kind !== 'site');
    const design: Design = {
      ...base,
      notes: [
        { id: 'n-link', text: 'On a link', position: { x: -300, y: 0 }, targetId: link?.id },
        { id: 'n-dev', text: 'On a device', position: { x: -300, y: 200 }, targetId: device?.id },
      ],
    };
    const connectors = renderConnectors(design, router);
    expect(connectors.some((c) => c.label)).toBe(true);
    expect(connectors).toEqual(renderDiagram(design, router).connectors);
  });
});
