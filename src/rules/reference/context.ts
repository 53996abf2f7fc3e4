/**
 * TEST AND BENCH ONLY: the rule context as it was before the validator was made faster (issue 12,
 * commit bd5a702), kept verbatim (imports aside) as the reference the equivalence tests
 * (src/rules/equivalence.test.ts) and `npm run bench validate -- --reference` compare the
 * current code with. The app never imports it. Delete this folder when the reference is no
 * longer wanted, together with those two users.
 */
/**
 * What every rule receives: the design, its index and graph (built once per run), the
 * placements to evaluate (each workload where it runs, and at each of its mobility targets), and
 * helpers that make findings uniform: stable keys, scenario prefixes, severities capped by the
 * certainty of a limit.
 */
import { HYPERVISOR_PROFILES, type HypervisorProfile, type Limit } from '../../model/catalog';
import type { Cluster, Design } from '../../model/schema';
import { buildIndex, DesignGraph } from './graph';
import type { Finding, MoveScenario, Placement, RuleContext, RunOptions, Severity } from '../types';

// Placement is part of the rules' vocabulary (types.ts); rules and the what-if engine take it
// from here with the helpers that use it.
export type { Placement };

export function buildContext(design: Design, options: RunOptions = {}): RuleContext {
  const index = buildIndex(design);
  const graph = new DesignGraph(index, options.failed ?? new Set());
  const placements: Placement[] = [];
  const cluster = (id: string): Cluster | undefined => {
    const n = index.nodes.get(id);
    return n?.kind === 'cluster' && !graph.isDead(id) ? n : undefined;
  };
  for (const w of design.workloads) {
    // A workload on a failed cluster is not running there; a dead host migrates nothing.
    const from = cluster(w.clusterId);
    if (!from) continue;
    placements.push({ workload: w, cluster: from, siteId: from.parentId, from });
    if (options.includeMoves === false) continue;
    for (const t of w.mobilityTargetIds) {
      const to = cluster(t);
      if (!to || to.id === from.id) continue;
      placements.push({
        workload: w,
        cluster: to,
        siteId: to.parentId,
        from,
        scenario: { workloadId: w.id, targetClusterId: to.id },
      });
    }
  }
  return { design, options, index, graph, placements };
}

/** "After web-01 moves to cluster B2: " for a move, "" for the current placement. */
export function scenarioPrefix(ctx: RuleContext, scenario: MoveScenario | undefined): string {
  if (!scenario) return '';
  const { label } = ctx.index;
  return `After ${label(scenario.workloadId)} moves to cluster ${label(scenario.targetClusterId)}: `;
}

/** An uncertain limit (`?` in the rule book) may raise a warning, never an error. */
export function severityFor(base: Severity, limit: Limit | null | undefined): Severity {
  return base === 'error' && limit && !limit.certain ? 'warning' : base;
}

export function findingKey(
  ruleId: string,
  scenario: MoveScenario | undefined,
  elementIds: readonly string[],
): string {
  const s = scenario ? `${scenario.workloadId}>${scenario.targetClusterId}` : '';
  return `${ruleId}|${s}|${[...new Set(elementIds)].sort().join(',')}`;
}

type FindingInput = Omit<Finding, 'key' | 'message' | 'elementIds'> & {
  readonly message: string;
  readonly elementIds: readonly string[];
};

/** Build a finding: prefixes the scenario, de-duplicates element ids, computes the key. */
export function finding(ctx: RuleContext, input: FindingInput): Finding {
  const elementIds = [...new Set(input.elementIds)];
  const pathIds = new Set(input.path ?? []);
  return {
    ...input,
    message: scenarioPrefix(ctx, input.scenario) + input.message,
    elementIds,
    // The links a path happens to take are not part of a finding's identity: a waiver or a
    // comparison must still match when the traffic takes another route to the same trombone.
    key: findingKey(
      input.ruleId,
      input.scenario,
      elementIds.filter((id) => !(pathIds.has(id) && ctx.index.links.has(id))),
    ),
  };
}

/** Optional fields only when defined (exactOptionalPropertyTypes). */
export function withScenario(p: Placement): { scenario?: MoveScenario } {
  return p.scenario ? { scenario: p.scenario } : {};
}

/**
 * The profiles of both ends of a move. A migration is held to the stricter of the two: an older
 * hypervisor at either end sets the limit.
 */
export function moveProfiles(p: Placement): readonly HypervisorProfile[] {
  const a = HYPERVISOR_PROFILES[p.from.profile];
  const b = HYPERVISOR_PROFILES[p.cluster.profile];
  return a.id === b.id ? [a] : [a, b];
}
