import {
  CircleHelp,
  Download,
  FilePlus2,
  FolderOpen,
  GitCompareArrows,
  History,
  LayoutTemplate,
  Link2,
  LoaderCircle,
  Maximize,
  Moon,
  Network,
  Redo2,
  Sun,
  SunMoon,
  Undo2,
  Wand2,
  type LucideIcon,
} from 'lucide-react';
import { memo, useEffect, useReducer, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRoom } from '../collab/state';
import { selectFindings, useValidated } from '../store/findings';
import { countText } from '../model/plural';
import { useStudio } from '../store/studio';
import { useUi, type Theme } from '../store/ui';
import { command, displayChord, runCommand, type CommandContext } from '../app/commands';
import { SEVERITY_COLORS } from '../app/severityColors';

/** The finding counts the toolbar shows, each in its severity's colour. */
const SEVERITY_COUNTS = [
  { severity: 'error', text: SEVERITY_COLORS.error.text, dot: SEVERITY_COLORS.error.fill },
  { severity: 'warning', text: SEVERITY_COLORS.warning.text, dot: SEVERITY_COLORS.warning.fill },
  { severity: 'info', text: SEVERITY_COLORS.info.text, dot: SEVERITY_COLORS.info.fill },
] as const;

/**
 * A command's button. The toolbar re-renders on each edit (undo turns on, the finding counts
 * change): it asks each command whether it is enabled and hands the answer in, and a button
 * (with its icon, an SVG of several elements) re-renders only when its own answer changes.
 */
const ToolButton = memo(function ToolButton({
  id,
  ctx,
  Icon,
  enabled,
  busy,
  showLabel,
}: {
  id: string;
  ctx: CommandContext;
  Icon: LucideIcon;
  /** The command's `enabled()` now. */
  enabled: boolean;
  /** A spinner instead of the icon while the command works. */
  busy?: boolean;
  showLabel?: boolean;
}) {
  const cmd = command(id);
  const shortcut = cmd.shortcuts[0];
  const title = shortcut ? `${cmd.label} (${displayChord(shortcut)})` : cmd.label;
  // Disabled, a button is drawn lighter, not translucent (.tool-button in index.css).
  return (
    <button
      type="button"
      data-testid={`toolbar.${id}`}
      aria-label={cmd.label}
      title={title}
      disabled={!enabled}
      onClick={() => runCommand(cmd, ctx)}
      className="tool-button inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {busy ? (
        <LoaderCircle className="h-4 w-4 animate-spin" aria-hidden />
      ) : (
        <Icon className="h-4 w-4" aria-hidden />
      )}
      {/* Below 1,280 px the labels would push the toolbar past the window: icons alone, named
          by their tooltip and accessible name. */}
      {showLabel && <span className="hidden xl:inline">{cmd.label.replace(/…$/, '')}</span>}
    </button>
  );
});

/** A command's button with its enabled state read now (each render of the toolbar). */
function Tool(props: Omit<Parameters<typeof ToolButton>[0], 'enabled'>) {
  return <ToolButton {...props} enabled={command(props.id).enabled()} />;
}

/**
 * Re-renders the toolbar when the history changes a frame later, so undo and redo turn on or off
 * after the frame that shows a drop or an edit: that frame repaints nothing outside the canvas
 * (in Chromium any repaint re-layerizes the page, the canvas's nodes included). View-only mode
 * and a live room's history re-render it at once (Toolbar's subscriptions).
 */
function useHistoryAfterFrame(): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(
    () =>
      useStudio.subscribe((s, p) => {
        if (s.past !== p.past || s.future !== p.future)
          requestAnimationFrame(() => setTimeout(bump));
      }),
    [],
  );
}

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

export function Toolbar({ ctx, children }: { ctx: CommandContext; children?: ReactNode }) {
  useHistoryAfterFrame();
  useRoom((s) => s.historyVersion);
  const name = useStudio((s) => s.design.name);
  const readOnly = useStudio((s) => s.readOnly);
  const theme = useUi((s) => s.theme);
  // The counts as numbers: a validation that leaves them as they were re-renders nothing.
  const counts = useValidated(useShallow((v) => selectFindings(v).counts));
  // While the open design's validation is pending the counts are the previous design's.
  const validating = useValidated((v) => !v.current);
  const tidying = useUi((s) => s.tidying);
  const ThemeIcon = theme === 'light' ? Sun : theme === 'dark' ? Moon : SunMoon;
  return (
    // `isolate`: its paint cached as one piece, not walked again on every frame of the canvas
    // (see the sidebar's `aside`).
    <header className="no-print isolate flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <div className="mr-3 flex min-w-0 items-center gap-2">
        <img src="/favicon.svg" alt="" className="h-6 w-6" />
        <h1 className="text-sm font-bold tracking-tight whitespace-nowrap text-slate-900 dark:text-white">
          DCI Studio
        </h1>
        <span
          className="max-w-[16rem] truncate text-sm text-slate-500 dark:text-slate-400"
          data-testid="design-name"
          title={name}
        >
          {name}
        </span>
        {readOnly && (
          <span className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] whitespace-nowrap font-semibold text-amber-800 dark:bg-amber-900 dark:text-amber-100">
            View only
          </span>
        )}
      </div>
      <Tool id="new-design" ctx={ctx} Icon={FilePlus2} showLabel />
      <Tool id="templates" ctx={ctx} Icon={LayoutTemplate} showLabel />
      <Tool id="open" ctx={ctx} Icon={FolderOpen} showLabel />
      <Tool id="recent" ctx={ctx} Icon={History} />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <Tool id="undo" ctx={ctx} Icon={Undo2} />
      <Tool id="redo" ctx={ctx} Icon={Redo2} />
      <Tool id="fit-view" ctx={ctx} Icon={Maximize} />
      <Tool id="tidy" ctx={ctx} Icon={Wand2} busy={tidying} />
      <Tool id="fabric" ctx={ctx} Icon={Network} />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <Tool id="copy-link" ctx={ctx} Icon={Link2} showLabel />
      <Tool id="export" ctx={ctx} Icon={Download} showLabel />
      <Tool id="compare" ctx={ctx} Icon={GitCompareArrows} />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      {children}
      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          data-testid="findings-summary"
          aria-busy={validating}
          onClick={() => useUi.getState().setTab('findings')}
          title="Open findings"
          className="inline-flex h-8 items-center gap-2 rounded-md px-2 text-xs font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {SEVERITY_COUNTS.map(({ severity, text, dot }) => (
            <span
              key={severity}
              className={`inline-flex items-center gap-1 ${text}`}
              data-testid={`count.${severity}`}
            >
              <span className={`h-2 w-2 rounded-full ${dot}`} /> {countText(counts[severity])}
            </span>
          ))}
        </button>
        <button
          type="button"
          data-testid="toolbar.theme"
          aria-label={`Theme: ${theme}`}
          title={`Theme: ${theme} (click to change)`}
          onClick={() => useUi.getState().setTheme(NEXT_THEME[theme])}
          className="inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <ThemeIcon className="h-4 w-4" aria-hidden />
        </button>
        <Tool id="help" ctx={ctx} Icon={CircleHelp} />
      </div>
    </header>
  );
}
