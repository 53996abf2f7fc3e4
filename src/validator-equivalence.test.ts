/**
 * The faster validator (issue 12) finds exactly what the validator before it found: the same
 * findings, in the same order, with the same messages, paths, figures and fixes, and its graph
 * answers every query as the old graph did. The reference is the old code, kept for tests and the
 * bench in src/rules/reference. Compared on every template, every file fixture, random synthetic
 * designs (edited at random: links cut, distances changed, ToRs routed, gateways moved) and
 * random small designs, each also under random failed sets (the what-if runs). It spans rules, model and
 * io (the fixtures and the random designs of the io tests), so it lives at the root of src.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from './io/arbitrary';
import { parseDesignFile } from './io/file';
import type { Design, DesignNode, Link, Segment } from './model/schema';
import { syntheticDesign } from './model/synthetic';
import { TEMPLATES } from './model/templates/index';
import { buildContext, finding } from './rules/context';
import { buildGraph, type GraphQueries } from './rules/graph';
import { runRules } from './rules/index';
import { finding as referenceFinding } from './rules/reference/context';
import { referenceBuildGraph, referenceRunRules } from './rules/reference/index';
import type { RunOptions } from './rules/types';
import { syntheticWhatIfDesign } from './rules/whatif/synthetic';

/** These compare thousands of findings and paths: generous on a busy machine. */
const SLOW = 120_000;

function sameFindings(design: Design, options: RunOptions = {}): void {
  expect(runRules(design, options)).toStrictEqual(referenceRunRules(design, options));
}

/** Every query of the graph interface, over every pair of nodes (or a sample on large designs). */
function sameGraph(design: Design, failed: ReadonlySet<string>, maxPairs = 4000): void {
  const now: GraphQueries = buildGraph(design, failed);
  const ref: GraphQueries = referenceBuildGraph(design, failed);
  const ids = design.nodes.map((n) => n.id);
  const sites = design.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
  const segments = ['*', ...design.segments.map((s) => s.id)];
  const step = Math.max(1, Math.floor((ids.length * ids.length) / maxPairs));
  let k = 0;
  for (const a of ids) {
    expect(now.l2NodesOf(a)).toStrictEqual(ref.l2NodesOf(a));
    for (const b of ids) {
      if (k++ % step !== 0) continue;
      expect(now.path(a, b), `${a} → ${b}`).toStrictEqual(ref.path(a, b));
      expect(now.rttMs(a, b)).toBe(ref.rttMs(a, b));
      for (const s of segments.slice(0, 3)) {
        expect(now.l2Reachable(s, a, b)).toBe(ref.l2Reachable(s, a, b));
        expect(now.l2Gap(s, a, b)).toStrictEqual(ref.l2Gap(s, a, b));
      }
    }
    for (const s of segments.slice(0, 3))
      expect(now.l2Sites(s, a)).toStrictEqual(ref.l2Sites(s, a));
  }
  for (const a of sites) {
    expect(now.siteNeighbours(a)).toStrictEqual(ref.siteNeighbours(a));
    for (const b of sites) {
      expect(now.siteRoute(a, b)).toStrictEqual(ref.siteRoute(a, b));
      expect(now.singlePoints(a, b)).toStrictEqual(ref.singlePoints(a, b));
    }
  }
}

/** Each node and link failed on its own, as the failure sweep does (every k-th on large designs). */
function singleFailures(design: Design, limit = 60): Set<string>[] {
  const ids = [...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)];
  const step = Math.max(1, Math.ceil(ids.length / limit));
  return ids.filter((_, i) => i % step === 0).map((id) => new Set([id]));
}

const fixtureDir = join(import.meta.dirname, 'io', 'fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.dci.json'))
  .map((f) => {
    const loaded = parseDesignFile(readFileSync(join(fixtureDir, f), 'utf8'));
    if (!loaded.ok) throw new Error(`${f}: ${loaded.error.message}`);
    return { name: f, design: loaded.design };
  });

/** Random edits of a synthetic design: what a user does to a large estate. */
const editArb = fc.record({
  cut: fc.array(fc.nat(), { maxLength: 12 }),
  distances: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3000 })), { maxLength: 6 }),
  rtts: fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 40, noNaN: true })), {
    maxLength: 4,
  }),
  bandwidths: fc.array(fc.tuple(fc.nat(), fc.constantFrom(0.5, 1, 10, 40, 400)), {
    maxLength: 6,
  }),
  routedTors: fc.array(fc.nat(), { maxLength: 6 }),
  gateways: fc.array(
    fc.tuple(fc.nat(), fc.constantFrom('anycast', 'per-site', 'centralized'), fc.nat()),
    { maxLength: 6 },
  ),
  unextended: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
  failed: fc.array(fc.nat(), { maxLength: 4 }),
});

