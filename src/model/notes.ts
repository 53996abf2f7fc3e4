/**
 * Whiteboard notes: pure edits (Design → Design) and the checks the editor asks before it
 * stores a note's text. A note may point at one element of the design (a node or a link); an
 * element's removal unpoints the notes that pointed at it (edits.ts `removeElements`), so a
 * saved design never points nowhere.
 */
import { applyPatch, type Patch } from './edits';
import type { Design, Note, Position } from './schema';
import { NOTE_TEXT_MAX_CHARS, textProblemSentence } from './text';

export type NotePatch = Patch<Omit<Note, 'id'>>;

export function findNote(design: Design, id: string): Note | undefined {
  return design.notes.find((n) => n.id === id);
}

/** What a note may point at: a node (site or device) or a link of the design. */
export function canPointAt(design: Design, id: string): boolean {
  return design.nodes.some((n) => n.id === id) || design.links.some((l) => l.id === id);
}

export function createNote(id: string, position: Position, text = '', targetId?: string): Note {
  return {
    id,
    text,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    ...(targetId !== undefined ? { targetId } : {}),
  };
}

/**
 * Why `text` may not be a note's text, as a sentence for the editor, or null when it may: the
 * schema's own check (length and the characters of model/text.ts, line breaks allowed).
 */
export function noteTextProblem(text: string): string | null {
  if (text.length > NOTE_TEXT_MAX_CHARS)
    return `Too long: ${text.length} characters, a note holds at most ${NOTE_TEXT_MAX_CHARS}`;
  // The schema's text check is this length and model/text.ts's characters, nothing else (the
  // test of this module holds the two in step); asking zod here put the whole schema, zod and
  // the catalog on the first screen, which adds and edits notes through this function.
  return textProblemSentence(text, { multiline: true });
}

/** Add a note; a note whose id is taken, or whose target is no element, leaves the design as is. */
export function addNote(design: Design, note: Note): Design {
  if (design.notes.some((n) => n.id === note.id)) return design;
  if (note.targetId !== undefined && !canPointAt(design, note.targetId)) return design;
  return { ...design, notes: [...design.notes, note] };
}

/**
 * Change a note's text, place or target (`targetId: undefined` unpoints it). Refused (the design
 * comes back unchanged) for text the schema refuses or a target that is no element.
 */
export function updateNote(design: Design, id: string, patch: NotePatch): Design {
  const note = findNote(design, id);
  if (!note) return design;
  if (patch.text !== undefined && noteTextProblem(patch.text) !== null) return design;
  if (patch.targetId !== undefined && !canPointAt(design, patch.targetId)) return design;
  const next = applyPatch<Note>(note, { ...patch, id });
  if (
    next.text === note.text &&
    next.targetId === note.targetId &&
    next.position.x === note.position.x &&
    next.position.y === note.position.y
  )
    return design;
  return { ...design, notes: design.notes.map((n) => (n.id === id ? next : n)) };
}

/** Move notes to new top-left corners (canvas coordinates, whole pixels). */
export function moveNotes(design: Design, positions: ReadonlyMap<string, Position>): Design {
  let changed = false;
  const notes = design.notes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...design, notes } : design;
}

/** Move the notes among `ids` by dx, dy (the arrow keys' nudge); other ids are not notes'. */
export function nudgeNotes(design: Design, ids: Iterable<string>, dx: number, dy: number): Design {
  const wanted = new Set(ids);
  const positions = new Map<string, Position>();
  for (const n of design.notes)
    if (wanted.has(n.id)) positions.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
  return positions.size === 0 ? design : moveNotes(design, positions);
}

/** The notes that point at an element. */
export function notesPointingAt(design: Design, elementId: string): Note[] {
  return design.notes.filter((n) => n.targetId === elementId);
}
