/**
 * The drop of a drag: React Flow sends the drag's end (position changes, `dragging: false`) and
 * then onNodeDragStop (finishDrag). The store holds the first for the second and makes both one
 * update; these tests hold that to the two updates it replaces (the drag's end applied first,
 * as it is when no drop follows it).
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import { syntheticDesign } from '../model/synthetic';
import { addNote, createNote } from '../model/notes';
import { syncEdges, syncNodes, type FlowEdge, type FlowNode } from './flow';
import type { NoteFlowNode } from './noteFlow';
import { flushPendingEdits } from './pendingEdits';
import { settleDrop, useStudio } from './studio';
import { useUi } from './ui';

const s = () => useStudio.getState();
const NOTE = 'note-1';
const base = addNote(
  syntheticDesign({ sites: 2, elements: 120 }),
  createNote(NOTE, { x: -300, y: -200 }, 'a note'),
);
const draggable = [...base.nodes.map((n) => n.id), NOTE];

type Change = NodeChange<FlowNode | NoteFlowNode>;

/** Where the canvas shows a node now. */
function shownAt(id: string): { x: number; y: number } {
  const node = [...s().nodes, ...s().noteNodes].find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node.position;
}

/** A drag of `ids` by (dx, dy): moves on the way, as React Flow sends them. */
function drag(ids: readonly string[], dx: number, dy: number, moves: number): Change[] {
  const from = new Map(ids.map((id) => [id, shownAt(id)]));
  const at = (f: number): Change[] =>
    ids.map((id) => {
      const p = from.get(id) ?? { x: 0, y: 0 };
      return {
        type: 'position',
        id,
        position: { x: p.x + Math.round(dx * f), y: p.y + Math.round(dy * f) },
        dragging: f < 1 ? true : false,
      };
    });
  for (let i = 1; i <= moves; i++) s().onNodesChange(at(i / (moves + 1)));
  return at(1);
}

/** What the studio shows and keeps after a drop, to compare two drops. */
function outcome() {
  const node = ({ dragging: _, ...n }: FlowNode | NoteFlowNode) => n;
  const edge = (e: FlowEdge) => [e.id, e.data?.ends, e.data?.bundle, e.selected ?? false];
  return {
    design: s().design,
    nodes: s().nodes.map(node),
    noteNodes: s().noteNodes.map(node),
    edges: s().edges.map(edge),
    past: s().past.length,
    toasts: useUi.getState().toasts.map((t) => t.text),
  };
}

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  settleDrop();
  s().replaceDesign(base);
  useUi.setState({ toasts: [] });
});

describe('A drop', () => {
  it('waits for the frame after the pointer-up, then is one store update', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
    try {
      const end = drag(['s0-t1'], 320, 160, 3);
      let updates = 0;
      const unsubscribe = useStudio.subscribe(() => updates++);
      // The pointer-up's task: the drag's end and the drop.
      s().onNodesChange(end);
      s().finishDrag(['s0-t1']);
      await flushMicrotasks();
      // The frame after it is drawn from the store as the drag left it.
      expect(updates).toBe(0);
      expect(frames.length).toBeGreaterThan(0);
      expect(s().past.length).toBe(0);
      for (const run of frames.splice(0)) run(0);
      expect(updates).toBe(0);
      // Just after that frame, the drop: one update.
      await flushMicrotasks();
      unsubscribe();
      expect(updates).toBe(1);
      expect(s().past.length).toBe(1);
      expect(s().design.nodes.find((n) => n.id === 's0-t1')?.position).toEqual(
        end[0]?.type === 'position' ? end[0].position : null,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is made before any action that follows it sooner: an undo undoes the drop', () => {
    const end = drag(['s0-t1'], 320, 160, 3);
    s().onNodesChange(end);
    s().finishDrag(['s0-t1']);
    s().undo();
    expect(s().design).toBe(base);
    expect(s().future.length).toBe(1);
    s().redo();
    expect(s().design.nodes.find((n) => n.id === 's0-t1')?.position).toEqual(
      end[0]?.type === 'position' ? end[0].position : null,
    );
  });

  it('is made by a flush of the pending edits (autosave, leaving the page) and by settleDrop', () => {
    const end = drag(['s0-t1'], 320, 160, 3);
    s().onNodesChange(end);
    s().finishDrag(['s0-t1']);
    flushPendingEdits();
    expect(s().past.length).toBe(1);
    const again = drag(['s0-t1'], 64, 0, 1);
    s().onNodesChange(again);
    s().finishDrag(['s0-t1']);
    settleDrop();
    expect(s().past.length).toBe(2);
    expect(s().design.nodes.find((n) => n.id === 's0-t1')?.position).toEqual(
      again[0]?.type === 'position' ? again[0].position : null,
    );
  });

  it('gives what the drag’s end applied first and the drop after give, for any drag', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...draggable), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -2500, max: 2500 }),
        fc.integer({ min: -2500, max: 2500 }),
        fc.nat(3),
        fc.boolean(),
        async (ids, dx, dy, moves, selected) => {
          const run = async (merged: boolean) => {
            s().replaceDesign(base);
            useUi.setState({ toasts: [] });
            if (selected) s().select(ids);
            const end = drag(ids, dx, dy, moves);
            s().onNodesChange(end);
            // The path before: the drag's end is its own update (as when no drop follows it).
            if (!merged) await flushMicrotasks();
            s().finishDrag(ids);
            await flushMicrotasks();
            return outcome();
          };
          const twoSteps = await run(false);
          const oneStep = await run(true);
          expect(oneStep).toEqual(twoSteps);
          // And the flow is the one synced from scratch for the dropped design.
          const drawn = (e: FlowEdge) => [e.id, e.source, e.target, e.data];
          expect(s().edges.map(drawn)).toEqual(syncEdges(s().design, []).map(drawn));
          expect(s().nodes.map((n) => n.position)).toEqual(
            syncNodes(s().design, []).map((n) => n.position),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies a drag’s end that no drop follows (an aborted drag) once its task is done', async () => {
    const end = drag(['s0-t1'], 64, 32, 1);
    s().onNodesChange(end);
    await flushMicrotasks();
    expect(shownAt('s0-t1')).toEqual(end[0]?.type === 'position' ? end[0].position : null);
    expect(s().nodes.find((n) => n.id === 's0-t1')?.dragging).toBe(false);
    expect(s().past.length).toBe(0);
  });

  it('keeps changes in their order: a change after a held drag’s end comes after it', () => {
    const end = drag(['s0-t1'], 64, 32, 1);
    s().onNodesChange(end);
    s().onNodesChange([{ type: 'select', id: 's0-t1', selected: true }]);
    expect(shownAt('s0-t1')).toEqual(end[0]?.type === 'position' ? end[0].position : null);
    expect(s().nodes.find((n) => n.id === 's0-t1')?.selected).toBe(true);
  });

  it('in view-only mode moves nothing', () => {
    s().replaceDesign(base, { readOnly: true });
    const before = s().nodes;
    s().onNodesChange([
      { type: 'position', id: 's0-t1', position: { x: 999, y: 999 }, dragging: false },
    ]);
    s().finishDrag(['s0-t1']);
    expect(s().nodes).toBe(before);
    expect(s().design).toBe(base);
  });
});
