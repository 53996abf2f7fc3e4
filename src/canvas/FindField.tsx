/**
 * The find box's frame and field (Ctrl+F), in the first screen's code. The box's search and its
 * list of matches load when it is first opened (FindBox.tsx), and until then this field stands
 * in, focused: what is typed goes in the field (the query is the view store's), not to the
 * canvas, whose one-key shortcuts took it before (an "n" typed as the box loaded added a note).
 */
import { Panel } from '@xyflow/react';
import { Search, X } from 'lucide-react';
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useView } from '../store/view';

const close = () => useView.getState().setFindOpen(false);

export function FindField({
  onKey,
  activeId,
  children,
}: {
  /** Keys other than Escape (closes) and Ctrl+F (selects what was typed). */
  onKey?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The id of the highlighted match, for assistive technology. */
  activeId?: string | undefined;
  /** The list of matches. */
  children?: ReactNode;
}) {
  const query = useView((s) => s.findQuery);
  const input = useRef<HTMLInputElement>(null);
  // The field that takes over from the stand-in (or a box opened again) has the focus, with the
  // caret after what was typed.
  useLayoutEffect(() => {
    const field = input.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      // Ctrl+F again selects what was typed, as in a browser's find bar.
      event.preventDefault();
      event.currentTarget.select();
    } else onKey?.(event);
  };

  return (
    <Panel position="top-center" className="no-print !mt-3">
      <div
        className="w-[22rem] overflow-hidden rounded-lg border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
        data-testid="find"
        role="search"
      >
        <div className="flex items-center gap-2 px-2.5 py-1.5">
          <Search className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <input
            ref={input}
            type="text"
            value={query}
            placeholder="Find an element by name"
            aria-label="Find an element by name"
            aria-controls="find-results"
            aria-activedescendant={activeId}
            data-testid="find.input"
            onChange={(e) => useView.getState().setFindQuery(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              // A click on a result lands on the list (inside), anything else closes.
              if (!e.currentTarget.closest('[data-testid="find"]')?.contains(e.relatedTarget))
                close();
            }}
            className="min-w-0 flex-1 bg-transparent py-0.5 text-sm text-slate-900 outline-none placeholder:text-slate-400 dark:text-slate-100"
          />
          <kbd className="rounded border border-slate-200 px-1 font-mono text-[10px] text-slate-500 dark:border-slate-700 dark:text-slate-400">
            Esc
          </kbd>
          <button
            type="button"
            aria-label="Close find"
            onClick={close}
            className="text-slate-400 hover:text-slate-700 dark:hover:text-slate-200"
          >
            <X className="h-4 w-4" aria-hidden />
          </button>
        </div>
        {children}
      </div>
    </Panel>
  );
}
