/**
 * Re-validate a design under many failure sets without re-running every rule every time: the
 * engine behind `singleFailureSweep`.
 *
 * The idea: a rule's findings can only change under a failure if something the rule *read* from
 * the graph changes. So the engine runs the rules once on the design as it is through a graph
 * that records what each run reads — per placement and per rule for the rules that loop over
 * placements, per DCI link for L2-IDLE, per rule for the others. Under a failure set it
 * re-runs a rule only for the placements (links) whose recorded reads meet what failed, on a
 * graph that answers from the design as it is wherever that is exact (`reusingGraph`);
 * everything else keeps its findings.
 *
 * Why that is exact, read by read:
 * - a path none of whose nodes, links or sites failed is still there, at the same RTT, and a
 *   failure cannot make a shorter one: it is still the shortest (up to ties of equal RTT, where
 *   a full run may name the other route: the sweep's spec compares findings up to the route);
 * - no path, no L2 reach, sites not joined: failing more cannot change that;
 * - an L2 reach (or two sites joined) holds while one route of DCI links that carries it lives:
 *   the read depends on that route only;
 * - anything else (the dead set, `singlePoints`) depends on every failure of the site graph, and
 *   the list of placements on the failure of any cluster.
 * It handles failure sets of DCI links and sites (what the sweep fails); for anything else
 * (a ToR, a spine) `failureImpact` runs the rules plainly. Rules that cache across placements
 * within one run would break the per-placement attribution: the sweep's spec (equal findings to
 * a full run on every template and two synthetic designs) is there to catch that.
 */
import type { Design } from '../../model/schema';
import type { Placement } from '../context';
import {
  deadSet,
  DesignGraph,
  extendsL2,
  type DesignIndex,
  type GraphQueries,
  type PathResult,
} from '../graph';
import { compareFindings, RULE_LIST, type RuleDefinition } from '../index';
import type { Finding, RuleContext, RuleId } from '../types';

/** Rules that loop over `ctx.placements` evaluating each on its own. */
const PER_PLACEMENT: ReadonlySet<RuleId> = new Set([
  'L2-GAP',
  'VMK-ROUTED',
  'LAT-MIGRATION',
  'BW-MIGRATION',
  'MIG-CONVERGE',
  'MIG-DOWNTIME',
  'TROMBONE-GW',
  'TROMBONE-INGRESS',
  'TROMBONE-STORAGE',
  'FW-ASYMMETRY',
]);

/**
 * Design-level rules that evaluate each DCI link on its own in one `for … of index.dciLinks`
 * loop and name the link in each finding: re-run only for the links whose reads failed.
 */
const PER_LINK: ReadonlySet<RuleId> = new Set(['L2-IDLE']);

/** Depends on every failure. */
const ANY = '*';
/** Depends on the site graph as a whole (any DCI link or site failure). */
const SITE_GRAPH = '*sites';
/** Depends on the list of placements (changes when a cluster fails). */
const PLACEMENTS = '*placements';

type Deps = Set<string>;

/**
 * The DCI links of one L2 route for a segment between two sets of L2 domains (as
 * DesignGraph.l2NodesOf numbers them), leaving `without` out; with `to` null, the links of a
 * spanning tree of everything reachable. Null when `to` is not reached. A reach that holds
 * keeps holding while these links live: the answer then depends on them only.
 */
