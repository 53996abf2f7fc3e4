import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { connect, removeElements } from './edits';
import { checkReferences } from './integrity';
import {
  addNote,
  canPointAt,
  createNote,
  moveNotes,
  noteTextProblem,
  notesPointingAt,
  nudgeNotes,
  updateNote,
} from './notes';
import { designSchema, NOTE_TEXT_MAX_CHARS, noteSchema, type Design } from './schema';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;

/** Two sites, a spine and a border in each, the borders joined by a DCI link `dci`. */
const design = () =>
  connect(
    new DesignBuilder('notes')
      .site('a', 'DC A')
      .site('b', 'DC B')
      .spine('a-sp', 'a')
      .border('a-be', 'a')
      .border('b-be', 'b')
      .build(),
    'a-be',
    'b-be',
    'dci',
  );

const withNotes = () =>
  addNote(
    addNote(
      addNote(design(), createNote('free', { x: 10, y: 20 }, 'A free note')),
      createNote('on-spine', { x: 0, y: -80 }, 'Spine to replace', 'a-sp'),
    ),
    createNote('on-link', { x: 400, y: -80 }, 'Check the MTU', 'dci'),
  );

describe('createNote and addNote', () => {
  it('adds a valid note at whole-pixel coordinates', () => {
    const d = addNote(design(), createNote('n1', { x: 10.4, y: -3.6 }, 'hello'));
    expect(d.notes).toEqual([{ id: 'n1', text: 'hello', position: { x: 10, y: -4 } }]);
    expect(isValid(d)).toBe(true);
  });
  it('adds a note that points at a device, a site or a link', () => {
    for (const target of ['a-sp', 'a', 'dci']) {
      const d = addNote(design(), createNote('n1', { x: 0, y: 0 }, '', target));
      expect(d.notes[0]?.targetId).toBe(target);
      expect(isValid(d)).toBe(true);
    }
  });
  it('refuses a note pointing at nothing, and a note whose id is taken', () => {
    const base = design();
    expect(addNote(base, createNote('n1', { x: 0, y: 0 }, '', 'nowhere'))).toBe(base);
    const once = addNote(base, createNote('n1', { x: 0, y: 0 }));
    expect(addNote(once, createNote('n1', { x: 5, y: 5 }))).toBe(once);
  });
});

describe('updateNote', () => {
  it('changes the text, and keeps line breaks (a note is multi-line)', () => {
    const d = updateNote(withNotes(), 'free', { text: 'line one\nline two' });
    expect(d.notes.find((n) => n.id === 'free')?.text).toBe('line one\nline two');
    expect(isValid(d)).toBe(true);
  });
  it('refuses text the schema refuses: the design comes back unchanged', () => {
    const base = withNotes();
    expect(updateNote(base, 'free', { text: 'bell \u0007' })).toBe(base);
    expect(updateNote(base, 'free', { text: 'x'.repeat(NOTE_TEXT_MAX_CHARS + 1) })).toBe(base);
    expect(updateNote(base, 'free', { text: 'evil \u202e txt' })).toBe(base);
  });
  it('re-points a note, and unpoints it', () => {
    const repointed = updateNote(withNotes(), 'on-spine', { targetId: 'b-be' });
    expect(repointed.notes.find((n) => n.id === 'on-spine')?.targetId).toBe('b-be');
    const free = updateNote(repointed, 'on-spine', { targetId: undefined });
    const note = free.notes.find((n) => n.id === 'on-spine');
    expect(note).toBeDefined();
    expect(note && 'targetId' in note).toBe(false);
    expect(isValid(free)).toBe(true);
  });
  it('refuses a target that is no element', () => {
    const base = withNotes();
    expect(updateNote(base, 'free', { targetId: 'nowhere' })).toBe(base);
  });
  it('returns the same design for a change that changes nothing, or an unknown note', () => {
    const base = withNotes();
    expect(updateNote(base, 'free', { text: 'A free note' })).toBe(base);
    expect(updateNote(base, 'nobody', { text: 'x' })).toBe(base);
  });
});

