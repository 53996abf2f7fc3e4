/**
 * CPU of the route worker's side of a drag (src/canvas/routes.worker.ts's live jobs: one
 * preview per move, src/render/preview.ts), node-side: bench:ui's drag of a ToR, and of a few
 * other devices of DC 1 (a cluster, a spine, a border router), each 40 moves from the design's
 * complete drawing. Per move: the preview's CPU, the shapes and links handed to libavoid, and
 * the routes it draws compared with the other checkout's. `--before <checkout>` alternates the
 * same on another checkout's src (the code before a change), device by device and round by
 * round; medians of the CPU ms per move.
 *
 *   npx tsx bench/drag-preview.ts --size 3000 --rounds 5 [--kinds tor,cluster,spine,border]
 *     [--before /path/to/other/checkout]
 */
import type { Design } from '../src/model/schema';
import type { Connector } from '../src/render/types';
import type { ConnectorRouter } from '../src/render/router';
import { cpuMs, median } from './util';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return (at >= 0 ? process.argv[at + 1] : undefined) ?? fallback;
};
const SIZE = Number(arg('size', '3000'));
const ROUNDS = Number(arg('rounds', '5'));
const MOVES = 40;

interface Move {
  readonly ms: number;
  readonly shapes: number;
  readonly links: number;
  readonly connectors: readonly Connector[];
}
/** A drag of `id` on one checkout's src: each move's preview. */
type Side = (id: string) => Move[];

async function sideOf(root: string, design: Design): Promise<Side> {
  const diagram = (await import(
    `${root}/src/render/diagram.ts`
  )) as typeof import('../src/render/diagram');
  const preview = (await import(
    `${root}/src/render/preview.ts`
  )) as typeof import('../src/render/preview');
  const { memoRouter } = (await import(
    `${root}/src/render/routeMemo.ts`
  )) as typeof import('../src/render/routeMemo');
  const { loadAvoidRouter } = (await import(
    `${root}/src/render/avoid.ts`
  )) as typeof import('../src/render/avoid');
  const plain = await loadAvoidRouter();
  // The worker's complete drawing, the base its previews start from.
  const cache: import('../src/render/diagram').RouteCache = new Map();
  const groups = diagram.routingGroups(design);
  const memo = memoRouter(plain);
  for (const [id, group] of groups) diagram.routeIntoCache(cache, id, group, memo);
  const connectors = diagram.renderConnectors(design, memo, { cache, groups });
  const base = preview.previewBase(design, connectors, groups, undefined, cache);
  let shapes = 0;
  let links = 0;
  const counted: ConnectorRouter = {
    route(obstacles, requests) {
      shapes += obstacles.length;
      links += requests.length;
      return plain.route(obstacles, requests);
    },
  };
  return (id) => {
    const moves: Move[] = [];
    for (let i = 1; i <= MOVES; i++) {
      const nodes = design.nodes.map((n) =>
        n.id === id ? { ...n, position: { x: n.position.x + i * 6, y: n.position.y + i * 3 } } : n,
      );
      shapes = 0;
      links = 0;
      let drawn: Connector[] | null = null;
      const ms = cpuMs(
        () => (drawn = preview.previewConnectors(base, { ...design, nodes }, counted, undefined)),
      );
      if (!drawn) throw new Error(`no preview of ${id}'s move ${i}`);
      moves.push({ ms, shapes, links, connectors: drawn });
    }
    return moves;
  };
}

async function main() {
  const { syntheticDesign } = await import('../src/model/synthetic');
  const design = syntheticDesign({ sites: SIZE <= 300 ? 2 : 4, elements: SIZE });
  const beforeRoot = arg('before', '');
  const sides: [string, Side][] = [
    ['this', await sideOf(new URL('..', import.meta.url).pathname.replace(/\/$/, ''), design)],
  ];
  if (beforeRoot) sides.unshift(['before', await sideOf(beforeRoot, design)]);
  const inDc1 = (kind: string) =>
    design.nodes.find((n) => n.kind === kind && 'parentId' in n && n.parentId === 's0');
  const dragged = arg('kinds', 'tor,cluster,spine,border')
    .split(',')
    .map((kind) => {
      const id = inDc1(kind)?.id;
      if (id !== undefined) return id;
      const kinds = new Set(
        design.nodes.filter((n) => 'parentId' in n && n.parentId === 's0').map((n) => n.kind),
      );
      throw new Error(`--kinds: DC 1 has no "${kind}" to drag (it has ${[...kinds].join(', ')})`);
    });
  const ms = new Map<string, number[]>();
  const counts = new Map<string, string>();
  let compared = 0;
  let differing = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const id of dragged) {
      const runs: Move[][] = [];
      for (let s = 0; s < sides.length; s++) {
        const [side, drag] = sides[(s + round) % sides.length] as [string, Side];
        const moves = drag(id);
        runs[(s + round) % sides.length] = moves;
        const key = `${id}\t${side}`;
        ms.set(key, [...(ms.get(key) ?? []), ...moves.map((m) => m.ms)]);
        counts.set(
          key,
          `${median(moves.map((m) => m.shapes))} shapes, ${median(moves.map((m) => m.links))} links`,
        );
      }
      const [a, b] = runs;
      if (round === 0 && a && b)
        for (let i = 0; i < a.length; i++)
          for (let k = 0; k < (a[i]?.connectors.length ?? 0); k++) {
            compared++;
            const x = a[i]?.connectors[k];
            const y = b[i]?.connectors[k];
            if (JSON.stringify(x?.points) !== JSON.stringify(y?.points)) differing++;
          }
    }
  console.log(`${SIZE} elements, ${ROUNDS} rounds of ${MOVES} moves: CPU ms per move (median)`);
  for (const [key, xs] of ms)
    console.log(`${key}\t${median(xs).toFixed(2)} ms\t(libavoid given ${counts.get(key)})`);
  if (sides.length > 1)
    console.log(`routes drawn: ${differing} of ${compared} connectors differ between the sides`);
}
void main();