function l2Route(
  graph: GraphQueries,
  segmentId: string,
  from: readonly number[],
  to: readonly number[] | null,
  without?: string,
): string[] | null {
  let cache = routeCache.get(graph);
  if (!cache) routeCache.set(graph, (cache = new Map()));
  const key = `${segmentId}\u0000${without ?? ''}\u0000${from.join(',')}\u0000${to?.join(',') ?? '*'}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const route = findL2Route(graph, segmentId, from, to, without);
  cache.set(key, route);
  return route;
}

type Incidence = Map<number, { readonly id: string; readonly ends: readonly number[] }[]>;
const routeCache = new WeakMap<GraphQueries, Map<string, string[] | null>>();
const incidenceCache = new WeakMap<GraphQueries, Map<string, Incidence>>();

/** L2 domain → the live DCI links carrying the segment that touch it (without one link). */
function incidenceOf(graph: GraphQueries, segmentId: string, without?: string): Incidence {
  let cache = incidenceCache.get(graph);
  if (!cache) incidenceCache.set(graph, (cache = new Map()));
  const key = `${segmentId}\u0000${without ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const incident: Incidence = new Map();
  for (const l of graph.index.dciLinks) {
    if (l.id === without || graph.isDead(l.id) || !extendsL2(l)) continue;
    if (segmentId !== '*' && !l.extendedSegmentIds.includes(segmentId)) continue;
    const ends = [...graph.l2NodesOf(l.source), ...graph.l2NodesOf(l.target)];
    for (const e of ends) {
      const list = incident.get(e);
      if (list) list.push({ id: l.id, ends });
      else incident.set(e, [{ id: l.id, ends }]);
    }
  }
  cache.set(key, incident);
  return incident;
}

function findL2Route(
  graph: GraphQueries,
  segmentId: string,
  from: readonly number[],
  to: readonly number[] | null,
  without?: string,
): string[] | null {
  const incident = incidenceOf(graph, segmentId, without);
  const goal = new Set(to ?? []);
  const via = new Map<number, { node: number; link: string } | null>();
  const queue: number[] = [];
  for (const x of from) {
    if (via.has(x)) continue;
    via.set(x, null);
    queue.push(x);
  }
  const chain = (x: number): string[] => {
    const out: string[] = [];
    for (let step = via.get(x); step; step = via.get(step.node)) out.push(step.link);
    return out;
  };
  for (const x of queue) if (goal.has(x)) return chain(x);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i] ?? 0;
    for (const link of incident.get(u) ?? []) {
      for (const v of link.ends) {
        if (via.has(v)) continue;
        via.set(v, { node: u, link: link.id });
        if (goal.has(v)) return chain(v);
        queue.push(v);
      }
    }
  }
  if (to !== null) return null;
  const tree: string[] = [];
  for (const step of via.values()) if (step) tree.push(step.link);
  return tree;
}

/**
 * A view of `graph` that adds what each query reads to `sink()` (when it returns a set). Queries
 * run on the real graph, so its caches serve every recorded run.
 */
