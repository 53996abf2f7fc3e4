/**
 * What if workload W ran on cluster T? `simulateMove` builds the scenario design (W on T, free to
 * move back), validates both designs and tells what the move adds and resolves, with the
 * migration estimate of the move itself. The UI shows the result beside the drawing and commits
 * `applyScenario(result)` as a normal, undoable edit when the architect presses "Apply".
 *
 * Matching findings across the move. Finding keys carry the cluster a workload runs on and the
 * links of a path, so after a move the "same" problem gets a new key. Findings are compared by
 * an identity that leaves out that placement noise:
 * - Findings that do not concern W keep their key (minus W's id: CAP-VSWITCH lists the
 *   workloads that may arrive, and W is now one of them at its old cluster rather than its new).
 * - Findings about where W runs now ("W runs at DC2 and trombones to DC1") compare by rule and
 *   elements without W's cluster and the path links: a trombone that goes on after the move is
 *   unchanged, a trombone that starts is added.
 * - Findings about W moving to another target C compare by rule, C and elements, without W's
 *   current cluster and the links: an L2 gap at C seen from the old and the new cluster is one
 *   problem.
 * - The move itself: before, "after W moves to T: …"; after, "after W moves back to A: …". For
 *   path rules (L2 gap, RTT, bandwidth, convergence, routed vmkernel) these are the same problem
 *   seen from either end, and match. For placement rules (trombones, firewall asymmetry) the
 *   hypothetical of T became the current placement (and is counted there), and the way back is
 *   reported on its own as `moveBack`, never as added or resolved.
 */
import { upsertWorkload } from '../../model/edits';
import type { Design, Workload } from '../../model/schema';
import { buildContext } from '../context';
import { runRulesOn } from '../index';
import { estimateMove, type MigrationEstimate } from '../migration';
import type { Finding, RuleId } from '../types';

/** Rules evaluated per placement whose figures depend only on the path between the two ends. */
const PATH_RULES: ReadonlySet<RuleId> = new Set([
  'L2-GAP',
  'VMK-ROUTED',
  'LAT-MIGRATION',
  'BW-MIGRATION',
  'MIG-CONVERGE',
  'MIG-DOWNTIME',
]);

/** Path rules whose elements name the link or ToR where the segment or vmkernel stops. */
const GAP_RULES: ReadonlySet<RuleId> = new Set(['L2-GAP', 'VMK-ROUTED']);

/** Rules evaluated per placement (the workload where it runs, or at a target). */
const PLACEMENT_RULES: ReadonlySet<RuleId> = new Set([
  ...PATH_RULES,
  'TROMBONE-GW',
  'TROMBONE-INGRESS',
  'TROMBONE-STORAGE',
  'FW-ASYMMETRY',
]);

export interface MoveEstimate extends MigrationEstimate {
  readonly rttMs: number;
  /** The migration path, node and link ids. */
  readonly path: readonly string[];
}

export interface MoveSimulation {
  readonly ok: true;
  readonly workloadId: string;
  readonly fromClusterId: string;
  readonly targetClusterId: string;
  /** The design with the workload on the target; commit it to apply the move. */
  readonly scenario: Design;
  /** Findings of the design as it is. */
  readonly before: readonly Finding[];
  /** Findings of the scenario design. */
  readonly after: readonly Finding[];
  /** In after, not before (see the matching above). */
  readonly added: readonly Finding[];
  /** In before, not after. */
  readonly resolved: readonly Finding[];
  /** The added trombones (TROMBONE-GW, -INGRESS, -STORAGE), each with its looping `path`. */
  readonly tromboneFindings: readonly Finding[];
  /** What moving back to the old cluster would show (the scenario's "after W moves to A"). */
  readonly moveBack: readonly Finding[];
  /** The pre-copy estimate of this move; null when no path joins the two clusters. */
  readonly estimate: MoveEstimate | null;
}

export interface MoveRefusal {
  readonly ok: false;
  readonly reason:
    | { readonly kind: 'unknown-workload'; readonly message: string }
    | { readonly kind: 'unknown-cluster'; readonly message: string }
    | { readonly kind: 'already-there'; readonly message: string };
}

/**
 * The scenario edit: W runs on the target, the target leaves its mobility targets and its old
 * cluster joins them (so it may move back). Pure; the design is unchanged when W is unknown.
 */
export function moveWorkload(design: Design, workloadId: string, targetClusterId: string): Design {
  const w = design.workloads.find((x) => x.id === workloadId);
  if (!w || w.clusterId === targetClusterId) return design;
  const targets = w.mobilityTargetIds.filter((t) => t !== targetClusterId);
  if (!targets.includes(w.clusterId)) targets.push(w.clusterId);
  const moved: Workload = { ...w, clusterId: targetClusterId, mobilityTargetIds: targets };
  return upsertWorkload(design, moved);
}

