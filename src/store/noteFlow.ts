/**
 * Whiteboard notes as React Flow nodes, kept beside the design's nodes (store/flow.ts): a note
 * is not an element of the network, so the code that walks `nodes` (devices, sites) never
 * meets one. Sizes come from the notes' own geometry (render/notes.ts), so React Flow draws a
 * note at once, at the size every export gives it.
 */
import type { Node } from '@xyflow/react';
import { create } from 'zustand';
import type { Design, Note } from '../model/schema';
import { noteLayout } from '../render/notes';
import type { FlowNode } from './flow';

export type NoteFlowData = { note: Note };
export type NoteFlowNode = Node<NoteFlowData, 'note'>;

/** Every node the canvas draws: the design's elements and the whiteboard's notes. */
export type CanvasNode = FlowNode | NoteFlowNode;
export const isNote = (n: CanvasNode): n is NoteFlowNode => n.type === 'note';

/**
 * Notes sit above everything drawn, DCI labels (their layer is at 1002, index.css) included: a
 * sticky note is read over the drawing, and the user puts it where it covers nothing.
 */
export const NOTE_Z_INDEX = 1003;

export function toNoteNode(note: Note, previous: NoteFlowNode | undefined): NoteFlowNode {
  if (previous && previous.data.note === note) return previous;
  const { width, height } = noteLayout(note.text);
  return {
    id: note.id,
    type: 'note',
    position: note.position,
    data: { note },
    width,
    height,
    measured: { width, height },
    selected: previous?.selected ?? false,
    zIndex: NOTE_Z_INDEX,
  };
}

export function syncNoteNodes(design: Design, previous: readonly NoteFlowNode[]): NoteFlowNode[] {
  if (design.notes.length === 0 && previous.length === 0) return previous as NoteFlowNode[];
  const byId = new Map(previous.map((n) => [n.id, n]));
  const next = design.notes.map((note) => toNoteNode(note, byId.get(note.id)));
  return next.length === previous.length && next.every((n, i) => n === previous[i])
    ? (previous as NoteFlowNode[])
    : next;
}

/** Which note's text is being edited on the canvas (one at a time). */
export const useNoteEditing = create<{ editingId: string | null }>()(() => ({ editingId: null }));

export function editNoteText(id: string | null): void {
  useNoteEditing.setState({ editingId: id });
}