function recordingGraph(graph: GraphQueries, sink: () => Deps | null): GraphQueries {
  const dciLinkIds = new Set(graph.index.dciLinks.map((l) => l.id));
  const add = (...ids: string[]) => {
    const deps = sink();
    if (deps) for (const id of ids) deps.add(id);
  };
  // Only DCI links and sites fail in a sweep (`handles`), and a device or fabric link dies only
  // with its site: a path depends on its sites and its DCI links.
  const addPath = (p: PathResult | null | undefined) => {
    const deps = sink();
    if (!deps || !p) return;
    for (const id of p.siteIds) deps.add(id);
    for (const id of p.linkIds) if (dciLinkIds.has(id)) deps.add(id);
  };
  const addRoute = (segmentId: string, a: string, b: string | null, without?: string) => {
    const deps = sink();
    if (!deps) return;
    const to = b === null ? null : graph.l2NodesOf(b);
    const route = l2Route(graph, segmentId, graph.l2NodesOf(a), to, without);
    if (route) for (const id of route) deps.add(id);
    else deps.add(ANY);
  };
  const siteOf = (id: string) => graph.index.siteOf(id) ?? id;
  // Every query of GraphQueries, spelled out: the compiler refuses a view that misses one.
  return {
    index: graph.index,
    // Reading the failed or dead set as a whole depends on every failure.
    get failed() {
      add(ANY);
      return graph.failed;
    },
    get dead() {
      add(ANY);
      return graph.dead;
    },
    path: (a: string, b: string) => {
      const p = graph.path(a, b);
      add(a, b, siteOf(a), siteOf(b));
      addPath(p);
      return p;
    },
    rttMs: (a: string, b: string) => {
      const p = graph.path(a, b);
      add(a, b, siteOf(a), siteOf(b));
      addPath(p);
      return p?.rttMs ?? Infinity;
    },
    isDead: (id: string) => {
      add(id, siteOf(id));
      return graph.isDead(id);
    },
    l2NodesOf: (id: string) => {
      add(id, siteOf(id));
      return graph.l2NodesOf(id);
    },
    l2Reachable: (segmentId: string, a: string, b: string, without?: string) => {
      const r = graph.l2Reachable(segmentId, a, b, without);
      add(a, b, siteOf(a), siteOf(b));
      // Not reaching stays so; reaching holds while one route lives.
      if (r) addRoute(segmentId, a, b, without);
      return r;
    },
    l2Sites: (segmentId: string, a: string) => {
      add(a, siteOf(a));
      addRoute(segmentId, a, null);
      return graph.l2Sites(segmentId, a);
    },
    l2Gap: (segmentId: string, a: string, b: string) => {
      const gap = graph.l2Gap(segmentId, a, b);
      add(a, b, siteOf(a), siteOf(b));
      if (gap.reachable) addRoute(segmentId, a, b);
      else addPath(gap.path);
      return gap;
    },
    siteNeighbours: (siteId: string) => {
      const list = graph.siteNeighbours(siteId);
      add(siteId);
      for (const n of list) add(n.linkId, n.siteId);
      return list;
    },
    sitesConnected: (...args: Parameters<GraphQueries['sitesConnected']>) => {
      const joined = graph.sitesConnected(...args);
      const [a, b, avoid = {}] = args;
      add(a, b);
      // Not joined stays not joined; joined stays joined while one route between them lives.
      if (joined) {
        const route = graph.siteRoute(a, b, avoid);
        if (route) add(...route);
        else add(SITE_GRAPH);
      }
      return joined;
    },
    siteRoute: (...args: Parameters<GraphQueries['siteRoute']>) => {
      const route = graph.siteRoute(...args);
      const [a, b] = args;
      add(a, b);
      // No route stays so; which route is returned may change with any failure of the site graph.
      if (route) add(SITE_GRAPH);
      return route;
    },
    // Single points depend on every failure of the site graph.
    singlePoints: (a: string, b: string) => {
      add(SITE_GRAPH);
      return graph.singlePoints(a, b);
    },
    // A site's role is the design's, not the failure's.
    isStubSite: (siteId: string) => graph.isStubSite(siteId),
  };
}

/** A rule context over `graph` whose `options` and `placements` reads are recorded. */
function recordingContext(
  base: RuleContext,
  graph: GraphQueries,
  placements: readonly Placement[],
  sink: () => Deps | null,
  index: DesignIndex = base.index,
): RuleContext {
  // Getters, so never spread this object: spreading reads them all.
  return {
    design: base.design,
    index,
    graph,
    get options() {
      sink()?.add(ANY);
      return base.options;
    },
    get placements() {
      sink()?.add(PLACEMENTS);
      return placements;
    },
  };
}

/**
 * The placements as an iterable that tells `enter(i)` which one the rule is on: a rule's
 * `for (const p of ctx.placements)` loop then records each placement's reads apart. Reads before
 * the first, after the last, or through any other access (`.map`, an index) are the rule's own:
 * a hit on those re-runs the rule whole, so a rule written another way is slower, never wrong.
 */
function attributing<T>(items: readonly T[], enter: (i: number | null) => void): readonly T[] {
  const view = [...items];
  Object.defineProperty(view, Symbol.iterator, {
    value: function* () {
      try {
        for (let i = 0; i < items.length; i++) {
          enter(i);
          yield items[i] as T;
        }
      } finally {
        enter(null);
      }
    },
  });
  return view;
}

const placementKey = (workloadId: string, targetClusterId: string | undefined) =>
  `${workloadId}\u0000${targetClusterId ?? ''}`;
const keyOfPlacement = (p: Placement) => placementKey(p.workload.id, p.scenario?.targetClusterId);

interface RuleRecord {
  readonly findings: readonly Finding[];
  readonly deps: ReadonlySet<string>;
}

