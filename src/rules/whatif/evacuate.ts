/**
 * Evacuate a site (planned maintenance, a move out of a building): where can each of its
 * workloads go, which cannot go and why, and how long the whole evacuation takes over the DCI.
 *
 * Where each workload goes. Its candidates are its mobility targets outside the site. A
 * candidate is viable when the validator's evaluation of that move ("after W moves to C: …",
 * one run of the rules on the design as it is) has no error — no L2 gap, RTT within the
 * profile's limit, enough bandwidth, vmkernel reachable — and pre-copy converges (otherwise the
 * move needs throttling and its time cannot be estimated). Viable candidates are tried by RTT,
 * lowest first, and a workload lands on the first whose vSwitch still has ports for it once
 * every earlier workload has landed (CAP-VSWITCH with the actual arrivals: the VMs running on
 * the target plus those moved in, one port per segment per VM). Workloads with the fewest
 * options choose first, then the largest, so a flexible workload never takes the last ports a
 * constrained one needed. A workload (a VM group) moves as a whole.
 *
 * How long it takes (a lower bound from the busiest resource, documented for the report):
 * - each move's per-VM figures come from the pre-copy estimate (DOMAIN.md §6): data sent
 *   M·(1−λ^(n+1))/(1−λ) ≤ M/(1−λ), and time at the bandwidth one migration gets when its
 *   cluster runs `concurrentMigrations` of them side by side;
 * - a source cluster runs `concurrentMigrations` migrations at once: its VMs take
 *   Σ count × per-VM time / concurrentMigrations;
 * - every DCI link carries the data of all the migrations that cross it: data / bandwidth;
 * - the evacuation takes the longest of these, and at least its longest single migration.
 */
import type { Cluster, Design, Workload } from '../../model/schema';
import { RESERVED_PORTS_PER_HOST } from '../cap-vswitch';
import { buildContext, gbps, num } from '../context';
import { runRulesOn } from '../index';
import { estimateMove } from '../migration';
import type { Finding, RuleId } from '../types';
import type { MoveEstimate } from './move';

export type StrandCode = RuleId | 'NO-TARGET' | 'TARGET-DOWN' | 'SOURCE-DOWN';

export interface StrandReason {
  /**
   * The rule that blocks the move; NO-TARGET: no mobility target outside the site; TARGET-DOWN:
   * the target is among the failed elements (what-if); SOURCE-DOWN: so is the cluster it runs on.
   */
  readonly code: StrandCode;
  /** The candidate it concerns; absent for NO-TARGET. */
  readonly targetClusterId?: string;
  readonly message: string;
}

export interface EvacuationRow {
  readonly workloadId: string;
  readonly name: string;
  /** VMs in the group. */
  readonly count: number;
  readonly fromClusterId: string;
  /** Where it goes; absent when it is stranded. */
  readonly targetClusterId?: string;
  /** Per-VM estimate of the chosen move. */
  readonly estimate?: MoveEstimate;
  /** count × per-VM data sent. */
  readonly dataSentGb: number;
  /** Why it cannot go (stranded), or why better candidates were passed over. */
  readonly reasons: readonly StrandReason[];
}

export interface LinkLoad {
  readonly linkId: string;
  readonly bandwidthGbps: number;
  readonly dataGb: number;
  readonly timeS: number;
}

export interface TargetLoad {
  readonly clusterId: string;
  readonly portsBefore: number;
  readonly portsAfter: number;
  readonly capacity: number;
}

export type EvacuationLimit =
  | { readonly kind: 'link'; readonly id: string }
  | { readonly kind: 'cluster'; readonly id: string }
  | { readonly kind: 'migration'; readonly id: string }
  | { readonly kind: 'none' };

export interface Evacuation {
  readonly siteId: string;
  readonly rows: readonly EvacuationRow[];
  readonly totals: {
    readonly workloadsMoved: number;
    readonly workloadsStranded: number;
    readonly vmsMoved: number;
    readonly vmsStranded: number;
    readonly dataSentGb: number;
    readonly timeS: number;
    readonly hours: number;
    /** What sets the total time. */
    readonly limitedBy: EvacuationLimit;
  };
  readonly links: readonly LinkLoad[];
  readonly targets: readonly TargetLoad[];
}

