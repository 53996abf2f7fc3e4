/**
 * Findings kept across edits (context.ts, keptFinding: TROMBONE-GW and TROMBONE-INGRESS give
 * again the finding of a placement whose segment, gateway or ingress path and labels did not
 * change, after an edit of link figures, a delete or a paste; revalidate.ts: after an edit of
 * link figures alone, a rule that reads no link figures gives all its findings of before):
 * validating after any sequence of such edits, mixed with edits that change what the kept
 * findings were made from, finds exactly what a fresh full validation finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pasteInto } from '../model/clipboard';
import {
  moveNodes,
  removeElements,
  updateLink,
  updateNode,
  upsertSegment,
  upsertWorkload,
} from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates/index';
import { RULE_LIST, runRules } from './index';
import { deviceGroup, pastedSelection } from './testing';
import { revalidate, type Validation } from './revalidate';

const stepArb = fc.record({
  kind: fc.constantFrom(
    'distance',
    'distance',
    'distance',
    'distance',
    'distance',
    'rtt',
    'no-rtt',
    'bandwidth',
    'gateway',
    'ingress',
    'mobility',
    'rename',
    'move',
    'delete-group',
    'delete-group',
    'paste',
    'paste',
    'rename-workload',
    'rename-segment',
    'undo',
  ),
  a: fc.nat(),
  b: fc.nat(),
  km: fc.integer({ min: 0, max: 3000 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function apply(design: Design, s: Step, history: readonly Design[]): Design {
  const link = pick(design.links, s.a);
  const dci = pick(
    design.links.filter((l) => l.kind === 'dci'),
    s.a,
  );
  const sites = design.nodes.filter((n) => n.kind === 'site');
  switch (s.kind) {
    case 'distance':
      return dci ? updateLink(design, dci.id, { distanceKm: s.km }) : design;
    case 'rtt':
      return link ? updateLink(design, link.id, { rttMs: s.km / 100 }) : design;
    case 'no-rtt':
      return link ? updateLink(design, link.id, { rttMs: undefined }) : design;
    case 'bandwidth':
      return link ? updateLink(design, link.id, { bandwidthGbps: 1 + (s.b % 400) }) : design;
    case 'gateway': {
      const segment = pick(design.segments, s.a);
      const site = pick(sites, s.b);
      if (!segment || !site) return design;
      const mode = pick(['per-site', 'centralized', 'anycast'] as const, s.km) ?? 'per-site';
      return upsertSegment(design, { ...segment, gatewayMode: mode, gatewaySiteIds: [site.id] });
    }
    case 'ingress': {
      const segment = pick(design.segments, s.a);
      const site = pick(sites, s.b);
      if (!segment || !site) return design;
      return upsertSegment(design, {
        ...segment,
        ingressMode: 'single-site',
        ingressSiteId: site.id,
      });
    }
    case 'mobility': {
      const workload = pick(design.workloads, s.a);
      const cluster = pick(
        design.nodes.filter((n) => n.kind === 'cluster'),
        s.b,
      );
      return workload && cluster
        ? upsertWorkload(design, { ...workload, mobilityTargetIds: [cluster.id] })
        : design;
    }
    case 'rename': {
      const node = pick(design.nodes, s.a);
      return node ? updateNode(design, node.id, { label: `N${s.b % 3}` }) : design;
    }
    case 'move': {
      const node = pick(design.nodes, s.a);
      return node ? moveNodes(design, new Map([[node.id, { x: s.km, y: s.b % 900 }]])) : design;
    }
    case 'delete-group':
      // A selection of a site's devices, as the Delete key removes them.
      return removeElements(design, groupOf(design, s));
    case 'paste':
      // Copy a selection (a site's devices, or a whole site) and paste it, as Ctrl+C, Ctrl+V.
      return pastedSelection(
        design,
        groupOf(design, s),
        s.km % 4 === 0 ? { siteAt: s.b } : undefined,
      );
    case 'rename-workload': {
      const workload = pick(design.workloads, s.a);
      return workload ? upsertWorkload(design, { ...workload, name: `W${s.b % 3}` }) : design;
    }
    case 'rename-segment': {
      const segment = pick(design.segments, s.a);
      return segment ? upsertSegment(design, { ...segment, name: `S${s.b % 3}` }) : design;
    }
    case 'undo':
      return pick(history, s.b) ?? design;
  }
}

/** Up to twelve devices of one site, from a position `s.a` picks. */
function groupOf(design: Design, s: Step): string[] {
  return deviceGroup(design, s.b, s.a, 1 + (s.km % 12));
}

