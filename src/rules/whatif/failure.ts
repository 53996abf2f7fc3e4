/**
 * What breaks when something fails? `failureImpact` validates the design with a set of elements
 * treated as absent and compares it with the design as it is: findings added and resolved, and
 * the effects an architect asks about first — segments no longer stretched between two sites,
 * witnesses a data site can no longer reach, stretched storage or clusters that lose quorum or
 * risk a split brain, RTT between sites over the surviving path (and the limits it now breaks),
 * site pairs cut apart. `singleFailureSweep` does it for every DCI link and every site: the
 * single-failure table of a design review, fast enough to run on every edit (see incremental.ts).
 */
import { HYPERVISOR_PROFILES, STORAGE_PRODUCTS } from '../../model/catalog';
import type { Design } from '../../model/schema';
import { buildContext, moveProfiles } from '../context';
import { carriesAtL2, type GraphQueries, type DesignIndex } from '../graph';
import { compareFindings, runRules } from '../index';
import { STRETCHED_MAX_RTT_MS } from '../lat-stretched';
import { stretchedPairs, type StretchedPair } from '../stretch';
import type { Finding, RuleContext, Severity } from '../types';
import { deltaUnder, failedContext, handles, prepare, type FindingsDelta } from './incremental';

export interface FailedElement {
  readonly id: string;
  readonly kind: 'link' | 'site' | 'node';
  readonly label: string;
}

/** A segment that joined two sites at L2 and no longer does. */
export interface SegmentReachLoss {
  readonly segmentId: string;
  /** Pairs of surviving sites, each sorted. */
  readonly sitePairs: readonly (readonly [string, string])[];
}

export interface WitnessLoss {
  readonly witnessId: string;
  /** The surviving data site that can no longer reach it. */
  readonly siteId: string;
  readonly reason: 'witness-failed' | 'no-path';
}

/**
 * ok: both halves up and joined (a witness reachable from both, if there is one).
 * witness-lost: both up and joined, but the witness is cut off from a side that reached it:
 *   the next failure will not be arbitrated.
 * partitioned: the halves cannot see each other; a witness reaches at least one side, which
 *   carries on while the other suspends.
 * split-brain-risk: the halves cannot see each other and no witness reaches either: each side
 *   either stops (no quorum) or, with static preference, both carry on and diverge.
 * failover: one half is down; the survivor reaches the witness and takes over.
 * quorum-lost: one half is down and the survivor cannot reach a witness: it suspends I/O.
 * lost: both halves are down.
 */
export type StretchedStatus =
  'ok' | 'witness-lost' | 'partitioned' | 'split-brain-risk' | 'failover' | 'quorum-lost' | 'lost';

export const STRETCHED_SEVERITY: Readonly<Record<StretchedStatus, Severity | null>> = {
  ok: null,
  'witness-lost': 'warning',
  partitioned: 'warning',
  'split-brain-risk': 'error',
  failover: 'info',
  'quorum-lost': 'error',
  lost: 'error',
};

export interface StretchedImpact {
  readonly kind: 'storage' | 'cluster';
  /** The two arrays or clusters. */
  readonly a: string;
  readonly b: string;
  readonly siteA: string;
  readonly siteB: string;
  readonly before: StretchedStatus;
  readonly after: StretchedStatus;
  readonly severity: Severity | null;
  readonly message: string;
}

export interface RttLimit {
  readonly valueMs: number;
  /** "vSphere 5.x Metro vMotion", "stretched cluster", "synchronous Dell VPLEX Metro replication". */
  readonly what: string;
}

export interface RttChange {
  readonly siteA: string;
  readonly siteB: string;
  readonly beforeMs: number;
  readonly afterMs: number;
  /** The tightest limit on what crosses between the two sites (moves, stretch, sync storage). */
  readonly limit?: RttLimit;
  /** Within the limit before, over it now. */
  readonly broken: boolean;
}

