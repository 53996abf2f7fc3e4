import {
  Building2,
  Cpu,
  Database,
  Flame,
  Layers,
  Network,
  Router,
  Scale,
  Server,
  type LucideIcon,
} from 'lucide-react';
import type { NodeKind } from '../model/schema';

export const KIND_ICONS: Readonly<Record<NodeKind, LucideIcon>> = {
  site: Building2,
  spine: Layers,
  tor: Network,
  border: Router,
  cluster: Server,
  array: Database,
  firewall: Flame,
  witness: Scale,
};

/** Accent colour of each kind, used on icons so a diagram reads at a glance. */
export const KIND_COLORS: Readonly<Record<NodeKind, string>> = {
  site: 'text-slate-500',
  spine: 'text-indigo-600 dark:text-indigo-400',
  tor: 'text-sky-600 dark:text-sky-400',
  border: 'text-teal-600 dark:text-teal-400',
  cluster: 'text-emerald-600 dark:text-emerald-400',
  array: 'text-amber-600 dark:text-amber-400',
  firewall: 'text-rose-600 dark:text-rose-400',
  witness: 'text-violet-600 dark:text-violet-400',
};

export { Cpu };

/** A device drawn as a plain box when zoomed out: the kind's colour as border and fill. */
export const FAR_COLORS: Readonly<Record<NodeKind, string>> = {
  site: 'border-slate-400 bg-slate-100',
  spine: 'border-indigo-400 bg-indigo-100 dark:border-indigo-500 dark:bg-indigo-950',
  tor: 'border-sky-400 bg-sky-100 dark:border-sky-500 dark:bg-sky-950',
  border: 'border-teal-400 bg-teal-100 dark:border-teal-500 dark:bg-teal-950',
  cluster: 'border-emerald-400 bg-emerald-100 dark:border-emerald-500 dark:bg-emerald-950',
  array: 'border-amber-400 bg-amber-100 dark:border-amber-500 dark:bg-amber-950',
  firewall: 'border-rose-400 bg-rose-100 dark:border-rose-500 dark:bg-rose-950',
  witness: 'border-violet-400 bg-violet-100 dark:border-violet-500 dark:bg-violet-950',
};
