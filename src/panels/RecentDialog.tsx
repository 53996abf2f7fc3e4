import { CopyPlus, Download, FolderOpen, GitCompareArrows, History, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { designStorage, keepInRecent } from '../store/persistence';
import {
  GONE_FROM_STORAGE,
  isBlank,
  listRecent,
  loadRecent,
  RECENT_LABEL_MAX,
  RECENT_LIMIT,
  recentText,
  removeRecent,
  savedAtText,
  type RecentDesign,
} from '../store/recent';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { buttonClass, inputClass } from './fields';
import { downloadBlob, openDesign } from '../app/importExport';
import { designFileName } from '../io/file';
import { Modal } from './Modal';
import { plural } from '../model/plural';

function summary({ elements, workloads }: RecentDesign): string {
  return `${plural(elements, 'element')}, ${plural(workloads, 'workload')}`;
}

/** Designs put aside when a link, a file or another recent design replaced them. */
export function RecentDialog() {
  const [entries, setEntries] = useState<RecentDesign[] | null>(null);
  const [label, setLabel] = useState('');
  useEffect(() => {
    let live = true;
    void listRecent(designStorage()).then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, []);

  const open = async (index: number) => {
    const entry = entries?.[index];
    if (!entry) return;
    const result = await loadRecent(designStorage(), entry);
    if (!result.ok) {
      notify('error', `This design could not be opened: ${result.error.message}`);
      return;
    }
    // It becomes the open design (autosaved); the one it replaces takes its place in the list.
    if (await openDesign(result.design, { message: `Reopened “${result.design.name}”.` }))
      await removeRecent(designStorage(), entry.id).catch(() => undefined);
  };

  // A design that no longer loads, as a file: fixed by hand, it opens with Open.
  const save = async (index: number) => {
    const entry = entries?.[index];
    if (!entry) return;
    const json = await recentText(designStorage(), entry);
    if (json === undefined) {
      notify('error', GONE_FROM_STORAGE);
      return;
    }
    downloadBlob(new Blob([json], { type: 'application/json' }), designFileName(entry));
  };

  // A version to come back to or compare with (Compare…) before the user tries something.
  const keep = async () => {
    const design = useStudio.getState().design;
    if (isBlank(design)) {
      notify('info', 'The open design is empty: there is nothing to keep.');
      return;
    }
    const named = label.trim();
    const kept = await keepInRecent(design, named === '' ? undefined : named);
    if (!kept.ok) {
      notify('error', 'The design could not be kept (browser storage refused).');
      return;
    }
    notify(
      'success',
      named === ''
        ? `Kept a copy of “${design.name}” in Recent designs.`
        : `Kept a copy of “${design.name}” as “${named}” in Recent designs.`,
    );
    setLabel('');
    setEntries(await listRecent(designStorage()));
  };

  const remove = async (index: number) => {
    const entry = entries?.[index];
    if (!entry) return;
    try {
      await removeRecent(designStorage(), entry.id);
    } catch {
      notify('error', 'This design could not be forgotten (browser storage refused).');
    }
    setEntries(await listRecent(designStorage()));
  };

  if (entries === null)
    return (
      <Modal title="Recent designs" testId="dialog.recent">
        <p className="text-slate-500 dark:text-slate-400">Reading browser storage…</p>
      </Modal>
    );

  return (
    <Modal title="Recent designs" testId="dialog.recent">
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
        {entries.length === 0
          ? 'No recent designs yet. Whenever a link, a file or a recent design replaces the open design, the one that was open is kept here, and Keep a copy keeps the open design now, to come back to or compare with.'
          : `Designs that were open before a link, a file or another recent design replaced them, and copies kept (the last ${RECENT_LIMIT}, in this browser).`}
      </p>
      {/* A copy to come back to or compare with, named for what is about to be tried. */}
      <form
        className="mb-3 flex gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          void keep();
        }}
      >
        <input
          aria-label="Name of the copy (optional)"
          data-testid="recent.label"
          className={`${inputClass} h-8 min-w-0 flex-1`}
          placeholder="Name it (optional): before the gateway change…"
          maxLength={RECENT_LABEL_MAX}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          type="submit"
          className={`${buttonClass} h-8 shrink-0`}
          data-testid="recent.keep"
          title="Keep a copy of the open design here, to come back to or compare with"
        >
          <CopyPlus className="h-3.5 w-3.5" aria-hidden /> Keep a copy
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="flex items-center justify-center gap-2 py-4 text-slate-500 dark:text-slate-400">
          <History className="h-4 w-4 shrink-0" aria-hidden />
          Nothing here yet.
        </p>
      ) : (
        <>
          <ul className="grid gap-2">
            {entries.map((entry, i) => (
              <li
                key={entry.id}
                data-testid={`recent.item.${i}`}
                className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 p-2.5 dark:border-slate-700"
              >
                <div className="min-w-0 flex-1">
                  <div
                    className="truncate font-semibold text-slate-900 dark:text-slate-100"
                    title={entry.name}
                  >
                    {entry.name || 'Untitled design'}
                  </div>
                  {entry.label !== undefined && (
                    <div
                      className="truncate text-xs font-medium text-teal-800 dark:text-teal-300"
                      data-testid={`recent.item.${i}.label`}
                      title={entry.label}
                    >
                      “{entry.label}”
                    </div>
                  )}
                  <div className="text-xs text-slate-500 dark:text-slate-400">
                    {summary(entry)} · put aside {savedAtText(entry.savedAt)}
                  </div>
                </div>
                {entry.problem !== undefined && (
                  <button
                    type="button"
                    className={buttonClass}
                    data-testid={`recent.save.${i}`}
                    onClick={() => void save(i)}
                  >
                    <Download className="h-3.5 w-3.5" aria-hidden /> Save file
                  </button>
                )}
                {entry.problem === undefined && (
                  <button
                    type="button"
                    className={buttonClass}
                    data-testid={`recent.compare.${i}`}
                    title="Compare the open design with this one"
                    onClick={() => useUi.getState().compareWithRecent(entry.id)}
                  >
                    <GitCompareArrows className="h-3.5 w-3.5" aria-hidden /> Compare
                  </button>
                )}
                <button
                  type="button"
                  className={buttonClass}
                  data-testid={`recent.open.${i}`}
                  onClick={() => void open(i)}
                >
                  <FolderOpen className="h-3.5 w-3.5" aria-hidden /> Open
                </button>
                <button
                  type="button"
                  className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-800 dark:text-slate-400"
                  aria-label={`Forget ${entry.name || 'this design'}`}
                  title="Forget"
                  data-testid={`recent.remove.${i}`}
                  onClick={() => void remove(i)}
                >
                  <Trash2 className="h-4 w-4" aria-hidden />
                </button>
                {entry.problem !== undefined && (
                  <p
                    className="basis-full text-xs text-red-700 dark:text-red-400"
                    data-testid={`recent.problem.${i}`}
                  >
                    Could not be opened: {entry.problem}. Save it as a file to fix it by hand, then
                    open the file.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
