/**
 * Findings are derived from the design, never stored: computed once per design (memoized by
 * identity, shared by every component) and indexed by element for badges and the inspector.
 */
import { useStudio } from './studio';
import { compareFindings, runRules } from '../rules/index';
import type { Design } from '../model/schema';
import { SEVERITY_ORDER, type Finding, type Severity } from '../rules/types';

export interface FindingsIndex {
  readonly all: readonly Finding[];
  /** Findings not waived. */
  readonly open: readonly Finding[];
  readonly waived: ReadonlySet<string>;
  readonly byElement: ReadonlyMap<string, readonly Finding[]>;
  readonly counts: Readonly<Record<Severity, number>>;
}

let memo: { design: Design; index: FindingsIndex } | null = null;

export function findingsFor(design: Design): FindingsIndex {
  if (memo?.design === design) return memo.index;
  // The order of the CLI and the report: one comparator (severity, rule-book order, key).
  const all = [...runRules(design)].sort(compareFindings);
  const waived = new Set(design.waivers.map((w) => w.findingKey));
  const open = all.filter((f) => !waived.has(f.key));
  const byElement = new Map<string, Finding[]>();
  for (const f of open) {
    const ids = new Set(f.elementIds);
    for (const id of ids) {
      const list = byElement.get(id);
      if (list) list.push(f);
      else byElement.set(id, [f]);
    }
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of open) counts[f.severity]++;
  const index = { all, open, waived, byElement, counts };
  memo = { design, index };
  return index;
}

export function useFindings(): FindingsIndex {
  return findingsFor(useStudio((s) => s.design));
}

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings)
    if (worst === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}
