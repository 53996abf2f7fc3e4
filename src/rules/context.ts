/**
 * What every rule receives: the design, its index and graph (built once per run), the
 * placements to evaluate (each workload where it runs, and at each of its mobility targets), and
 * helpers that make findings uniform: stable keys, scenario prefixes, severities capped by the
 * certainty of a limit.
 */
import { HYPERVISOR_PROFILES, type HypervisorProfile, type Limit } from '../model/catalog';
import { bandwidthText, figureText } from '../model/plural';
import { sameFieldsExcept } from '../model/sameValue';
import type { Cluster, Design, Link, Segment, Workload } from '../model/schema';
import { buildIndex, DesignGraph, sameNodesButPlaces, type PathResult } from './graph';
import type {
  Finding,
  KeptFinding,
  KeptFindings,
  MoveScenario,
  Placement,
  RuleContext,
  RuleId,
  RunOptions,
  Severity,
} from './types';

// Placement is part of the rules' vocabulary (types.ts); rules and the what-if engine take it
// from here with the helpers that use it.
export type { Placement };

/**
 * The context of one validation run. With `previous`, the context of the design just before an
 * edit, the parts of the index and graph that the edit cannot have changed are taken from it
 * (buildIndex, DesignGraph): the same context as without it, built in time proportional to what
 * changed where it can be.
 */
export function buildContext(
  design: Design,
  options: RunOptions = {},
  previous?: RuleContext,
): RuleContext {
  const index = buildIndex(design, previous?.index);
  const previousGraph = previous?.graph instanceof DesignGraph ? previous.graph : undefined;
  const graph = new DesignGraph(index, options.failed ?? new Set(), previousGraph);
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
  // The findings kept by the run before are offered under the same options: each is given again
  // only where what it was made from reads the same (keptFinding), whatever the edit.
  const reuse = previous?.kept && sameOptions(previous.options, options) ? previous : undefined;
  const kept: KeptFindings = {
    before: reuse?.kept?.now ?? null,
    figuresOnly: reuse !== undefined && sameButLinkFigures(reuse, design),
    now: new Map(),
  };
  return { design, options, index, graph, placements, kept };
}

/** A link's figures: an edit of them alone keeps every rule's reading of the rest. */
const LINK_FIGURES: ReadonlySet<string> = new Set(['distanceKm', 'rttMs', 'bandwidthGbps']);

/** Whether two runs' options are the same, with nothing failed (the what-if runs keep nothing). */
function sameOptions(a: RunOptions, b: RunOptions): boolean {
  if ((a.failed?.size ?? 0) > 0 || (b.failed?.size ?? 0) > 0) return false;
  return (a.includeMoves ?? true) === (b.includeMoves ?? true);
}

/**
 * Whether `design` reads to the rules as the design of `previous` but for the figures of some
 * links (distance, RTT, bandwidth): the same placements, names, labels and segments, so a rule
 * that reads no link figures finds what it found before.
 */
function sameButLinkFigures(previous: RuleContext, design: Design): boolean {
  const before = previous.design;
  if (
    before.settings !== design.settings ||
    before.segments !== design.segments ||
    before.workloads !== design.workloads ||
    !sameNodesButPlaces(before.nodes, design.nodes)
  )
    return false;
  const links = design.links;
  const old = before.links;
  if (links === old) return true;
  if (links.length !== old.length) return false;
  for (let i = 0; i < links.length; i++) {
    const l = links[i] as Link;
    const o = old[i] as Link;
    if (l !== o && !sameFieldsExcept(l, o, LINK_FIGURES)) return false;
  }
  return true;
}

/** Slots of kept findings of one workload (`KeptFindings`). */
type KeptSlotList = (KeptFinding | undefined)[];

const NONE_KEPT: readonly (KeptFinding | undefined)[] = [];

/**
 * A rule's kept findings (`KeptFindings`), walked in the order of the placements and their
 * segments: `enter` each placement, then take the `next` slot for each of its segments. `before`
 * holds the findings of the run before for the placement's workload (none when none may be
 * given again), `now` where this run writes its own; slots count from 0 in each workload.
 */
