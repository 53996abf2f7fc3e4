import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { minimapDrawing, minimapShapes, minimapSize, type MinimapBox } from './minimap';

const box = (x: number, y: number, fill: string, width = 40, height = 20): MinimapBox => ({
  x,
  y,
  width,
  height,
  fill,
});

describe('the minimap’s size', () => {
  it('is React Flow’s 200 × 150 on a large canvas, a quarter of a smaller one, never under 112 × 84', () => {
    expect(minimapSize(844, 852)).toEqual({ width: 200, height: 150 });
    expect(minimapSize(685, 672)).toEqual({ width: 164, height: 123 });
    expect(minimapSize(430, 592)).toEqual({ width: 112, height: 84 });
    // A low canvas: its height decides.
    expect(minimapSize(1200, 400)).toEqual({ width: 128, height: 96 });
    // Before React Flow has measured its pane.
    expect(minimapSize(0, 0)).toEqual({ width: 112, height: 84 });
  });
});

describe('the minimap drawing', () => {
  it('draws every node of one fill in one path, the fills in the order of their first node', () => {
    const shapes = minimapShapes([box(0, 0, 'site'), box(10, 10, 'tor'), box(60, 10, 'site')], 0);
    expect(shapes).toEqual([
      { fill: 'site', d: 'M0,0h40v20h-40zM60,10h40v20h-40z' },
      { fill: 'tor', d: 'M10,10h40v20h-40z' },
    ]);
  });

  it('rounds the corners as a rect with rx draws them, never more than half a side', () => {
    const [wide] = minimapShapes([box(0, 0, 'a')], 5);
    expect(wide?.d).toBe(
      'M5,0h30a5,5 0 0 1 5,5v10a5,5 0 0 1 -5,5h-30a5,5 0 0 1 -5,-5v-10a5,5 0 0 1 5,-5z',
    );
    const [thin] = minimapShapes([box(0, 0, 'a', 40, 4)], 5);
    expect(thin?.d).toBe(
      'M2,0h36a2,2 0 0 1 2,2v0a2,2 0 0 1 -2,2h-36a2,2 0 0 1 -2,-2v0a2,2 0 0 1 2,-2z',
    );
  });

  it('writes coordinates to a tenth of a flow unit', () => {
    const [shape] = minimapShapes([box(1.04, 2.26, 'a', 10.01, 5.55)], 0);
    expect(shape?.d).toBe('M1,2.3h10v5.6h-10z');
  });
});

/** React Flow's node lookup as the minimap's selector reads it: a box per id, of a kind. */
type Spec = { x: number; y: number; kind?: string; hidden?: boolean; unmeasured?: boolean };
function lookup(specs: Record<string, Spec>) {
  const nodeLookup = new Map<string, InternalNode>();
  for (const [id, { x, y, kind = 'tor', hidden, unmeasured }] of Object.entries(specs))
    nodeLookup.set(id, {
      id,
      position: { x, y },
      data: { element: { kind } },
      ...(unmeasured ? {} : { measured: { width: 40, height: 20 } }),
      ...(hidden ? { hidden } : {}),
      internals: {
        positionAbsolute: { x, y },
        z: 0,
        userNode: {
          id,
          position: { x, y },
          data: { element: { kind } },
          ...(unmeasured ? {} : { measured: { width: 40, height: 20 } }),
          ...(hidden ? { hidden } : {}),
        },
      },
    } as unknown as InternalNode);
  return { nodeLookup };
}

