import { Panel } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';

const LegendKey = lazy(() => import('./LegendKey').then((m) => ({ default: m.LegendKey })));

/** What the lines and marks on the canvas mean; collapsed to one line when not needed. */
export function Legend() {
  const [open, setOpen] = useState(false);
  return (
    <Panel position="top-left" className="no-print">
      <div
        className="rounded-lg border border-slate-200 bg-white/95 text-[11px] text-slate-700 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-300"
        data-testid="legend"
      >
        <button
          type="button"
          className="flex w-full items-center gap-1 px-2 py-1 font-medium"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? (
            <ChevronDown className="h-3 w-3" aria-hidden />
          ) : (
            <ChevronRight className="h-3 w-3" aria-hidden />
          )}{' '}
          Legend
        </button>
        {open && (
          <Suspense fallback={null}>
            <LegendKey />
          </Suspense>
        )}
      </div>
    </Panel>
  );
}
