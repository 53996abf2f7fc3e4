/**
 * TEST AND BENCH ONLY: the validator as it ran before it was made faster (issue 12): the old
 * graph and context (this folder) under the current rules, with the old merge-and-sort. The
 * equivalence tests compare `runRules` with `referenceRunRules` finding by finding.
 */
import type { Design } from '../../model/schema';
import { RULE_LIST } from '../index';
import type { RuleDefinition } from '../rule';
import {
  SEVERITY_ORDER,
  RULE_IDS,
  type Finding,
  type RuleContext,
  type RunOptions,
} from '../types';
import { buildContext } from './context';

export { buildContext as referenceBuildContext } from './context';
export { buildGraph as referenceBuildGraph, DesignGraph as ReferenceDesignGraph } from './graph';

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    RULE_IDS.indexOf(a.ruleId) - RULE_IDS.indexOf(b.ruleId) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function referenceRunRulesOn(
  ctx: RuleContext,
  rules: readonly RuleDefinition[] = RULE_LIST,
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const f of rule.run(ctx)) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      out.push(f);
    }
  }
  return out.sort(compareFindings);
}

export function referenceRunRules(design: Design, options: RunOptions = {}): Finding[] {
  return referenceRunRulesOn(buildContext(design, options));
}
