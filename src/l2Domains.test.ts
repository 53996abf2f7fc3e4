/**
 * The graph's L2 domains are built once per list of DCI links: segments stretched over the same
 * links share one union-find, and one per link left out. Its answers stay those of the
 * reference graph (one union-find per segment and per segment and link left out).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from './io/arbitrary';
import type { Design } from './model/schema';
import { syntheticDesign } from './model/synthetic';
import { buildGraph, type DesignGraph } from './rules/graph';
import { referenceBuildGraph } from './rules/reference/index';

/** Every L2 reachability answer of `design` under `failed`, as [now, reference] pairs. */
function sameL2Answers(design: Design, failed: ReadonlySet<string>, maxPairs = 400): void {
  const now = buildGraph(design, failed);
  const ref = referenceBuildGraph(design, failed);
  const ids = design.nodes.map((n) => n.id);
  const segments = ['*', ...design.segments.slice(0, 6).map((s) => s.id), 'no-such-segment'];
  // Each link left out: DCI links (which carry segments), a few others (which carry none), none.
  const dci = design.links.filter((l) => l.kind === 'dci').map((l) => l.id);
  const other = design.links.filter((l) => l.kind !== 'dci').map((l) => l.id);
  const without = [undefined, ...dci, ...other.slice(0, 3), 'no-such-link'];
  const step = Math.max(1, Math.floor((ids.length * ids.length) / maxPairs));
  let k = 0;
  // Queries with a link left out come before and after those without: either may build first.
  for (const order of [without, [...without].reverse()])
    for (const a of ids)
      for (const b of ids) {
        if (k++ % step !== 0) continue;
        for (const s of segments)
          for (const w of order)
            expect(now.l2Reachable(s, a, b, w), `${s}: ${a} → ${b} without ${w}`).toBe(
              ref.l2Reachable(s, a, b, w),
            );
      }
}

type L2DomainsOf = (segmentId: string, withoutLinkId?: string) => unknown;
/** The graph's union-find of a segment's domains (private: what these tests look at). */
function domainsOf(graph: DesignGraph): L2DomainsOf {
  const g = graph as unknown as { l2Domains: L2DomainsOf };
  return (segmentId, withoutLinkId) => g.l2Domains(segmentId, withoutLinkId);
}

describe('L2 domains by list of links', () => {
  it('answer as the reference graph on random designs, links left out and links failed', () => {
    fc.assert(
      fc.property(
        arbitraryDesign.chain((d) =>
          fc.tuple(fc.constant(d), fc.subarray(d.links.map((l) => l.id))),
        ),
        ([design, failed]) => sameL2Answers(design, new Set(failed)),
      ),
      { numRuns: 80 },
    );
  });

  it('answer as the reference graph on a synthetic design, its segments all on the same links', () => {
    const design = syntheticDesign({ sites: 4, elements: 300 });
    sameL2Answers(design, new Set(), 60);
    const dci = design.links.filter((l) => l.kind === 'dci').map((l) => l.id);
    sameL2Answers(design, new Set(dci.slice(0, 2)), 60);
  });

  it('are one union-find for segments stretched over the same links', () => {
    const design = syntheticDesign({ sites: 4, elements: 300 });
    const stretched = design.links.filter(
      (l) => l.kind === 'dci' && l.extendedSegmentIds.length > 1,
    );
    const [s1, s2] = stretched[0]?.kind === 'dci' ? stretched[0].extendedSegmentIds : [];
    const link = stretched[0]?.id;
    expect(s1 && s2 && link).toBeTruthy();
    if (!s1 || !s2 || !link) return;
    // The bench's design stretches every segment over the same links.
    expect(stretched.every((l) => l.kind === 'dci' && l.extendedSegmentIds.includes(s2))).toBe(
      true,
    );
    const domains = domainsOf(buildGraph(design));
    expect(domains(s1)).toBe(domains(s2));
    expect(domains(s1, link)).toBe(domains(s2, link));
    expect(domains(s1, link)).not.toBe(domains(s1));
    // A link that carries neither leaves the domains of them all.
    const fabric = design.links.find((l) => l.kind !== 'dci')?.id;
    expect(domains(s1, fabric)).toBe(domains(s1));
  });
});
