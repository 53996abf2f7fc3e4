import {
  ChevronsLeft,
  ChevronsRight,
  FlaskConical,
  ListChecks,
  Rows3,
  SlidersHorizontal,
  Waypoints,
  type LucideIcon,
} from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useFindings } from '../store/findings';
import { useUi, type SidebarTab } from '../store/ui';
import { useStudio } from '../store/studio';
import { useView } from '../store/view';

// Each tab's panel loads when it is first shown, not with the first screen (the inspector,
// the default tab, just after it).
const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })));
const SegmentsPanel = lazy(() =>
  import('./SegmentsPanel').then((m) => ({ default: m.SegmentsPanel })),
);
const WorkloadsPanel = lazy(() =>
  import('./WorkloadsPanel').then((m) => ({ default: m.WorkloadsPanel })),
);
const FindingsPanel = lazy(() =>
  import('./FindingsPanel').then((m) => ({ default: m.FindingsPanel })),
);
const WhatIfPanel = lazy(() => import('./WhatIfPanel').then((m) => ({ default: m.WhatIfPanel })));

const loading = <p className="px-4 py-3 text-xs text-slate-500">Loading…</p>;

const TABS: readonly { id: SidebarTab; label: string; icon: LucideIcon }[] = [
  { id: 'inspect', label: 'Inspect', icon: SlidersHorizontal },
  { id: 'segments', label: 'Segments', icon: Waypoints },
  { id: 'workloads', label: 'Workloads', icon: Rows3 },
  { id: 'findings', label: 'Findings', icon: ListChecks },
  { id: 'whatif', label: 'What-if', icon: FlaskConical },
];

const railButtonClass =
  'relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200';

/** The side panel folded to a rail: a button to open it, and one per tab. */
function SidebarRail({ count }: { count: Record<SidebarTab, number | null> }) {
  return (
    <aside
      className="flex h-full w-11 shrink-0 flex-col items-center gap-1 border-l border-slate-200 bg-white py-2 dark:border-slate-800 dark:bg-slate-950"
      aria-label="Sidebar"
      data-testid="panel.sidebar"
      data-collapsed="true"
    >
      <button
        type="button"
        data-testid="panel.sidebar.toggle"
        aria-expanded={false}
        aria-label="Show the side panel"
        title="Show the side panel"
        onClick={() => useView.getState().toggleSidebar()}
        className={railButtonClass}
      >
        <ChevronsLeft className="h-4 w-4" aria-hidden />
      </button>
      <span className="my-1 h-px w-6 bg-slate-200 dark:bg-slate-700" />
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          data-testid={`rail.${t.id}`}
          aria-label={t.label}
          title={t.label}
          onClick={() => {
            useUi.getState().setTab(t.id);
            useView.getState().toggleSidebar();
          }}
          className={railButtonClass}
        >
          <t.icon className="h-4 w-4" aria-hidden />
          {t.id === 'findings' && (count.findings ?? 0) > 0 && (
            <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-slate-700 px-1 text-[10px] leading-4 font-semibold text-white dark:bg-slate-300 dark:text-slate-900">
              {count.findings}
            </span>
          )}
        </button>
      ))}
    </aside>
  );
}

export function Sidebar() {
  const tab = useUi((s) => s.tab);
  const collapsed = useView((s) => s.sidebarCollapsed);
  const { open } = useFindings();
  const segments = useStudio((s) => s.design.segments.length);
  const workloads = useStudio((s) => s.design.workloads.length);
  const count: Record<SidebarTab, number | null> = {
    inspect: null,
    segments,
    workloads,
    findings: open.length,
    whatif: null,
  };
  if (collapsed) return <SidebarRail count={count} />;
  return (
    <aside
      className="flex h-full w-[420px] shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
      aria-label="Sidebar"
      data-testid="panel.sidebar"
      data-collapsed="false"
    >
      <div
        role="tablist"
        className="flex shrink-0 border-b border-slate-200 px-1 dark:border-slate-800"
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            data-testid={`tab.${t.id}`}
            onClick={() => useUi.getState().setTab(t.id)}
            className={`-mb-px flex-1 border-b-2 px-1 py-2.5 text-xs font-medium whitespace-nowrap ${
              tab === t.id
                ? 'border-teal-700 text-teal-800 dark:border-teal-400 dark:text-teal-300'
                : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'
            }`}
          >
            {t.label}
            {count[t.id] !== null && (
              <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                {count[t.id]}
              </span>
            )}
          </button>
        ))}
        <button
          type="button"
          data-testid="panel.sidebar.toggle"
          aria-expanded
          aria-label="Hide the side panel"
          title="Hide the side panel (more room for the canvas)"
          onClick={() => useView.getState().toggleSidebar()}
          className="my-1 inline-flex h-7 w-7 shrink-0 items-center justify-center self-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200"
        >
          <ChevronsRight className="h-4 w-4" aria-hidden />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel">
        <Suspense fallback={loading}>
          {tab === 'inspect' && <Inspector />}
          {tab === 'segments' && <SegmentsPanel />}
          {tab === 'workloads' && <WorkloadsPanel />}
          {tab === 'findings' && <FindingsPanel />}
          {tab === 'whatif' && <WhatIfPanel />}
        </Suspense>
      </div>
    </aside>
  );
}
