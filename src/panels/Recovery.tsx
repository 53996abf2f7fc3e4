/**
 * The recovery screen the error boundary (ErrorBoundary.tsx) shows when the studio stops on a
 * bug: what happened, the design is safe, and a reload, the design as a file, and a way out
 * when the design itself trips the bug on every load. Loaded on the boundary's first use.
 */
import { emptyDesign } from '../model/defaults';
import type { Design } from '../model/schema';
import { useStudio } from '../store/studio';
import { plural } from '../model/plural';
import { buttonClass, primaryButtonClass } from './styles';

/** The file download and the storage code load with the recovery screen's first use. */
async function downloadDesign(design: Design): Promise<void> {
  const { downloadDesignFile } = await import('../app/importExport');
  downloadDesignFile(design);
}

/** Replace the design with an empty one (the old one goes to Recent designs). */
async function startEmpty(onRecovered: () => void): Promise<void> {
  // The studio's own "could not store it" question is not on screen here: answer it with a
  // download, so the design is never dropped.
  const { replaceOpenDesign, usePersistence } = await import('../store/persistence');
  const unsubscribe = usePersistence.subscribe((s) => s.question?.answer('download'));
  try {
    const replaced = await replaceOpenDesign(emptyDesign(), {
      download: (d) => void downloadDesign(d),
    });
    if (replaced) onRecovered();
  } finally {
    unsubscribe();
  }
}

export function Recovery({ error, onRecovered }: { error: Error; onRecovered: () => void }) {
  const { design, readOnly } = useStudio.getState();
  const elements = design.nodes.length + design.links.length;
  return (
    <div
      className="flex h-full items-center justify-center overflow-auto bg-slate-50 p-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-testid="recovery"
      role="alert"
    >
      <div className="max-w-xl rounded-xl border border-slate-200 bg-white p-6 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <h1 className="text-lg font-semibold">The studio stopped on a bug</h1>
        <p
          className="mt-2 text-sm text-slate-700 dark:text-slate-300"
          data-testid="recovery.design"
        >
          Your design <strong>{design.name}</strong> ({plural(elements, 'element')},{' '}
          {plural(design.workloads.length, 'workload')}){' '}
          {readOnly
            ? 'is view-only: the link you opened still holds it. Download it to keep a copy.'
            : 'is safe: it is saved in this browser and opens again when you reload.'}
        </p>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">What happened:</p>
        <pre
          className="mt-1 overflow-auto rounded-md bg-slate-100 p-2 text-xs whitespace-pre-wrap text-red-700 dark:bg-slate-800 dark:text-red-300"
          data-testid="recovery.error"
        >
          {error.message}
        </pre>
        <div className="mt-4 flex flex-wrap gap-2">
          <button
            type="button"
            className={primaryButtonClass}
            data-testid="recovery.reload"
            onClick={() => window.location.reload()}
          >
            Reload the studio
          </button>
          <button
            type="button"
            className={buttonClass}
            data-testid="recovery.download"
            onClick={() => void downloadDesign(design)}
          >
            Download this design
          </button>
          <button
            type="button"
            className={buttonClass}
            data-testid="recovery.empty"
            title="If the studio stops again on reload: this design goes to Recent designs"
            onClick={() => void startEmpty(onRecovered)}
          >
            Start an empty design
          </button>
        </div>
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          If it stops again after a reload, start an empty design: this one is kept under Recent
          designs. Please report the message above with the downloaded file.
        </p>
      </div>
    </div>
  );
}
