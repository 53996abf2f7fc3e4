/**
 * The validator: `runRules(design)` → findings, every rule listed explicitly below. Findings are
 * computed from the design and never stored in it; their keys are stable, so waivers and diffs
 * can refer to them.
 */
import type { Design } from '../model/schema';
import { bwMigrationRule } from './bw-migration';
import { bwReplicationRule } from './bw-replication';
import { capVswitchRule } from './cap-vswitch';
import { buildContext } from './context';
import { fwAsymmetryRule } from './fw-asymmetry';
import { l2GapRule } from './l2-gap';
import { l2IdleRule } from './l2-idle';
import { l2MtuRule } from './l2-mtu';
import { l2StpRule } from './l2-stp';
import { latMigrationRule } from './lat-migration';
import { latStorageRule } from './lat-storage';
import { latStretchedRule } from './lat-stretched';
import { latWitnessRule } from './lat-witness';
import { migConvergeRule } from './mig-converge';
import { migDowntimeRule } from './mig-downtime';
import { resDciSpofRule } from './res-dci-spof';
import { resSiteNodeRule } from './res-site-node';
import { resWitnessRule } from './res-witness';
import { storagePeerRule } from './storage-peer';
import type { RuleDefinition } from './rule';
import { tromboneGwRule } from './trombone-gw';
import { tromboneIngressRule } from './trombone-ingress';
import { tromboneStorageRule } from './trombone-storage';
import {
  SEVERITY_ORDER,
  type Finding,
  type RuleContext,
  type RuleId,
  type RunOptions,
} from './types';
import { vmkRoutedRule } from './vmk-routed';
import { RULE_IDS } from './types';

export type { RuleDefinition } from './rule';
export { buildContext } from './context';

/** Every rule, in the rule book's order (DOMAIN.md §5). */
export const RULE_LIST: readonly RuleDefinition[] = [
  l2GapRule,
  l2StpRule,
  l2MtuRule,
  l2IdleRule,
  vmkRoutedRule,
  latMigrationRule,
  latStretchedRule,
  latStorageRule,
  latWitnessRule,
  bwMigrationRule,
  migConvergeRule,
  migDowntimeRule,
  tromboneGwRule,
  tromboneIngressRule,
  tromboneStorageRule,
  fwAsymmetryRule,
  resWitnessRule,
  resDciSpofRule,
  resSiteNodeRule,
  capVswitchRule,
  storagePeerRule,
  bwReplicationRule,
];

export interface RuleMeta {
  readonly id: RuleId;
  readonly title: string;
  readonly severity: RuleDefinition['severity'];
  readonly why: string;
  /** The "learn why" text: why it matters, citing the seed or source. */
  readonly explanation: string;
  readonly source: string;
}

/** Metadata of each rule id, for the UI's "learn why" link. */
export const RULES: Readonly<Record<RuleId, RuleMeta>> = Object.fromEntries(
  RULE_LIST.map((r) => [
    r.id,
    {
      id: r.id,
      title: r.title,
      severity: r.severity,
      why: r.why,
      explanation: r.explanation,
      source: r.source,
    },
  ]),
) as Record<RuleId, RuleMeta>;

if (RULE_LIST.length !== RULE_IDS.length) throw new Error('every rule id needs exactly one rule');

/** Each rule id's position in the rule book. */
const RULE_ORDER: ReadonlyMap<RuleId, number> = new Map(RULE_IDS.map((id, i) => [id, i]));
const ruleOrder = (id: RuleId): number => RULE_ORDER.get(id) ?? -1;

/** Severity first (errors on top), then rule order, then key: a stable order for UI and CLI. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    ruleOrder(a.ruleId) - ruleOrder(b.ruleId) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * Run the rules on a prepared context (what-if code may build one context and reuse it): each
 * key once (the first finding with it wins), in the order of `compareFindings`.
 */
export function runRulesOn(
  ctx: RuleContext,
  rules: readonly RuleDefinition[] = RULE_LIST,
): Finding[] {
  // The order of compareFindings without calling it per pair: findings go to one bucket per
  // (severity, rule), taken in that order, each sorted by key. Keys are unique by now, so the
  // order is the same total order whatever the sort.
  const byKey = new Map<string, Finding>();
  const buckets: (string[] | undefined)[] = [];
  const rulesPerSeverity = RULE_IDS.length + 1; // + an unknown rule id, ordered first
  for (const rule of rules) {
    for (const f of rule.run(ctx)) {
      if (byKey.has(f.key)) continue;
      byKey.set(f.key, f);
      const b = SEVERITY_ORDER[f.severity] * rulesPerSeverity + ruleOrder(f.ruleId) + 1;
      const bucket = buckets[b];
      if (bucket) bucket.push(f.key);
      else buckets[b] = [f.key];
    }
  }
  const out: Finding[] = [];
  for (const keys of buckets) {
    if (!keys) continue;
    // The default sort compares strings by UTF-16 code units, as `<` does in compareFindings.
    keys.sort();
    for (const key of keys) out.push(byKey.get(key) as Finding);
  }
  return out;
}

/** Validate a design: findings for the current placement and every mobility target. */
export function runRules(design: Design, options: RunOptions = {}): Finding[] {
  return runRulesOn(buildContext(design, options));
}