export function simulateMove(
  design: Design,
  workloadId: string,
  targetClusterId: string,
  baseline?: readonly Finding[],
): MoveSimulation | MoveRefusal {
  const ctx = buildContext(design);
  const w = ctx.index.workloads.get(workloadId);
  if (!w) return refuse('unknown-workload', `There is no workload "${workloadId}" in this design.`);
  const from = ctx.index.nodes.get(w.clusterId);
  const to = ctx.index.nodes.get(targetClusterId);
  if (to?.kind !== 'cluster' || from?.kind !== 'cluster')
    return refuse('unknown-cluster', `There is no host cluster "${targetClusterId}" to move to.`);
  if (from.id === to.id)
    return refuse('already-there', `${w.name || w.id} already runs on cluster ${to.label}.`);

  const before = baseline ?? runRulesOn(ctx);
  const scenario = moveWorkload(design, workloadId, targetClusterId);
  const after = runRulesOn(buildContext(scenario));
  const move: MoveIdentity = { workloadId, fromClusterId: from.id, toClusterId: to.id };
  const ids = { links: new Set(ctx.index.links.keys()), nodes: new Set(ctx.index.nodes.keys()) };
  const beforeIds = before.map((f) => identity(f, move, 'before', ids));
  const afterIds = after.map((f) => identity(f, move, 'after', ids));
  const resolved = unmatched(before, beforeIds, afterIds);
  const added = unmatched(after, afterIds, beforeIds);
  const moveBack = after.filter(
    (f) => f.scenario?.workloadId === workloadId && f.scenario.targetClusterId === from.id,
  );
  return {
    ok: true,
    workloadId,
    fromClusterId: from.id,
    targetClusterId: to.id,
    scenario,
    before,
    after,
    added,
    resolved,
    tromboneFindings: added.filter((f) => f.ruleId.startsWith('TROMBONE-')),
    moveBack,
    estimate: estimateMove(ctx.graph, w, from, to),
  };
}

/** The design to commit when the architect applies the simulated move. */
export function applyScenario(simulation: MoveSimulation): Design {
  return simulation.scenario;
}

function refuse(kind: MoveRefusal['reason']['kind'], message: string): MoveRefusal {
  return { ok: false, reason: { kind, message } };
}

export interface MoveIdentity {
  readonly workloadId: string;
  readonly fromClusterId: string;
  readonly toClusterId: string;
}

/**
 * A finding's identity across the move (see the module comment); null for a finding that is
 * compared with nothing (the move's own placement hypotheticals: realized, or the way back).
 */
export function identity(
  f: Finding,
  move: MoveIdentity,
  side: 'before' | 'after',
  ids: { readonly links: ReadonlySet<string>; readonly nodes: ReadonlySet<string> },
): string | null {
  const w = move.workloadId;
  const here = side === 'before' ? move.fromClusterId : move.toClusterId;
  const there = side === 'before' ? move.toClusterId : move.fromClusterId;
  const scenario = f.scenario;
  const aboutW =
    scenario?.workloadId === w ||
    (scenario === undefined && PLACEMENT_RULES.has(f.ruleId) && f.elementIds.includes(w));
  if (!aboutW) {
    if (scenario) return f.key;
    return `${f.ruleId}||${sorted(f.elementIds.filter((id) => id !== w))}`;
  }
  // The links of a path are noise; the link where a segment stops (a gap) is the problem.
  const keepLinks = GAP_RULES.has(f.ruleId);
  const rest = f.elementIds.filter((id) => id !== here && (keepLinks || !ids.links.has(id)));
  if (!scenario) return `${f.ruleId}|now|${sorted(rest)}`;
  if (scenario.targetClusterId === there) {
    if (!PATH_RULES.has(f.ruleId)) return null;
    // Seen from either end: the gap is named where the walk from the source stops, so only the
    // workload and its segments identify the problem.
    const what = rest.filter((id) => !ids.nodes.has(id) && !ids.links.has(id));
    return `${f.ruleId}|move|${sorted(what)}`;
  }
  return `${f.ruleId}|>${scenario.targetClusterId}|${sorted(rest)}`;
}

function sorted(ids: readonly string[]): string {
  return [...new Set(ids)].sort().join(',');
}

/** Findings of `xs` whose identity finds no partner in `others` (a multiset match). */
function unmatched(
  xs: readonly Finding[],
  ids: readonly (string | null)[],
  others: readonly (string | null)[],
): Finding[] {
  const pool = new Map<string, number>();
  for (const id of others) if (id !== null) pool.set(id, (pool.get(id) ?? 0) + 1);
  const out: Finding[] = [];
  xs.forEach((f, i) => {
    const id = ids[i];
    if (id === null || id === undefined) return;
    const left = pool.get(id) ?? 0;
    if (left > 0) pool.set(id, left - 1);
    else out.push(f);
  });
  return out;
}
