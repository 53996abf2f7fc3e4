/**
 * Validating the designs of an editing session, each from the validation of the design before
 * it, in time proportional to what the edit changed where that is possible, with exactly the
 * findings of a full run (`runRules`):
 * - an edit that only moves nodes (a drop, an alignment) or resizes a site changes nothing a
 *   rule reads (rules read the nodes' ids, kinds, parents and properties, never where they are
 *   drawn): the findings are those of the design before, the same objects;
 * - any other edit runs every rule on a context whose index and graph take from the previous
 *   one what the edit left alone (buildContext with `previous`: an edit of a DCI link's
 *   distance keeps the site fabrics and their shortest-path trees), and whose trombone rules
 *   give again the findings of placements the edit left alone (context.ts, keptFinding: after
 *   bench:ui's delete or paste of 30 devices, all but those of the workloads it touched).
 * The property test in revalidate.test.ts holds both to a fresh full validation.
 *
 * The studio's store loads this module, not the rule book's index, as its validator.
 */

import type { Design } from '../model/schema';
import { buildContext, keepForNext } from './context';
import { sameNodesButPlaces } from './graph';
import { RULE_LIST, runRulesOn } from './index';
import type { RuleDefinition } from './rule';
import { sharedFindings } from './sharedFindings';
import type { Finding, RuleContext, RuleId } from './types';

export interface Validation {
  readonly design: Design;
  readonly rules: readonly RuleDefinition[];
  /** The context the findings were computed on (its design may differ from `design` by moves). */
  readonly context: RuleContext;
  /** As `runRulesOn(buildContext(design), rules)` gives them. */
  readonly findings: readonly Finding[];
}

/** Validate `design`, reusing what it can of `previous` (any earlier validation, or null). */
export function revalidate(
  design: Design,
  previous: Validation | null,
  rules: readonly RuleDefinition[] = RULE_LIST,
): Validation {
  if (previous && previous.rules === rules) {
    if (previous.design === design) return previous;
    if (sameForRules(previous.design, design))
      return { design, rules, context: previous.context, findings: previous.findings };
  }
  const context = buildContext(design, {}, previous?.context);
  // After an edit of link figures alone (context.ts keeps the run before's findings for it),
  // a rule that reads none gives its findings of before.
  const run =
    previous?.rules === rules && context.kept?.figuresOnly
      ? unreadAgain(rules, previous.findings)
      : rules;
  // Findings that read as before are the objects of before: designs kept for undo share them.
  const findings = sharedFindings(runRulesOn(context, run), previous?.findings);
  keepForNext(context);
  return { design, rules, context, findings };
}

/**
 * `rules` with each rule that reads no link figures (`readsNoLinkFigures`) giving its findings
 * among `before` instead of running: runRulesOn orders them, and their keys (which start with
 * the rule's id) meet no other rule's.
 */
function unreadAgain(
  rules: readonly RuleDefinition[],
  before: readonly Finding[],
): readonly RuleDefinition[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const rule of rules) if (rule.readsNoLinkFigures) byRule.set(rule.id, []);
  if (byRule.size === 0) return rules;
  for (const f of before) byRule.get(f.ruleId)?.push(f);
  return rules.map((rule) => {
    const given = byRule.get(rule.id);
    return given ? { ...rule, run: () => given } : rule;
  });
}

/**
 * Whether two designs read the same to every rule: the same settings, links, segments and
 * workloads (the same arrays), and the same nodes but for where they are drawn. What rules never
 * read (the name, the notes, the waivers: findings.ts applies waivers after the run) may differ.
 */
export function sameForRules(a: Design, b: Design): boolean {
  if (
    a.settings !== b.settings ||
    a.links !== b.links ||
    a.segments !== b.segments ||
    a.workloads !== b.workloads
  )
    return false;
  return sameNodesButPlaces(a.nodes, b.nodes);
}

export { RULE_LIST };
