import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveNodes, updateLink, updateNode } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { designButPositions, onlyPositionsDiffer } from './designView';

const base = syntheticDesign({ sites: 2, elements: 120 });
const ids = base.nodes.map((n) => n.id);
const links = base.links.map((l) => l.id);

/** A design with every position zeroed: what a panel that shows no positions can tell. */
const placeless = (d: Design) => ({
  ...d,
  nodes: d.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })),
});

describe('The design as panels that show no positions see it', () => {
  it('is the same object after a move', () => {
    const first = designButPositions({ design: base });
    const moved = moveNodes(base, new Map([[ids[3] ?? '', { x: 999, y: 7 }]]));
    expect(designButPositions({ design: moved })).toBe(first);
  });

  it('is the new design after a rename, a link edit or a new element', () => {
    designButPositions({ design: base });
    const renamed = updateNode(base, ids[3] ?? '', { label: 'renamed' });
    expect(designButPositions({ design: renamed })).toBe(renamed);
    const edited = updateLink(renamed, links[0] ?? '', { bandwidthGbps: 7 });
    expect(designButPositions({ design: edited })).toBe(edited);
    const fewer = { ...edited, nodes: edited.nodes.slice(1) };
    expect(designButPositions({ design: fewer })).toBe(fewer);
  });

  it('tells a move from a change of parent or of size', () => {
    const site = base.nodes.find((n) => n.kind === 'site');
    const device = base.nodes.find((n) => n.kind !== 'site');
    if (!site || !device) throw new Error('no site or device');
    const home = device.parentId;
    const other = base.nodes.find((n) => n.kind === 'site' && n.id !== home);
    if (!other) throw new Error('no second site');
    expect(onlyPositionsDiffer(base, updateNode(base, site.id, { width: 999 }))).toBe(false);
    const reparented: Design = {
      ...base,
      nodes: base.nodes.map((n) => (n === device ? { ...device, parentId: other.id } : n)),
    };
    expect(onlyPositionsDiffer(base, reparented)).toBe(false);
  });

  it('always reads as the design it is given, positions aside (any edits in any order)', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('move' as const),
        id: fc.constantFrom(...ids),
        x: fc.integer({ min: -500, max: 500 }),
        y: fc.integer({ min: -500, max: 500 }),
      }),
      fc.record({
        kind: fc.constant('label' as const),
        id: fc.constantFrom(...ids),
        label: fc.string({ maxLength: 6 }),
      }),
      fc.record({
        kind: fc.constant('link' as const),
        id: fc.constantFrom(...links),
        bandwidthGbps: fc.integer({ min: 1, max: 400 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let design = base;
        designButPositions({ design });
        for (const e of edits) {
          design =
            e.kind === 'move'
              ? moveNodes(design, new Map([[e.id, { x: e.x, y: e.y }]]))
              : e.kind === 'label'
                ? updateNode(design, e.id, { label: e.label })
                : updateLink(design, e.id, { bandwidthGbps: e.bandwidthGbps });
          const seen = designButPositions({ design });
          expect(placeless(seen)).toEqual(placeless(design));
          // Only a design whose positions alone differ is ever kept in its place.
          if (seen !== design) expect(onlyPositionsDiffer(seen, design)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
