import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import { moveNodes, removeElements, updateLink } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import type { Connector } from '../render/types';
import {
  connectorReceiver,
  connectorSender,
  designReceiver,
  designSender,
  sameConnector,
} from './routeWire';

/** What a message becomes on the other side of postMessage: a copy, with no shared objects. */
const across = <T>(message: T): T => structuredClone(message);

describe('The design crosses to the router as its changes', () => {
  const start = syntheticDesign({ sites: 2, elements: 60 });
  const nodeIds = start.nodes.map((n) => n.id);
  const link = start.links.find((l) => l.kind === 'dci');
  if (!link) throw new Error('the synthetic design has no DCI link');

  /** An edit of each kind a design goes through: moves (a drag), other fields, fewer nodes. */
  const edit = fc.oneof(
    fc.tuple(fc.subarray(nodeIds, { minLength: 1 }), fc.integer({ min: 1, max: 64 })).map(
      ([ids, dx]) =>
        (d: Design) =>
          moveNodes(
            d,
            new Map(
              d.nodes
                .filter((n) => ids.includes(n.id))
                .map((n) => [n.id, { x: n.position.x + dx, y: n.position.y }]),
            ),
          ),
    ),
    fc
      .integer({ min: 1, max: 900 })
      .map((km) => (d: Design) => updateLink(d, link.id, { distanceKm: km })),
    fc.string().map((name) => (d: Design) => ({ ...d, name })),
    fc.constantFrom(...nodeIds).map((id) => (d: Design) => removeElements(d, [id])),
    fc
      .subarray(nodeIds, { minLength: 1, maxLength: 6 })
      .map((ids) => (d: Design) => pasteInto(d, { design: d, ids }, { x: 32, y: 32 })?.design ?? d),
    // An undo: back to the design as it started.
    fc.constant(() => start),
    fc.constant((d: Design) => d),
  );

  it('is received as the design sent, whatever the edits between two jobs', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const send = designSender();
        const receive = designReceiver();
        let design = start;
        expect(receive(across(send(design)))).toEqual(design);
        for (const e of edits) {
          design = e(design);
          expect(receive(across(send(design)))).toEqual(design);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('sends only the element a drag moved', () => {
    const send = designSender();
    send(start);
    const device = start.nodes.findIndex((n) => n.kind !== 'site');
    const element = start.nodes[device];
    if (!element) throw new Error('no device');
    const moved = moveNodes(start, new Map([[element.id, { x: 7, y: 9 }]]));
    expect(send(moved)).toEqual({
      fields: [],
      lists: [['nodes', { at: [[device, moved.nodes[device]]] }]],
    });
  });

  it("sends a drag's move as the nodes its maker says it moved, without reading the others", () => {
    const design = syntheticDesign({ sites: 4, elements: 3000 });
    const send = designSender();
    const receive = designReceiver();
    receive(across(send(design)));
    const i = design.nodes.findIndex((n) => n.kind === 'tor');
    const element = design.nodes[i];
    if (!element) throw new Error('no ToR');
    const moved = [...design.nodes];
    moved[i] = { ...element, position: { x: 7, y: 9 } };
    // Count the reads of the moved design's nodes.
    let reads = 0;
    const nodes = new Proxy(moved, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const live = { ...design, nodes };
    const delta = send(live, { from: design, nodes: [i] });
    expect(reads).toBe(1);
    expect(delta).toEqual({ fields: [], lists: [['nodes', { at: [[i, moved[i]]] }]] });
    expect(receive(across(delta))).toEqual({ ...design, nodes: moved });
    // Said of another design than the one sent last: compared as any other.
    const again = [...moved];
    again[i] = { ...element, position: { x: 8, y: 9 } };
    expect(send({ ...design, nodes: again }, { from: design, nodes: [] })).toEqual({
      fields: [],
      lists: [['nodes', { at: [[i, again[i]]] }]],
    });
  });

  it('sends a delete or a paste of 30 devices at 3,000 elements as what it removed or added', () => {
    // bench/ui/page.ts: DC 1's first 30 rack devices.
    const design = syntheticDesign({ sites: 4, elements: 3000 });
    const picked = design.nodes
      .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
      .slice(0, 30)
      .map((n) => n.id);
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
    if (!pasted) throw new Error('the paste does not apply');
    const size = (x: unknown) => JSON.stringify(x).length;
    for (const edited of [removeElements(design, picked), pasted.design]) {
      const send = designSender();
      const receive = designReceiver();
      receive(across(send(design)));
      const delta = send(edited);
      expect(receive(across(delta))).toEqual(edited);
      // It crossed whole before: a structured clone of 3,000 elements on each side.
      expect(size(delta)).toBeLessThan(size(edited) / 10);
    }
  });

  it('sends a whole design first, then the fields that changed', () => {
    const send = designSender();
    expect(send(start)).toEqual({ design: start });
    const renamed = { ...start, name: 'Renamed' };
    expect(send(renamed)).toEqual({ fields: [['name', 'Renamed']], lists: [] });
  });
});

describe('The connectors cross back as their changes', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const LABEL = { box: { x: 0, y: 0, width: 40, height: 16 }, lines: ['12 km'], broken: false };
  const first = (id: string): Connector => ({
    id,
    kind: 'dci',
    source: 's',
    target: 't',
    points: [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ],
    l3Only: false,
    label: LABEL,
  });
  /** A copy of a connector (never the same object), changed in one field or in none. */
  const changes: ((c: Connector) => Connector)[] = [
    (c) => structuredClone(c),
    (c) => ({ ...c, kind: c.kind === 'dci' ? 'fabric' : 'dci' }),
    (c) => ({ ...c, source: `${c.source}'` }),
    (c) => ({ ...c, target: `${c.target}'` }),
    (c) => ({ ...c, l3Only: !c.l3Only }),
    (c) => ({ ...c, points: [...c.points, { x: 1, y: 1 }] }),
    (c) => ({ ...c, points: c.points.map((p, i) => (i === 0 ? { ...p, x: p.x + 1 } : p)) }),
    (c) => ({ ...c, points: c.points.map((p, i) => (i === 0 ? { ...p, y: p.y + 1 } : p)) }),
    (c) => ({ ...c, label: c.label ? null : LABEL }),
    ...(['x', 'y', 'width', 'height'] as const).map(
      (k) => (c: Connector) =>
        c.label
          ? { ...c, label: { ...c.label, box: { ...c.label.box, [k]: c.label.box[k] + 1 } } }
          : c,
    ),
    (c) => (c.label ? { ...c, label: { ...c.label, broken: !c.label.broken } } : c),
    (c) => (c.label ? { ...c, label: { ...c.label, lines: [...c.label.lines, 'x'] } } : c),
    (c) => (c.label ? { ...c, label: { ...c.label, lines: ['13 km'] } } : c),
  ];
  /** Each step: which links are drawn, in what order, and how each changed since the last. */
  const step = fc.tuple(
    fc.shuffledSubarray(ids),
    fc.array(fc.integer({ min: 0, max: changes.length - 1 }), {
      minLength: ids.length,
      maxLength: ids.length,
    }),
  );

  it('is received as the drawing sent, keeping the objects of connectors that did not change', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        const send = connectorSender();
        const receive = connectorReceiver();
        const latest = new Map(ids.map((id) => [id, first(id)]));
        let before: Connector[] = [];
        for (const [drawn, change] of steps) {
          const sent = drawn.map((id, i) => {
            const changed = changes[change[i] ?? 0] ?? ((c: Connector) => structuredClone(c));
            const c = changed(latest.get(id) ?? first(id));
            latest.set(id, c);
            return c;
          });
          const got = receive(across(send(sent)));
          expect(got).toEqual(sent);
          for (const c of got) {
            const was = before.find((b) => b.id === c.id);
            if (was && sameConnector(was, c)) expect(c).toBe(was);
          }
          before = got;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sends nothing for a drawing that did not change', () => {
    const send = connectorSender();
    const sent: Connector[] = [
      { id: 'a', kind: 'dci', source: 's', target: 't', points: [], l3Only: false, label: null },
    ];
    send(sent);
    expect(send(structuredClone(sent))).toEqual({ order: null, changed: [] });
  });
});
