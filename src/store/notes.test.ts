import { beforeEach, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { inEditGroup } from './pendingEdits';
import { settleDrop, useStudio } from './studio';
import { useUi } from './ui';

const design = () =>
  new DesignBuilder('notes in the store')
    .site('a', 'DC A')
    .border('a-be', 'a')
    .spine('a-sp', 'a')
    .build();

const s = () => useStudio.getState();

beforeEach(() => {
  s().replaceDesign(design());
  useUi.setState({ toasts: [] });
});

describe('Notes in the studio store', () => {
  it('adds a note as one undo step, drawn as a note node beside the design nodes', () => {
    const id = s().addNote({ x: 40, y: 50 }, 'a-be');
    expect(id).not.toBeNull();
    expect(s().design.notes).toEqual([
      { id, text: '', position: { x: 40, y: 50 }, targetId: 'a-be' },
    ]);
    expect(s().noteNodes.map((n) => [n.id, n.type])).toEqual([[id, 'note']]);
    expect(s().nodes.some((n) => n.id === id)).toBe(false);
    s().undo();
    expect(s().design.notes).toEqual([]);
    expect(s().noteNodes).toEqual([]);
  });

  it('types text as one undo step per edit (the canvas editor commits as you type)', () => {
    const id = s().addNote({ x: 0, y: 0 }) ?? '';
    inEditGroup('note-text:1', () => s().updateNote(id, { text: 'Ch' }));
    inEditGroup('note-text:1', () => s().updateNote(id, { text: 'Check MTU' }));
    expect(s().design.notes[0]?.text).toBe('Check MTU');
    s().undo();
    expect(s().design.notes[0]?.text).toBe('');
  });

  it('sizes the note node from the notes geometry, and resizes it with its text', () => {
    const id = s().addNote({ x: 0, y: 0 }) ?? '';
    const before = s().noteNodes[0];
    s().updateNote(id, { text: 'A longer text that wraps over more than one line of the note' });
    const after = s().noteNodes[0];
    expect(after?.height).toBeGreaterThan(before?.height ?? Infinity);
    expect(after?.measured).toEqual({ width: after?.width, height: after?.height });
  });

  it('moves a dragged note in one step, and leaves the design nodes as they were', () => {
    const id = s().addNote({ x: 0, y: 0 }) ?? '';
    const nodes = s().nodes;
    s().onNodesChange([{ type: 'position', id, position: { x: 120.4, y: 80.6 }, dragging: true }]);
    expect(s().nodes).toBe(nodes);
    const past = s().past.length;
    s().finishDrag([id]);
    settleDrop(); // The frame that shows the drop is past.
    expect(s().design.notes[0]?.position).toEqual({ x: 120, y: 81 });
    expect(s().past.length).toBe(past + 1);
    s().undo();
    expect(s().design.notes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(s().noteNodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('selects and deletes notes with the selection, as elements are', () => {
    const id = s().addNote({ x: 0, y: 0 }) ?? '';
    s().select([id]);
    expect(s().noteNodes[0]?.selected).toBe(true);
    s().deleteSelection();
    expect(s().design.notes).toEqual([]);
    s().undo();
    expect(s().design.notes.map((n) => n.id)).toEqual([id]);
  });

  it('keeps a note whose element is deleted, unpointed, and undo points it again', () => {
    s().addNote({ x: 0, y: 0 }, 'a-sp');
    s().select(['a-sp']);
    s().deleteSelection();
    expect(s().design.notes[0]?.targetId).toBeUndefined();
    s().undo();
    expect(s().design.notes[0]?.targetId).toBe('a-sp');
  });

  it('refuses notes in a view-only design, and says why', () => {
    s().replaceDesign(design(), { readOnly: true });
    expect(s().addNote({ x: 0, y: 0 })).toBeNull();
    expect(s().design.notes).toEqual([]);
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(/view-only/);
  });
});
