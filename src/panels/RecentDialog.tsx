import { FolderOpen, History, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { listRecent, loadRecent, removeRecent, type RecentDesign } from '../store/recent';
import { notify } from '../store/ui';
import { buttonClass } from './fields';
import { openDesign } from '../app/importExport';
import { Modal } from './Modal';

function summary(entry: RecentDesign): string {
  try {
    const doc = JSON.parse(entry.json) as { nodes?: unknown[]; workloads?: unknown[] };
    const elements = doc.nodes?.length ?? 0;
    const workloads = doc.workloads?.length ?? 0;
    return `${elements} element${elements === 1 ? '' : 's'}, ${workloads} workload${workloads === 1 ? '' : 's'}`;
  } catch {
    return 'unreadable';
  }
}

function when(savedAt: string): string {
  const date = new Date(savedAt);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Designs put aside when a link, a file or another recent design replaced them. */
export function RecentDialog() {
  const [entries, setEntries] = useState(() => listRecent());

  const open = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    const result = loadRecent(entry);
    if (!result.ok) {
      notify('error', `This design could not be opened: ${result.error.message}`);
      return;
    }
    // It becomes the open design (autosaved); the one it replaces takes its place in the list.
    removeRecent(index);
    openDesign(result.design, { message: `Reopened “${result.design.name}”.` });
  };

  const remove = (index: number) => {
    removeRecent(index);
    setEntries(listRecent());
  };

  return (
    <Modal title="Recent designs" testId="dialog.recent">
      {entries.length === 0 ? (
        <p className="flex items-start gap-2 text-slate-600 dark:text-slate-400">
          <History className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          No recent designs yet. Whenever a link, a file or a recent design replaces the open
          design, the one that was open is kept here.
        </p>
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
            Designs that were open before a link, a file or another recent design replaced them (the
            last 10, kept in this browser).
          </p>
          <ul className="grid gap-2">
            {entries.map((entry, i) => (
              <li
                key={`${entry.savedAt}-${i}`}
                data-testid={`recent.item.${i}`}
                className="flex items-center gap-3 rounded-lg border border-slate-200 p-2.5 dark:border-slate-700"
              >
                <div className="min-w-0 flex-1">
                  <div
                    className="truncate font-semibold text-slate-900 dark:text-slate-100"
                    title={entry.name}
                  >
                    {entry.name || 'Untitled design'}
                  </div>
                  <div className="text-xs text-slate-500 dark:text-slate-400">
                    {summary(entry)} · put aside {when(entry.savedAt)}
                  </div>
                </div>
                <button
                  type="button"
                  className={buttonClass}
                  data-testid={`recent.open.${i}`}
                  onClick={() => open(i)}
                >
                  <FolderOpen className="h-3.5 w-3.5" aria-hidden /> Open
                </button>
                <button
                  type="button"
                  className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-800"
                  aria-label={`Forget ${entry.name || 'this design'}`}
                  title="Forget"
                  data-testid={`recent.remove.${i}`}
                  onClick={() => remove(i)}
                >
                  <Trash2 className="h-4 w-4" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
