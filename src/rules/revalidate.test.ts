/**
 * Validating each edit from the validation before it (revalidate.ts: findings kept across moves,
 * an index and graph that keep what the edit left alone) finds exactly what a fresh full
 * validation of the same design finds, after any sequence of edits, and its graph answers as a
 * fresh one does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  connect,
  moveNodes,
  removeElements,
  reparent,
  updateLink,
  updateNode,
  upsertSegment,
  upsertWorkload,
} from '../model/edits';
import type { Design, DesignNode, Link } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates/index';
import { buildGraph } from './graph';
import { runRules } from './index';
import { deviceGroup, pastedSelection } from './testing';
import { revalidate, sameForRules, type Validation } from './revalidate';

/** One edit as the studio makes it: a model edit, untouched arrays keep their identity. */
const stepArb = fc.record({
  kind: fc.constantFrom(
    'move',
    'resize-site',
    'distance',
    'rtt',
    'bandwidth',
    'transport',
    'extension',
    'unextend',
    'link-name',
    'route-tor',
    'rename-node',
    'gateway',
    'mobility',
    'settings',
    'remove',
    'delete-group',
    'paste',
    'connect',
    'reparent',
    'waive',
    'undo',
  ),
  a: fc.nat(),
  b: fc.nat(),
  x: fc.integer({ min: -400, max: 2000 }),
  km: fc.integer({ min: 0, max: 3000 }),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: readonly T[], i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length];
}