export interface FailureEffects {
  readonly segmentReachLost: readonly SegmentReachLoss[];
  readonly witnessesUnreachable: readonly WitnessLoss[];
  readonly stretched: readonly StretchedImpact[];
  readonly rttChanges: readonly RttChange[];
  /** Surviving site pairs joined before and not now, each sorted. */
  readonly disconnected: readonly (readonly [string, string])[];
}

export type SeverityCounts = Readonly<Record<Severity, number>>;

export interface FailureImpact {
  readonly failed: readonly FailedElement[];
  readonly before: readonly Finding[];
  readonly after: readonly Finding[];
  /** In after, not before (by key). */
  readonly added: readonly Finding[];
  /** In before, not after, with every element still up: the failure really resolved them. */
  readonly resolved: readonly Finding[];
  /** In before, not after, because one of their elements failed (a failed cluster runs nothing). */
  readonly moot: readonly Finding[];
  /** Of `added`. */
  readonly counts: SeverityCounts;
  readonly effects: FailureEffects;
}

export interface SweepRow extends Omit<FailureImpact, 'failed' | 'before' | 'after'> {
  readonly failed: FailedElement;
}

export interface FailureSweep {
  readonly baseline: readonly Finding[];
  /** Each DCI link, then each site, in design order. */
  readonly rows: readonly SweepRow[];
}

/** Validate the design with `failedIds` (nodes, links, sites) absent and compare. */
export function failureImpact(
  design: Design,
  failedIds: readonly string[],
  baseline?: readonly Finding[],
): FailureImpact {
  const ctx = buildContext(design);
  const failed = new Set(failedIds);
  const before = baseline ?? runRules(design);
  const after = runRules(design, { failed });
  const failedCtx = buildContext(design, { failed });
  const effects = computeEffects(prepareEffects(ctx), failedCtx.graph);
  return {
    failed: failedIds.map((id) => describeFailed(ctx.index, id)),
    before,
    after,
    ...compare(before, after, failedCtx.graph),
    effects,
  };
}

/** Fail each DCI link, then each site, one at a time. */
export function singleFailureSweep(design: Design): FailureSweep {
  const prepared = prepare(buildContext(design));
  const { index } = prepared;
  const effectsBase = prepareEffects(prepared.context);
  const candidates = [...index.dciLinks.map((l) => l.id), ...index.sites.map((s) => s.id)];
  const rows: SweepRow[] = [];
  const baselineKeys = new Set(prepared.baseline.map((f) => f.key));
  for (const id of candidates) {
    const failed = new Set([id]);
    const ctx = failedContext(prepared, failed);
    const delta = handles(index, failed)
      ? deltaUnder(prepared, ctx)
      : { removed: prepared.baseline, fresh: runRules(design, { failed }) };
    rows.push({
      failed: describeFailed(index, id),
      ...compareDelta(baselineKeys, delta, ctx.graph),
      effects: computeEffects(effectsBase, ctx.graph),
    });
  }
  return { baseline: prepared.baseline, rows };
}

function describeFailed(index: DesignIndex, id: string): FailedElement {
  const node = index.nodes.get(id);
  const kind = node?.kind === 'site' ? 'site' : node ? 'node' : 'link';
  return { id, kind, label: index.label(id) };
}

function compare(
  before: readonly Finding[],
  after: readonly Finding[],
  graph: GraphQueries,
): Pick<FailureImpact, 'added' | 'resolved' | 'moot' | 'counts'> {
  return compareDelta(new Set(before.map((f) => f.key)), { removed: before, fresh: after }, graph);
}

/**
 * Added: fresh findings not among the baseline's that still stand. Gone: removed findings not
 * found again. Each once, by key.
 */