/** The design as it is, validated once with everything each rule read recorded. */
export interface Prepared {
  readonly design: Design;
  readonly index: DesignIndex;
  readonly context: RuleContext;
  /** Findings of the design as it is (equal to runRules(design)). */
  readonly baseline: readonly Finding[];
  /** Per-placement rules: findings by placement index, per rule. */
  readonly byPlacement: ReadonlyMap<RuleId, readonly (readonly Finding[])[]>;
  /** Per-placement rules: what they read and found outside their placement loop. */
  readonly perRuleGlobal: ReadonlyMap<RuleId, RuleRecord>;
  /** Design-level rules, whole (for PER_LINK rules: what they read and found outside the loop). */
  readonly designRules: ReadonlyMap<RuleId, RuleRecord>;
  /** PER_LINK rules: findings and reads by index of `index.dciLinks`. */
  readonly byLink: ReadonlyMap<RuleId, readonly RuleRecord[]>;
  /** Per-placement rules: read token → indexes of the placements whose evaluation read it. */
  readonly readers: ReadonlyMap<RuleId, ReadonlyMap<string, readonly number[]>>;
}

const perPlacementRules = (): RuleDefinition[] => RULE_LIST.filter((r) => PER_PLACEMENT.has(r.id));
const designLevelRules = (): RuleDefinition[] => RULE_LIST.filter((r) => !PER_PLACEMENT.has(r.id));

export function prepare(context: RuleContext): Prepared {
  const placements = context.placements;
  const indexOf = new Map(placements.map((p, i) => [keyOfPlacement(p), i]));
  let current: Deps | null = null;
  const graph = recordingGraph(context.graph, () => current);

  const byPlacement = new Map<RuleId, Finding[][]>();
  const perRuleGlobal = new Map<RuleId, RuleRecord>();
  const readers = new Map<RuleId, Map<string, number[]>>();
  for (const rule of perPlacementRules()) {
    const placementDeps: Deps[] = placements.map(() => new Set());
    const global: Deps = new Set();
    current = global;
    const view = attributing(placements, (i) => {
      current = i === null ? global : (placementDeps[i] ?? global);
    });
    // A context per rule: rules cache per context (stretched pairs, pre-copy estimates), and a
    // cache one rule filled would hide the reads of the next.
    const found = rule.run(recordingContext(context, graph, view, () => current));
    current = null;
    global.delete(PLACEMENTS);
    const perPlacement: Finding[][] = placements.map(() => []);
    const own: Finding[] = [];
    for (const f of found) {
      const w =
        f.scenario?.workloadId ?? f.elementIds.find((id) => context.index.workloads.has(id));
      const i =
        w === undefined ? undefined : indexOf.get(placementKey(w, f.scenario?.targetClusterId));
      if (i === undefined) own.push(f);
      else perPlacement[i]?.push(f);
    }
    byPlacement.set(rule.id, perPlacement);
    perRuleGlobal.set(rule.id, { findings: own, deps: global });
    const byToken = new Map<string, number[]>();
    placementDeps.forEach((deps, i) => {
      for (const d of deps) {
        if (global.has(d)) continue;
        const list = byToken.get(d);
        if (list) list.push(i);
        else byToken.set(d, [i]);
      }
    });
    readers.set(rule.id, byToken);
  }

  const designRules = new Map<RuleId, RuleRecord>();
  const byLink = new Map<RuleId, RuleRecord[]>();
  const links = context.index.dciLinks;
  const linkIndex = new Map(links.map((l, i) => [l.id, i]));
  for (const rule of designLevelRules()) {
    const global: Deps = (current = new Set());
    if (!PER_LINK.has(rule.id)) {
      const found = rule.run(recordingContext(context, graph, placements, () => current));
      designRules.set(rule.id, { findings: found, deps: global });
      current = null;
      continue;
    }
    const linkDeps: Deps[] = links.map(() => new Set());
    const view = attributing(links, (i) => {
      current = i === null ? global : (linkDeps[i] ?? global);
    });
    const index = { ...context.index, dciLinks: view };
    const found = rule.run(recordingContext(context, graph, placements, () => current, index));
    current = null;
    const perLink: Finding[][] = links.map(() => []);
    const own: Finding[] = [];
    for (const f of found) {
      const i = f.elementIds.map((id) => linkIndex.get(id)).find((x) => x !== undefined);
      if (i === undefined) own.push(f);
      else perLink[i]?.push(f);
    }
    designRules.set(rule.id, { findings: own, deps: global });
    byLink.set(
      rule.id,
      perLink.map((findings, i) => ({ findings, deps: linkDeps[i] ?? new Set() })),
    );
  }

  const all: Finding[] = [];
  for (const r of perRuleGlobal.values()) all.push(...r.findings);
  for (const lists of byPlacement.values()) for (const list of lists) all.push(...list);
  for (const r of designRules.values()) all.push(...r.findings);
  for (const list of byLink.values()) for (const r of list) all.push(...r.findings);
  return {
    design: context.design,
    index: context.index,
    context,
    baseline: merge(all),
    byPlacement,
    perRuleGlobal,
    designRules,
    byLink,
    readers,
  };
}