interface Candidate {
  readonly cluster: Cluster;
  readonly estimate: MoveEstimate;
}

const portsOf = (w: Workload): number => w.count * Math.max(1, w.segmentIds.length);

/**
 * Evacuate `siteId` with `failed` elements down (the what-if failures): moves are judged by the
 * findings under those failures and estimated over the paths that survive them. `findings`, when
 * given, must be the findings of the design under the same failures (runRules with `failed`).
 */
export function evacuateSite(
  design: Design,
  siteId: string,
  findings?: readonly Finding[],
  failed: readonly string[] = [],
): Evacuation {
  const ctx = buildContext(design, failed.length > 0 ? { failed: new Set(failed) } : {});
  const { index, graph } = ctx;
  const found = findings ?? runRulesOn(ctx);
  const errorsByMove = new Map<string, Finding[]>();
  for (const f of found) {
    if (f.severity !== 'error' || !f.scenario) continue;
    const k = `${f.scenario.workloadId}>${f.scenario.targetClusterId}`;
    const list = errorsByMove.get(k);
    if (list) list.push(f);
    else errorsByMove.set(k, [f]);
  }

  const ports = new Map<string, number>();
  for (const w of design.workloads)
    ports.set(w.clusterId, (ports.get(w.clusterId) ?? 0) + portsOf(w));
  const capacity = (c: Cluster) =>
    c.hosts * Math.max(0, c.vswitchPortsPerHost - RESERVED_PORTS_PER_HOST);

  interface Plan {
    readonly w: Workload;
    readonly from: Cluster;
    readonly viable: Candidate[];
    readonly reasons: StrandReason[];
  }
  const plans: Plan[] = [];
  for (const w of design.workloads) {
    const from = index.nodes.get(w.clusterId);
    if (from?.kind !== 'cluster' || from.parentId !== siteId) continue;
    const viable: Candidate[] = [];
    const reasons: StrandReason[] = [];
    if (graph.isDead(from.id)) {
      reasons.push({
        code: 'SOURCE-DOWN',
        message: `cluster ${from.label} is down (what-if failure): there is no running VM to migrate`,
      });
      plans.push({ w, from, viable, reasons });
      continue;
    }
    for (const t of w.mobilityTargetIds) {
      const to = index.nodes.get(t);
      if (to?.kind !== 'cluster' || to.parentId === siteId || to.id === from.id) continue;
      if (graph.isDead(to.id)) {
        reasons.push({
          code: 'TARGET-DOWN',
          targetClusterId: to.id,
          message: `cluster ${to.label} is down (what-if failure)`,
        });
        continue;
      }
      const errors = errorsByMove.get(`${w.id}>${to.id}`) ?? [];
      for (const e of errors)
        reasons.push({ code: e.ruleId, targetClusterId: to.id, message: e.message });
      const estimate = estimateMove(graph, w, from, to);
      if (errors.length > 0 || !estimate) continue;
      if (!estimate.converges) {
        reasons.push({
          code: 'MIG-CONVERGE',
          targetClusterId: to.id,
          message: `moving ${w.name} to cluster ${to.label}: pre-copy does not converge (its dirty rate of ${num(w.dirtyRateMBps)} MB/s reaches the effective bandwidth of ${gbps(estimate.effectiveGbps)})`,
        });
        continue;
      }
      viable.push({ cluster: to, estimate });
    }
    if (reasons.length === 0 && viable.length === 0)
      reasons.push({
        code: 'NO-TARGET',
        message: `${w.name} has no mobility target outside ${index.label(siteId)}`,
      });
    viable.sort(
      (a, b) =>
        a.estimate.rttMs - b.estimate.rttMs || a.estimate.totalTimeS - b.estimate.totalTimeS,
    );
    plans.push({ w, from, viable, reasons });
  }

  // Fewest options first, then the largest: they need the scarce ports most.
  const order = [...plans].sort(
    (a, b) => a.viable.length - b.viable.length || portsOf(b.w) - portsOf(a.w),
  );
  const chosen = new Map<string, Candidate>();
  const arrivals = new Map<Cluster, number>();
  for (const plan of order) {
    for (const c of plan.viable) {
      const used = ports.get(c.cluster.id) ?? 0;
      const cap = capacity(c.cluster);
      if (used + portsOf(plan.w) <= cap) {
        ports.set(c.cluster.id, used + portsOf(plan.w));
        chosen.set(plan.w.id, c);
        arrivals.set(c.cluster, (arrivals.get(c.cluster) ?? 0) + portsOf(plan.w));
        break;
      }
      plan.reasons.push({
        code: 'CAP-VSWITCH',
        targetClusterId: c.cluster.id,
        message: `cluster ${c.cluster.label} has ${Math.max(0, cap - used)} vSwitch ports left once the earlier workloads land; ${plan.w.name} needs ${portsOf(plan.w)}`,
      });
    }
  }

  const rows: EvacuationRow[] = [];
  const linkData = new Map<string, number>();
  const clusterTime = new Map<string, number>();
  let longest = { id: '', timeS: 0 };
  for (const plan of plans) {
    const c = chosen.get(plan.w.id);
    const base = {
      workloadId: plan.w.id,
      name: plan.w.name,
      count: plan.w.count,
      fromClusterId: plan.from.id,
      reasons: plan.reasons,
    };
    if (!c) {
      rows.push({ ...base, dataSentGb: 0 });
      continue;
    }
    const dataGb = plan.w.count * c.estimate.dataSentGb;
    rows.push({ ...base, targetClusterId: c.cluster.id, estimate: c.estimate, dataSentGb: dataGb });
    for (const linkId of new Set(c.estimate.path)) {
      if (index.links.get(linkId)?.kind !== 'dci') continue;
      linkData.set(linkId, (linkData.get(linkId) ?? 0) + dataGb);
    }
    const slots = Math.max(1, plan.from.concurrentMigrations);
    clusterTime.set(
      plan.from.id,
      (clusterTime.get(plan.from.id) ?? 0) + (plan.w.count * c.estimate.totalTimeS) / slots,
    );
    if (c.estimate.totalTimeS > longest.timeS)
      longest = { id: plan.w.id, timeS: c.estimate.totalTimeS };
  }

  const links: LinkLoad[] = [...linkData].map(([linkId, dataGb]) => {
    const bandwidthGbps = index.links.get(linkId)?.bandwidthGbps ?? Infinity;
    return { linkId, bandwidthGbps, dataGb, timeS: dataGb / bandwidthGbps };
  });
  links.sort((a, b) => b.timeS - a.timeS);
  let timeS = 0;
  let limitedBy: EvacuationLimit = { kind: 'none' };
  const consider = (t: number, limit: EvacuationLimit) => {
    if (t > timeS) {
      timeS = t;
      limitedBy = limit;
    }
  };
  consider(longest.timeS, { kind: 'migration', id: longest.id });
  for (const [id, t] of clusterTime) consider(t, { kind: 'cluster', id });
  for (const l of links) consider(l.timeS, { kind: 'link', id: l.linkId });

  const targets: TargetLoad[] = [...arrivals].map(([cluster, arrived]) => {
    const portsAfter = ports.get(cluster.id) ?? 0;
    return {
      clusterId: cluster.id,
      portsBefore: portsAfter - arrived,
      portsAfter,
      capacity: capacity(cluster),
    };
  });

  const moved = rows.filter((r) => r.targetClusterId !== undefined);
  const stranded = rows.filter((r) => r.targetClusterId === undefined);
  const sum = (xs: readonly EvacuationRow[], f: (r: EvacuationRow) => number) =>
    xs.reduce((s, r) => s + f(r), 0);
  return {
    siteId,
    rows,
    totals: {
      workloadsMoved: moved.length,
      workloadsStranded: stranded.length,
      vmsMoved: sum(moved, (r) => r.count),
      vmsStranded: sum(stranded, (r) => r.count),
      dataSentGb: sum(moved, (r) => r.dataSentGb),
      timeS,
      hours: timeS / 3600,
      limitedBy,
    },
    links,
    targets,
  };
}