describe('moveNotes', () => {
  it('moves the notes named, rounded to whole pixels, and no other', () => {
    const base = withNotes();
    const d = moveNotes(base, new Map([['free', { x: 100.6, y: 200.2 }]]));
    expect(d.notes.find((n) => n.id === 'free')?.position).toEqual({ x: 101, y: 200 });
    expect(d.notes.find((n) => n.id === 'on-spine')).toBe(
      base.notes.find((n) => n.id === 'on-spine'),
    );
  });
  it('returns the same design when nothing moved', () => {
    const base = withNotes();
    expect(moveNotes(base, new Map([['free', { x: 10, y: 20 }]]))).toBe(base);
  });
});

describe('Deleting elements and notes (removeElements)', () => {
  it('deletes a note like any selected element', () => {
    const d = removeElements(withNotes(), ['free']);
    expect(d.notes.map((n) => n.id)).toEqual(['on-spine', 'on-link']);
  });
  it('keeps a note whose device is deleted, unpointed', () => {
    const d = removeElements(withNotes(), ['a-sp']);
    const note = d.notes.find((n) => n.id === 'on-spine');
    expect(note?.text).toBe('Spine to replace');
    expect(note?.targetId).toBeUndefined();
    expect(isValid(d)).toBe(true);
  });
  it('unpoints a note on a link that went with its device', () => {
    const d = removeElements(withNotes(), ['b-be']);
    expect(d.links).toHaveLength(0);
    expect(d.notes.find((n) => n.id === 'on-link')?.targetId).toBeUndefined();
    expect(isValid(d)).toBe(true);
  });
  it('unpoints notes on the devices of a deleted site, and leaves other notes pointed', () => {
    const d = removeElements(withNotes(), ['a']);
    expect(notesPointingAt(d, 'a-sp')).toEqual([]);
    expect(d.notes.every((n) => n.targetId === undefined)).toBe(true);
    const kept = removeElements(withNotes(), ['free']);
    expect(kept.notes.find((n) => n.id === 'on-spine')?.targetId).toBe('a-sp');
  });
});

describe('noteTextProblem', () => {
  it('accepts plain multi-line text, tabs and the longest text allowed', () => {
    expect(noteTextProblem('Two lines\n\tand a tab')).toBeNull();
    expect(noteTextProblem('x'.repeat(NOTE_TEXT_MAX_CHARS))).toBeNull();
    expect(noteTextProblem('')).toBeNull();
  });
  it('explains why it refuses text, in a sentence', () => {
    expect(noteTextProblem('x'.repeat(NOTE_TEXT_MAX_CHARS + 1))).toMatch(/^Too long: 2001/);
    expect(noteTextProblem('a\u0000b')).toMatch(/^Contains a control character/);
    expect(noteTextProblem('a\u2066b')).toMatch(/bidirectional/);
  });
  it('agrees with the schema on every sample', () => {
    const samples = ['ok', 'a\nb', 'a\u0007', '\ud800', 'x'.repeat(2001), '<b>bold</b>'];
    for (const text of samples)
      expect(noteTextProblem(text) === null, JSON.stringify(text)).toBe(
        noteSchema.shape.text.safeParse(text).success,
      );
  });
});

describe('canPointAt', () => {
  it('is true for nodes and links, false for anything else', () => {
    const d = withNotes();
    expect(canPointAt(d, 'a')).toBe(true);
    expect(canPointAt(d, 'a-sp')).toBe(true);
    expect(canPointAt(d, 'dci')).toBe(true);
    expect(canPointAt(d, 'free')).toBe(false);
    expect(canPointAt(d, 'nowhere')).toBe(false);
  });
});

describe('nudgeNotes (the arrow keys)', () => {
  it('moves the notes named by the step, and leaves every other note and node', () => {
    const base = withNotes();
    const d = nudgeNotes(base, ['free', 'a-sp'], 16, -16);
    expect(d.notes.find((n) => n.id === 'free')?.position).toEqual({ x: 26, y: 4 });
    expect(d.notes.find((n) => n.id === 'on-spine')).toBe(
      base.notes.find((n) => n.id === 'on-spine'),
    );
    expect(d.nodes).toBe(base.nodes);
  });
  it('returns the same design when no note is named', () => {
    const base = withNotes();
    expect(nudgeNotes(base, ['a-sp'], 16, 0)).toBe(base);
  });
});