function compareDelta(
  baselineKeys: ReadonlySet<string>,
  delta: FindingsDelta,
  graph: GraphQueries,
): Pick<FailureImpact, 'added' | 'resolved' | 'moot' | 'counts'> {
  const freshKeys = new Set<string>();
  const added: Finding[] = [];
  for (const f of delta.fresh) {
    if (freshKeys.has(f.key)) continue;
    freshKeys.add(f.key);
    // A baseline finding found again (re-evaluated, still true) is not new.
    if (!baselineKeys.has(f.key)) added.push(f);
  }
  const seen = new Set<string>();
  const gone: Finding[] = [];
  for (const f of delta.removed) {
    if (seen.has(f.key) || freshKeys.has(f.key)) continue;
    seen.add(f.key);
    gone.push(f);
  }
  const isMoot = (f: Finding) => f.elementIds.some((id) => graph.isDead(id));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of added) counts[f.severity]++;
  return {
    added: added.sort(compareFindings),
    resolved: gone.filter((f) => !isMoot(f)).sort(compareFindings),
    moot: gone.filter(isMoot).sort(compareFindings),
    counts,
  };
}

// ---------------------------------------------------------------------------------------------
// Effects

interface WitnessDuty {
  readonly witnessId: string;
  /** Data sites whose arrays or clusters it arbitrates (and their peers' sites). */
  readonly siteIds: readonly string[];
}

interface SitePair {
  readonly a: string;
  readonly b: string;
  readonly connected: boolean;
  readonly rttMs: number;
  readonly limit?: RttLimit;
}

interface StretchedBase {
  readonly pair: StretchedPair;
  readonly witnessIds: readonly string[];
  readonly status: StretchedStatus;
}

/** What the effects compare against, computed once on the design as it is. */
interface EffectsBase {
  readonly index: DesignIndex;
  readonly graph: GraphQueries;
  readonly pairs: readonly SitePair[];
  readonly witnesses: readonly (WitnessDuty & { readonly reached: ReadonlySet<string> })[];
  readonly stretched: readonly StretchedBase[];
  /** For each stretched segment: its multi-site L2 domains. */
  readonly domains: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Segments each DCI link carries at L2. */
  readonly carried: ReadonlyMap<string, readonly string[]>;
}

const sortedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

function prepareEffects(ctx: RuleContext): EffectsBase {
  const { index, graph } = ctx;
  const limits = pairLimits(ctx);
  const pairs: SitePair[] = [];
  const sites = index.sites.map((s) => s.id);
  for (const [i, a] of sites.entries()) {
    for (const b of sites.slice(i + 1)) {
      const [x, y] = sortedPair(a, b);
      const limit = limits.get(`${x}\u0000${y}`);
      pairs.push({
        a: x,
        b: y,
        connected: graph.sitesConnected(x, y),
        rttMs: graph.rttMs(x, y),
        ...(limit ? { limit } : {}),
      });
    }
  }

  const witnesses = index.witnesses.map((w) => {
    const siteIds = new Set<string>();
    for (const id of w.arbitrates) {
      const n = index.nodes.get(id);
      const s = index.siteOf(id);
      if (s !== undefined) siteIds.add(s);
      const peers: string[] = [];
      if (n?.kind === 'cluster' && n.stretchPeerId !== undefined) peers.push(n.stretchPeerId);
      if (n?.kind === 'array')
        for (const v of n.volumes) if (v.peerArrayId !== undefined) peers.push(v.peerArrayId);
      for (const p of peers) {
        const ps = index.siteOf(p);
        if (ps !== undefined) siteIds.add(ps);
      }
    }
    siteIds.delete(w.parentId);
    const list = [...siteIds];
    return {
      witnessId: w.id,
      siteIds: list,
      reached: new Set(list.filter((s) => graph.path(w.id, s) !== null)),
    };
  });

  const stretched = stretchedPairs(ctx).map((pair) => {
    const witnessIds = index.witnesses
      .filter(
        (w) =>
          w.parentId !== pair.siteA &&
          w.parentId !== pair.siteB &&
          (w.arbitrates.includes(pair.a) || w.arbitrates.includes(pair.b)),
      )
      .map((w) => w.id);
    return { pair, witnessIds, status: stretchedStatus(graph, pair, witnessIds) };
  });

  const carried = new Map<string, string[]>();
  const segments = new Set<string>();
  for (const l of index.dciLinks) {
    const list = l.extendedSegmentIds.filter((s) => carriesAtL2(l, s));
    carried.set(l.id, list);
    for (const s of list) segments.add(s);
  }
  const domains = new Map<string, string[][]>();
  for (const s of segments) domains.set(s, l2Domains(graph, index, s));
  return { index, graph, pairs, witnesses, stretched, domains, carried };
}

