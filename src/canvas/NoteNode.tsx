import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { noteTextProblem } from '../model/notes';
import { notePointer } from '../render/callouts';
import { noteLayout } from '../render/notes';
import {
  NOTE_FONT_PX,
  NOTE_LINE_PX,
  NOTE_MAX_WIDTH,
  NOTE_PAD,
  NOTE_POINTER_DOT_PX,
} from '../render/metrics';
import type { Box } from '../render/types';
import { editNoteText, useNoteEditing, type NoteFlowNode } from '../store/noteFlow';
import { inEditGroup, registerPendingEdit } from '../store/pendingEdits';
import { useStudio } from '../store/studio';
import { dropTypedAhead, typedAhead } from '../store/typeAhead';
import { notify } from '../store/ui';
import { diffClass, useMarks } from './marks';
import { boxKey, parseBoxKey, targetBox } from './noteTargets';
import { useRoute, useRoutes } from './routeStore';

/** The note's text as the exports set it (render/metrics.ts), so the lines fit the same box. */
const TEXT_STYLE = { fontSize: NOTE_FONT_PX, lineHeight: `${NOTE_LINE_PX}px` } as const;
/** The note's 1 px border (index.css) is inside its box, as the exports' stroke is on it. */
const NOTE_BORDER_PX = 1;
/** The editor's 2 px border is part of the note's padding: typed text sits where it is drawn. */
const EDITOR_BORDER_PX = 2;

/** How long typing may pause before the note's text is committed (as the inspector's fields). */
const TYPING_COMMIT_MS = 400;

/** The callout, drawn from the note's own corner: it leaves the node's box, so overflow shows. */
function Pointer({ points, origin }: { points: readonly { x: number; y: number }[]; origin: Box }) {
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x - origin.x} ${p.y - origin.y}`)
    .join(' ');
  const end = points[points.length - 1];
  return (
    <svg
      aria-hidden
      className="note-pointer pointer-events-none absolute top-0 left-0 overflow-visible"
      width="1"
      height="1"
    >
      <path d={d} fill="none" strokeWidth={1.5} strokeDasharray="4 3" />
      {end && <circle cx={end.x - origin.x} cy={end.y - origin.y} r={NOTE_POINTER_DOT_PX} />}
    </svg>
  );
}

/**
 * The note's text typed on the canvas: committed after a pause and when the editor closes, all
 * of it one undo step; text the schema refuses is not stored, and the editor says why.
 */
function NoteEditor({ id, text }: { id: string; text: string }) {
  const [typed, setTyped] = useState(text);
  const [error, setError] = useState<string | null>(null);
  // One undo step per opening of the editor (a remount gets a new id).
  const group = `note-text:${id}:${useId()}`;
  const pending = useRef<{ timer: number; unregister: () => void } | null>(null);
  const latest = useRef(typed);
  latest.current = typed;

  const commit = (value: string): boolean => {
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current.unregister();
      pending.current = null;
    }
    const problem = noteTextProblem(value);
    if (problem !== null) {
      setError(`${problem} — the note keeps its previous text`);
      return false;
    }
    setError(null);
    inEditGroup(group, () => useStudio.getState().updateNote(id, { text: value }));
    return true;
  };

  const finish = () => {
    if (!commit(latest.current))
      notify('warning', 'The note kept its previous text: what was typed cannot be stored.');
    editNoteText(null);
  };

  /** Show `value` and commit it after a pause in typing. */
  const type = (value: string) => {
    setTyped(value);
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current.unregister();
    }
    const fire = () => void commit(value);
    pending.current = {
      timer: window.setTimeout(fire, TYPING_COMMIT_MS),
      unregister: registerPendingEdit(fire),
    };
  };

  // Closed from elsewhere (another note edited, the note deleted): what was typed is kept.
  useEffect(
    () => () => {
      if (pending.current) commit(latest.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const layout = noteLayout(typed);
  return (
    <>
      <textarea
        data-testid={`note-editor.${id}`}
        aria-label="Note text"
        aria-invalid={error !== null}
        autoFocus
        value={typed}
        spellCheck
        onFocus={(e) => {
          // A new (empty) note: type at once; a written one: go on at the end of its text.
          const end = e.currentTarget.value.length;
          e.currentTarget.setSelectionRange(end, end);
          // The keys are the editor's now: what was typed before it had them (its code loading,
          // store/typeAhead.ts) goes on the end, as if typed here.
          const ahead = typedAhead();
          dropTypedAhead();
          if (ahead !== '') type(latest.current + ahead);
        }}
        onChange={(e) => type(e.target.value)}
        onBlur={finish}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        className="note-editor nodrag nopan nowheel absolute top-0 left-0 z-10 resize-none rounded outline-none"
        style={{
          ...TEXT_STYLE,
          width: NOTE_MAX_WIDTH,
          height: layout.height + 2 * EDITOR_BORDER_PX,
          borderWidth: EDITOR_BORDER_PX,
          padding: NOTE_PAD - EDITOR_BORDER_PX,
        }}
      />
      {error && (
        <p
          role="alert"
          data-testid={`note-editor.${id}.error`}
          className="absolute left-0 z-10 w-[220px] rounded bg-red-50 px-2 py-1 text-xs text-red-700 shadow dark:bg-red-950 dark:text-red-200"
          style={{ top: layout.height + 8 }}
        >
          {error}
        </p>
      )}
    </>
  );
}

function NoteNodeView({ id, data, positionAbsoluteX, positionAbsoluteY }: NodeProps<NoteFlowNode>) {
  const note = data.note;
  const editing = useNoteEditing((s) => s.editingId === id);
  const readOnly = useStudio((s) => s.readOnly);
  const targetId = note.targetId;
  // A link's route arrives from the router after the store changed: re-render for it too (the
  // selector below reads the routes as they are at each render).
  useRoute(targetId);
  const targetKey = useStudio((s) =>
    targetId === undefined
      ? ''
      : boxKey(targetBox(targetId, s.nodes, s.edges, useRoutes.getState().byId)),
  );
  const target = useMemo(() => parseBoxKey(targetKey), [targetKey]);
  const layout = useMemo(() => noteLayout(note.text), [note.text]);
  const box = { x: positionAbsoluteX, y: positionAbsoluteY, ...layout };
  const pointer = target ? notePointer(box, target) : null;
  const empty = note.text.trim() === '';
  // Marked by a comparison (marks.ts): its outline goes round the note's box.
  const diff = diffClass(useMarks(id));
  return (
    <div
      data-testid={`note.${id}`}
      data-kind="note"
      data-target={targetId ?? ''}
      className={`note-card relative h-full w-full ${editing ? 'note-editing' : ''}`}
      title={readOnly ? undefined : 'Double-click to edit the text'}
      onDoubleClick={(event) => {
        if (readOnly) return;
        event.stopPropagation();
        editNoteText(id);
      }}
    >
      {pointer && <Pointer points={pointer} origin={box} />}
      <div
        className={`note-box absolute inset-0 rounded ${diff}`}
        style={{ ...TEXT_STYLE, padding: NOTE_PAD - NOTE_BORDER_PX }}
      >
        {empty ? (
          <span className="note-placeholder italic">Empty note</span>
        ) : (
          layout.lines.map((line, i) => (
            <div key={i} className="whitespace-pre">
              {line}
            </div>
          ))
        )}
      </div>
      {editing && !readOnly && <NoteEditor id={id} text={note.text} />}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
