/**
 * A severity's text colour, in both themes: the toolbar's counts, and the findings panel's
 * headings, icons and filter chips (findingParts.ts). Dark enough on white and on the tinted
 * chips (4.5:1, WCAG AA), light enough on the dark theme's panels.
 */
import type { Severity } from '../rules/types';

export const SEVERITY_TEXT: Readonly<Record<Severity, string>> = {
  error: 'text-red-700 dark:text-red-400',
  warning: 'text-amber-700 dark:text-amber-400',
  info: 'text-blue-700 dark:text-blue-400',
};
