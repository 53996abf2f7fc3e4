import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { Canvas } from './canvas/Canvas';
import { useRoutes } from './canvas/routeStore';
import { handleKeydown, type CommandContext } from './app/commands';
import { Palette } from './panels/Palette';
import { Sidebar } from './panels/Sidebar';
import { Toasts } from './panels/Toasts';
import { Toolbar } from './panels/Toolbar';
import { useStudio } from './store/studio';
import { useUi, whenCanvasDrawn } from './store/ui';
import { useScenario } from './store/scenario';
import { useRoom } from './collab/state';

// Dialogs load when one first opens; the empty-canvas guide when the canvas is empty.
const Dialogs = lazy(() => import('./panels/Dialogs').then((m) => ({ default: m.Dialogs })));
const EmptyState = lazy(() =>
  import('./panels/EmptyState').then((m) => ({ default: m.EmptyState })),
);

function DialogsGate() {
  const open = useUi((s) => s.dialog !== null);
  return open ? (
    <Suspense fallback={null}>
      <Dialogs />
    </Suspense>
  ) : null;
}

// Storage prompts load once the canvas has drawn the design the page opened with: asked for
// with the first render, their five chunks were requested in the task that draws the nodes.
const StorageFullDialog = lazy(() =>
  import('./panels/StoragePrompts').then((m) => ({ default: m.StorageFullDialog })),
);
const TabConflictBanner = lazy(() =>
  import('./panels/StoragePrompts').then((m) => ({ default: m.TabConflictBanner })),
);

/** Its lazy children, once the canvas has drawn the design the page opened with. */
function AfterCanvasDrawn({ children }: { children: ReactNode }) {
  const drawn = useUi((s) => s.canvasDrawn);
  return drawn ? <Suspense fallback={null}>{children}</Suspense> : null;
}

// The live room's bar loads when a live room starts (it shows nothing outside one).
const RoomBar = lazy(() => import('./collab/ui/RoomBar').then((m) => ({ default: m.RoomBar })));

function RoomBarGate() {
  const inRoom = useRoom((s) => s.status !== 'idle');
  return inRoom ? (
    <Suspense fallback={null}>
      <RoomBar />
    </Suspense>
  ) : null;
}

// Loaded when a view-only design is first opened.
const ViewOnlyBanner = lazy(() =>
  import('./panels/ViewOnlyBanner').then((m) => ({ default: m.ViewOnlyBanner })),
);

function ViewOnlyBannerGate() {
  const readOnly = useStudio((s) => s.readOnly);
  return readOnly ? (
    <Suspense fallback={null}>
      <ViewOnlyBanner />
    </Suspense>
  ) : null;
}

// Loaded when a what-if scenario first starts.
const ScenarioBanner = lazy(() =>
  import('./panels/ScenarioBanner').then((m) => ({ default: m.ScenarioBanner })),
);

// Loaded when the Compare dialog first marks the canvas.
const CompareBanner = lazy(() =>
  import('./panels/CompareBanner').then((m) => ({ default: m.CompareBanner })),
);

function CompareBannerGate() {
  const active = useUi((s) => s.compareMarks !== null);
  return active ? (
    <Suspense fallback={null}>
      <CompareBanner />
    </Suspense>
  ) : null;
}

function ScenarioBannerGate() {
  const active = useScenario((s) => s.move !== null || s.failed.length > 0);
  return active ? (
    <Suspense fallback={null}>
      <ScenarioBanner />
    </Suspense>
  ) : null;
}

/** A workload chip dropped on a cluster starts a what-if move (its code loads on first use). */
const startMove = (workloadId: string, clusterId: string) =>
  void import('./app/whatifActions').then((m) => m.startMove(workloadId, clusterId));

function useThemeClass() {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () =>
      document.documentElement.classList.toggle(
        'dark',
        theme === 'dark' || (theme === 'system' && media.matches),
      );
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

function Studio() {
  const booted = useUi((s) => s.booted);
  const flow = useReactFlow();
  const ctx: CommandContext = useMemo(
    () => ({
      fitView: () => void flow.fitView({ padding: 0.15, duration: 300, maxZoom: 1.1 }),
      resetZoom: () => void flow.zoomTo(1, { duration: 200 }),
      view: flow,
      drawnLinks: () => useRoutes.getState().byId,
    }),
    [flow],
  );
  const empty = useStudio((s) => s.design.nodes.length === 0) && booted;
  useThemeClass();
  useEffect(() => {
    // `npm run bench:ui` builds in mode "bench"; any other build drops this import. Once the
    // canvas has drawn (the app has no such chunk to fetch while it draws the nodes).
    if (import.meta.env.MODE !== 'bench') return;
    return whenCanvasDrawn(
      () => void import('./bench/studioHooks').then((m) => m.installStudioBenchHooks(flow)),
    );
  }, [flow]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => handleKeydown(event, ctx);
    // Capture: the studio's shortcuts come before React Flow's own keys (arrows on a node).
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [ctx]);
  return (
    <div className="flex h-full min-w-0 flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar ctx={ctx} />
      <ViewOnlyBannerGate />
      <AfterCanvasDrawn>
        <TabConflictBanner />
      </AfterCanvasDrawn>
      <RoomBarGate />
      <main className="flex min-h-0 flex-1">
        <Palette />
        <div className="relative min-w-0 flex-1">
          <Canvas onWorkloadDrop={startMove} />
          <ScenarioBannerGate />
          <CompareBannerGate />
          {empty && (
            <Suspense fallback={null}>
              <EmptyState />
            </Suspense>
          )}
        </div>
        <Sidebar />
      </main>
      <DialogsGate />
      <AfterCanvasDrawn>
        <StorageFullDialog />
      </AfterCanvasDrawn>
      <Toasts />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Studio />
    </ReactFlowProvider>
  );
}
