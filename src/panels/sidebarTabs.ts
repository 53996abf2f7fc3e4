import type { SidebarTab } from '../store/ui';

/** The side panel's tabs, in order (Sidebar.tsx, and its folded rail, SidebarRail.tsx). */
export const TABS: readonly { id: SidebarTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'segments', label: 'Segments' },
  { id: 'workloads', label: 'Workloads' },
  { id: 'findings', label: 'Findings' },
  { id: 'whatif', label: 'What-if' },
];

/** The folded rail's frame (drawn empty while the rail's own code loads). */
export const railClass =
  'flex h-full w-11 shrink-0 flex-col items-center gap-1 border-l border-slate-200 bg-white py-2 dark:border-slate-800 dark:bg-slate-950';
