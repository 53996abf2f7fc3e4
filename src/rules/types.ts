/**
 * The validator's vocabulary. A finding is computed from a design (never stored in it); its
 * `key` is stable across runs so waivers and diffs can refer to it.
 */
import type { StorageProductId } from '../model/catalog';
import type { Cluster, Design, Segment, Workload } from '../model/schema';
import type { DesignIndex, GraphQueries } from './graph';

export const RULE_IDS = [
  'L2-GAP',
  'L2-STP',
  'L2-MTU',
  'L2-IDLE',
  'VMK-ROUTED',
  'LAT-MIGRATION',
  'LAT-STRETCHED',
  'LAT-STORAGE',
  'LAT-WITNESS',
  'BW-MIGRATION',
  'MIG-CONVERGE',
  'MIG-DOWNTIME',
  'TROMBONE-GW',
  'TROMBONE-INGRESS',
  'TROMBONE-STORAGE',
  'FW-ASYMMETRY',
  'RES-WITNESS',
  'RES-DCI-SPOF',
  'RES-SITE-NODE',
  'CAP-VSWITCH',
  'STORAGE-PEER',
  'BW-REPLICATION',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** A hypothetical move a finding was evaluated under: "after W moves to cluster C". */
export interface MoveScenario {
  readonly workloadId: string;
  readonly targetClusterId: string;
}

/** A one-click fix: data, so it can cross a worker boundary and be applied as an undoable edit. */
export type FixAction =
  | { readonly type: 'extend-segment'; readonly segmentId: string; readonly linkId: string }
  | {
      readonly type: 'set-gateway-mode';
      readonly segmentId: string;
      readonly mode: 'per-site' | 'anycast';
      readonly siteIds?: readonly string[];
    }
  | {
      readonly type: 'set-preferred-site';
      readonly arrayId: string;
      readonly volumeId: string;
      readonly siteId: string;
    }
  | { readonly type: 'add-witness-site'; readonly arbitrates: readonly string[] }
  | {
      readonly type: 'set-l2-extension';
      readonly linkId: string;
      readonly l2Extension: 'otv' | 'vxlan-evpn';
    }
  | { readonly type: 'set-bpdu-filter'; readonly linkId: string }
  | { readonly type: 'set-tor-overlay'; readonly torIds: readonly string[] }
  | {
      readonly type: 'set-ingress-mode';
      readonly segmentId: string;
      readonly mode: 'gslb' | 'lisp' | 'host-routes';
    }
  | {
      readonly type: 'set-volume-replication';
      readonly arrayId: string;
      readonly volumeId: string;
      readonly replication: 'none' | 'sync' | 'async';
    }
  | {
      readonly type: 'set-volume-peer';
      readonly arrayId: string;
      readonly volumeId: string;
      readonly peerArrayId: string;
    }
  | { readonly type: 'set-link-bandwidth'; readonly linkId: string; readonly bandwidthGbps: number }
  | {
      readonly type: 'set-array-product';
      readonly arrayId: string;
      readonly product: StorageProductId;
    };

export interface Fix {
  readonly label: string;
  /** Absent for advice that has no one-click form ("add a second DCI link"). */
  readonly action?: FixAction;
}

export interface Finding {
  /** Stable identity: rule id, scenario and the elements concerned. */
  readonly key: string;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** One line with the measured value and the limit: "RTT 12.4 ms > 10 ms for …". */
  readonly message: string;
  /** A short why, in the product's words. */
  readonly why: string;
  /** Where the limit comes from (vendor doc, RFC, seed). */
  readonly source: string;
  /** Ids of the nodes, links, workloads and segments the finding concerns. */
  readonly elementIds: readonly string[];
  /** For trombones and path findings: the ordered node and link ids of the path. */
  readonly path?: readonly string[];
  readonly scenario?: MoveScenario;
  readonly measured?: number;
  readonly limit?: number;
  readonly unit?: string;
  readonly fixes: readonly Fix[];
}

/** Options for a run: what-if failures are elements treated as absent. */
export interface RunOptions {
  readonly failed?: ReadonlySet<string>;
  /** Evaluate each workload's mobility targets (default true). */
  readonly includeMoves?: boolean;
}

/** A workload evaluated at a cluster: where it runs now, or where it may move. */
export interface Placement {
  readonly workload: Workload;
  /** The cluster the workload is evaluated on. */
  readonly cluster: Cluster;
  readonly siteId: string;
  /** The cluster it runs on now (equal to `cluster` for the current placement). */
  readonly from: Cluster;
  /** Set for a hypothetical move. */
  readonly scenario?: MoveScenario;
}

export type RuleFn = (ctx: RuleContext) => Finding[];

/** Precomputed indexes and graph shared by all rules of one run (built once per run). */
export interface RuleContext {
  readonly design: Design;
  readonly options: RunOptions;
  /** Elements by id, lists by kind, labels. */
  readonly index: DesignIndex;
  /** Paths, RTT, L2 reach and the site graph, under `options.failed`. */
  readonly graph: GraphQueries;
  /** Every workload where it runs and, unless `includeMoves` is false, at each mobility target. */
  readonly placements: readonly Placement[];
  /** Findings a rule may give again unmade (context.ts, `KeptFindings`); absent: none kept. */
  readonly kept?: KeptFindings;
}

/**
 * A finding a rule made for one placement and segment from a path towards a site, kept for the
 * next run (context.ts), with what it was made from besides the workload it is kept under.
 */
export interface KeptFinding {
  readonly siteId: string | undefined;
  /** The figures and hops of the path the finding was made from (not the path's other lists). */
  readonly rttMs: number;
  readonly bottleneckGbps: number;
  readonly hops: readonly string[] | null;
  /** The segment object, the placement's cluster, and the labels its message and key read. */
  readonly segment: Segment;
  readonly clusterId: string;
  readonly moved: boolean;
  /** The labels of the placement's site and cluster, and of the site the path goes to. */
  readonly siteLabel: string;
  readonly clusterLabel: string;
  readonly towardsLabel: string;
  readonly finding: Finding;
}

/**
 * The findings each rule that keeps them made in this run, by workload (the object) and the
 * rule's own slot numbers within it, and those of the run before under the same options: a
 * finding of before is given again only where all it was made from reads the same
 * (context.ts, `keptFinding`). `figuresOnly`: the design differs from the run before's in link
 * figures alone (every rule that reads none gives its findings of before: revalidate.ts).
 */
export interface KeptFindings {
  readonly before: ReadonlyMap<
    RuleId,
    ReadonlyMap<Workload, readonly (KeptFinding | undefined)[]>
  > | null;
  readonly figuresOnly: boolean;
  readonly now: Map<RuleId, Map<Workload, (KeptFinding | undefined)[]>>;
}
