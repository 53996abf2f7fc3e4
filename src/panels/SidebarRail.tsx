/**
 * The side panel folded to a rail: a button to open it, and one per tab. Loaded when first
 * shown (Sidebar.tsx draws its empty frame until then), with the tabs' icons.
 */
import {
  ChevronsLeft,
  FlaskConical,
  ListChecks,
  Rows3,
  SlidersHorizontal,
  Waypoints,
  type LucideIcon,
} from 'lucide-react';
import { useUi, type SidebarTab } from '../store/ui';
import { useView } from '../store/view';
import { railClass, TABS } from './sidebarTabs';
import { countText } from '../model/plural';

const ICONS: Readonly<Record<SidebarTab, LucideIcon>> = {
  inspect: SlidersHorizontal,
  segments: Waypoints,
  workloads: Rows3,
  findings: ListChecks,
  whatif: FlaskConical,
};

const railButtonClass =
  'relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-200';

export function SidebarRail({ count }: { count: Record<SidebarTab, number | null> }) {
  return (
    <aside
      className={railClass}
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
      {TABS.map((t) => {
        const Icon = ICONS[t.id];
        return (
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
            <Icon className="h-4 w-4" aria-hidden />
            {t.id === 'findings' && (count.findings ?? 0) > 0 && (
              <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-slate-700 px-1 text-[10px] leading-4 font-semibold text-white dark:bg-slate-300 dark:text-slate-900">
                {countText(count.findings ?? 0)}
              </span>
            )}
          </button>
        );
      })}
    </aside>
  );
}
