/** The live room's bar under the toolbar: connection, who is here, refusals, and the way out. */
import { CloudOff, Copy, Eye, LogOut, Radio, Save, TriangleAlert, X } from 'lucide-react';
import { useState } from 'react';
import { useUi } from '../../store/ui';
import { leaveLiveRoom, saveRoomCopy } from '../launch';
import { setMyName, useRoom, type Person, type RoomStatus } from '../state';
import { plural } from '../../model/plural';

const STATUS_TEXT: Record<RoomStatus, string> = {
  idle: '',
  loading: 'Opening the room…',
  connecting: 'Connecting to the room server…',
  connected: 'Live',
  offline: 'Offline: your edits are kept here and sent when the connection is back',
  waiting: 'Connected; the room is empty (its design has not arrived)',
  denied: 'This link does not open a room on this server',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

function Avatar({
  person,
  me,
}: {
  person: Pick<Person, 'name' | 'color' | 'selection'>;
  me?: boolean;
}) {
  const title = me
    ? `${person.name} (you)`
    : `${person.name}${person.selection.length ? ` — has ${person.selection.length} selected` : ''}`;
  return (
    <span
      data-testid={me ? 'room.me' : 'room.person'}
      data-name={person.name}
      title={title}
      className="inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1 text-[11px] font-semibold text-white ring-2 ring-white dark:ring-slate-900"
      style={{ background: person.color }}
    >
      {initials(person.name)}
    </span>
  );
}

const barButton =
  'inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium hover:bg-white/60 dark:hover:bg-slate-800';

export function RoomBar() {
  const status = useRoom((s) => s.status);
  const role = useRoom((s) => s.role);
  const people = useRoom((s) => s.people);
  const me = useRoom((s) => s.me);
  const refusal = useRoom((s) => s.refusal);
  const unsynced = useRoom((s) => s.unsynced);
  const [renaming, setRenaming] = useState(false);
  if (status === 'idle') return null;
  const offline = status === 'offline' || status === 'denied';
  return (
    <>
      <div
        role="status"
        data-testid="room.bar"
        data-status={status}
        data-unsynced={unsynced}
        className={`no-print flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-1.5 text-sm ${
          offline
            ? 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100'
            : 'border-teal-200 bg-teal-50 text-teal-950 dark:border-teal-900 dark:bg-teal-950 dark:text-teal-50'
        }`}
      >
        <span className="inline-flex items-center gap-1.5 font-semibold">
          {offline ? (
            <CloudOff className="h-4 w-4" aria-hidden />
          ) : (
            <Radio className="h-4 w-4" aria-hidden />
          )}
          Live room
        </span>
        <span data-testid="room.status" className="text-xs">
          {STATUS_TEXT[status]}
          {status === 'connected' && unsynced > 1 ? ` · sending ${unsynced - 1}…` : ''}
        </span>
        {role === 'view' && (
          <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            <Eye className="h-3.5 w-3.5" aria-hidden /> View only
          </span>
        )}
        <span className="flex items-center -space-x-1" data-testid="room.people">
          <Avatar person={{ ...me, selection: [] }} me />
          {people.map((p) => (
            <Avatar key={p.clientId} person={p} />
          ))}
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-300" data-testid="room.count">
          {people.length === 0 ? 'Only you' : `You and ${plural(people.length, 'other')}`}
        </span>
        {renaming ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get('name');
              if (typeof value === 'string') setMyName(value);
              setRenaming(false);
            }}
          >
            <input
              name="name"
              aria-label="Your name in the room"
              data-testid="room.name-input"
              defaultValue={me.name}
              autoFocus
              maxLength={40}
              onBlur={(e) => {
                setMyName(e.currentTarget.value);
                setRenaming(false);
              }}
              className="h-6 w-40 rounded border border-slate-300 bg-white px-1.5 text-xs dark:border-slate-600 dark:bg-slate-900"
            />
          </form>
        ) : (
          <button
            type="button"
            className={barButton}
            data-testid="room.rename"
            onClick={() => setRenaming(true)}
          >
            You are <strong>{me.name}</strong>
          </button>
        )}
        <span className="ml-auto flex items-center gap-1">
          <button
            type="button"
            className={barButton}
            data-testid="room.links"
            onClick={() => useUi.getState().openDialog('share')}
          >
            <Copy className="h-3.5 w-3.5" aria-hidden /> Room links
          </button>
          <button
            type="button"
            className={barButton}
            data-testid="room.save-copy"
            onClick={() => void saveRoomCopy()}
          >
            <Save className="h-3.5 w-3.5" aria-hidden /> Save a copy
          </button>
          <button
            type="button"
            className={barButton}
            data-testid="room.leave"
            onClick={() => void leaveLiveRoom()}
          >
            <LogOut className="h-3.5 w-3.5" aria-hidden /> Leave
          </button>
        </span>
      </div>
      {refusal && (
        <div
          role="alert"
          data-testid="room.refusal"
          data-refused={refusal.refused}
          className="no-print flex shrink-0 items-start gap-2 border-b border-red-200 bg-red-50 px-4 py-1.5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <span>
            <strong className="font-semibold">The room server refused a change.</strong>{' '}
            {refusal.message} The room’s design is shown as the server has it.
          </span>
          <button
            type="button"
            aria-label="Dismiss"
            className="ml-auto rounded p-0.5 hover:bg-red-100 dark:hover:bg-red-900"
            onClick={() => useRoom.setState({ refusal: null })}
          >
            <X className="h-4 w-4" aria-hidden />
          </button>
        </div>
      )}
    </>
  );
}
