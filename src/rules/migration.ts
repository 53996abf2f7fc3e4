/**
 * Live-migration time under the pre-copy model (DOMAIN.md §6; Clark et al., NSDI 2005): memory
 * is copied while the VM runs, then what was dirtied meanwhile, round after round, then the VM
 * stops for a final copy. Pure arithmetic, plus `estimateForWorkload` which reads the figures
 * from a design (path bottleneck and RTT from the graph, NIC and concurrency from the clusters).
 */
import { HYPERVISOR_PROFILES } from '../model/catalog';
import type { Cluster, Design, Workload } from '../model/schema';
import { buildGraph, type GraphQueries } from './graph';

/** Rounds after which pre-copy gives up and stops the VM anyway (~30 in practice). */
export const MAX_ROUNDS = 30;
/** QEMU's default downtime-limit (300 ms): KVM switches over once the rest fits in it. */
export const KVM_DOWNTIME_TARGET_S = 0.3;

export interface MigrationInput {
  readonly memoryGB: number;
  readonly dirtyRateMBps: number;
  /** Bottleneck bandwidth of the migration path. */
  readonly bandwidthGbps: number;
  readonly rttMs: number;
  /** Switch over once the remainder can be copied within this time. */
  readonly downtimeTargetS: number;
  /** TCP window of the migration stream: throughput ≤ window / RTT. */
  readonly tcpWindowMB?: number;
  /** Added to the final copy: time to resume the VM on the target. */
  readonly resumeAllowanceS?: number;
  /** Migrations sharing the path at once (each gets an equal share). */
  readonly concurrentMigrations?: number;
  /** vMotion NIC of the slower host. */
  readonly nicGbps?: number;
  /** A hypervisor's default throughput cap (KVM: 128 MiB/s). */
  readonly throughputCapGbps?: number | null;
}

export type BandwidthLimit = 'path' | 'link-share' | 'nic' | 'throughput-cap' | 'tcp-window';

export interface MigrationEstimate {
  /** B: the bandwidth one migration actually gets. */
  readonly effectiveGbps: number;
  readonly limitedBy: BandwidthLimit;
  /** λ = dirty rate / B. */
  readonly lambda: number;
  /** λ < 1 (and some bandwidth at all). */
  readonly converges: boolean;
  /** n: pre-copy rounds after the first full copy (capped at MAX_ROUNDS). */
  readonly rounds: number;
  /** Infinity when it does not converge. */
  readonly totalTimeS: number;
  /** Final copy plus resume allowance; Infinity when it does not converge. */
  readonly downtimeS: number;
  readonly dataSentGb: number;
}

/** The §6 estimate. GB and MB are decimal (1 GB = 8 Gb), as in the worked example. */
export function estimateMigration(input: MigrationInput): MigrationEstimate {
  const memoryGb = input.memoryGB * 8;
  const dirtyGbps = (input.dirtyRateMBps * 8) / 1000;
  const concurrent = Math.max(1, input.concurrentMigrations ?? 1);
  // The lowest of the bandwidth limits, the first listed on a tie (path, link share, NIC,
  // throughput cap, TCP window): scalars rather than a list, as this runs for every move.
  let B = input.bandwidthGbps;
  let limitedBy: BandwidthLimit = 'path';
  const shared = input.bandwidthGbps / concurrent;
  if (shared < B) {
    B = shared;
    limitedBy = 'link-share';
  }
  if (input.nicGbps !== undefined && input.nicGbps < B) {
    B = input.nicGbps;
    limitedBy = 'nic';
  }
  if (input.throughputCapGbps != null && input.throughputCapGbps < B) {
    B = input.throughputCapGbps;
    limitedBy = 'throughput-cap';
  }
  if (input.tcpWindowMB !== undefined && input.rttMs > 0) {
    const window = (input.tcpWindowMB * 8) / input.rttMs;
    if (window < B) {
      B = window;
      limitedBy = 'tcp-window';
    }
  }
  const resume = input.resumeAllowanceS ?? 0;
  const lambda = B > 0 ? dirtyGbps / B : Infinity;
  if (!(B > 0) || lambda >= 1) {
    return {
      effectiveGbps: B,
      limitedBy,
      lambda,
      converges: false,
      rounds: MAX_ROUNDS,
      totalTimeS: Infinity,
      downtimeS: Infinity,
      dataSentGb: Infinity,
    };
  }
  const fits = B * input.downtimeTargetS;
  let rounds: number;
  if (memoryGb <= fits) rounds = 0;
  else if (lambda === 0) rounds = 1;
  else rounds = Math.ceil(Math.log(fits / memoryGb) / Math.log(lambda) - 1e-9);
  rounds = Math.min(MAX_ROUNDS, Math.max(0, rounds));
  const geometric = (1 - lambda ** (rounds + 1)) / (1 - lambda);
  return {
    effectiveGbps: B,
    limitedBy,
    lambda,
    converges: true,
    rounds,
    totalTimeS: (memoryGb / B) * geometric,
    downtimeS: (memoryGb / B) * lambda ** rounds + resume,
    dataSentGb: memoryGb * geometric,
  };
}

