import type { Finding, Severity } from '../rules/types';
import { worstSeverity } from '../store/findings';

const BADGE_STYLES: Readonly<Record<Severity, string>> = {
  error: 'bg-red-600 text-white',
  warning: 'bg-amber-500 text-white',
  info: 'bg-blue-600 text-white',
};

/** Worst severity with a count: the validator's mark on a node or link. */
export function FindingBadge({
  findings,
  elementId,
  className = '',
}: {
  findings: readonly Finding[];
  elementId: string;
  /** Where it sits (absolute placement on a card); nothing is drawn without findings. */
  className?: string;
}) {
  const worst = worstSeverity(findings);
  if (worst === null) return null;
  const titles = findings.slice(0, 6).map((f) => `${f.ruleId}: ${f.message}`);
  if (findings.length > 6) titles.push(`… and ${findings.length - 6} more`);
  return (
    <span
      data-testid={`badge.${elementId}`}
      data-severity={worst}
      title={titles.join('\n')}
      className={`${className} pointer-events-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1.5 text-[11px] font-semibold shadow-sm ring-2 ring-white dark:ring-slate-900 ${BADGE_STYLES[worst]}`}
    >
      {findings.length}
    </span>
  );
}
