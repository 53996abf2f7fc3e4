import { finding } from './context';
import type { RuleDefinition } from './rule';
import { stretchedPairs } from './stretch';
import type { NodeKind } from '../model/schema';
import { listText } from '../model/plural';
import type { Finding, Fix, RuleContext } from './types';

const SOURCE =
  'Design practice: diverse DCI routes, landing on diverse edge routers, between data sites (seed 001)';

const why =
  'Migration, replication and stretched clusters between the two sites all hang on one link or one device: a single failure stops them all, and can split a stretched system.';

/**
 * Interpretation (DOMAIN.md §8): the pairs of data sites (role dc or cloud) that exchange
 * something — a workload's move, volume replication, a stretched cluster — and whose every path
 * crosses one link or one network device (border router, spine, ToR, firewall; a site container
 * does not count). A path between two sites runs from one site's DCI edge to the other's; the
 * graph's `singlePoints` finds them, with witness sites left out as the stubs they are.
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
  for (const [a, b] of pairs.values()) {
    const single = graph.singlePoints(a, b);
    if (!single || (single.devices.length === 0 && single.links.length === 0)) continue;
    out.push(spofFinding(ctx, a, b, single.devices, single.links));
  }
  return out;
}

/** How a finding names a device that is a single point: "border router dc1-edge-1". */
const DEVICE_NOUN: Partial<Record<NodeKind, string>> = {
  border: 'border router',
  spine: 'spine',
  tor: 'ToR',
  firewall: 'firewall',
};

function spofFinding(
  ctx: RuleContext,
  a: string,
  b: string,
  devices: readonly string[],
  links: readonly string[],
): Finding {
  const { index, graph } = ctx;
  const A = index.label(a);
  const B = index.label(b);
  const deviceName = (id: string) => {
    const n = index.nodes.get(id);
    return `${(n && DEVICE_NOUN[n.kind]) ?? 'device'} ${index.label(id)}`;
  };
  const tail = 'stops migration and replication between them';
  let message: string;
  if (devices.length === 0) {
    message =
      links.length === 1
        ? `${A} and ${B} are joined through a single DCI link (${index.label(links[0] ?? '')}): one cut ${tail}`
        : `every path between ${A} and ${B} crosses ${listText(links.map(index.label))}: one cut ${tail}`;
  } else if (links.length === 0) {
    // Several links, but they meet on one device: say how many, and name the device.
    const landing = index.dciLinks.filter(
      (l) =>
        !graph.isDead(l.id) &&
        (devices.includes(l.source) || devices.includes(l.target)) &&
        index.siteOf(l.source) !== index.siteOf(l.target),
    );
    const names = listText(devices.map(deviceName));
    message =
      landing.length > 1
        ? `${A} and ${B} are joined by ${landing.length} DCI links, but all of them end on ${names}: one device failure ${tail}`
        : `every path between ${A} and ${B} runs through ${names}: one device failure ${tail}`;
  } else {
    message = `every path between ${A} and ${B} crosses ${listText([...links.map(index.label), ...devices.map(deviceName)])}: one failure there ${tail}`;
  }
  const fixes: Fix[] = [];
  if (links.length > 0)
    fixes.push({ label: `Add a second DCI link between ${A} and ${B} on a diverse path` });
  for (const d of devices) {
    const site = index.siteOf(d);
    fixes.push({
      label: `Land a second DCI link on another ${DEVICE_NOUN[index.nodes.get(d)?.kind ?? 'border'] ?? 'device'} at ${site === undefined ? 'its site' : index.label(site)}, so ${index.label(d)} is not the only way out`,
    });
  }
  return finding(ctx, {
    ruleId: 'RES-DCI-SPOF',
    severity: 'warning',
    message,
    why,
    source: SOURCE,
    elementIds: [a, b, ...devices, ...links],
    fixes,
  });
}

export const resDciSpofRule: RuleDefinition = {
  id: 'RES-DCI-SPOF',
  title: 'Single point of failure between sites',
  severity: 'warning',
  why,
  explanation:
    'When every path between two data sites crosses one DCI link or one device, a single fibre cut or router failure stops live migration and replication between them, and a stretched cluster or stretched storage must fall back on its witness. Two links that both end on the same border router still leave that router as the single point. The studio looks, for each pair of sites that exchange moves, replication or a stretched cluster, for links and network devices (border routers, spines, ToRs, firewalls) that every path between them crosses; a witness site is a stub, never a second route. A second link on a diverse path, landing on a second router at each end, removes the single point of failure.',
  source: SOURCE,
  run,
  readsNoLinkFigures: true,
};