export class KeptWalk {
  before: readonly (KeptFinding | undefined)[] = NONE_KEPT;
  now: KeptSlotList = [];
  private slot = -1;
  private workload: Workload | undefined;
  private readonly all: ReadonlyMap<Workload, readonly (KeptFinding | undefined)[]> | undefined;
  private readonly written = new Map<Workload, KeptSlotList>();

  constructor(ctx: RuleContext, ruleId: RuleId) {
    ctx.kept?.now.set(ruleId, this.written);
    this.all = ctx.kept?.before?.get(ruleId);
  }

  /** The placement `p`: a workload's placements come one after the other (buildContext). */
  enter(p: Placement): void {
    if (p.workload === this.workload) return;
    this.workload = p.workload;
    this.before = this.all?.get(p.workload) ?? NONE_KEPT;
    this.now = [];
    this.written.set(p.workload, this.now);
    this.slot = -1;
  }

  /** The slot of the entered placement's next segment. */
  next(): number {
    return ++this.slot;
  }
}

/**
 * The finding kept in `slot` (of the placement's workload) if it was made for the same
 * placement's cluster and segment (the same object), towards the same site along the same path
 * (the same RTT, bandwidth, nodes and links), with the same labels for its message: then it is
 * the finding this run would make there. Ids are unique across a design (integrity.ts), so a
 * label is its element's, and none of the ids a finding is keyed on is a link's.
 */
export function keptFinding(
  ctx: RuleContext,
  before: readonly (KeptFinding | undefined)[],
  slot: number,
  p: Placement,
  segment: Segment,
  siteId: string | undefined,
  path: PathResult | null,
): KeptFinding | undefined {
  const k = before[slot];
  if (!k || k.siteId !== siteId || k.segment !== segment) return undefined;
  if (k.clusterId !== p.cluster.id || k.moved !== (p.scenario !== undefined)) return undefined;
  if (!samePath(k, path)) return undefined;
  const { label } = ctx.index;
  if (k.siteLabel !== label(p.siteId) || k.clusterLabel !== label(p.cluster.id)) return undefined;
  return k.towardsLabel === (siteId === undefined ? '' : label(siteId)) ? k : undefined;
}

/** What `keptFinding` compares of a finding made for `p` and `segment` towards `siteId` along `path`. */
export function keepFinding(
  ctx: RuleContext,
  p: Placement,
  segment: Segment,
  siteId: string | undefined,
  path: PathResult | null,
  finding: Finding,
): KeptFinding {
  const { label } = ctx.index;
  const read = {
    segment,
    clusterId: p.cluster.id,
    moved: p.scenario !== undefined,
    siteLabel: label(p.siteId),
    clusterLabel: label(p.cluster.id),
    towardsLabel: siteId === undefined ? '' : label(siteId),
    finding,
  };
  return path
    ? { siteId, rttMs: path.rttMs, bottleneckGbps: path.bottleneckGbps, hops: path.path, ...read }
    : { siteId, rttMs: NaN, bottleneckGbps: NaN, hops: null, ...read };
}

function samePath(k: KeptFinding, path: PathResult | null): boolean {
  const a = k.hops;
  if (!a || !path) return a === null && path === null;
  if (k.rttMs !== path.rttMs || k.bottleneckGbps !== path.bottleneckGbps) return false;
  const b = path.path;
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

/**
 * The figures `num` wrote last: a run writes the same few RTTs and limits into thousands of
 * messages, and `toFixed` costs more than a look-up. Emptied when full, so it stays small.
 */
const numbers = new Map<number, string>();

/** Round for messages: 12.4, 0.25, 1,500 (figureText, remembered). */
export function num(x: number): string {
  const known = numbers.get(x);
  if (known !== undefined) return known;
  const text = figureText(x);
  if (numbers.size >= 4096) numbers.clear();
  numbers.set(x, text);
  return text;
}

/** Gb/s figure for messages: 622 Mb/s below 1 Gb/s (bandwidthText, its figures remembered). */
export function gbps(x: number): string {
  return bandwidthText(x, num);
}

export function findingKey(
  ruleId: string,
  scenario: MoveScenario | undefined,
  elementIds: readonly string[],
): string {
  return keyOf(ruleId, scenario, unique(elementIds).slice());
}

/** The key of ids already without repeats (sorted here, so the order given does not matter). */
function keyOf(ruleId: string, scenario: MoveScenario | undefined, ids: string[]): string {
  const s = scenario ? `${scenario.workloadId}>${scenario.targetClusterId}` : '';
  return `${ruleId}|${s}|${sortStrings(ids).join(',')}`;
}

/**
 * Sort strings in place, in the order of the built-in sort (UTF-16 code units, as `<`): by
 * insertion for the handful of ids a finding names, where it beats the built-in sort.
 */
function sortStrings(ids: string[]): string[] {
  if (ids.length > 16) return ids.sort();
  for (let i = 1; i < ids.length; i++) {
    const x = ids[i] as string;
    let j = i - 1;
    for (; j >= 0 && (ids[j] as string) > x; j--) ids[j + 1] = ids[j] as string;
    ids[j + 1] = x;
  }
  return ids;
}

/**
 * The ids without repeats, each where it first appears (as `[...new Set(ids)]`): `ids` itself
 * when it has none (the usual case: no copy).
 */
function unique(ids: readonly string[]): readonly string[] {
  // A finding names a handful of elements: comparing them beats building a set.
  if (ids.length > 32) {
    const set = new Set(ids);
    return set.size === ids.length ? ids : [...set];
  }
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i] as string;
    for (let j = 0; j < i; j++)
      if (ids[j] === id) return ids.filter((x, k) => ids.indexOf(x) === k);
  }
  return ids;
}

