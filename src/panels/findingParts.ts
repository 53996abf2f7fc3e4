/**
 * How a finding is shown, shared by the findings list, the waivers, the what-if panel and the
 * compare dialog: its severity's label, icon and colours, and the elements it names.
 */
import { CircleAlert, Info, TriangleAlert } from 'lucide-react';
import type { Design } from '../model/schema';
import { elementLabels } from '../model/labels';
import type { Finding, Severity } from '../rules/types';
import { SEVERITY_COLORS } from '../app/severityColors';

export const SEVERITY_META: Readonly<
  Record<Severity, { label: string; icon: typeof CircleAlert; text: string; bg: string }>
> = {
  error: {
    label: 'Errors',
    icon: CircleAlert,
    text: SEVERITY_COLORS.error.text,
    bg: SEVERITY_COLORS.error.tint,
  },
  warning: {
    label: 'Warnings',
    icon: TriangleAlert,
    text: SEVERITY_COLORS.warning.text,
    bg: SEVERITY_COLORS.warning.tint,
  },
  info: {
    label: 'Info',
    icon: Info,
    text: SEVERITY_COLORS.info.text,
    bg: SEVERITY_COLORS.info.tint,
  },
};

/** Labels of the elements a finding names, for a row that reads like a sentence. */
export function findingLabels(design: Design, finding: Finding): string[] {
  return elementLabels(design, finding.elementIds);
}
