import { GitCompareArrows, X } from 'lucide-react';
import { useUi } from '../store/ui';
import { buttonClass } from './fields';
import { countText, listText, plural } from '../model/plural';

/** A dot of a mark's colour (index.css `--color-diff-*`), as its outline on the canvas. */
function Dot({ className }: { className: string }) {
  return <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${className}`} />;
}

/**
 * Over the canvas while the Compare dialog's marks are on it: against which version, what each
 * colour means, and how to clear them.
 */
export function CompareBanner() {
  const marks = useUi((s) => s.compareMarks);
  if (!marks) return null;
  // What only the other version has: removed since it, or added in it.
  const otherOnlyText = marks.otherFirst ? 'removed since' : 'added in it';
  const { ghosts, undrawn } = marks.otherOnlyCounts;
  const counts = [
    { n: marks.changed.length, dot: 'bg-diff-changed', text: 'changed' },
    { n: marks.added.length, dot: 'bg-diff-added', text: 'added since' },
    { n: marks.removed.length, dot: 'bg-diff-removed', text: 'removed in it' },
  ]
    .filter((c) => c.n > 0)
    .map((c) => ({ key: c.text, dot: c.dot, text: `${countText(c.n)} ${c.text}` }));
  // The sites and devices drawn dashed where they stood (CompareGhosts.tsx): a dashed ring.
  if (ghosts.length > 0)
    counts.push({
      key: 'ghosts',
      dot: `border border-dashed ${marks.otherFirst ? 'border-diff-removed' : 'border-diff-added'}`,
      text: `${listText(ghosts)} ${otherOnlyText}`,
    });
  const segments =
    marks.segments.changed.length +
    marks.segments.added.length +
    marks.segments.removed.length +
    marks.segments.otherOnly.length;
  // Not drawn, so not outlined: named, so that the banner does not read as "nothing else". What
  // only the other version has, the open design has nothing to outline for (a deleted device).
  const unmarked = [
    ...(undrawn.length > 0 ? [`${listText(undrawn)} ${otherOnlyText}`] : []),
    ...(segments > 0 ? [`${plural(segments, 'segment')} (Segments tab)`] : []),
    ...(marks.settings ? ['the latency model'] : []),
  ];
  // 4rem up from the canvas's foot: the toasts rise above it while it is shown (Toasts.tsx).
  return (
    <div
      className="pointer-events-none absolute bottom-16 left-1/2 z-10 flex w-max max-w-[calc(100%-1.5rem)] -translate-x-1/2"
      data-testid="compare-banner"
    >
      <div className="pointer-events-auto flex items-center gap-2 rounded-full border border-slate-300 bg-white py-1 pr-1 pl-3 text-xs text-slate-800 shadow-md dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
        <GitCompareArrows className="h-3.5 w-3.5" aria-hidden />
        <span className="min-w-0 truncate">
          Compared with <strong>{marks.against}</strong>:
        </span>
        {counts.length === 0 && unmarked.length === 0 ? (
          <span>nothing differs</span>
        ) : (
          counts.map((c) => (
            <span key={c.key} className="flex items-center gap-1 whitespace-nowrap">
              <Dot className={c.dot} />
              {c.text}
            </span>
          ))
        )}
        {unmarked.length > 0 && (
          <span
            className="min-w-0 truncate text-slate-600 dark:text-slate-300"
            title="Links, workloads and notes the open design lacks, segments and the latency model are not drawn on the canvas: the Compare dialog lists them, the Segments tab marks the segments"
          >
            {counts.length > 0 ? '· ' : ''}not drawn: {unmarked.join(', ')}
          </span>
        )}
        <button
          type="button"
          className={`${buttonClass} !rounded-full`}
          data-testid="compare-banner.clear"
          onClick={() => useUi.getState().setCompareMarks(null)}
        >
          <X className="h-3 w-3" aria-hidden /> Clear
        </button>
      </div>
    </div>
  );
}