type FindingInput = Omit<Finding, 'key' | 'message' | 'elementIds'> & {
  readonly message: string;
  readonly elementIds: readonly string[];
};

/**
 * Build a finding: prefixes the scenario, de-duplicates element ids, computes the key.
 *
 * The finding is the input object itself, completed (its message prefixed, its ids without
 * repeats, its key added last), so its fields keep the order the rule wrote them in: every rule
 * passes a new object literal. A rule run makes thousands of findings on a large design, and
 * copying each input was a third of what making one cost.
 */
export function finding(ctx: RuleContext, input: FindingInput): Finding {
  return pathFinding(ctx, input, input.elementIds);
}

/** Where `pathFinding` gathers a key's ids (entries past the last key's are never read). */
const keyScratch: string[] = [];

/**
 * As `finding`, for a finding whose element ids are `named` followed by links of the design that
 * its `path` takes: the key leaves those links out, as `finding` would, without looking each one
 * up (that was a third of what a trombone finding cost). `finding` is this with every id named.
 */
export function pathFinding(
  ctx: RuleContext,
  input: FindingInput,
  named: readonly string[],
): Finding {
  const elementIds = unique(input.elementIds);
  // The links a path happens to take are not part of a finding's identity: a waiver or a
  // comparison must still match when the traffic takes another route to the same trombone.
  const path = input.path;
  const links = ctx.index.links;
  // Written into a kept array and copied out at its exact length (grown by push, the few ids
  // of a key took room for 16).
  const keyIds = keyScratch;
  let k = 0;
  for (const id of named === input.elementIds ? elementIds : unique(named))
    if (!(path && links.has(id) && path.includes(id))) keyIds[k++] = id;
  const out = input as { message: string; elementIds: readonly string[]; key?: string };
  out.message = scenarioPrefix(ctx, input.scenario) + input.message;
  out.elementIds = elementIds;
  out.key = keyOf(input.ruleId, input.scenario, keyIds.slice(0, k));
  return out as Finding;
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

/**
 * The one of a move's profiles that `before` puts first (`before(x, y) < 0`: x goes before y):
 * what `[...moveProfiles(p)].sort(before)[0]` gives, the source's profile on a tie, without the
 * list, its copy and the sort, which two rules paid for every move of a run.
 */
export function firstProfile(
  p: Placement,
  before: (x: HypervisorProfile, y: HypervisorProfile) => number,
): HypervisorProfile {
  const a = HYPERVISOR_PROFILES[p.from.profile];
  const b = HYPERVISOR_PROFILES[p.cluster.profile];
  // A sort of [a, b] puts b first exactly when before(b, a) < 0 (a run of two is reversed
  // only when strictly descending).
  return a.id !== b.id && before(b, a) < 0 ? b : a;
}

/** Let a context kept only to build the next one from drop its path answers (revalidate.ts). */
export function keepForNext(context: RuleContext): void {
  if (context.graph instanceof DesignGraph) context.graph.forgetPaths();
}