describe('the minimap drawing as nodes move, come and go', () => {
  const design = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 0, y: 100, kind: 'spine' } };

  it('is the same drawing while nothing it shows changed', () => {
    const select = minimapDrawing();
    const first = select(lookup(design));
    expect(first.shapes.map((s) => s.fill)).toEqual(['#0ea5e9', '#6366f1']);
    expect(first.loose).toEqual([]);
    expect(first.bounds).toEqual({ x: 0, y: 0, width: 140, height: 120 });
    expect(select(lookup(design))).toBe(first);
  });

  it('draws a dragged node on its own, keeping the paths, until a node comes or goes', () => {
    const select = minimapDrawing();
    select(lookup(design));
    // Its first move draws the paths once more, without it; its later moves keep them.
    const moved = select(lookup({ ...design, a: { x: 300, y: 0 } }));
    expect(moved.loose).toEqual([
      { id: 'a', x: 300, y: 0, width: 40, height: 20, fill: '#0ea5e9' },
    ]);
    // The paths leave the dragged node out from the moment it is loose.
    expect(moved.shapes[0]?.d).toBe(minimapShapes([{ ...box(100, 0, '#0ea5e9') }])[0]?.d);
    expect(moved.bounds).toEqual({ x: 0, y: 0, width: 340, height: 120 });
    const further = select(lookup({ ...design, a: { x: 320, y: 0 } }));
    expect(further.shapes).toBe(moved.shapes);
    expect(further.loose[0]?.x).toBe(320);
    expect(select(lookup({ ...design, a: { x: 320, y: 0 } }))).toBe(further);
    // A node added draws every path again, the loose node in them.
    const added = select(lookup({ ...design, a: { x: 320, y: 0 }, d: { x: 0, y: 200 } }));
    expect(added.loose).toEqual([]);
    expect(added.shapes[0]?.d).toBe(
      minimapShapes([box(320, 0, 'x'), box(100, 0, 'x'), box(0, 200, 'x')])[0]?.d,
    );
  });

  it('keeps its drawing for pasted nodes not measured yet, then draws them on their own', () => {
    const select = minimapDrawing();
    const first = select(lookup(design));
    const pasted = {
      d: { x: 0, y: 200, unmeasured: true },
      e: { x: 50, y: 200, unmeasured: true },
    };
    expect(select(lookup({ ...design, ...pasted }))).toBe(first);
    const measured = select(lookup({ ...design, d: { x: 0, y: 200 }, e: { x: 50, y: 200 } }));
    expect(measured.shapes).toBe(first.shapes);
    expect(measured.loose.map((b) => b.id)).toEqual(['d', 'e']);
    expect(measured.bounds).toEqual({ x: 0, y: 0, width: 140, height: 220 });
    // One pasted node undone (one went, none came): every path drawn again, without it.
    const undone = select(lookup({ ...design, d: { x: 0, y: 200 } }));
    expect(undone.loose).toEqual([]);
    expect(undone.shapes[0]?.d).toBe(
      minimapShapes([box(0, 0, 'x'), box(100, 0, 'x'), box(0, 200, 'x')])[0]?.d,
    );
    // A node gone and an unmeasured one come in its place: drawn again, without the gone one.
    const swapped = select(lookup({ ...design, f: { x: 0, y: 300, unmeasured: true } }));
    expect(swapped.shapes[0]?.d).toBe(minimapShapes([box(0, 0, 'x'), box(100, 0, 'x')])[0]?.d);
  });

  it('draws the paths again when a node is hidden or changes its fill', () => {
    const select = minimapDrawing();
    const first = select(lookup(design));
    const hidden = select(lookup({ ...design, b: { x: 100, y: 0, hidden: true } }));
    expect(hidden.shapes).not.toBe(first.shapes);
    expect(hidden.shapes[0]?.d).toBe(minimapShapes([box(0, 0, 'x')])[0]?.d);
    const again = minimapDrawing();
    again(lookup(design));
    const recoloured = again(lookup({ ...design, b: { x: 100, y: 0, kind: 'spine' } }));
    expect(recoloured.shapes.map((s) => s.d)).toEqual(
      minimapShapes([box(0, 0, 'a'), box(100, 0, 'b'), box(0, 100, 'b')]).map((s) => s.d),
    );
  });

  it('draws many moved nodes in the paths, not one by one', () => {
    const select = minimapDrawing();
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`n${i}`, { x: i * 50, y: 0 }]),
    );
    const first = select(lookup(many));
    const shifted = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`n${i}`, { x: i * 50, y: 10 }]),
    );
    const next = select(lookup(shifted));
    expect(next.loose).toEqual([]);
    expect(next.shapes).not.toBe(first.shapes);
    expect(next.bounds?.y).toBe(10);
  });

  it('reads only the nodes React Flow replaced: a drag move reads the dragged node', () => {
    // React Flow keeps a node's object while the node does not change: count how many nodes'
    // boxes each change reads (each box is read from the node's user node).
    let reads = 0;
    const counted = (node: InternalNode): InternalNode => {
      const { userNode, ...internals } = node.internals;
      return {
        ...node,
        internals: {
          ...internals,
          get userNode() {
            reads++;
            return userNode;
          },
        },
      } as InternalNode;
    };
    const specs = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`n${i}`, { x: (i % 25) * 50, y: i * 2 }]),
    );
    const nodeLookup = new Map(
      [...lookup(specs).nodeLookup].map(([id, node]) => [id, counted(node)]),
    );
    const select = minimapDrawing();
    const first = select({ nodeLookup });
    // Nothing replaced: no box read again, the same drawing.
    reads = 0;
    expect(select({ nodeLookup })).toBe(first);
    expect(reads).toBe(0);
    // The drag's first move (the paths drawn again without it), then its next moves.
    const moveTo = (x: number) =>
      nodeLookup.set('n7', counted(lookup({ n7: { x, y: 14 } }).nodeLookup.get('n7')!));
    moveTo(900);
    expect(select({ nodeLookup }).loose.map((b) => [b.id, b.x])).toEqual([['n7', 900]]);
    for (const x of [910, 920]) {
      moveTo(x);
      reads = 0;
      const drawing = select({ nodeLookup });
      expect(drawing.loose.map((b) => [b.id, b.x])).toEqual([['n7', x]]);
      expect(drawing.shapes).toBe(select({ nodeLookup }).shapes);
      expect(reads).toBeLessThanOrEqual(2);
    }
  });
});
