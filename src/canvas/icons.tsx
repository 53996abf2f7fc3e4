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
  site: 'text-slate-500 dark:text-slate-400',
  spine: 'text-indigo-600 dark:text-indigo-400',
  tor: 'text-sky-600 dark:text-sky-400',
  border: 'text-teal-600 dark:text-teal-400',
  cluster: 'text-emerald-600 dark:text-emerald-400',
  array: 'text-amber-600 dark:text-amber-400',
  firewall: 'text-rose-600 dark:text-rose-400',
  witness: 'text-violet-600 dark:text-violet-400',
};

export { Cpu };
