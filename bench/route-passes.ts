/**
 * The canvas worker's job for the UI bench's edits (delete 30 of DC 1's rack devices, undo,
 * paste them), pass by pass: node-side, the same calls as src/canvas/routes.worker.ts (no wire,
 * no partial posts). Each round starts from a fresh route cache and memoRouter holding the
 * design as opened, as the canvas's worker does; CPU ms, the median of the rounds. An indented
 * pass is a part of the one above it, timed again on its own.
 *
 *   npx tsx bench/route-passes.ts --sizes 1000,3000 --rounds 3
 */
import { pasteInto } from '../src/model/clipboard';
import { removeElements } from '../src/model/edits';
import type { Design } from '../src/model/schema';
import { loadAvoidRouter } from '../src/render/avoid';
import { memoRouter } from '../src/render/routeMemo';
import {
  isRouted,
  renderConnectors,
  routeIntoCache,
  routingGroups,
  type RouteCache,
} from '../src/render/diagram';
import { previewBase } from '../src/render/preview';
import { channelRoutes } from '../src/render/channels';
import { withPorts } from '../src/render/router';
import { drawnConnector, placeLabels, shapesOf, SITE_HEADER_PX } from '../src/render/diagram';
import type { ConnectorRouter } from '../src/render/router';
import { syntheticDesign } from '../src/model/synthetic';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return (at >= 0 ? process.argv[at + 1] : undefined) ?? fallback;
};

async function main() {
  const plain = await loadAvoidRouter();
  let libavoid = 0;
  let libavoidLinks = 0;
  const timed: ConnectorRouter = {
    route(o, r) {
      const t = performance.now();
      const out = plain.route(o, r);
      libavoid += performance.now() - t;
      libavoidLinks += r.length;
      return out;
    },
  };
  const sizes = arg('sizes', '1000,3000').split(',').map(Number);
  const rounds = Number(arg('rounds', '3'));
  for (const elements of sizes) {
    const design = syntheticDesign({ sites: 4, elements });
    const picked = design.nodes
      .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
      .slice(0, 30)
      .map((n) => n.id);
    let memo = memoRouter(timed);
    let cache: RouteCache = new Map();
    const job = (d: Design) => {
      const t: Record<string, number> = {};
      const lap = <T>(name: string, f: () => T): T => {
        const s = process.cpuUsage();
        const out = f();
        const c = process.cpuUsage(s);
        t[name] = (t[name] ?? 0) + (c.user + c.system) / 1000;
        return out;
      };
      libavoid = 0;
      libavoidLinks = 0;
      const groups = lap('routingGroups', () => routingGroups(d));
      const pending = lap('isRouted', () =>
        [...groups].filter(([id, g]) => !isRouted(cache, id, g)),
      );
      // Two passes of routeGroup (a large group's ports, then its row-to-row links by rule)
      // timed on their own, then routeIntoCache as the worker calls it (those passes again).
      for (const [, g] of pending) {
        if (g.requests.length <= 80) continue;
        const ported = lap('  withPorts', () => withPorts(g.obstacles, g.requests));
        lap('  channelRoutes', () => channelRoutes(g.obstacles, ported));
      }
      lap('routeIntoCache', () => {
        for (const [id, g] of pending) routeIntoCache(cache, id, g, memo);
      });
      const connectors = lap('renderConnectors', () =>
        renderConnectors(d, memo, { cache, groups }),
      );
      // Three passes of renderConnectors timed on their own (indented in the report).
      const { sites, devices } = lap('  shapesOf', () => shapesOf(d));
      const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
      for (const x of sites) boxes.set(x.id, x.box);
      for (const x of devices) boxes.set(x.id, x.box);
      const ids = new Set(devices.map((x) => x.id));
      const routes = new Map<string, readonly { x: number; y: number }[]>();
      for (const v of cache.values()) for (const [k, p] of v.routes) routes.set(k, p);
      const drawn = lap('  drawnConnector', () =>
        d.links.flatMap((l) => drawnConnector(l, routes.get(l.id), boxes, ids, d, {}) ?? []),
      );
      lap('  placeLabels', () =>
        placeLabels(
          drawn,
          devices.map((x) => x.box),
          sites.map((x) => ({ ...x.box, height: SITE_HEADER_PX })),
        ),
      );
      lap('previewBase', () => previewBase(d, connectors, groups, undefined, cache));
      t['libavoid(wall)'] = libavoid;
      t['libavoid links'] = libavoidLinks;
      t['groups routed'] = pending.length;
      return t;
    };
    const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
    const steps: [string, Design][] = [
      ['delete', removeElements(design, picked)],
      ['undo', design],
      ['paste', pasted!.design],
    ];
    const sums = new Map<string, Record<string, number[]>>();
    for (let r = 0; r < rounds; r++) {
      memo = memoRouter(timed);
      cache = new Map();
      job(design);
      for (const [name, d] of steps) {
        const t = job(d);
        const row = sums.get(name) ?? {};
        for (const [k, v] of Object.entries(t)) (row[k] ??= []).push(v);
        sums.set(name, row);
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    for (const [name, row] of sums)
      console.log(
        `${elements} ${name}: ` +
          Object.entries(row)
            .map(([k, v]) => `${k} ${med(v).toFixed(1)}`)
            .join(' · '),
      );
  }
}
void main();
