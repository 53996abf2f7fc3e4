import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useUi } from '../store/ui';

/** A dialog: labelled, closes on Escape or the close button, focus moves into it. */
export function Modal({
  title,
  children,
  testId,
  wide,
  footer,
  onClose,
}: {
  title: string;
  children: ReactNode;
  testId: string;
  wide?: boolean;
  footer?: ReactNode;
  /** What closing (Escape, the close button, a click outside) does; closes the dialog by default. */
  onClose?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = onClose ?? (() => useUi.getState().openDialog(null));
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4 backdrop-blur-[1px]"
      onMouseDown={(e) => e.target === e.currentTarget && close()}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid={testId}
        className={`flex max-h-[85vh] w-full ${wide ? 'max-w-3xl' : 'max-w-lg'} flex-col rounded-xl border border-slate-200 bg-white shadow-2xl outline-none dark:border-slate-700 dark:bg-slate-900`}
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3 dark:border-slate-800">
          <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
          <button
            type="button"
            aria-label="Close"
            className="rounded p-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800 dark:text-slate-400"
            onClick={close}
          >
            <X className="h-4 w-4" />
          </button>
        </div>
        {/* Focusable, so a keyboard scrolls a long dialog (the shortcut list) without a mouse. */}
        <div
          tabIndex={0}
          className="overflow-y-auto px-5 py-4 outline-none focus-visible:ring-2 focus-visible:ring-teal-600/40 text-sm text-slate-700 dark:text-slate-300"
        >
          {children}
        </div>
        {footer && (
          <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-800">
            {footer}
          </div>
        )}
      </div>
    </div>
  );
}