/** Whether a failure set is one the engine handles exactly: DCI links and sites only. */
export function handles(index: DesignIndex, failed: ReadonlySet<string>): boolean {
  for (const id of failed) {
    const n = index.nodes.get(id);
    if (n?.kind === 'site') continue;
    if (index.links.get(id)?.kind === 'dci') continue;
    return false;
  }
  return true;
}

/** The context of the design under `failed`, reusing the index and the placement objects. */
export function failedContext(prepared: Prepared, failed: ReadonlySet<string>): RuleContext {
  const graph = reusingGraph(prepared.context.graph, failed);
  // As buildContext: a workload on a failed cluster is not placed at all; a failed target is
  // skipped. The placement objects are the baseline's, so recorded findings stay valid.
  const placements = prepared.context.placements.filter(
    (p) => !graph.isDead(p.from.id) && !graph.isDead(p.cluster.id),
  );
  return {
    design: prepared.design,
    options: { ...prepared.context.options, failed },
    index: prepared.index,
    graph,
    placements,
  };
}

/**
 * The graph under `failed`, answering from the design as it is where that is exact: a baseline
 * path none of whose elements failed is still the shortest; no path and no L2 reach stay so.
 * Anything else goes to a real DesignGraph under `failed`, built on first need (most failures
 * of a sweep never need one for most queries).
 */
function reusingGraph(base: GraphQueries, failed: ReadonlySet<string>): GraphQueries {
  const { index } = base;
  const dead = deadSet(index.design, failed);
  let real: DesignGraph | null = null;
  const full = () => (real ??= new DesignGraph(index, failed));
  // With only DCI links and sites failed, a path is intact when its sites and links are.
  const coarse = handles(index, failed);
  const intact = (p: PathResult) =>
    coarse
      ? p.siteIds.every((id) => !dead.has(id)) && p.linkIds.every((id) => !dead.has(id))
      : p.path.every((id) => !dead.has(id));
  const path = (a: string, b: string): PathResult | null => {
    if (dead.has(a) || dead.has(b)) return null;
    const p = base.path(a, b);
    if (!p) return null;
    return intact(p) ? p : full().path(a, b);
  };
  return {
    index,
    failed,
    dead,
    isDead: (id) => dead.has(id),
    // A site's role is the design's, not the failure's.
    isStubSite: (siteId) => base.isStubSite(siteId),
    path,
    rttMs: (a, b) => path(a, b)?.rttMs ?? Infinity,
    l2Reachable: (segmentId, a, b, without) => {
      if (dead.has(a) || dead.has(b) || !base.l2Reachable(segmentId, a, b, without)) return false;
      const route = l2Route(base, segmentId, base.l2NodesOf(a), base.l2NodesOf(b), without);
      if (route?.every((id) => !dead.has(id))) return true;
      return full().l2Reachable(segmentId, a, b, without);
    },
    // The rest is asked of the graph under the failure.
    l2NodesOf: (id) => full().l2NodesOf(id),
    l2Sites: (segmentId, a) => full().l2Sites(segmentId, a),
    l2Gap: (segmentId, a, b) => full().l2Gap(segmentId, a, b),
    siteNeighbours: (siteId) => full().siteNeighbours(siteId),
    sitesConnected: (a, b, avoid) => full().sitesConnected(a, b, avoid),
    siteRoute: (a, b, avoid) => full().siteRoute(a, b, avoid),
    singlePoints: (a, b) => full().singlePoints(a, b),
  };
}

