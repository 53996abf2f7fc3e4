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
} from 'lucide-react';
import type { ReactNode } from 'react';
import { useRoom } from '../collab/state';
import { useFindings } from '../store/findings';
import { useStudio } from '../store/studio';
import { useUi, type Theme } from '../store/ui';
import { command, displayChord, runCommand, type CommandContext } from '../app/commands';

function ToolButton({
  id,
  ctx,
  icon,
  showLabel,
}: {
  id: string;
  ctx: CommandContext;
  icon: ReactNode;
  showLabel?: boolean;
}) {
  // Subscribe to what decides `enabled` so the button updates.
  useStudio((s) => s.past.length + s.future.length * 1000 + (s.readOnly ? 1e9 : 0));
  useRoom((s) => s.historyVersion);
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
      disabled={!cmd.enabled()}
      onClick={() => runCommand(cmd, ctx)}
      className="tool-button inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {icon}
      {showLabel && <span>{cmd.label.replace(/…$/, '')}</span>}
    </button>
  );
}

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

export function Toolbar({ ctx, children }: { ctx: CommandContext; children?: ReactNode }) {
  const name = useStudio((s) => s.design.name);
  const readOnly = useStudio((s) => s.readOnly);
  const theme = useUi((s) => s.theme);
  const { counts } = useFindings();
  const tidying = useUi((s) => s.tidying);
  const ThemeIcon = theme === 'light' ? Sun : theme === 'dark' ? Moon : SunMoon;
  return (
    <header className="no-print flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <div className="mr-3 flex min-w-0 items-center gap-2">
        <img src="/favicon.svg" alt="" className="h-6 w-6" />
        <span className="text-sm font-bold tracking-tight whitespace-nowrap text-slate-900 dark:text-white">
          DCI Studio
        </span>
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
      <ToolButton
        id="new-design"
        ctx={ctx}
        icon={<FilePlus2 className="h-4 w-4" aria-hidden />}
        showLabel
      />
      <ToolButton
        id="templates"
        ctx={ctx}
        icon={<LayoutTemplate className="h-4 w-4" aria-hidden />}
        showLabel
      />
      <ToolButton
        id="open"
        ctx={ctx}
        icon={<FolderOpen className="h-4 w-4" aria-hidden />}
        showLabel
      />
      <ToolButton id="recent" ctx={ctx} icon={<History className="h-4 w-4" aria-hidden />} />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <ToolButton id="undo" ctx={ctx} icon={<Undo2 className="h-4 w-4" aria-hidden />} />
      <ToolButton id="redo" ctx={ctx} icon={<Redo2 className="h-4 w-4" aria-hidden />} />
      <ToolButton id="fit-view" ctx={ctx} icon={<Maximize className="h-4 w-4" aria-hidden />} />
      <ToolButton
        id="tidy"
        ctx={ctx}
        icon={
          tidying ? (
            <LoaderCircle className="h-4 w-4 animate-spin" aria-hidden />
          ) : (
            <Wand2 className="h-4 w-4" aria-hidden />
          )
        }
      />
      <ToolButton id="fabric" ctx={ctx} icon={<Network className="h-4 w-4" aria-hidden />} />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <ToolButton
        id="copy-link"
        ctx={ctx}
        icon={<Link2 className="h-4 w-4" aria-hidden />}
        showLabel
      />
      <ToolButton
        id="export"
        ctx={ctx}
        icon={<Download className="h-4 w-4" aria-hidden />}
        showLabel
      />
      <ToolButton
        id="compare"
        ctx={ctx}
        icon={<GitCompareArrows className="h-4 w-4" aria-hidden />}
      />
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      {children}
      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          data-testid="findings-summary"
          onClick={() => useUi.getState().setTab('findings')}
          title="Open findings"
          className="inline-flex h-8 items-center gap-2 rounded-md px-2 text-xs font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <span
            className="inline-flex items-center gap-1 text-red-600 dark:text-red-400"
            data-testid="count.error"
          >
            <span className="h-2 w-2 rounded-full bg-red-600" /> {counts.error}
          </span>
          <span
            className="inline-flex items-center gap-1 text-amber-600 dark:text-amber-400"
            data-testid="count.warning"
          >
            <span className="h-2 w-2 rounded-full bg-amber-500" /> {counts.warning}
          </span>
          <span
            className="inline-flex items-center gap-1 text-blue-600 dark:text-blue-400"
            data-testid="count.info"
          >
            <span className="h-2 w-2 rounded-full bg-blue-600" /> {counts.info}
          </span>
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
        <ToolButton id="help" ctx={ctx} icon={<CircleHelp className="h-4 w-4" aria-hidden />} />
      </div>
    </header>
  );
}
