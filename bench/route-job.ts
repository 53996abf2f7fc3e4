/**
 * CPU of the canvas worker's job (src/canvas/routes.worker.ts, node-side, its calls in its
 * order, with its wire's sending end, routeWire.ts; no partial posts of a design just opened)
 * for the UI bench's delete of 30 of DC 1's rack devices, its undo, and the paste of them:
 * each round opens the design with a fresh route cache and memo (as a new worker has), then
 * runs the three edits in turn. Per edit: its groups (routingGroups), its first post (an
 * edit's, with the groups it left valid kept; NaN without one), its complete post, and the
 * whole job (previewBase too). `--before <checkout>` alternates the same on another
 * checkout's src (the code before a change), round by round; medians, CPU ms.
 *
 *   npx tsx bench/route-job.ts --size 3000 --rounds 10 [--before /path/to/other/checkout]
 */
import { pasteInto } from '../src/model/clipboard';
import { removeElements } from '../src/model/edits';
import type { Design } from '../src/model/schema';
import { syntheticDesign } from '../src/model/synthetic';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return (at >= 0 ? process.argv[at + 1] : undefined) ?? fallback;
};

type Times = Record<string, number>;
/** Opens a design (fresh state), then routes each edit as a job: its times. */
type Side = (open: Design, edits: readonly Design[]) => Times[];

async function sideOf(root: string): Promise<Side> {
  const d = (await import(
    `${root}/src/render/diagram.ts`
  )) as typeof import('../src/render/diagram');
  const { previewBase } = (await import(
    `${root}/src/render/preview.ts`
  )) as typeof import('../src/render/preview');
  const { memoRouter } = (await import(
    `${root}/src/render/routeMemo.ts`
  )) as typeof import('../src/render/routeMemo');
  const { loadAvoidRouter } = (await import(
    `${root}/src/render/avoid.ts`
  )) as typeof import('../src/render/avoid');
  const { connectorSender } = (await import(
    `${root}/src/canvas/routeWire.ts`
  )) as typeof import('../src/canvas/routeWire');
  const plain = await loadAvoidRouter();
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  return (open, edits) => {
    const r = memoRouter(plain);
    const cache: import('../src/render/diagram').RouteCache = new Map();
    // The links drawn last, as the worker keeps them (a checkout without them ignores it).
    const drawn = new Map();
    const send = connectorSender();
    // The groups kept across jobs, as the worker keeps them (a checkout without: worked out whole).
    const groupsOf = (d as Partial<typeof d>).groupKeeper?.() ?? d.routingGroups;
    const job = (design: Design): Times => {
      const t0 = cpu();
      const groups = groupsOf(design);
      const tGroups = cpu();
      let pending = [...groups].filter(([id, g]) => !d.isRouted(cache, id, g));
      const kept = d.keptGroups(cache, new Map(pending));
      let first = NaN;
      if (kept.size > 0) {
        send(d.renderConnectors(design, r, { cache, groups, kept, drawn }));
        first = cpu() - t0;
        pending = pending.filter(([id, g]) => !d.isRouted(cache, id, g));
      }
      for (const [i, [id, group]] of pending.entries()) {
        if (i === pending.length - 1) break;
        d.routeIntoCache(cache, id, group, r);
      }
      const connectors = d.renderConnectors(design, r, { cache, groups, drawn });
      send(connectors);
      const complete = cpu() - t0;
      previewBase(design, connectors, groups, undefined, cache);
      const whole = cpu() - t0;
      return { groups: tGroups - t0, first, complete, whole };
    };
    job(open);
    return edits.map(job);
  };
}

async function main() {
  const size = Number(arg('size', '3000'));
  const rounds = Number(arg('rounds', '10'));
  const beforeRoot = arg('before', '');
  const sides: [string, Side][] = [
    ['this', await sideOf(new URL('..', import.meta.url).pathname.replace(/\/$/, ''))],
  ];
  if (beforeRoot) sides.unshift(['before', await sideOf(beforeRoot)]);
  const design = syntheticDesign({ sites: 4, elements: size });
  const picked = design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
    .slice(0, 30)
    .map((n) => n.id);
  const deleted = removeElements(design, picked);
  const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 })?.design;
  if (!pasted) throw new Error('the paste does not apply');
  const names = ['delete', 'undo', 'paste'];
  const times = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++)
    for (let s = 0; s < sides.length; s++) {
      const [side, run] = sides[(s + round) % sides.length] as [string, Side];
      run(design, [deleted, design, pasted]).forEach((t, i) => {
        for (const [k, v] of Object.entries(t)) {
          const key = `${names[i]}\t${k}\t${side}`;
          times.set(key, [...(times.get(key) ?? []), v]);
        }
      });
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`${size} elements, ${rounds} rounds, CPU ms (median)`);
  for (const [key, xs] of [...times].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`${key}\t${median(xs).toFixed(1)}`);
}
void main();