const bases: readonly Design[] = [
  ...TEMPLATES.map((t) => t.build()),
  syntheticDesign({ sites: 3, elements: 300 }),
  syntheticDesign({ sites: 3, elements: 300 }),
  syntheticDesign({ sites: 4, elements: 400 }),
  syntheticDesign({ sites: 4, elements: 400 }),
];

describe('Findings kept across edits of link figures, deletes and pastes', () => {
  it('are those a fresh full validation finds, after any sequence of edits', () => {
    let kept = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(stepArb, { minLength: 2, maxLength: 10 }),
        (b, steps) => {
          let design = bases[b] as Design;
          let v: Validation | null = revalidate(design, null);
          const history: Design[] = [];
          for (const s of steps) {
            history.push(design);
            design = apply(design, s, history);
            const before: Validation = v;
            v = revalidate(design, before);
            expect(v.findings).toStrictEqual(runRules(design));
            const old = new Set(before.findings);
            if (v.context !== before.context && v.context.kept?.before)
              kept += v.findings.filter(
                (f) => f.ruleId.startsWith('TROMBONE') && old.has(f),
              ).length;
          }
        },
      ),
      { numRuns: 80 },
    );
    // The property holds of findings actually kept, not only of findings made afresh.
    expect(kept).toBeGreaterThan(0);
  }, 120_000);

  it('are made anew after a delete or a paste of devices only for the placements it touched', () => {
    // bench:ui's delete and paste: ToRs and clusters of the first site (bench/ui/page.ts).
    const design = syntheticDesign({ sites: 4, elements: 400 });
    const picked = design.nodes
      .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
      .slice(0, 10)
      .map((n) => n.id);
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
    if (!pasted) throw new Error('nothing pasted');
    const opened = revalidate(design, null);
    for (const edited of [removeElements(design, picked), pasted.design]) {
      const after = revalidate(edited, opened);
      expect(after.findings).toStrictEqual(runRules(edited));
      const undone = revalidate(design, after);
      expect(undone.findings).toStrictEqual(runRules(design));
      for (const [from, to] of [
        [opened, after],
        [after, undone],
      ] as const) {
        const before = new Set(keptOf(from));
        const now = keptOf(to);
        const made = now.filter((k) => !before.has(k)).length;
        // Most trombones are of workloads elsewhere, along paths the edit left alone.
        expect(now.length).toBeGreaterThan(50);
        expect(made).toBeLessThan(now.length / 4);
      }
    }
  });
});

/** Every finding the rules kept in a validation's run, whatever their slots. */
function keptOf(v: Validation): unknown[] {
  const out: unknown[] = [];
  const walk = (x: unknown): void => {
    if (x instanceof Map) for (const y of x.values()) walk(y);
    else if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x) out.push(x);
  };
  walk(v.context.kept?.now);
  return out;
}

describe('A rule that reads no link figures', () => {
  it('is not run again after an edit of a DCI link’s distance, and finds as a full run', () => {
    const calls = new Map<string, number>();
    const rules = RULE_LIST.map((r) => ({
      ...r,
      run: (ctx: Parameters<typeof r.run>[0]) => {
        calls.set(r.id, (calls.get(r.id) ?? 0) + 1);
        return r.run(ctx);
      },
    }));
    const unread = RULE_LIST.filter((r) => r.readsNoLinkFigures).map((r) => r.id);
    expect(unread.length).toBeGreaterThan(0);
    let design = syntheticDesign({ sites: 4, elements: 400 });
    let v = revalidate(design, null, rules);
    const dci = design.links.find((l) => l.kind === 'dci');
    if (!dci) throw new Error('no DCI link');
    for (const km of [900, 40, 2500]) {
      const before = new Map(calls);
      design = updateLink(design, dci.id, { distanceKm: km });
      v = revalidate(design, v, rules);
      expect(v.findings).toStrictEqual(runRules(design));
      for (const id of unread) expect(calls.get(id)).toBe(before.get(id));
      expect(calls.get('LAT-MIGRATION')).toBe((before.get('LAT-MIGRATION') ?? 0) + 1);
    }
    // An edit of anything else runs them all.
    const before = new Map(calls);
    design = updateLink(design, dci.id, { mtu: 1400 });
    v = revalidate(design, v, rules);
    expect(v.findings).toStrictEqual(runRules(design));
    for (const id of unread) expect(calls.get(id)).toBe((before.get(id) ?? 0) + 1);
  });
});