type EditSpec = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function pickAt<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function edit(design: Design, e: EditSpec): { design: Design; failed: Set<string> } {
  const cut = new Set(e.cut.map((i) => pickAt(design.links, i)?.id));
  let links: Link[] = design.links.filter((l) => !cut.has(l.id));
  const dci = () => links.filter((l) => l.kind === 'dci');
  for (const [i, km] of e.distances) {
    const target = pickAt(dci(), i);
    links = links.map((l) => (l === target && l.kind === 'dci' ? { ...l, distanceKm: km } : l));
  }
  for (const [i, rtt] of e.rtts) {
    const target = pickAt(links, i);
    links = links.map((l) => (l === target ? { ...l, rttMs: rtt } : l));
  }
  for (const [i, gbps] of e.bandwidths) {
    const target = pickAt(links, i);
    links = links.map((l) => (l === target ? { ...l, bandwidthGbps: gbps } : l));
  }
  for (const [i, s] of e.unextended) {
    const target = pickAt(dci(), i);
    links = links.map((l) =>
      l === target && l.kind === 'dci'
        ? {
            ...l,
            extendedSegmentIds: l.extendedSegmentIds.filter(
              (x) => x !== pickAt(design.segments, s)?.id,
            ),
          }
        : l,
    );
  }
  const tors = design.nodes.filter((n) => n.kind === 'tor');
  const routed = new Set(e.routedTors.map((i) => pickAt(tors, i)?.id));
  const nodes: DesignNode[] = design.nodes.map((n) =>
    n.kind === 'tor' && routed.has(n.id) ? { ...n, boundary: 'l3', overlay: false } : n,
  );
  const siteIds = design.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
  let segments: Segment[] = design.segments;
  for (const [i, mode, s] of e.gateways) {
    const target = pickAt(segments, i);
    const site = pickAt(siteIds, s) ?? 's0';
    segments = segments.map((x) =>
      x === target ? { ...x, gatewayMode: mode, gatewaySiteIds: [site] } : x,
    );
  }
  const all = [...design.nodes, ...design.links];
  const failed = new Set(e.failed.map((i) => pickAt(all, i)?.id ?? ''));
  return { design: { ...design, nodes, links, segments }, failed };
}

describe('The validator finds what the reference validator found', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'template %s: findings, under each single failure, and every graph query',
    (_, t) => {
      const design = t.build();
      sameFindings(design);
      sameFindings(design, { includeMoves: false });
      sameGraph(design, new Set());
      for (const failed of singleFailures(design, 30)) {
        sameFindings(design, { failed });
        sameGraph(design, failed, 100);
      }
    },
    SLOW,
  );

  it.each(fixtures.map((f) => [f.name, f.design] as const))(
    'fixture %s: findings, under each single failure, and every graph query',
    (_, design) => {
      sameFindings(design);
      sameGraph(design, new Set());
      for (const failed of singleFailures(design)) sameFindings(design, { failed });
    },
    SLOW,
  );

  it(
    'random synthetic designs, edited and under failures',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 60, max: 600 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 2, max: 6 }),
          editArb,
          (sites, elements, spinesPerSite, clustersPerWorkload, e) => {
            const base = syntheticDesign({ sites, elements, spinesPerSite, clustersPerWorkload });
            const { design, failed } = edit(base, e);
            sameFindings(design);
            sameFindings(design, { failed });
            sameGraph(design, failed, 300);
          },
        ),
        { numRuns: 25 },
      );
    },
    SLOW,
  );

  it(
    'random small designs, under random failures',
    () => {
      fc.assert(
        fc.property(arbitraryDesign, fc.array(fc.nat(), { maxLength: 3 }), (design, picks) => {
          const all = [...design.nodes, ...design.links];
          const failed = new Set(picks.map((i) => pickAt(all, i)?.id ?? ''));
          sameFindings(design);
          sameFindings(design, { failed });
          sameGraph(design, failed, 400);
        }),
        { numRuns: 100 },
      );
    },
    SLOW,
  );

  it(
    'the 10,000-element bench design and the what-if sweep design',
    () => {
      const large = syntheticDesign({ sites: 4, elements: 10000 });
      sameFindings(large);
      sameFindings(large, { failed: new Set(['s1-be0', 'dci-s2-s3-1', 's0-t3']) });
      sameGraph(large, new Set(), 600);
      const whatIf = syntheticWhatIfDesign(4, 8, 3);
      sameFindings(whatIf);
      sameGraph(whatIf, new Set(), 600);
    },
    SLOW,
  );

  it('a finding is built as the reference built it: ids, key and message', () => {
    const design = TEMPLATES[0]?.build();
    if (!design) throw new Error('no template');
    const ctx = buildContext(design);
    const ids = [
      ...design.nodes.map((n) => n.id),
      ...design.links.map((l) => l.id),
      ...design.workloads.map((w) => w.id),
      'not-an-element',
    ];
    const id = fc.nat().map((i) => pickAt(ids, i) ?? '');
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 40 }),
        fc.option(fc.array(id, { maxLength: 40 }), { nil: undefined }),
        fc.option(fc.tuple(id, id), { nil: undefined }),
        fc.string(),
        (elementIds, path, scenario, message) => {
          const input = {
            ruleId: 'TROMBONE-GW' as const,
            severity: 'warning' as const,
            message,
            why: 'why',
            source: 'source',
            elementIds,
            fixes: [],
            ...(path ? { path } : {}),
            ...(scenario
              ? { scenario: { workloadId: scenario[0], targetClusterId: scenario[1] } }
              : {}),
          };
          // finding() completes the object it is given: each side gets its own.
          expect(finding(ctx, { ...input })).toStrictEqual(referenceFinding(ctx, { ...input }));
        },
      ),
      { numRuns: 500 },
    );
  });
});