/** The switch-over target a hypervisor aims at for this workload. */
export function downtimeTargetS(design: Design, workload: Workload, from: Cluster): number {
  const tolerable = Math.max(0, workload.downtimeToleranceS - design.settings.resumeAllowanceS);
  return from.profile === 'kvm' ? Math.min(tolerable, KVM_DOWNTIME_TARGET_S) : tolerable;
}

/** Estimate a move of `workload` from `from` to `to` on an already built graph; null: no path. */
export function estimateMove(
  graph: GraphQueries,
  workload: Workload,
  from: Cluster,
  to: Cluster,
): (MigrationEstimate & { readonly rttMs: number; readonly path: readonly string[] }) | null {
  const design = graph.index.design;
  const path = graph.path(from.id, to.id);
  if (!path) return null;
  const profile = HYPERVISOR_PROFILES[from.profile];
  const estimate = estimateMigration({
    memoryGB: workload.memoryGB,
    dirtyRateMBps: workload.dirtyRateMBps,
    bandwidthGbps: path.bottleneckGbps,
    rttMs: path.rttMs,
    downtimeTargetS: downtimeTargetS(design, workload, from),
    tcpWindowMB: design.settings.tcpWindowMB,
    resumeAllowanceS: design.settings.resumeAllowanceS,
    concurrentMigrations: from.concurrentMigrations,
    nicGbps: Math.min(from.vmotionNicGbps, to.vmotionNicGbps),
    throughputCapGbps: profile.defaultThroughputCapGbps?.value ?? null,
  });
  // Field by field rather than a spread: this runs for every move of a large design.
  return {
    effectiveGbps: estimate.effectiveGbps,
    limitedBy: estimate.limitedBy,
    lambda: estimate.lambda,
    converges: estimate.converges,
    rounds: estimate.rounds,
    totalTimeS: estimate.totalTimeS,
    downtimeS: estimate.downtimeS,
    dataSentGb: estimate.dataSentGb,
    rttMs: path.rttMs,
    path: path.path,
  };
}

/**
 * For the inspector and what-if: the estimate for moving a workload to a target cluster, or
 * null when the workload, the cluster or a path between them does not exist. Pass a graph to
 * reuse one (e.g. under a failed set).
 */
export function estimateForWorkload(
  design: Design,
  workloadId: string,
  targetClusterId: string,
  graph: GraphQueries = buildGraph(design),
): ReturnType<typeof estimateMove> {
  const workload = design.workloads.find((w) => w.id === workloadId);
  if (!workload) return null;
  const from = graph.index.nodes.get(workload.clusterId);
  const to = graph.index.nodes.get(targetClusterId);
  if (from?.kind !== 'cluster' || to?.kind !== 'cluster') return null;
  return estimateMove(graph, workload, from, to);
}
