import fc from 'fast-check';
import { getHandlePosition, type InternalNodeBase } from '@xyflow/system';
import { describe, expect, it } from 'vitest';
import { linkById } from '../model/byId';
import { pasteInto } from '../model/clipboard';
import { removeElements } from '../model/edits';
import { bundlePlaces } from '../model/parallel';
import { syntheticDesign } from '../model/synthetic';
import type { Design } from '../model/schema';
import type { Link } from '../model/schema';
import { DEVICE_SIZE } from '../model/defaults';
import {
  bundlesFor,
  CENTER_HANDLE,
  facingEnds,
  HANDLE_PX,
  toFlowNode,
  handlesFor,
  previousItems,
  previousOf,
  sameEdgeLinks,
  syncEdges,
  syncNodes,
  type FlowEdge,
  type FlowNode,
} from './flow';
import { settleDrop, useStudio } from './studio';

const s = () => useStudio.getState();
const base = syntheticDesign({ sites: 2, elements: 120 });
const devices = base.nodes.filter((n) => n.kind !== 'site').map((n) => n.id);
const sites = base.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
const links = base.links.map((l) => l.id);

/** What a node or an edge draws, selection and React Flow's dragging flag aside. */
const drawnNode = ({ selected: _, dragging: __, ...n }: FlowNode) => n;
const drawnEdge = ({ selected: _, ...e }: FlowEdge) => e;

