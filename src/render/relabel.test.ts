import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveNodes, updateLink } from '../model/edits';
import type { Design, DciLink } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import {
  boxesMeet,
  boxLookup,
  candidates,
  labelReach,
  placeLabels,
  relabelled,
  renderDiagram,
  segmentBox,
  spiral,
  type LabelSurroundings,
} from './diagram';
import { pointAlong, polylineLength } from './geom';
import { openFindingsByElement } from './findings';
import type { ConnectorRouter } from './router';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const base = syntheticDesign({ sites: 2, elements: 60 });
const dciIds = base.links.filter((l) => l.kind === 'dci').map((l) => l.id);

/** What the router and the label placement draw for a design, from scratch. */
function drawn(design: Design) {
  const findings = openFindingsByElement(design);
  return { design, findings, connectors: renderDiagram(design, router, { findings }).connectors };
}

/** Edits that move nothing, though they may change a label's text, size or colour. */
const labelEdit = fc.oneof(
  fc.record({
    id: fc.constantFrom(...dciIds),
    patch: fc.oneof(
      fc.record({ distanceKm: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ label: fc.constantFrom('', 'DCI A', 'A much longer name for this link') }),
      fc.record({ l2Extension: fc.constantFrom('none', 'vxlan-evpn', 'otv') }),
      fc.record({ bandwidthGbps: fc.constantFrom(10, 100, 400) }),
    ),
  }),
);

