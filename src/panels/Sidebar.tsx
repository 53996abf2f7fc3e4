import { ChevronsRight } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useFindings } from '../store/findings';
import { useUi, type SidebarTab } from '../store/ui';
import { useStudio } from '../store/studio';
import { useView } from '../store/view';
import { railClass, TABS } from './sidebarTabs';
import { countText } from '../model/plural';

// Each tab's panel loads when it is first shown, not with the first screen (the inspector,
// the default tab, as soon as the canvas has drawn the design: `usePanelsReady`).
let inspector: typeof import('./Inspector') | null = null;
let inspecting: Promise<typeof import('./Inspector')> | null = null;
const loadInspector = () => (inspecting ??= import('./Inspector').then((m) => (inspector = m)));
const Inspector = lazy(() => loadInspector().then((m) => ({ default: m.Inspector })));
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

const loading = <p className="px-4 py-3 text-xs text-slate-500 dark:text-slate-400">Loading…</p>;

/**
 * Whether the tab panels may render: once the canvas has drawn the design the page opened with
 * (the flag it sets in a task after that drawing, Canvas.tsx) and the inspector's chunk (the
 * default tab's, asked for then) is here. Rendered with the canvas's first drawing, the panel
 * held up the nodes (a first visit at 1,000 elements showed them 1236 ms in, not 963); waiting
 * for an idle moment or a transition, it stayed blank for seconds while the canvas's updates
 * kept putting it off. Its chunk asked for as the design was handed over, its request (and the
 * preload links of its ten chunks) was made in the render task that draws the nodes.
 */
function usePanelsReady(): boolean {
  const drawn = useUi((s) => s.canvasDrawn);
  const [chunk, setChunk] = useState(inspector !== null);
  useEffect(() => {
    if (!drawn || chunk) return;
    let live = true;
    // A chunk that cannot load: the tab's own boundary says so once shown.
    const here = () => void (live && setChunk(true));
    loadInspector().then(here, here);
    return () => {
      live = false;
    };
  }, [drawn, chunk]);
  const ready = drawn && chunk;
  useEffect(() => {
    if (ready && !useUi.getState().panelsDrawn) useUi.setState({ panelsDrawn: true });
  }, [ready]);
  return ready;
}

// The side panel folded to a rail loads when first shown; its frame stands in until then.
const SidebarRail = lazy(() => import('./SidebarRail').then((m) => ({ default: m.SidebarRail })));

/** One element made once: the side panel re-renders with each change of the findings' count. */
const HIDE_ICON = <ChevronsRight className="h-4 w-4" aria-hidden />;

export function Sidebar() {
  const tab = useUi((s) => s.tab);
  const collapsed = useView((s) => s.sidebarCollapsed);
  const ready = usePanelsReady();
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
  if (collapsed)
    return (
      <Suspense
        fallback={
          <aside
            className={railClass}
            aria-label="Sidebar"
            data-testid="panel.sidebar"
            data-collapsed="true"
          />
        }
      >
        <SidebarRail count={count} />
      </Suspense>
    );
  // `isolate`: a stacking context of its own, so that Chromium caches the panel's paint as one
  // piece; without it, every frame of a drag or a pan on the canvas re-walked the panel's
  // fragments and layerized them again with the canvas (about a sixth of its paint + layerize).
  // Narrower below `lg` (view.ts, NARROW_WINDOW_PX), where the canvas needs the room.
  return (
    <aside
      className="isolate flex h-full w-[340px] shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 lg:w-[420px]"
      aria-label="Sidebar"
      data-testid="panel.sidebar"
      data-collapsed="false"
    >
      {/* The tabs take their labels' widths. In a window below `lg` each count goes under its
          label; short of room still, the longer labels give way first and end in an ellipsis,
          their counts and the fold button kept whole. The tabs overflowed the panel: its fold
          button went out of sight with 164 workloads and 480 findings. */}
      <div className="flex shrink-0 border-b border-slate-200 px-1 dark:border-slate-800">
        <div role="tablist" aria-label="Side panel" className="flex min-w-0 flex-1">
          {TABS.map((t) => {
            const n = count[t.id];
            return (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                data-testid={`tab.${t.id}`}
                title={t.label}
                onClick={() => useUi.getState().setTab(t.id)}
                className={`-mb-px flex min-w-0 flex-auto flex-col items-center justify-center border-b-2 px-0.5 py-1.5 text-xs font-medium whitespace-nowrap lg:flex-row lg:py-2.5 ${
                  tab === t.id
                    ? 'border-teal-700 text-teal-800 dark:border-teal-400 dark:text-teal-300'
                    : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'
                }`}
              >
                <span className="truncate">{t.label}</span>
                {n !== null && (
                  <span className="shrink-0 rounded-full bg-slate-100 px-[3px] text-[11px] leading-4 text-slate-600 lg:ml-0.5 dark:bg-slate-800 dark:text-slate-300">
                    {countText(n)}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <button
          type="button"
          data-testid="panel.sidebar.toggle"
          aria-expanded
          aria-label="Hide the side panel"
          title="Hide the side panel (more room for the canvas)"
          onClick={() => useView.getState().toggleSidebar()}
          className="my-1 inline-flex h-7 w-7 shrink-0 items-center justify-center self-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200"
        >
          {HIDE_ICON}
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel">
        <Suspense fallback={loading}>
          {ready && tab === 'inspect' && (inspector ? <inspector.Inspector /> : <Inspector />)}
          {ready && tab === 'segments' && <SegmentsPanel />}
          {ready && tab === 'workloads' && <WorkloadsPanel />}
          {ready && tab === 'findings' && <FindingsPanel />}
          {ready && tab === 'whatif' && <WhatIfPanel />}
        </Suspense>
      </div>
    </aside>
  );
}
