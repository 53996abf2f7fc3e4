import { finding } from './context';
import type { RuleDefinition } from './rule';
import { stretchedPairs } from './stretch';
import type { Finding, RuleContext } from './types';

const why =
  'Migration, replication and stretched clusters between the two sites all hang on one link: a single cut stops them all, and can split a stretched system.';

/**
 * Interpretation: the pairs of data sites (role dc or cloud) that exchange something — a
 * workload's move, volume replication, a stretched cluster — and whose every path shares a
 * DCI link (a bridge of the site graph that separates them). Witness sites are not transit.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  const pairs = new Map<string, [string, string]>();
  const add = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined || a === b) return;
    const sa = index.nodes.get(a);
    const sb = index.nodes.get(b);
    if (
      sa?.kind !== 'site' ||
      sb?.kind !== 'site' ||
      sa.role === 'witness' ||
      sb.role === 'witness'
    )
      return;
    const [x, y] = a < b ? [a, b] : [b, a];
    pairs.set(`${x}\u0000${y}`, [x, y]);
  };
  for (const p of ctx.placements) if (p.scenario) add(p.from.parentId, p.siteId);
  for (const arr of index.arrays) {
    for (const v of arr.volumes) {
      if (v.replication !== 'none' && v.peerArrayId !== undefined)
        add(arr.parentId, index.siteOf(v.peerArrayId));
    }
  }
  for (const pair of stretchedPairs(ctx)) add(pair.siteA, pair.siteB);
  // A witness site is reached over its own links but carries no migration or replication.
  const witnessSites = new Set(index.sites.filter((s) => s.role === 'witness').map((s) => s.id));
  for (const [a, b] of pairs.values()) {
    const shared = graph.sharedLinks(a, b, witnessSites);
    if (shared.length === 0) continue;
    const names = shared.map((l) => index.label(l)).join(', ');
    out.push(
      finding(ctx, {
        ruleId: 'RES-DCI-SPOF',
        severity: 'warning',
        message:
          shared.length === 1
            ? `${index.label(a)} and ${index.label(b)} are joined through a single DCI link (${names}): one cut stops migration and replication between them`
            : `every path between ${index.label(a)} and ${index.label(b)} crosses ${names}: one cut stops migration and replication between them`,
        why,
        source: 'Design practice: diverse DCI routes between data sites (seed 001)',
        elementIds: [a, b, ...shared],
        fixes: [
          {
            label: `Add a second DCI link between ${index.label(a)} and ${index.label(b)} on a diverse path`,
          },
        ],
      }),
    );
  }
  return out;
}

export const resDciSpofRule: RuleDefinition = {
  id: 'RES-DCI-SPOF',
  title: 'Single DCI link between sites',
  severity: 'warning',
  why,
  explanation:
    'When every path between two data sites crosses one DCI link, a single fibre cut stops live migration and replication between them, and a stretched cluster or stretched storage must fall back on its witness. The studio looks for links that all paths share, for each pair of sites that exchange moves, replication or a stretched cluster. A second link on a diverse path removes the single point of failure.',
  source: 'Design practice: diverse DCI routes between data sites (seed 001)',
  run,
};
