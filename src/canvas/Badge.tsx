import { useLayoutEffect, useRef, type PointerEvent } from 'react';
import type { Finding, Severity } from '../rules/types';
import { worstSeverity } from '../store/findings';
import { countText } from '../model/plural';
import { SEVERITY_COLORS } from '../app/severityColors';

/**
 * The badge's look: a solid disc with a white ring, no blurred shadow. Zoomed out, a site's
 * badge sits in its title tab, which is scaled up; a blurred shadow in a scaled box made
 * Chromium composite it, and with it every element drawn over it (3,000 elements at 30 %: 21
 * layers, 127 Mpx of them, instead of 5 layers and 1.3 Mpx).
 */
export function badgeClass(worst: Severity): string {
  return `pointer-events-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1.5 text-[11px] font-semibold ring-2 ring-white dark:ring-slate-900 ${SEVERITY_COLORS[worst].fill} ${SEVERITY_COLORS[worst].onFill}`;
}

/** The badge's tooltip: the first findings' rule ids and messages. */
export function badgeTitle(findings: readonly Finding[]): string {
  const titles = findings.slice(0, 6).map((f) => `${f.ruleId}: ${f.message}`);
  if (findings.length > 6) titles.push(`… and ${findings.length - 6} more`);
  return titles.join('\n');
}

/**
 * Worst severity with a count: the validator's mark on a node or link.
 *
 * Its tooltip (the findings' messages) is written while the pointer is on it, not with every
 * render: an edit that changes only a message's figures (a DCI distance, in the latency of the
 * trombone findings of its sites) then changes nothing on the canvas, where a site's badge
 * rewrote its title attribute, and the badges that re-render build no text.
 */
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
  const badge = useRef<HTMLSpanElement>(null);
  // Hovered while its findings change: the tooltip follows them.
  useLayoutEffect(() => {
    const el = badge.current;
    if (el?.hasAttribute('title')) el.title = badgeTitle(findings);
  }, [findings]);
  if (worst === null) return null;
  const enter = (e: PointerEvent<HTMLSpanElement>) => {
    e.currentTarget.title = badgeTitle(findings);
  };
  const leave = (e: PointerEvent<HTMLSpanElement>) => e.currentTarget.removeAttribute('title');
  return (
    <span
      ref={badge}
      data-testid={`badge.${elementId}`}
      data-severity={worst}
      onPointerEnter={enter}
      onPointerLeave={leave}
      className={`${className} ${badgeClass(worst)}`}
    >
      {countText(findings.length)}
    </span>
  );
}
