import { Download, HardDrive, Layers } from 'lucide-react';
import type { Design } from '../model/schema';
import { resolveConflict, usePersistence } from '../store/persistence';
import { buttonClass, primaryButtonClass } from './fields';
import { Modal } from './Modal';

/**
 * Asked before a link, a file, a template or New replaces a design that could not be stored:
 * the user decides, nothing is dropped silently.
 */
export function StorageFullDialog() {
  const question = usePersistence((s) => s.question);
  if (!question) return null;
  return (
    <Modal
      title="The open design could not be stored"
      testId="dialog.storage-full"
      onClose={() => question.answer('cancel')}
      footer={
        <>
          <button
            type="button"
            className={buttonClass}
            data-testid="storage-full.cancel"
            onClick={() => question.answer('cancel')}
          >
            Keep it open
          </button>
          <button
            type="button"
            className={buttonClass}
            data-testid="storage-full.replace"
            onClick={() => question.answer('replace')}
          >
            Replace anyway
          </button>
          <button
            type="button"
            className={primaryButtonClass}
            data-testid="storage-full.download"
            onClick={() => question.answer('download')}
          >
            <Download className="h-4 w-4" aria-hidden /> Download it, then replace
          </button>
        </>
      }
    >
      <p className="flex items-start gap-2">
        <HardDrive className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" aria-hidden />
        <span>
          <strong>{question.name || 'The open design'}</strong> could not be kept in Recent designs
          ({question.reason}). If it is replaced now, it is gone from this browser. Download it as a
          design file first, or keep it open and free some space (forget old Recent designs).
        </span>
      </p>
    </Modal>
  );
}

/** Download a design file; the file code loads on first use (it is not on the first screen). */
const downloadLater = (design: Design) =>
  void import('../app/importExport').then((m) => m.downloadDesignFile(design));

/** Another tab saved a newer version of the design open here. */
export function TabConflictBanner() {
  const conflict = usePersistence((s) => s.conflict);
  if (!conflict) return null;
  return (
    <div
      role="status"
      data-testid="banner.tab-conflict"
      className="no-print flex shrink-0 items-center gap-2 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
    >
      <Layers className="h-4 w-4 shrink-0" aria-hidden />
      <span>This design was changed in another tab (now “{conflict.name}”).</span>
      <span className="ml-auto flex gap-2">
        <button
          type="button"
          className={buttonClass}
          data-testid="tab-conflict.reload"
          onClick={() => void resolveConflict('reload', downloadLater)}
        >
          Load that version
        </button>
        <button
          type="button"
          className={buttonClass}
          data-testid="tab-conflict.keep-both"
          onClick={() => void resolveConflict('keep-both')}
        >
          Keep both
        </button>
      </span>
    </div>
  );
}
