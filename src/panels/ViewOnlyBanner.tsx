import { Eye, PencilLine } from 'lucide-react';
import { useStudio } from '../store/studio';

/** Shown while a view-only link is open: what one can do, and the way out. */
export function ViewOnlyBanner() {
  const readOnly = useStudio((s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div
      role="status"
      data-testid="banner.view-only"
      className="no-print flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <Eye className="h-4 w-4 shrink-0" aria-hidden />
      <span>
        <strong className="font-semibold">View only</strong> — panning, zooming, inspecting and
        reading findings
      </span>
      <button
        type="button"
        data-testid="banner.edit-copy"
        onClick={() => void import('../app/importExport').then((m) => m.editCopy())}
        className="ml-auto inline-flex items-center gap-1.5 rounded-md bg-amber-600 px-2.5 py-1 text-xs font-semibold text-white shadow-xs hover:bg-amber-700"
      >
        <PencilLine className="h-3.5 w-3.5" aria-hidden /> Edit a copy
      </button>
    </div>
  );
}
