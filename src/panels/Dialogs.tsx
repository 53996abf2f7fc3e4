import { FilePlus2, LayoutTemplate } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { emptyDesign } from '../model/defaults';
import { TEMPLATES } from '../model/templates/index';
import { RULES } from '../rules/index';
import { ruleBookRef } from '../rules/book';
import type { RuleId } from '../rules/types';
import { replaceOpenDesign } from '../store/persistence';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { notify, useUi } from '../store/ui';
import { COMMANDS, displayChord } from '../app/commands';
import { buttonClass, primaryButtonClass } from './fields';
import { downloadDesignFile } from '../app/importExport';
import { Modal } from './Modal';
import { RecentDialog } from './RecentDialog';
import { ShareDialog } from './ShareDialog';
import { plural } from '../model/plural';

// Export (images, reports) and Compare load on first use, not with the first screen.
const ExportDialog = lazy(() =>
  import('./ExportDialog').then((m) => ({ default: m.ExportDialog })),
);
const CompareDialog = lazy(() =>
  import('./CompareDialog').then((m) => ({ default: m.CompareDialog })),
);

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog) {
    case 'help':
      return <HelpDialog />;
    case 'new':
      return <NewDesignDialog />;
    case 'templates':
      return <TemplatesDialog />;
    case 'rule':
      return <RuleDialog />;
    case 'share':
      return <ShareDialog />;
    case 'export':
      return (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      );
    case 'recent':
      return <RecentDialog />;
    case 'compare':
      return (
        <Suspense fallback={null}>
          <CompareDialog />
        </Suspense>
      );
    default:
      return null;
  }
}

const EXTRA_GESTURES: readonly [string, string][] = [
  ['Click', 'Select an element'],
  ['Shift+click', 'Add to / remove from the selection'],
  ['Shift+drag', 'Box selection'],
  ['Drag a handle', 'Connect two elements (DCI link between sites)'],
  ['Scroll / pinch', 'Zoom'],
  ['Drag the background', 'Pan'],
  ['Escape', 'Close a dialog'],
];

function HelpDialog() {
  return (
    <Modal title="Keyboard shortcuts" testId="dialog.help">
      <table className="w-full text-sm">
        <tbody>
          {COMMANDS.filter((c) => c.shortcuts.length > 0).map((c) => (
            <tr
              key={c.id}
              className="border-b border-slate-100 dark:border-slate-800"
              data-testid={`help.${c.id}`}
            >
              <td className="py-1.5 pr-4">{c.label}</td>
              <td className="py-1.5 text-right">
                {c.shortcuts.map((s) => (
                  <kbd
                    key={s}
                    className="ml-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                  >
                    {displayChord(s)}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
          {EXTRA_GESTURES.map(([keys, what]) => (
            <tr key={keys} className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-1.5 pr-4">{what}</td>
              <td className="py-1.5 text-right text-xs text-slate-500 dark:text-slate-400">
                {keys}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

function NewDesignDialog() {
  const design = useStudio(designButPositions);
  const empty =
    design.nodes.length === 0 && design.segments.length === 0 && design.workloads.length === 0;
  const start = async () => {
    // The discarded design stays reachable from Recent designs (or the user was asked).
    if (!(await replaceOpenDesign(emptyDesign(), { download: (d) => downloadDesignFile(d) })))
      return;
    useUi.getState().openDialog(null);
    useUi.getState().requestFit();
  };
  return (
    <Modal
      title="New design"
      testId="dialog.new"
      footer={
        <>
          <button
            type="button"
            className={buttonClass}
            onClick={() => useUi.getState().openDialog(null)}
          >
            Cancel
          </button>
          <button
            type="button"
            className={primaryButtonClass}
            data-testid="dialog.new.confirm"
            onClick={() => void start()}
          >
            <FilePlus2 className="h-4 w-4" aria-hidden />{' '}
            {empty ? 'Start' : 'Discard and start new'}
          </button>
        </>
      }
    >
      {empty ? (
        <p>Start a blank design.</p>
      ) : (
        <p>
          This discards <strong>{design.name || 'the current design'}</strong> (
          {plural(design.nodes.length, 'element')}, {plural(design.workloads.length, 'workload')}).
          Undo cannot bring it back, but Recent designs (the clock in the toolbar) can.
        </p>
      )}
    </Modal>
  );
}

export async function loadTemplate(id: string): Promise<void> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) return;
  const replaced = await replaceOpenDesign(template.build(), {
    download: (d) => downloadDesignFile(d),
  });
  if (!replaced) return;
  useUi.getState().openDialog(null);
  notify('success', `Loaded “${template.name}”.`);
  useUi.getState().requestFit();
}

function TemplatesDialog() {
  const design = useStudio(designButPositions);
  const dirty = design.nodes.length > 0;
  return (
    <Modal title="New from template" testId="dialog.templates" wide>
      {dirty && (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Opening a template replaces the current design; it stays in Recent designs (the clock in
          the toolbar).
        </p>
      )}
      <ul className="grid gap-2">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              data-testid={`template.${t.id}`}
              onClick={() => void loadTemplate(t.id)}
              className="flex w-full items-start gap-3 rounded-lg border border-slate-200 p-3 text-left hover:border-teal-500 hover:bg-teal-50/60 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              <LayoutTemplate
                className="mt-0.5 h-5 w-5 shrink-0 text-teal-700 dark:text-teal-400"
                aria-hidden
              />
              <span>
                <span className="block font-semibold text-slate-900 dark:text-slate-100">
                  {t.name}
                </span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {t.summary}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

function RuleDialog() {
  const ruleId = useUi((s) => s.ruleId) as RuleId | null;
  const rule = ruleId ? RULES[ruleId] : undefined;
  if (!ruleId || !rule) return null;
  return (
    <Modal title={`${ruleId} — ${rule.title}`} testId="dialog.rule">
      <p className="mb-2">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase dark:bg-slate-800">
          {rule.severity}
        </span>
      </p>
      <p className="leading-6 whitespace-pre-line">{rule.explanation}</p>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="rule.source">
        Source: {rule.source}
      </p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="rule.book">
        Rule book: <code>{ruleBookRef(ruleId)}</code> (in the project, with every figure and its
        source)
      </p>
    </Modal>
  );
}
