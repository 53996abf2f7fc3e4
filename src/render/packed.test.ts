import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import type { DciLink } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { connectorAnchorBox } from './callouts';
import { placeLabels, relabelled, renderDiagram, shapesOf, SITE_HEADER_PX } from './diagram';
import { openFindingsByElement } from './findings';
import {
  connectorWith,
  PackedConnector,
  packedConnector,
  plainConnector,
  sameRoute,
} from './packed';
import { routePath } from './path';
import type { ConnectorRouter } from './router';
import type { Connector, Point } from './types';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const coordinate = fc.oneof(
  fc.integer({ min: -20_000, max: 20_000 }),
  fc.double({ min: -20_000, max: 20_000, noNaN: true, noDefaultInfinity: true }),
);
const point = fc.record({ x: coordinate, y: coordinate });
const connector: fc.Arbitrary<Connector> = fc.record({
  id: fc.string({ minLength: 1 }),
  kind: fc.constantFrom('dci' as const, 'fabric' as const),
  source: fc.string(),
  target: fc.string(),
  points: fc.array(point, { minLength: 2, maxLength: 9 }),
  l3Only: fc.boolean(),
  label: fc.option(
    fc.record({
      box: fc.record({ x: coordinate, y: coordinate, width: fc.nat(300), height: fc.nat(90) }),
      lines: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
      broken: fc.boolean(),
    }),
  ),
});

describe('A packed connector (how the canvas keeps its routes)', () => {
  it('reads back the very points, path, callout anchor and JSON of the connector', () => {
    fc.assert(
      fc.property(connector, (c) => {
        const packed = packedConnector(c);
        expect(packed).toBeInstanceOf(PackedConnector);
        expect(packed.points).toEqual(c.points);
        // Each coordinate the same number (toEqual would take -0 for 0).
        packed.points.forEach((p, i) => {
          expect(Object.is(p.x, (c.points[i] as Point).x)).toBe(true);
          expect(Object.is(p.y, (c.points[i] as Point).y)).toBe(true);
        });
        expect(routePath(packed.points)).toBe(routePath(c.points));
        expect(connectorAnchorBox(packed)).toEqual(connectorAnchorBox(c));
        expect(JSON.stringify(packed)).toBe(JSON.stringify(c));
        expect(plainConnector(packed)).toEqual(c);
        expect(sameRoute(packed, c) && sameRoute(c, packed)).toBe(true);
        expect(packedConnector(packed)).toBe(packed);
        expect(new PackedConnector(packed).route).toBe(packed.route);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('compares routes point by point, packed or not', () => {
    fc.assert(
      fc.property(connector, connector, (a, b) => {
        const same =
          a.points.length === b.points.length &&
          a.points.every((p, i) => p.x === b.points[i]?.x && p.y === b.points[i]?.y);
        expect(sameRoute(packedConnector(a), packedConnector(b))).toBe(same);
        expect(sameRoute(packedConnector(a), b)).toBe(same);
        expect(sameRoute(a, packedConnector({ ...a, points: [...a.points] }))).toBe(true);
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('holds its route in one array of numbers, no point objects', () => {
    const c = packedConnector({
      id: 'l',
      kind: 'fabric',
      source: 'a',
      target: 'b',
      points: [
        { x: 1.5, y: 2 },
        { x: 1.5, y: 40.25 },
      ],
      l3Only: false,
      label: null,
    });
    expect(c.route).toEqual([1.5, 2, 1.5, 40.25]);
    expect(Object.values(c).some((v) => Array.isArray(v) && typeof v[0] === 'object')).toBe(false);
  });

  it('is copied field by field: a changed label or line style keeps its points', () => {
    fc.assert(
      fc.property(connector, fc.boolean(), (c, l3Only) => {
        const packed = packedConnector(c);
        expect(connectorWith(packed, { l3Only })).toEqual({ ...c, l3Only });
        expect(connectorWith(packed, { label: null })).toEqual({ ...c, label: null });
        expect(connectorWith(c, {})).toEqual(c);
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});

describe('The canvas relabelling its packed routes draws what the exports draw', () => {
  const base = syntheticDesign({ sites: 2, elements: 60 });
  const dciIds = base.links.filter((l) => l.kind === 'dci').map((l) => l.id);

  it('relabels and places labels as from the plain drawing', () => {
    const findings = openFindingsByElement(base);
    const plain = renderDiagram(base, router, { findings }).connectors;
    const packed = plain.map(packedConnector);
    fc.assert(
      fc.property(
        fc.constantFrom(...dciIds),
        fc.constantFrom('', 'DCI A', 'A much longer name for this link'),
        fc.integer({ min: 0, max: 3000 }),
        (id, label, distanceKm) => {
          const design = updateLink(base, id, { label, distanceKm } as Partial<DciLink>);
          const options = { findings: openFindingsByElement(design) };
          const fresh = renderDiagram(design, router, options).connectors;
          const fromPacked = relabelled({ design: base, connectors: packed }, design, options);
          expect(fromPacked?.map(plainConnector)).toEqual(fresh);
          expect(JSON.stringify(fromPacked)).toBe(JSON.stringify(fresh));
        },
      ),
      { numRuns: 20, seed: 10 },
    );
    const { sites, devices } = shapesOf(base);
    const boxes = devices.map((d) => d.box);
    const soft = sites.map((s) => ({ ...s.box, height: SITE_HEADER_PX }));
    expect(JSON.stringify(placeLabels(packed, boxes, soft))).toBe(
      JSON.stringify(placeLabels(plain, boxes, soft)),
    );
  });
});
