/**
 * How a finding is shown, shared by the findings list, the waivers, the what-if panel and the
 * compare dialog: its severity's label, icon and colours, and the elements it names.
 */
import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { Design } from '../model/schema';
import { elementLabels } from '../model/labels';
import type { Finding, Severity } from '../rules/types';
import { SEVERITY_TEXT } from './severityColors';

export const SEVERITY_META: Readonly<
  Record<Severity, { label: string; icon: typeof CircleAlert; text: string; bg: string }>
> = {
  error: {
    label: 'Errors',
    icon: CircleAlert,
    text: SEVERITY_TEXT.error,
    bg: 'bg-red-50 dark:bg-red-950/40',
  },
  warning: {
    label: 'Warnings',
    icon: TriangleAlert,
    text: SEVERITY_TEXT.warning,
    bg: 'bg-amber-50 dark:bg-amber-950/40',
  },
  info: {
    label: 'Info',
    icon: Info,
    text: SEVERITY_TEXT.info,
    bg: 'bg-blue-50 dark:bg-blue-950/40',
  },
};

/** Labels of the elements a finding names, for a row that reads like a sentence. */
export function findingLabels(design: Design, finding: Finding): string[] {
  return elementLabels(design, finding.elementIds);
}
