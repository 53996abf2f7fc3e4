/**
 * Small factories for the rule specs: two sites A and B with a leaf-spine each, two DCI links
 * extending segment `web` with OTV, each between its own pair of border routers (so no router is
 * a single point), and one workload `web-01` on cluster A1 that may move to B1.
 * Clean by construction; each spec changes one thing and expects one rule to speak.
 */
import { DesignBuilder } from '../model/builder';
import { pasteInto } from '../model/clipboard';
import type { Cluster, DciLink, Design, Segment, Tor, Workload } from '../model/schema';
import { runRules } from './index';
import type { Finding, RuleId, RunOptions } from './types';

export interface TwoSites {
  readonly distanceKm?: number;
  readonly dci?: Partial<Omit<DciLink, 'id' | 'kind' | 'source' | 'target'>>;
  /** Leave out the second DCI link (a single path between the sites). */
  readonly singleDci?: boolean;
  readonly clusterA?: Partial<Cluster>;
  readonly clusterB?: Partial<Cluster>;
  readonly torA?: Partial<Tor>;
  readonly torB?: Partial<Tor>;
  readonly segment?: Partial<Segment>;
  readonly workload?: Partial<Workload>;
}

export function twoSites(o: TwoSites = {}): DesignBuilder {
  const dci = {
    distanceKm: o.distanceKm ?? 80,
    l2Extension: 'otv' as const,
    extendedSegmentIds: ['web'],
    ...o.dci,
  };
  const b = new DesignBuilder('two sites')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .spine('a-sp', 'a', { label: 'A spine' })
    .border('a-be', 'a', { label: 'A edge' })
    .tor('a-t', 'a', { label: 'A ToR', ...o.torA })
    .cluster('a-c', 'a', { label: 'A1', ...o.clusterA })
    .spine('b-sp', 'b', { label: 'B spine' })
    .border('b-be', 'b', { label: 'B edge' })
    .tor('b-t', 'b', { label: 'B ToR', ...o.torB })
    .cluster('b-c', 'b', { label: 'B1', ...o.clusterB })
    .fabric('a-f1', 'a-c', 'a-t')
    .fabric('a-f2', 'a-t', 'a-sp')
    .fabric('a-f3', 'a-sp', 'a-be')
    .fabric('b-f1', 'b-c', 'b-t')
    .fabric('b-f2', 'b-t', 'b-sp')
    .fabric('b-f3', 'b-sp', 'b-be')
    .dci('dci-1', 'a-be', 'b-be', { label: 'A–B north', ...dci })
    .segment('web', 'web', 100, {
      gatewayMode: 'per-site',
      gatewaySiteIds: ['a', 'b'],
      ingressMode: 'gslb',
      ...o.segment,
    })
    .workload('w1', 'web-01', 'a-c', {
      mobilityTargetIds: ['b-c'],
      segmentIds: ['web'],
      ...o.workload,
    });
  if (!o.singleDci)
    b.border('a-be2', 'a', { label: 'A edge 2' })
      .border('b-be2', 'b', { label: 'B edge 2' })
      .fabric('a-f4', 'a-sp', 'a-be2')
      .fabric('b-f4', 'b-sp', 'b-be2')
      .dci('dci-2', 'a-be2', 'b-be2', { label: 'A–B south', ...dci });
  return b;
}

export function findingsOf(design: Design, ruleId: RuleId, options?: RunOptions): Finding[] {
  return runRules(design, options).filter((f) => f.ruleId === ruleId);
}

/**
 * A selection as the property tests delete or paste it: up to `size` devices of the site at
 * position `siteAt` (counted round), from the device at position `start` (counted round).
 */
export function deviceGroup(design: Design, siteAt: number, start: number, size: number): string[] {
  const sites = design.nodes.filter((n) => n.kind === 'site');
  const site = sites.length === 0 ? undefined : sites[siteAt % sites.length];
  if (!site) return [];
  const devices = design.nodes.filter((n) => n.kind !== 'site' && n.parentId === site.id);
  const from = devices.length === 0 ? 0 : start % devices.length;
  return devices.slice(from, from + size).map((n) => n.id);
}

/**
 * `design` with a copy of `ids` pasted 32 px off, as Ctrl+C, Ctrl+V paste it: the whole site at
 * position `siteAt` instead when `wholeSite`. `design` itself when nothing pastes.
 */
export function pastedSelection(
  design: Design,
  ids: readonly string[],
  whole?: { readonly siteAt: number },
): Design {
  const sites = design.nodes.filter((n) => n.kind === 'site');
  const site = whole && sites.length > 0 ? sites[whole.siteAt % sites.length] : undefined;
  const picked = site ? [site.id] : [...ids];
  if (picked.length === 0) return design;
  return pasteInto(design, { design, ids: picked }, { x: 32, y: 32 })?.design ?? design;
}
