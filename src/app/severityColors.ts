/**
 * A severity's colours, in both themes, in one table: the toolbar's counts and dots, the
 * findings panel's headings, icons, filter chips and tinted rows (panels/findingParts.ts), and the
 * canvas's badges (canvas/Badge.tsx). The canvas's strokes and far-zoom borders take the
 * `--color-error`/`-warning`/`-info` of index.css (stylesheet rules, which cannot read this).
 */
import type { Severity } from '../rules/types';

export interface SeverityColors {
  /** Text and icons: dark enough on white and on `tint` (4.5:1, WCAG AA), light on dark panels. */
  readonly text: string;
  /** A row's or a heading's ground, behind `text`. */
  readonly tint: string;
  /** A solid disc: the toolbar's dots, and a badge's ground. */
  readonly fill: string;
  /** A badge's count on `fill`: white on amber-500 read at 2.1:1, so a warning's is dark. */
  readonly onFill: string;
}

export const SEVERITY_COLORS: Readonly<Record<Severity, SeverityColors>> = {
  error: {
    text: 'text-red-700 dark:text-red-400',
    tint: 'bg-red-50 dark:bg-red-950/40',
    fill: 'bg-red-600',
    onFill: 'text-white',
  },
  warning: {
    text: 'text-amber-700 dark:text-amber-400',
    tint: 'bg-amber-50 dark:bg-amber-950/40',
    fill: 'bg-amber-500',
    onFill: 'text-amber-950',
  },
  info: {
    text: 'text-blue-700 dark:text-blue-400',
    tint: 'bg-blue-50 dark:bg-blue-950/40',
    fill: 'bg-blue-600',
    onFill: 'text-white',
  },
};
