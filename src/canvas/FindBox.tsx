import { useReactFlow } from '@xyflow/react';
import { Spline } from 'lucide-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { DEVICE_SIZE, KIND_LABELS } from '../model/defaults';
import { absolutePosition } from '../model/placement';
import { searchElements, type SearchHit } from '../model/search';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { useView } from '../store/view';
import { FindField } from './FindField';
import { KIND_COLORS, KIND_ICONS } from './icons';

/** Below this zoom, the element found is brought up to 100 % so its name can be read. */
const READABLE_ZOOM = 0.6;

/**
 * Find an element by name (Ctrl+F): matches are listed as you type; Enter (or a click) selects
 * the highlighted one and centres the view on it; Escape closes. Mounted while it is open
 * (Canvas.tsx `FindBoxGate`).
 */
export function FindBox() {
  const design = useStudio(designButPositions);
  const query = useView((s) => s.findQuery);
  // The highlighted match, back to the first as the query changes.
  const [highlight, setHighlight] = useState({ query, index: 0 });
  const active = highlight.query === query ? highlight.index : 0;
  const setActive = (next: (index: number) => number) =>
    setHighlight({ query, index: next(active) });
  const hits = useMemo(() => searchElements(design, query), [design, query]);
  const flow = useReactFlow();
  const close = () => useView.getState().setFindOpen(false);

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    const studio = useStudio.getState();
    studio.select([hit.id]);
    const current = flow.getZoom();
    const zoom = current < READABLE_ZOOM ? 1 : current;
    const node = studio.design.nodes.find((n) => n.id === hit.id);
    const link = studio.design.links.find((l) => l.id === hit.id);
    const centre = (id: string) => {
      const n = studio.design.nodes.find((m) => m.id === id);
      if (!n) return null;
      const at = absolutePosition(studio.design, n);
      const size = n.kind === 'site' ? n : DEVICE_SIZE;
      return { x: at.x + size.width / 2, y: at.y + size.height / 2 };
    };
    const target = node
      ? centre(node.id)
      : link
        ? (() => {
            const a = centre(link.source);
            const b = centre(link.target);
            return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
          })()
        : null;
    if (target) void flow.setCenter(target.x, target.y, { zoom, duration: 300 });
    close();
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length > 0)
        setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(hits[Math.min(active, hits.length - 1)]);
    }
  };

  return (
    <FindField onKey={onKey} activeId={hits[active] ? `find-hit-${hits[active].id}` : undefined}>
      {query.trim() !== '' && (
        <ul
          id="find-results"
          role="listbox"
          className="max-h-72 overflow-y-auto border-t border-slate-200 py-1 dark:border-slate-700"
        >
          {hits.length === 0 && (
            <li
              className="px-3 py-1.5 text-xs text-slate-500 dark:text-slate-400"
              data-testid="find.empty"
            >
              No element is named like “{query.trim()}”.
            </li>
          )}
          {hits.map((hit, i) => {
            const Icon = hit.kind === 'link' ? Spline : KIND_ICONS[hit.kind];
            return (
              <li
                key={hit.id}
                id={`find-hit-${hit.id}`}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                data-testid={`find.result.${hit.id}`}
                onMouseEnter={() => setActive(() => i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(hit)}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${
                  i === active
                    ? 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100'
                    : 'text-slate-800 dark:text-slate-200'
                }`}
              >
                <Icon
                  className={`h-4 w-4 shrink-0 ${hit.kind === 'link' ? 'text-slate-500 dark:text-slate-400' : KIND_COLORS[hit.kind]}`}
                  aria-hidden
                />
                <span className="min-w-0 flex-1 truncate font-medium">{hit.label}</span>
                <span className="max-w-[45%] shrink-0 truncate text-xs text-slate-500 dark:text-slate-400">
                  {hit.kind === 'link' ? hit.where : hit.where || KIND_LABELS[hit.kind]}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </FindField>
  );
}
