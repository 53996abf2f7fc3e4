/**
 * The toasts themselves, loaded with the first one (Toasts.tsx keeps the live region they
 * appear in on the first screen, so a screen reader announces the first toast too).
 */
import { X } from 'lucide-react';
import { useUi } from '../store/ui';

const STYLES = {
  info: 'border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  error:
    'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
} as const;

export function ToastList() {
  const toasts = useUi((s) => s.toasts);
  return (
    <>
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid={`toast.${t.kind}`}
          className={`pointer-events-auto flex items-start gap-2 rounded-lg border px-3 py-2 text-sm shadow-lg ${STYLES[t.kind]}`}
        >
          <span className="flex-1">{t.text}</span>
          {t.action && (
            <button
              type="button"
              data-testid="toast.action"
              className="-my-0.5 rounded px-1.5 py-0.5 font-semibold text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
              onClick={() => {
                t.action?.run();
                useUi.getState().dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            aria-label="Dismiss"
            className="opacity-60 hover:opacity-100"
            onClick={() => useUi.getState().dismiss(t.id)}
          >
            <X className="h-4 w-4" />
          </button>
        </div>
      ))}
    </>
  );
}