/** The multi-site L2 domains of a segment (live sites only). */
function l2Domains(graph: GraphQueries, index: DesignIndex, segmentId: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const site of index.sites) {
    if (seen.has(site.id) || graph.isDead(site.id)) continue;
    const domain = [...graph.l2Sites(segmentId, site.id)];
    for (const s of domain) seen.add(s);
    if (domain.length > 1) out.push(domain.sort());
  }
  return out;
}

/** The tightest RTT limit on what crosses between each pair of sites. */
function pairLimits(ctx: RuleContext): Map<string, RttLimit> {
  const { index } = ctx;
  const out = new Map<string, RttLimit>();
  const add = (a: string | undefined, b: string | undefined, limit: RttLimit | null) => {
    if (a === undefined || b === undefined || a === b || !limit) return;
    const [x, y] = sortedPair(a, b);
    const key = `${x}\u0000${y}`;
    const old = out.get(key);
    if (!old || limit.valueMs < old.valueMs) out.set(key, limit);
  };
  for (const p of ctx.placements) {
    if (!p.scenario || p.siteId === p.from.parentId) continue;
    for (const profile of moveProfiles(p))
      if (profile.maxRttMs)
        add(p.from.parentId, p.siteId, {
          valueMs: profile.maxRttMs.value,
          what: `${profile.label} migration`,
        });
  }
  for (const c of index.clusters) {
    if (c.stretchPeerId === undefined) continue;
    const profile = HYPERVISOR_PROFILES[c.profile];
    add(c.parentId, index.siteOf(c.stretchPeerId), {
      valueMs: Math.min(STRETCHED_MAX_RTT_MS, profile.stretchedMaxRttMs?.value ?? Infinity),
      what: `stretched cluster ${c.label}`,
    });
  }
  for (const array of index.arrays) {
    const product = STORAGE_PRODUCTS[array.product];
    if (!product.syncMaxRttMs) continue;
    for (const v of array.volumes) {
      if (v.replication !== 'sync' || v.peerArrayId === undefined) continue;
      add(array.parentId, index.siteOf(v.peerArrayId), {
        valueMs: product.syncMaxRttMs.value,
        what: `synchronous ${product.label} replication`,
      });
    }
  }
  return out;
}

function stretchedStatus(
  graph: GraphQueries,
  pair: StretchedPair,
  witnessIds: readonly string[],
): StretchedStatus {
  const upA = !graph.isDead(pair.a);
  const upB = !graph.isDead(pair.b);
  const sees = (x: string) => witnessIds.some((w) => !graph.isDead(w) && graph.path(w, x) !== null);
  if (!upA && !upB) return 'lost';
  if (!upA || !upB) return sees(upA ? pair.a : pair.b) ? 'failover' : 'quorum-lost';
  const joined = graph.path(pair.a, pair.b) !== null;
  const seesA = sees(pair.a);
  const seesB = sees(pair.b);
  if (!joined) return seesA || seesB ? 'partitioned' : 'split-brain-risk';
  if (witnessIds.length > 0 && !(seesA && seesB)) return 'witness-lost';
  return 'ok';
}