describe('Routes reused for a design whose geometry did not change', () => {
  it('are the routes and label places drawn from scratch, with the labels as they are now', () => {
    const before = drawn(base);
    let resizedRuns = 0;
    fc.assert(
      fc.property(fc.array(labelEdit, { minLength: 1, maxLength: 3 }), (edits) => {
        let design = base;
        for (const { id, patch } of edits)
          design = updateLink(design, id, patch as Partial<DciLink>);
        const fresh = drawn(design);
        const reused = relabelled(before, design, { findings: fresh.findings });
        // Always reused: a label that changed size is placed again, nothing is routed.
        expect(reused).not.toBeNull();
        expect(reused).toEqual(fresh.connectors);
        if (
          fresh.connectors.some(
            (c, i) => c.label?.box.width !== before.connectors[i]?.label?.box.width,
          )
        )
          resizedRuns++;
      }),
      { numRuns: 25, seed: 12 },
    );
    // The property saw labels change size, not only their text.
    expect(resizedRuns).toBeGreaterThan(3);
  });

  it('are reused when a DCI label changes size: labels placed again, routes kept', () => {
    const before = drawn(base);
    const design = updateLink(base, 'dci-s0-s1-0', { label: 'A much longer name for this link' });
    const fresh = drawn(design);
    const edited = fresh.connectors.find((c) => c.id === 'dci-s0-s1-0');
    const was = before.connectors.find((c) => c.id === 'dci-s0-s1-0');
    expect(edited?.label?.box.width).not.toBe(was?.label?.box.width);
    const reused = relabelled(before, design, { findings: fresh.findings });
    expect(reused).toEqual(fresh.connectors);
    // Every route is the drawing's own object; only connectors whose label moved are new.
    (reused ?? []).forEach((c, i) => expect(c.points).toBe(before.connectors[i]?.points));
    expect((reused ?? []).filter((c, i) => c === before.connectors[i]).length).toBeGreaterThan(0);
  });

  it('are reused when a DCI distance changes its figures but not its label’s size', () => {
    const before = drawn(base);
    const design = updateLink(base, 'dci-s0-s1-0', { distanceKm: 77 });
    const fresh = drawn(design);
    const reused = relabelled(before, design, { findings: fresh.findings });
    expect(reused).not.toBeNull();
    expect(reused).toEqual(fresh.connectors);
    // Only the edited link's connector is a new object.
    const changed = (reused ?? []).filter((c, i) => c !== before.connectors[i]).map((c) => c.id);
    expect(changed).toEqual(['dci-s0-s1-0']);
  });

  it('measure again only the labels whose link, settings or findings changed', () => {
    // The settings, counting what reads them: each DCI label measured reads them.
    let reads = 0;
    const plain = syntheticDesign({ sites: 4, elements: 200 });
    const settings = new Proxy(plain.settings, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const design = { ...plain, settings };
    const findings = openFindingsByElement(design);
    const before = {
      design,
      findings,
      connectors: renderDiagram(design, router, { findings }).connectors,
    };
    const edited = updateLink(design, 'dci-s0-s1-0', { distanceKm: 77 });
    reads = 0;
    const reused = relabelled(before, edited, { findings });
    const readsForOne = reads;
    reads = 0;
    // A drawing that does not tell its findings: every label is measured.
    relabelled({ design, connectors: before.connectors }, edited, { findings });
    const readsForAll = reads;
    expect(reused).toEqual(renderDiagram(edited, router, { findings }).connectors);
    const changed = (reused ?? []).filter((c, i) => c !== before.connectors[i]).map((c) => c.id);
    expect(changed).toEqual(['dci-s0-s1-0']);
    const dci = design.links.filter((l) => l.kind === 'dci').length;
    expect(dci).toBeGreaterThan(4);
    expect(readsForOne * dci).toBeLessThanOrEqual(readsForAll);
  });

  it('are the drawing’s own connectors, unread, for its own links, settings and findings', () => {
    // An undo back to a drawing: the same links array, settings and label findings.
    let reads = 0;
    const links = base.links.map(
      (l) =>
        new Proxy(l, {
          get(target, key, receiver) {
            reads++;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
    );
    const design = { ...base, links };
    const before = drawn(design);
    const undone = { ...design, name: 'undone' };
    reads = 0;
    const reused = relabelled(before, undone, { findings: new Map(before.findings) });
    expect(reads).toBe(0);
    expect(reused).toHaveLength(before.connectors.length);
    (reused ?? []).forEach((c, i) => expect(c).toBe(before.connectors[i]));
    // Findings that differ for one DCI link: the links are read, its label drawn again.
    const [first] = dciIds;
    if (!first) throw new Error('synthetic design has no DCI link');
    const other = new Map(before.findings);
    other.set(first, [...(other.get(first) ?? [])]);
    relabelled(before, undone, { findings: other });
    expect(reads).toBeGreaterThan(0);
  });

  it('are not reused once an element has moved', () => {
    const before = drawn(base);
    const tor = base.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    const moved = moveNodes(
      base,
      new Map([[tor.id, { x: tor.position.x + 64, y: tor.position.y }]]),
    );
    expect(relabelled(before, moved, { findings: before.findings })).toBeNull();
  });

  it('are not reused when a link joins other ends', () => {
    const before = drawn(base);
    const link = base.links.find((l) => l.kind === 'fabric');
    if (!link) throw new Error('synthetic design has no fabric link');
    const other = base.nodes.find(
      (n) => n.kind !== 'site' && n.id !== link.source && n.id !== link.target,
    );
    if (!other) throw new Error('synthetic design has too few devices');
    const rewired = {
      ...base,
      links: base.links.map((l) => (l.id === link.id ? { ...l, target: other.id } : l)),
    };
    expect(relabelled(before, rewired, { findings: before.findings })).toBeNull();
  });
});

describe('Label placement', () => {
  const point = fc.record({
    x: fc.integer({ min: -400, max: 400 }),
    y: fc.integer({ min: -400, max: 400 }),
  });
  /** An orthogonal polyline: alternate horizontal and vertical moves from a start. */
  const route = fc
    .tuple(point, fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 1, maxLength: 5 }))
    .map(([start, moves]) => {
      const points = [start];
      moves.forEach((d, i) => {
        const last = points[points.length - 1] as { x: number; y: number };
        points.push(i % 2 === 0 ? { x: last.x + d, y: last.y } : { x: last.x, y: last.y + d });
      });
      return points;
    });
  const box = fc.record({
    x: fc.integer({ min: -400, max: 400 }),
    y: fc.integer({ min: -400, max: 400 }),
    width: fc.integer({ min: 20, max: 200 }),
    height: fc.integer({ min: 20, max: 80 }),
  });

  it('places every label where it would without its index of segments and devices, counting all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(route, fc.boolean()), { minLength: 1, maxLength: 12 }),
        // Enough devices to crowd the labels off their routes, onto the spiral around them.
        fc.array(box, { maxLength: 40 }),
        fc.array(box, { maxLength: 3 }),
        (routes, devices, soft) => {
          const connectors = routes.map(([points, labelled], i) => ({
            id: `c${i}`,
            kind: 'dci' as const,
            source: 'a',
            target: 'b',
            points,
            l3Only: false,
            label: labelled
              ? { box: { x: 0, y: 0, width: 90, height: 30 }, lines: ['x'], broken: false }
              : null,
          }));
          // One cell holding every segment and device (no index at all), every crossing counted,
          // against small and default cells with the count stopped once a box cannot win.
          const whole = placeLabels(connectors, devices, soft, 1e9, true);
          expect(placeLabels(connectors, devices, soft, 7)).toEqual(whole);
          expect(placeLabels(connectors, devices, soft)).toEqual(whole);
          // The devices and segments looked up (a drag's preview), not given: every device, and
          // only the segments within the labels' reach, in another order.
          const around: LabelSurroundings = {
            devices: boxLookup(devices, 64),
            segmentsAround: (labelled) => {
              const reach = labelled.flatMap((c) =>
                c.label ? labelReach(c.points, c.label.box) : [],
              );
              return labelled
                .flatMap((c) =>
                  c.points.slice(1).map((b, k) => {
                    const a = c.points[k] as { x: number; y: number };
                    return { own: c.id, a, b, box: segmentBox(a, b) };
                  }),
                )
                .filter((g) => reach.some((r) => boxesMeet(r, g.box)))
                .reverse();
            },
          };
          expect(placeLabels(connectors, [], soft, undefined, false, around)).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tries a label only within its reach (the segments it files)', () => {
    fc.assert(
      fc.property(
        route,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 120 }),
        (points, w, h) => {
          const r = labelReach(points, { x: 0, y: 0, width: w, height: h });
          const within = (b: { x: number; y: number; width: number; height: number }) =>
            r.some(
              (q) =>
                b.x >= q.x &&
                b.y >= q.y &&
                b.x + b.width <= q.x + q.width &&
                b.y + b.height <= q.y + q.height,
            );
          const mid = pointAlong(points, polylineLength(points) / 2).point;
          const tried = [...candidates(points, w, h), ...spiral(mid, w, h)];
          expect(tried.filter((b) => !within(b))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places labels on a mesh of links, where every box crosses some, as counting all does', () => {
    // Links every `gap` px both ways: no place is free, each label takes the one that crosses
    // the fewest, which a count stopped early must still find.
    const mesh = (gap: number) =>
      Array.from({ length: Math.floor(1600 / gap) }, (_, k) => -800 + k * gap).flatMap((at, k) => [
        {
          id: `h${k}`,
          points: [
            { x: -800, y: at },
            { x: 800, y: at },
          ],
        },
        {
          id: `v${k}`,
          points: [
            { x: at, y: -800 },
            { x: at, y: 800 },
          ],
        },
      ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 14, max: 60 }),
        fc.array(route, { minLength: 1, maxLength: 4 }),
        fc.array(box, { maxLength: 6 }),
        (gap, routes, devices) => {
          const connectors = [
            ...mesh(gap).map((m) => ({ ...m, label: null })),
            ...routes.map((points, i) => ({
              id: `c${i}`,
              points,
              label: { box: { x: 0, y: 0, width: 90, height: 30 }, lines: ['x'], broken: false },
            })),
          ].map((c) => ({ ...c, kind: 'dci' as const, source: 'a', target: 'b', l3Only: false }));
          expect(placeLabels(connectors, devices, [])).toEqual(
            placeLabels(connectors, devices, [], 1e9, true),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
