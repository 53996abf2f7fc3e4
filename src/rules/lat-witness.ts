import { witnessLimit } from '../model/catalog';
import { finding, num, severityFor } from './context';
import type { RuleDefinition } from './rule';
import { describePair, stretchedPairs } from './stretch';
import type { Finding, RuleContext } from './types';
import { plural } from '../model/plural';

const why =
  'A witness must reach each data site on its own: too far and its arbitration times out, through the other data site and it is lost together with that site.';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  let hostsMost: ReadonlyMap<string, number> | undefined;
  for (const w of index.witnesses) {
    if (graph.isDead(w.id)) continue;
    for (const pair of stretchedPairs(ctx)) {
      if (!w.arbitrates.includes(pair.a) && !w.arbitrates.includes(pair.b)) continue;
      if (w.parentId === pair.siteA || w.parentId === pair.siteB) continue;
      const what = describePair(ctx, pair);
      const hosts = hostsPerSite((hostsMost ??= hostsBySite(ctx)), pair.siteA, pair.siteB);
      const limit = pair.product ? witnessLimit(pair.product, hosts) : null;
      // Say which tier applied where the limit depends on the hosts per site (vSAN).
      const tier =
        pair.product?.witnessMaxRttMsByHostsPerSite && hosts !== undefined
          ? `, ${plural(hosts, 'host')} per site`
          : '';
      for (const [element, site, other] of [
        [pair.a, pair.siteA, pair.siteB],
        [pair.b, pair.siteB, pair.siteA],
      ] as const) {
        const path = graph.path(w.id, element);
        if (!path) {
          out.push(
            finding(ctx, {
              ruleId: 'LAT-WITNESS',
              severity: 'warning',
              message: `Witness ${w.label} has no path to ${index.label(site)} (${what})`,
              why,
              source: 'Vendor witness requirements: the witness reaches each data site on its own',
              elementIds: [w.id, element, site],
              fixes: [{ label: `Connect the witness site to ${index.label(site)}` }],
            }),
          );
          continue;
        }
        if (limit && path.rttMs > limit.value) {
          out.push(
            finding(ctx, {
              ruleId: 'LAT-WITNESS',
              severity: severityFor('warning', limit),
              message: `RTT ${num(path.rttMs)} ms > ${num(limit.value)} ms from witness ${w.label} to ${index.label(site)} (${what}${tier})`,
              why,
              source: limit.source,
              elementIds: [w.id, element, site, ...path.linkIds],
              path: path.path,
              measured: path.rttMs,
              limit: limit.value,
              unit: 'ms',
              fixes: [{ label: 'Place the witness closer to both data sites' }],
            }),
          );
        }
        if (!graph.sitesConnected(w.parentId, site, { sites: new Set([other]) })) {
          out.push(
            finding(ctx, {
              ruleId: 'LAT-WITNESS',
              severity: 'warning',
              message: `Witness ${w.label} reaches ${index.label(site)} only through ${index.label(other)}: losing ${index.label(other)} also cuts the witness off (${what})`,
              why,
              source: 'Vendor witness requirements: an independent path to each site',
              elementIds: [w.id, element, site, other],
              path: path.path,
              fixes: [
                {
                  label: `Add a DCI link from ${index.label(w.parentId)} to ${index.label(site)}`,
                },
              ],
            }),
          );
        }
      }
    }
  }
  return out;
}

/**
 * Hosts per data site of a stretched pair, for limits that depend on it (vSAN): the largest live
 * host cluster at either site (the stretched cluster's half there); undefined when neither site
 * has a cluster drawn.
 */
function hostsPerSite(
  most: ReadonlyMap<string, number>,
  siteA: string,
  siteB: string,
): number | undefined {
  const a = most.get(siteA);
  const b = most.get(siteB);
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

/**
 * The hosts of the largest live cluster of each site that has one, looked up once per run: a
 * design of 10,000 elements has thousands of clusters and a witness checks every stretched pair.
 */
function hostsBySite(ctx: RuleContext): ReadonlyMap<string, number> {
  const bySite = new Map<string, number>();
  for (const c of ctx.index.clusters) {
    if (ctx.graph.isDead(c.id)) continue;
    bySite.set(c.parentId, Math.max(bySite.get(c.parentId) ?? 0, c.hosts));
  }
  return bySite;
}

export const latWitnessRule: RuleDefinition = {
  id: 'LAT-WITNESS',
  title: 'Witness too far, or not independent',
  severity: 'warning',
  why,
  explanation:
    'A witness arbitrates only if it reaches each data site within its product limit (ONTAP Mediator 75 ms, 3PAR quorum witness 150 ms, vSAN witness 200 ms up to 10 hosts per site, 100 ms above) and over a path of its own. If its only way to one data site runs through the other, losing that other site also silences the witness, and the survivor cannot win the vote. The studio checks the RTT and whether each data site stays reachable with the other site down.',
  source: 'Vendor witness requirements',
  run,
};