/** What a failure changes for a reader: dead ids plus the tokens they imply. */
function touched(prepared: Prepared, ctx: RuleContext): Set<string> {
  const { graph, index } = ctx;
  const out = new Set<string>([ANY]);
  for (const id of graph.dead) out.add(id);
  for (const id of graph.failed) out.add(id);
  const siteGraph =
    index.dciLinks.some((l) => graph.isDead(l.id)) || index.sites.some((s) => graph.isDead(s.id));
  if (siteGraph) out.add(SITE_GRAPH);
  if (ctx.placements.length !== prepared.context.placements.length) out.add(PLACEMENTS);
  return out;
}

const meets = (deps: ReadonlySet<string>, hit: ReadonlySet<string>): boolean => {
  for (const d of deps) if (hit.has(d)) return true;
  return false;
};

/** How the findings under a failure differ from the baseline's, as the engine sees it. */
export interface FindingsDelta {
  /** Baseline findings whose evaluation was redone or dropped (a placement that is gone). */
  readonly removed: readonly Finding[];
  /** What the redone evaluations found (may repeat baseline findings that still hold). */
  readonly fresh: readonly Finding[];
}

/**
 * The change in findings under `failed` (a set `handles` accepts): runRules under the failure
 * gives (baseline − removed) ∪ fresh. Only the re-evaluated parts are touched, so the cost
 * follows what the failure changes, not the size of the design.
 */
export function deltaUnder(prepared: Prepared, ctx: RuleContext): FindingsDelta {
  const hit = touched(prepared, ctx);
  const all = prepared.context.placements;
  const removed: Finding[] = [];
  const fresh: Finding[] = [];
  const gone: number[] = [];
  if (ctx.placements.length !== all.length) {
    const alive = new Set(ctx.placements);
    all.forEach((p, i) => {
      if (!alive.has(p)) gone.push(i);
    });
  }
  for (const rule of perPlacementRules()) {
    const global = prepared.perRuleGlobal.get(rule.id);
    const lists = prepared.byPlacement.get(rule.id);
    const byToken = prepared.readers.get(rule.id);
    if (!global || !lists || !byToken || meets(global.deps, hit)) {
      if (global) removed.push(...global.findings);
      for (const list of lists ?? []) removed.push(...list);
      fresh.push(...rule.run(ctx));
      continue;
    }
    for (const i of gone) removed.push(...(lists[i] ?? []));
    const dirty = new Set<number>();
    for (const t of hit) for (const i of byToken.get(t) ?? []) dirty.add(i);
    for (const i of gone) dirty.delete(i);
    if (dirty.size === 0) continue;
    // In baseline order, so the rule sees its placements as it would in a full run.
    const order = [...dirty].sort((x, y) => x - y);
    for (const i of order) removed.push(...(lists[i] ?? []));
    const affected = order.map((i) => all[i]).filter((p): p is Placement => p !== undefined);
    fresh.push(...rule.run({ ...ctx, placements: affected }));
  }
  for (const rule of designLevelRules()) {
    const record = prepared.designRules.get(rule.id);
    const perLink = prepared.byLink.get(rule.id);
    if (!record || meets(record.deps, hit)) {
      if (record) removed.push(...record.findings);
      for (const r of perLink ?? []) removed.push(...r.findings);
      fresh.push(...rule.run(ctx));
      continue;
    }
    if (!perLink) continue;
    const dirtyLinks = ctx.index.dciLinks.filter((_, i) => {
      const r = perLink[i];
      if (r && !meets(r.deps, hit)) return false;
      if (r) removed.push(...r.findings);
      return true;
    });
    if (dirtyLinks.length > 0)
      fresh.push(...rule.run({ ...ctx, index: { ...ctx.index, dciLinks: dirtyLinks } }));
  }
  return { removed, fresh };
}

/** The findings under `failed` (a set `handles` accepts), as runRules gives them. */
export function findingsUnder(prepared: Prepared, ctx: RuleContext): Finding[] {
  const { removed, fresh } = deltaUnder(prepared, ctx);
  const dropped = new Set(removed.map((f) => f.key));
  return merge([...prepared.baseline.filter((f) => !dropped.has(f.key)), ...fresh]);
}

/** De-duplicate by key and (unless told not to) sort as runRules does. */
function merge(findings: readonly Finding[], sorted = true): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    out.push(f);
  }
  return sorted ? out.sort(compareFindings) : out;
}
