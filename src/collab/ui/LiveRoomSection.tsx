/** The share dialog's live room part: start a room, or copy its edit and view links. */
import { Check, Copy, Radio } from 'lucide-react';
import { useState } from 'react';
import { notify } from '../../store/ui';
import { startLiveRoom } from '../launch';
import { useRoom } from '../state';

const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700';

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function LinkRow({
  label,
  hint,
  value,
  testId,
}: {
  label: string;
  hint: string;
  value: string;
  testId: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2">
      <div className="mb-1 flex items-baseline justify-between text-xs">
        <span className="font-medium text-slate-700 dark:text-slate-300">{label}</span>
        <span className="text-slate-500 dark:text-slate-400">{hint}</span>
      </div>
      <div className="flex gap-2">
        <input
          readOnly
          data-testid={testId}
          aria-label={label}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-[11px] text-slate-700 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-300"
        />
        <button
          type="button"
          className={buttonClass}
          data-testid={`${testId}.copy`}
          onClick={() =>
            void copy(value).then((ok) => {
              setCopied(ok);
              notify(
                ok ? 'success' : 'info',
                ok ? `${label} copied.` : 'Select the link and press Ctrl+C.',
              );
            })
          }
        >
          {copied ? (
            <Check className="h-3.5 w-3.5" aria-hidden />
          ) : (
            <Copy className="h-3.5 w-3.5" aria-hidden />
          )}
          Copy
        </button>
      </div>
    </div>
  );
}

export function LiveRoomSection({ readOnly }: { readOnly: boolean }) {
  const status = useRoom((s) => s.status);
  const editLink = useRoom((s) => s.editLink);
  const viewLink = useRoom((s) => s.viewLink);
  return (
    <section
      className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-700"
      data-testid="share.room"
    >
      <h3 className="mb-1 flex items-center gap-1.5 text-sm font-semibold text-slate-900 dark:text-slate-100">
        <Radio className="h-4 w-4 text-teal-700 dark:text-teal-400" aria-hidden /> Live room
      </h3>
      {status === 'idle' ? (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Edit this design together, live: everyone sees each other’s edits, cursors and
            selections. A room lives on the studio’s room server; anyone with its edit link can
            change it.
          </p>
          <button
            type="button"
            disabled={readOnly}
            title={
              readOnly ? 'A view-only design cannot start a room: edit a copy first.' : undefined
            }
            data-testid="share.start-room"
            className="mt-2 inline-flex items-center gap-1.5 rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
            onClick={() => startLiveRoom()}
          >
            <Radio className="h-4 w-4" aria-hidden /> Start a live room
          </button>
        </>
      ) : (
        <>
          {editLink && (
            <LinkRow
              label="Edit link"
              hint="can change the design"
              value={editLink}
              testId="share.room-edit-link"
            />
          )}
          {viewLink && (
            <LinkRow
              label="View link"
              hint="sees it live; the server refuses its changes"
              value={viewLink}
              testId="share.room-view-link"
            />
          )}
        </>
      )}
    </section>
  );
}
