/**
 * One row of a design-wide list (segments, workloads): a header button that folds its editor
 * open and shut, and scrolls into view when the canvas or a finding opens it. Marked, as the
 * canvas marks its elements, when the Compare dialog's marks are on (store/compareMarks.ts).
 */
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useUi } from '../store/ui';
import { diffClass, useMarks } from '../canvas/marks';

export function ListItem({
  id,
  testId,
  name,
  tag,
  summary,
  aside,
  expanded,
  editor,
}: {
  /** The item's id: the one the studio focuses (useUi's focusItem). */
  id: string;
  testId: string;
  name: string;
  /** Beside the name: the VLAN id, the VM count. */
  tag: ReactNode;
  /** The line under the name. */
  summary: ReactNode;
  /** Right of the header: counts, a size. */
  aside: ReactNode;
  expanded: boolean;
  /** The editor, given the id its header's aria-controls names. */
  editor: (editorId: string) => ReactNode;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!expanded) return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    // One just added: its first field (the name) has the focus, its text selected, so what is
    // typed names it.
    if (useUi.getState().freshItem !== id) return;
    useUi.setState({ freshItem: null });
    const first = ref.current?.querySelector<HTMLInputElement>(
      'input[type="text"], input:not([type])',
    );
    first?.focus();
    first?.select();
  }, [expanded, id]);
  const diff = diffClass(useMarks(id));
  const Chevron = expanded ? ChevronDown : ChevronRight;
  const editorId = `${testId}-editor`;
  return (
    <li ref={ref} className={`list-row border-b border-slate-200 dark:border-slate-800 ${diff}`}>
      <button
        type="button"
        data-testid={testId}
        aria-expanded={expanded}
        aria-controls={expanded ? editorId : undefined}
        onClick={() => useUi.getState().focusItem(expanded ? null : id)}
        className={`flex w-full items-start gap-2 px-4 py-2 text-left hover:bg-slate-50 dark:hover:bg-slate-900 ${
          expanded ? 'bg-teal-50/70 dark:bg-teal-950/30' : ''
        }`}
      >
        <Chevron className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline gap-2">
            <span className="truncate text-sm font-medium text-slate-900 dark:text-slate-100">
              {name || <span className="text-slate-500 italic dark:text-slate-400">unnamed</span>}
            </span>
            {tag}
          </div>
          {summary}
        </div>
        {aside}
      </button>
      {expanded && editor(editorId)}
    </li>
  );
}
