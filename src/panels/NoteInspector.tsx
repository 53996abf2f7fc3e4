/**
 * The inspector of a whiteboard note (its text, what it points at), and the notes part of an
 * element's inspector ("Add a note pointing here").
 */
import { MessageSquarePlus, StickyNote, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useRoutes } from '../canvas/routeStore';
import { KIND_LABELS } from '../model/defaults';
import { labelOf } from '../model/labels';
import { canPointAt, noteTextProblem, notesPointingAt } from '../model/notes';
import type { Design, Note } from '../model/schema';
import { useStudio } from '../store/studio';
import {
  buttonClass,
  InspectorHeader,
  inputClass,
  Row,
  Section,
  SelectField,
  useTypedText,
  type Attempt,
} from './fields';

/** The note's text, multi-line, committed as it is typed (one undo step per edit). */
function NoteTextField({ note, disabled }: { note: Note; disabled: boolean }) {
  const id = useId();
  const field = useTypedText(note.text, { showErrors: true });
  const tryCommit = (typed: string): Attempt => {
    const problem = noteTextProblem(typed);
    if (problem !== null) return { ok: false, error: `${problem} — kept the previous text` };
    if (typed !== note.text) useStudio.getState().updateNote(note.id, { text: typed });
    return { ok: true, valueText: typed };
  };
  return (
    <Row label="Text" htmlFor={id}>
      <textarea
        id={id}
        data-testid="field.noteText"
        className={`${inputClass} min-h-24 resize-y`}
        rows={4}
        value={field.text}
        disabled={disabled}
        aria-invalid={field.error !== null}
        placeholder="What should the reader know here?"
        onChange={(e) => field.type(e.target.value, tryCommit)}
        onBlur={() => field.finish(tryCommit)}
        onKeyDown={(e) => {
          // Enter is a new line; Ctrl+Enter commits, Escape gives the stored text back.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) field.finish(tryCommit);
          if (e.key === 'Escape') field.revert();
        }}
      />
      {field.error && (
        <p
          role="alert"
          data-testid="field.noteText.error"
          className="mt-0.5 text-xs text-red-600 dark:text-red-400"
        >
          {field.error}
        </p>
      )}
    </Row>
  );
}

/** Everything a note may point at, sites first, then devices, then links, by name. */
function targetOptions(design: Design): { value: string; label: string }[] {
  const nodes = [...design.nodes]
    .sort((a, b) => Number(a.kind !== 'site') - Number(b.kind !== 'site'))
    .map((n) => ({ value: n.id, label: `${n.label || n.id} (${KIND_LABELS[n.kind]})` }));
  const links = design.links.map((l) => ({
    value: l.id,
    label: `${labelOf(design, l.id)} (${l.kind === 'dci' ? 'DCI link' : 'fabric link'})`,
  }));
  return [{ value: '', label: 'Nothing (a free note)' }, ...nodes, ...links];
}

export function NoteInspector({
  design,
  note,
  readOnly,
}: {
  design: Design;
  note: Note;
  readOnly: boolean;
}) {
  // A target deleted by someone else in a live room reads as what it is now: a free note.
  const pointsAt =
    note.targetId !== undefined && canPointAt(design, note.targetId) ? note.targetId : undefined;
  return (
    <div data-testid="inspector" data-element={note.id}>
      <InspectorHeader
        icon={StickyNote}
        iconClassName="bg-yellow-100 text-yellow-700 dark:bg-yellow-950 dark:text-yellow-300"
        title="Note"
        subtitle={
          <>
            {pointsAt === undefined ? 'Free note' : `Points at ${labelOf(design, pointsAt)}`} ·{' '}
            <span className="font-mono">{note.id}</span>
          </>
        }
      />
      <Section title="Note">
        <NoteTextField note={note} disabled={readOnly} />
        <SelectField
          label="Points at"
          value={pointsAt ?? ''}
          testId="field.noteTarget"
          disabled={readOnly}
          options={targetOptions(design)}
          onCommit={(value) =>
            useStudio.getState().updateNote(note.id, { targetId: value === '' ? undefined : value })
          }
        />
        <p className="py-1 text-xs text-slate-500 dark:text-slate-400">
          Double-click the note on the canvas to write in place. Notes go into the file, share
          links, live rooms and every export; the validator ignores them.
        </p>
        <button
          type="button"
          className={buttonClass}
          disabled={readOnly}
          onClick={() => useStudio.getState().deleteSelection()}
          data-testid="inspector.delete"
        >
          <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete note
        </button>
      </Section>
    </div>
  );
}

/** In an element's inspector: its notes, and a button that adds one pointing at it. */
export function NotesHere({ elementId, readOnly }: { elementId: string; readOnly: boolean }) {
  const count = useStudio((s) => notesPointingAt(s.design, elementId).length);
  return (
    <Section title="Notes">
      {count > 0 && (
        <p className="py-1 text-xs text-slate-500 dark:text-slate-400" data-testid="notes.here">
          {count === 1 ? '1 note points' : `${count} notes point`} here. Deleting this element keeps{' '}
          {count === 1 ? 'it' : 'them'}, as free {count === 1 ? 'note' : 'notes'}.
        </p>
      )}
      <button
        type="button"
        className={buttonClass}
        disabled={readOnly}
        data-testid="inspector.add-note"
        title="A note with a line to this element (N adds a free note)"
        onClick={() => {
          const drawn = useRoutes.getState().byId;
          void import('../app/notes').then((m) => m.addNotePointingAt(elementId, drawn));
        }}
      >
        <MessageSquarePlus className="h-3.5 w-3.5" aria-hidden /> Add a note pointing here
      </button>
    </Section>
  );
}