function apply(design: Design, s: Step, history: readonly Design[]): Design {
  const node = pick(design.nodes, s.a);
  const link = pick(design.links, s.a);
  const dci = pick(
    design.links.filter((l) => l.kind === 'dci'),
    s.a,
  );
  const sites = design.nodes.filter((n) => n.kind === 'site');
  switch (s.kind) {
    case 'move':
      return node ? moveNodes(design, new Map([[node.id, { x: s.x, y: s.km }]])) : design;
    case 'resize-site': {
      const site = pick(sites, s.a);
      return site ? updateNode(design, site.id, { width: 400 + s.km, height: 300 + s.b }) : design;
    }
    case 'distance':
      return dci ? updateLink(design, dci.id, { distanceKm: s.km }) : design;
    case 'rtt':
      return link ? updateLink(design, link.id, { rttMs: s.km / 100 }) : design;
    case 'bandwidth':
      return link ? updateLink(design, link.id, { bandwidthGbps: 1 + (s.b % 400) }) : design;
    case 'transport':
      return dci
        ? updateLink(design, dci.id, {
            transport:
              pick(['dark-fiber', 'dwdm', 'mpls-l3vpn', 'internet'] as const, s.b) ?? 'dwdm',
          })
        : design;
    case 'extension':
      return dci
        ? updateLink(design, dci.id, {
            l2Extension: pick(['none', 'trunk', 'vxlan-evpn', 'otv'] as const, s.b) ?? 'none',
          })
        : design;
    case 'unextend':
      return dci?.kind === 'dci'
        ? updateLink(design, dci.id, {
            extendedSegmentIds: dci.extendedSegmentIds.filter((_, i) => i !== s.b % 3),
          })
        : design;
    case 'link-name':
      return link ? updateLink(design, link.id, { label: `L${s.b}` }) : design;
    case 'route-tor': {
      const tor = pick(
        design.nodes.filter((n) => n.kind === 'tor'),
        s.a,
      );
      return tor ? updateNode(design, tor.id, { boundary: 'l3', overlay: false }) : design;
    }
    case 'rename-node':
      return node ? updateNode(design, node.id, { label: `N${s.b}` }) : design;
    case 'gateway': {
      const segment = pick(design.segments, s.a);
      const site = pick(sites, s.b);
      if (!segment || !site) return design;
      const mode = pick(['anycast', 'per-site', 'centralized'] as const, s.km) ?? 'anycast';
      return upsertSegment(design, { ...segment, gatewayMode: mode, gatewaySiteIds: [site.id] });
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
    case 'settings':
      return { ...design, settings: { ...design.settings, dciHopAllowanceMs: s.km / 1000 } };
    case 'remove':
      return link && s.b % 2 === 0
        ? removeElements(design, [link.id])
        : node && node.kind !== 'site'
          ? removeElements(design, [node.id])
          : design;
    case 'delete-group':
      // A selection of a site's devices (a rack or a row), as the Delete key removes them.
      return removeElements(design, groupOf(design, s));
    case 'paste':
      // Copy a selection (a site's devices, or a whole site) and paste it, as Ctrl+C, Ctrl+V.
      return pastedSelection(
        design,
        groupOf(design, s),
        s.km % 4 === 0 ? { siteAt: s.b } : undefined,
      );
    case 'connect': {
      const other = pick(design.nodes, s.b);
      return node && other ? connect(design, node.id, other.id, `new-${s.a}-${s.b}`) : design;
    }
    case 'reparent': {
      const site = pick(sites, s.b);
      return node && node.kind !== 'site' && site
        ? reparent(design, node.id, site.id, { x: s.x, y: 40 })
        : design;
    }
    case 'waive': {
      const found = runRules(design);
      const f = pick(found, s.b);
      return f
        ? {
            ...design,
            waivers: [
              ...design.waivers,
              { findingKey: f.key, ruleId: f.ruleId, justification: 'accepted' },
            ],
          }
        : design;
    }
    case 'undo':
      return pick(history, s.b) ?? design;
  }
}

/** Up to six devices of one site, in the design's order from a position `s.a` picks. */
function groupOf(design: Design, s: Step): string[] {
  return deviceGroup(design, s.b, s.a, 1 + ((s.x & 0xff) % 6));
}

/** Every path and L2 answer of the validation's graph, against a fresh graph (a sample). */
function sameGraph(v: Validation): void {
  const fresh = buildGraph(v.design);
  const graph = v.context.graph;
  const ids = v.design.nodes.map((n) => n.id);
  const step = Math.max(1, Math.floor((ids.length * ids.length) / 300));
  let k = 0;
  for (const a of ids)
    for (const b of ids) {
      if (k++ % step !== 0) continue;
      expect(graph.path(a, b), `${a} → ${b}`).toStrictEqual(fresh.path(a, b));
      expect(graph.l2Reachable('*', a, b)).toBe(fresh.l2Reachable('*', a, b));
    }
}

function check(base: Design, steps: readonly Step[]): void {
  let design = base;
  let v: Validation | null = null;
  const history: Design[] = [];
  for (const s of steps) {
    history.push(design);
    design = apply(design, s, history);
    v = revalidate(design, v);
    expect(v.design).toBe(design);
    expect(v.findings).toStrictEqual(runRules(design));
    if (v.context.design === design) sameGraph(v);
  }
}

const bases: readonly Design[] = [
  ...TEMPLATES.map((t) => t.build()),
  syntheticDesign({ sites: 2, elements: 150 }),
  syntheticDesign({ sites: 3, elements: 300 }),
];

describe('Validating an edit from the validation before it', () => {
  it('finds what a fresh full validation finds, after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (b, steps) => check(bases[b] as Design, steps),
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('finds what a fresh validation finds after deletes and pastes of groups, and their undo', () => {
    const structural = fc.record({
      kind: fc.constantFrom('delete-group', 'paste', 'remove', 'undo', 'distance', 'route-tor'),
      a: fc.nat(),
      b: fc.nat(),
      x: fc.integer({ min: -400, max: 2000 }),
      km: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(structural, { minLength: 1, maxLength: 10 }),
        (b, steps) => check(bases[b] as Design, steps),
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('keeps the findings of the design before a move, the same objects', () => {
    const design = syntheticDesign({ sites: 2, elements: 150 });
    const before = revalidate(design, null);
    const node = design.nodes[5] as DesignNode;
    const moved = moveNodes(design, new Map([[node.id, { x: 999, y: 999 }]]));
    const after = revalidate(moved, before);
    expect(after.findings).toBe(before.findings);
    expect(after.findings).toStrictEqual(runRules(moved));
  });

  it('runs the rules again when anything but a place changed', () => {
    const design = syntheticDesign({ sites: 2, elements: 150 });
    const node = design.nodes[5] as DesignNode;
    const link = design.links.find((l) => l.kind === 'dci') as Link;
    expect(sameForRules(design, moveNodes(design, new Map([[node.id, { x: 1, y: 2 }]])))).toBe(
      true,
    );
    expect(sameForRules(design, updateNode(design, node.id, { label: 'renamed' }))).toBe(false);
    expect(sameForRules(design, updateLink(design, link.id, { distanceKm: 77 }))).toBe(false);
    const before = revalidate(design, null);
    const edited = updateLink(design, link.id, { distanceKm: 2500 });
    const after = revalidate(edited, before);
    expect(after.findings).not.toBe(before.findings);
    expect(after.findings).toStrictEqual(runRules(edited));
  });
});