function stretchedMessage(index: DesignIndex, s: StretchedBase, after: StretchedStatus): string {
  const what = `${s.pair.kind === 'storage' ? 'stretched storage' : 'stretched cluster'} ${index.label(s.pair.a)} + ${index.label(s.pair.b)}`;
  const A = index.label(s.pair.siteA);
  const B = index.label(s.pair.siteB);
  switch (after) {
    case 'ok':
      return `${what} is whole again`;
    case 'witness-lost':
      return `${what}: the witness is cut off from one site; the next failure will not be arbitrated`;
    case 'partitioned':
      return `${what}: ${A} and ${B} cannot see each other; the witness lets one side carry on and the other suspends`;
    case 'split-brain-risk':
      return `${what}: ${A} and ${B} cannot see each other and no witness reaches either side: both stop, or both carry on and diverge (split brain)`;
    case 'failover':
      return `${what}: one half is down; the other reaches the witness and takes over`;
    case 'quorum-lost':
      return `${what}: one half is down and the survivor reaches no witness: it loses quorum and suspends I/O`;
    case 'lost':
      return `${what}: both halves are down`;
  }
}

function computeEffects(base: EffectsBase, graph: GraphQueries): FailureEffects {
  const { index } = base;
  const up = (id: string) => !graph.isDead(id);

  const disconnected: [string, string][] = [];
  const rttChanges: RttChange[] = [];
  for (const p of base.pairs) {
    if (!up(p.a) || !up(p.b) || !p.connected) continue;
    if (!graph.sitesConnected(p.a, p.b)) {
      disconnected.push([p.a, p.b]);
      continue;
    }
    const afterMs = graph.rttMs(p.a, p.b);
    if (Math.abs(afterMs - p.rttMs) < 1e-9) continue;
    rttChanges.push({
      siteA: p.a,
      siteB: p.b,
      beforeMs: p.rttMs,
      afterMs,
      ...(p.limit ? { limit: p.limit } : {}),
      broken: p.limit !== undefined && p.rttMs <= p.limit.valueMs && afterMs > p.limit.valueMs,
    });
  }

  const witnessesUnreachable: WitnessLoss[] = [];
  for (const w of base.witnesses) {
    for (const s of w.siteIds) {
      if (!w.reached.has(s) || !up(s)) continue;
      if (!up(w.witnessId))
        witnessesUnreachable.push({ witnessId: w.witnessId, siteId: s, reason: 'witness-failed' });
      else if (graph.path(w.witnessId, s) === null)
        witnessesUnreachable.push({ witnessId: w.witnessId, siteId: s, reason: 'no-path' });
    }
  }

  const stretched: StretchedImpact[] = [];
  for (const s of base.stretched) {
    const after = stretchedStatus(graph, s.pair, s.witnessIds);
    if (after === s.status) continue;
    stretched.push({
      kind: s.pair.kind,
      a: s.pair.a,
      b: s.pair.b,
      siteA: s.pair.siteA,
      siteB: s.pair.siteB,
      before: s.status,
      after,
      severity: STRETCHED_SEVERITY[after],
      message: stretchedMessage(index, s, after),
    });
  }

  // Only segments carried by a failed link, or whose domain holds a failed site, can lose reach.
  const suspects = new Set<string>();
  for (const [linkId, segments] of base.carried)
    if (!up(linkId)) for (const s of segments) suspects.add(s);
  for (const [segmentId, domains] of base.domains)
    if (domains.some((d) => d.some((site) => !up(site)))) suspects.add(segmentId);
  const segmentReachLost: SegmentReachLoss[] = [];
  for (const segmentId of suspects) {
    const sitePairs: [string, string][] = [];
    for (const domain of base.domains.get(segmentId) ?? []) {
      const survivors = domain.filter(up);
      for (const [i, a] of survivors.entries()) {
        const reach = graph.l2Sites(segmentId, a);
        for (const b of survivors.slice(i + 1)) if (!reach.has(b)) sitePairs.push(sortedPair(a, b));
      }
    }
    if (sitePairs.length > 0) segmentReachLost.push({ segmentId, sitePairs });
  }
  segmentReachLost.sort((x, y) => (x.segmentId < y.segmentId ? -1 : 1));

  return { segmentReachLost, witnessesUnreachable, stretched, rttChanges, disconnected };
}
