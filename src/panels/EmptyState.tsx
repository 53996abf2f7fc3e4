import { LayoutTemplate, MousePointerClick } from 'lucide-react';
import { TEMPLATES } from '../model/templates/index';
import { loadTemplate } from './Dialogs';

/** What a new user sees on an empty canvas: two ways to start. */
export function EmptyState() {
  return (
    <div
      className="pointer-events-none absolute inset-0 flex items-center justify-center p-8"
      data-testid="empty-state"
    >
      <div className="max-w-xl rounded-xl border border-slate-200 bg-white/95 p-6 shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
        <h2 className="text-lg font-semibold text-slate-900 dark:text-white">
          Design a data-center interconnect
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Draw sites, fabrics, clusters, storage and DCI links. The validator marks L2-stretch gaps,
          traffic trombones and latency limits that would break live migration — on the drawing, as
          you go.
        </p>
        <div className="mt-4 flex items-start gap-2 text-sm text-slate-700 dark:text-slate-300">
          <MousePointerClick className="mt-0.5 h-4 w-4 shrink-0 text-teal-700" aria-hidden />
          <span>
            Drag a <strong>Site</strong> from the palette, then drop spines, leaves and clusters
            inside it.
          </span>
        </div>
        <div className="mt-3 flex items-start gap-2 text-sm text-slate-700 dark:text-slate-300">
          <LayoutTemplate className="mt-0.5 h-4 w-4 shrink-0 text-teal-700" aria-hidden />
          <span>Or start from a reference design:</span>
        </div>
        <div className="mt-2 grid grid-cols-1 gap-1.5 pl-6">
          {TEMPLATES.map((t) => (
            <button
              key={t.id}
              type="button"
              data-testid={`empty.template.${t.id}`}
              onClick={() => void loadTemplate(t.id)}
              className="pointer-events-auto rounded-md border border-slate-200 px-3 py-1.5 text-left text-sm hover:border-teal-500 hover:bg-teal-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {t.name}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
