import { finding, num, severityFor } from './context';
import type { RuleDefinition } from './rule';
import { describePair, stretchedPairs } from './stretch';
import type { Finding, RuleContext } from './types';

const why =
  'A witness must reach each data site on its own: too far and its arbitration times out, through the other data site and it is lost together with that site.';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const w of index.witnesses) {
    if (graph.isDead(w.id)) continue;
    for (const pair of stretchedPairs(ctx)) {
      if (!w.arbitrates.includes(pair.a) && !w.arbitrates.includes(pair.b)) continue;
      if (w.parentId === pair.siteA || w.parentId === pair.siteB) continue;
      const what = describePair(ctx, pair);
      const limit = pair.product?.witnessMaxRttMs ?? null;
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
              source: 'DOMAIN.md §5',
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
              message: `RTT ${num(path.rttMs)} ms > ${num(limit.value)} ms from witness ${w.label} to ${index.label(site)} (${what})`,
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

export const latWitnessRule: RuleDefinition = {
  id: 'LAT-WITNESS',
  title: 'Witness too far, or not independent',
  severity: 'warning',
  why,
  explanation:
    'A witness arbitrates only if it reaches each data site within its product limit (ONTAP Mediator 75 ms, 3PAR quorum witness 150 ms, vSAN witness about 200 ms) and over a path of its own. If its only way to one data site runs through the other, losing that other site also silences the witness, and the survivor cannot win the vote. The studio checks the RTT and whether each data site stays reachable with the other site down.',
  source: 'Vendor witness requirements; DOMAIN.md §4',
  run,
};