/** The flow the store holds must be the one synced from scratch for its design. */
function expectFlowOf(design: Design): void {
  expect(s().nodes.map(drawnNode)).toEqual(syncNodes(design, []).map(drawnNode));
  expect(s().edges.map(drawnEdge)).toEqual(syncEdges(design, []).map(drawnEdge));
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    // A site's drag moves its devices' links too.
    id: fc.constantFrom(...devices, ...sites),
    dx: fc.integer({ min: -400, max: 400 }),
    dy: fc.integer({ min: -400, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('link' as const),
    id: fc.constantFrom(...links),
    km: fc.integer({ min: 1, max: 900 }),
  }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.string() }),
  fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
  fc.record({ kind: fc.constant('select' as const), id: fc.constantFrom(...devices, ...links) }),
  fc.record({
    kind: fc.constant('delete' as const),
    ids: fc.subarray([...devices, ...links], { maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('paste' as const),
    ids: fc.subarray(devices, { minLength: 1, maxLength: 12 }),
  }),
);

describe('The flow kept from edit to edit', () => {
  it('is the flow synced from scratch, after any moves, edits, deletes, pastes, undos and selections', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        s().replaceDesign(base);
        for (const st of steps) {
          if (st.kind === 'move') {
            const node = s().nodes.find((n) => n.id === st.id);
            if (!node) continue;
            // A drag: a few moves on the way (each checked), then the drop. Its moves hand React
            // Flow no new edges: an edge names no handle (its line faces its other end as drawn).
            const edges = s().edges;
            for (const f of [0.25, 0.5, 0.75]) {
              const via = {
                x: node.position.x + Math.round(st.dx * f),
                y: node.position.y + Math.round(st.dy * f),
              };
              s().onNodesChange([{ type: 'position', id: st.id, position: via, dragging: true }]);
              expect(s().edges).toBe(edges);
            }
            const position = { x: node.position.x + st.dx, y: node.position.y + st.dy };
            s().onNodesChange([{ type: 'position', id: st.id, position, dragging: false }]);
            s().finishDrag([st.id]);
            settleDrop(); // The frame that shows the drop is past.
          } else if (st.kind === 'link') {
            const link = s().design.links.find((l) => l.id === st.id);
            s().updateLink(
              st.id,
              link?.kind === 'dci' ? { distanceKm: st.km } : { label: `${st.km}` },
            );
          } else if (st.kind === 'delete') s().apply((d) => removeElements(d, st.ids));
          else if (st.kind === 'paste') {
            const design = s().design;
            const pasted = pasteInto(design, { design, ids: st.ids }, { x: 32, y: 32 });
            if (pasted) s().apply(() => pasted.design);
          } else if (st.kind === 'rename') s().rename(st.name);
          else if (st.kind === 'select') s().select([st.id]);
          else s()[st.kind]();
          expectFlowOf(s().design);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('hands React Flow the same edges after a drag and its drop within the site', () => {
    s().replaceDesign(base);
    const before = s().edges;
    const tor = s().nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    for (let i = 1; i <= 4; i++) {
      const position = { x: tor.position.x + i * 16, y: tor.position.y + i * 8 };
      s().onNodesChange([{ type: 'position', id: tor.id, position, dragging: true }]);
      expect(s().edges).toBe(before);
    }
    const last = { x: tor.position.x + 64, y: tor.position.y + 32 };
    s().onNodesChange([{ type: 'position', id: tor.id, position: last, dragging: false }]);
    s().finishDrag([tor.id]);
    settleDrop(); // The frame that shows the drop is past.
    expect(s().design.nodes.find((n) => n.id === tor.id)?.position).toEqual(last);
    expect(s().edges).toBe(before);
    expectFlowOf(s().design);
  });

  it('gives back the flow of the design when a drop is put back', () => {
    s().replaceDesign(base);
    const border = s().nodes.find((n) => n.id === 's0-be0');
    if (!border) throw new Error('synthetic design has no s0-be0');
    const outside = { x: border.position.x, y: border.position.y - 2000 };
    s().onNodesChange([{ type: 'position', id: border.id, position: outside, dragging: true }]);
    s().onNodesChange([{ type: 'position', id: border.id, position: outside, dragging: false }]);
    s().finishDrag([border.id]);
    settleDrop(); // The frame that shows the drop is past.
    expectFlowOf(s().design);
  });

  it("leaves the edges as they are when a link's fields change (its edge reads the link from the design)", () => {
    s().replaceDesign(base);
    const before = s().edges;
    const dci = s().design.links.find((l) => l.kind === 'dci');
    if (!dci) throw new Error('synthetic design has no DCI link');
    s().updateLink(dci.id, { distanceKm: 321, label: 'renamed' });
    expect(s().design.links.find((l) => l.id === dci.id)).toMatchObject({ distanceKm: 321 });
    expect(s().edges).toBe(before);
    expect(linkById(s().design.links).get(dci.id)).toMatchObject({ distanceKm: 321 });
    expectFlowOf(s().design);
  });
});

describe('The edges of an edit of links on nodes left as they were', () => {
  const linkEdit = fc.oneof(
    // Mostly edits of a link's fields, the edits this is for.
    {
      arbitrary: fc.record({ kind: fc.constant('field' as const), at: fc.nat(), km: fc.nat(900) }),
      weight: 4,
    },
    { arbitrary: fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }), weight: 2 },
    fc.record({
      kind: fc.constant('end' as const),
      at: fc.nat(),
      to: fc.constantFrom(...devices, ...sites),
    }),
    fc.record({ kind: fc.constant('reverse' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('kind' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  );
  type LinkEdit = typeof linkEdit extends fc.Arbitrary<infer E> ? E : never;
  const apply = (links: Link[], e: LinkEdit): Link[] => {
    const i = e.at % links.length;
    const link = links[i] as Link;
    const next = [...links];
    if (e.kind === 'field') next[i] = { ...link, label: `${e.km} km`, distanceKm: e.km } as Link;
    else if (e.kind === 'copy') next[i] = { ...link };
    else if (e.kind === 'end') next[i] = { ...link, target: e.to };
    else if (e.kind === 'reverse') next[i] = { ...link, source: link.target, target: link.source };
    else if (e.kind === 'kind')
      next[i] = { ...link, kind: link.kind === 'dci' ? 'fabric' : 'dci' } as Link;
    else if (e.kind === 'swap') {
      const j = e.with % links.length;
      next[i] = links[j] as Link;
      next[j] = link;
    } else next.splice(i, 1);
    return next;
  };

  it('are the edges before whenever sameEdgeLinks says so, as syncing them again gives', () => {
    let same = 0;
    fc.assert(
      fc.property(fc.array(linkEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const edges = syncEdges(base, []);
        const links = edits.reduce(apply, [...base.links]);
        const next: Design = { ...base, links };
        const synced = syncEdges(next, edges);
        if (sameEdgeLinks(base.links, links)) {
          same++;
          expect(synced).toBe(edges);
        }
        // Either way the edges are those of a sync from scratch.
        expect(synced.map(drawnEdge)).toEqual(syncEdges(next, []).map(drawnEdge));
      }),
      { numRuns: 200 },
    );
    // Not vacuous: edits of a link's fields (and swaps of a link with itself) keep the edges.
    expect(same).toBeGreaterThan(20);
  });

  it('tells apart links that join other ends, the other way round, or as another kind', () => {
    const [first] = base.links;
    if (!first) throw new Error('synthetic design has no links');
    const moved = (l: Link) => [l, ...base.links.slice(1)];
    expect(sameEdgeLinks(base.links, moved({ ...first, distanceKm: 1 } as Link))).toBe(true);
    expect(sameEdgeLinks(base.links, moved({ ...first, target: first.source }))).toBe(false);
    expect(
      sameEdgeLinks(base.links, moved({ ...first, source: first.target, target: first.source })),
    ).toBe(false);
    expect(sameEdgeLinks(base.links, base.links.slice(1))).toBe(false);
  });
});

describe('Nodes as React Flow first gets them', () => {
  it('carry their centre first, then four handles at the middle of their sides, sites as devices', () => {
    // React Flow draws a link once it knows both ends' handles: known up front, the links
    // are drawn with the nodes instead of after React Flow has measured them. An edge names no
    // handle, so React Flow places its ends at each node's first: its centre.
    for (const node of syncNodes(base, [])) {
      const { width = 0, height = 0 } = node;
      const centre = (id: string) => {
        const h = node.handles?.find((x) => x.id === id);
        return h ? { x: h.x + (h.width ?? 0) / 2, y: h.y + (h.height ?? 0) / 2 } : null;
      };
      expect(node.handles?.length, node.id).toBe(5);
      expect(node.handles?.[0]).toMatchObject({
        id: CENTER_HANDLE,
        x: width / 2,
        y: height / 2,
        width: 0,
        height: 0,
      });
      expect(centre('left')).toEqual({ x: 0, y: height / 2 });
      expect(centre('right')).toEqual({ x: width, y: height / 2 });
      expect(centre('top')).toEqual({ x: width / 2, y: 0 });
      expect(centre('bottom')).toEqual({ x: width / 2, y: height });
    }
    expect(syncNodes(base, []).filter((n) => n.type === 'site').length).toBe(sites.length);
  });
});

describe('Edges as React Flow gets them', () => {
  it('name no handle, and carry the sizes of their ends (a site its own)', () => {
    const site = base.nodes.find((n) => n.kind === 'site');
    const device = base.nodes.find((n) => n.kind !== 'site');
    if (!site || site.kind !== 'site' || !device) throw new Error('synthetic design too small');
    const design: Design = {
      ...base,
      links: [...base.links, { ...(base.links[0] as Link), id: 'to-site', target: site.id }],
    };
    for (const e of syncEdges(design, [])) {
      expect(e.sourceHandle, e.id).toBeUndefined();
      expect(e.targetHandle, e.id).toBeUndefined();
    }
    const toSite = syncEdges(design, []).find((e) => e.id === 'to-site');
    expect(toSite?.data?.ends).toEqual([DEVICE_SIZE, { width: site.width, height: site.height }]);
    // A resized site gives its links new edges (their lines end on its sides).
    const resized: Design = {
      ...design,
      nodes: design.nodes.map((n) => (n === site ? { ...site, width: site.width + 100 } : n)),
    };
    const before = syncEdges(design, []);
    const after = syncEdges(resized, before);
    expect(after.find((e) => e.id === 'to-site')).not.toBe(toSite);
    expect(after.find((e) => e.id === 'to-site')?.data?.ends[1].width).toBe(site.width + 100);
    expect(after.filter((e, i) => e !== before[i]).map((e) => e.id)).toEqual(['to-site']);
  });
});

describe('A link drawn before its route', () => {
  const site = base.nodes.find((n) => n.kind === 'site')!;
  const size = fc.record({
    width: fc.integer({ min: 20, max: 3000 }),
    height: fc.integer({ min: 20, max: 3000 }),
  });
  const point = fc.record({
    x: fc.integer({ min: -9000, max: 9000 }),
    y: fc.integer({ min: -9000, max: 9000 }),
  });
  it('leaves and enters by the middles of the sides that face each other, where their handles sit', () => {
    fc.assert(
      fc.property(point, point, size, size, (a, b, sa, sb) => {
        const { source, target } = facingEnds(a, b, [sa, sb]);
        const [from, to] = handlesFor(a, b);
        // Where React Flow places a link's end at that side handle (getHandlePosition), on a
        // node of that size centred there, with the handles toFlowNode gives it.
        const handle = (c: typeof a, s: typeof sa, side: string) => {
          const node = toFlowNode({ ...site, width: s.width, height: s.height }, undefined);
          const internal = {
            ...node,
            internals: {
              positionAbsolute: { x: c.x - s.width / 2, y: c.y - s.height / 2 },
              z: 0,
              userNode: node,
            },
          } as unknown as InternalNodeBase;
          const h = node.handles?.find((x) => x.id === side);
          return getHandlePosition(
            internal,
            h ? { ...h, nodeId: node.id, width: h.width ?? 0, height: h.height ?? 0 } : null,
          );
        };
        expect(source).toEqual(handle(a, sa, from));
        expect(target).toEqual(handle(b, sb, to));
      }),
      { numRuns: 300 },
    );
  });

  it('runs between tiers from bottom to top, and between sites side by side', () => {
    const d = [DEVICE_SIZE, DEVICE_SIZE] as const;
    const spine = { x: 500, y: 100 };
    const tor = { x: 520, y: 400 };
    expect(facingEnds(spine, tor, d)).toEqual({
      source: { x: 500, y: 100 + DEVICE_SIZE.height / 2 + HANDLE_PX / 2 },
      target: { x: 520, y: 400 - DEVICE_SIZE.height / 2 - HANDLE_PX / 2 },
    });
    const east = { x: 4000, y: 120 };
    expect(facingEnds(spine, east, d)).toEqual({
      source: { x: 500 + DEVICE_SIZE.width / 2 + HANDLE_PX / 2, y: 100 },
      target: { x: 4000 - DEVICE_SIZE.width / 2 - HANDLE_PX / 2, y: 120 },
    });
  });
});

describe('Bundle places kept from links array to links array', () => {
  // Few ends, so links often run in parallel (a bundle of several).
  const ends = ['a', 'b', 'c', 'd', 'e'];
  const linkOf = (id: string, source: string, target: string) =>
    ({ id, kind: 'fabric', source, target }) as unknown as Link;
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.array(fc.nat(), { maxLength: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      pairs: fc.array(fc.tuple(fc.constantFrom(...ends), fc.constantFrom(...ends)), {
        minLength: 1,
        maxLength: 40,
      }),
    }),
    fc.record({ kind: fc.constant('undo' as const), back: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  );

  it('are the places worked out from scratch, after any deletes, inserts, undos and swaps', () => {
    let next = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        let links: Link[] = Array.from({ length: 60 }, (_, i) =>
          linkOf(`l${next++}`, ends[i % 5] as string, ends[(i * 3 + 1) % 5] as string),
        );
        const seen = [links];
        for (const e of edits) {
          if (e.kind === 'delete') {
            const gone = new Set(e.at.map((i) => i % Math.max(1, links.length)));
            links = links.filter((_, i) => !gone.has(i));
          } else if (e.kind === 'insert') {
            const at = e.at % (links.length + 1);
            const added = e.pairs.map(([a, b]) => linkOf(`l${next++}`, a, b));
            links = [...links.slice(0, at), ...added, ...links.slice(at)];
          } else if (e.kind === 'undo') links = seen[e.back % seen.length] as Link[];
          else if (links.length > 1) {
            const i = e.at % (links.length - 1);
            links = [...links];
            [links[i], links[i + 1]] = [links[i + 1] as Link, links[i] as Link];
          }
          seen.push(links);
          const places = bundlesFor(links);
          const expected = bundlePlaces(links);
          for (const l of links) expect(places.get(l.id)).toEqual(expected.get(l.id));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('The previous item of an id', () => {
  it('is the item with that id, whatever was deleted or inserted before it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }),
        (before, after) => {
          const previous = before.map((n) => ({ id: `n${n}` }));
          const find = previousOf(previous);
          after.forEach((n, i) =>
            expect(find(`n${n}`, i)).toBe(previous.find((p) => p.id === `n${n}`)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('The previous items of a walk in order', () => {
  it('are the items with those ids, whatever was deleted, inserted or moved', () => {
    // Both drawn from the same few hundred ids, so that most ids are in both, some far apart.
    const ids = Array.from({ length: 400 }, (_, i) => i);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ids),
        fc.shuffledSubarray(ids),
        fc.array(fc.integer({ min: 0, max: 399 }), { maxLength: 20 }),
        (before, after, backwards) => {
          const sorted = [...after].sort((a, b) => a - b);
          // Mostly in order, as the flow keeps the design's, with a few moved back.
          const order = [...backwards.filter((n) => sorted.includes(n)), ...sorted].filter(
            (n, i, all) => all.indexOf(n) === i,
          );
          const previous = [...before].sort((a, b) => a - b).map((n) => ({ id: `n${n}` }));
          const found = previousItems(
            order.map((n) => ({ id: `n${n}` })),
            previous,
          );
          order.forEach((n, i) => expect(found[i]).toBe(previous.find((p) => p.id === `n${n}`)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the items around those a paste or an undo put in, and those a delete left', () => {
    const previous = Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}` }));
    const ids = previous.map((p) => p.id);
    const restored = [...ids.slice(0, 400), 'x1', 'x2', ...ids.slice(400, 900), 'x3'];
    const found = previousItems(
      restored.map((id) => ({ id })),
      previous,
    );
    restored.forEach((id, i) => expect(found[i]).toBe(previous.find((p) => p.id === id)));
  });
});
