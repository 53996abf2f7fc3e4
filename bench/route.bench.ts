/**
 * Routing (src/render/diagram.ts with libavoid, src/render/avoid.ts): `renderDiagram` on the
 * synthetic designs the UI bench draws (src/model/synthetic.ts, 2 sites at 200 elements, 4 above),
 * from scratch (no route cache), as the exports, the command line and the canvas's worker after
 * opening a design pay it. Prints wall and CPU time, and the slowest routing group (one site's
 * links, or the links between sites, routed on its own), whose time is how long the canvas waits
 * for that site.
 *
 *   npm run bench route                          200 / 1,000 / 3,000 elements
 *   npm run bench route -- --sizes 200,1000      the sizes named
 *
 * A size whose first run takes over 5 s is run once, others 3 times (the median is printed).
 *
 * Then the UI bench's edits as the canvas's worker routes them (its route cache and memoRouter,
 * src/canvas/routes.worker.ts): delete 30 of DC 1's rack devices, undo, paste them, undo, and
 * drag s0-t1 40 moves and drop it, and one DCI-distance edit; for each, the links libavoid
 * routes again and the CPU time. The drag is previewed twice, side by side: as the worker does
 * (src/render/preview.ts, at the cost of what moved) and with the whole design drawn on each
 * move (RenderOptions.live, what the worker falls back to). The edit is what the canvas does
 * (routes.ts): the drawing relabelled on the main thread, the worker not asked; and what the
 * worker would route for it. `--no-edits` leaves them out.
 */
import { pasteInto } from '../src/model/clipboard';
import { moveNodes, removeElements, updateLink } from '../src/model/edits';
import type { Design } from '../src/model/schema';
import { loadAvoidRouter } from '../src/render/avoid';
import { memoRouter } from '../src/render/routeMemo';
import { routeGroup } from '../src/render/channels';
import { relabelled, renderDiagram, routingGroups, type RouteCache } from '../src/render/diagram';
import { previewBase, previewConnectors, type PreviewBase } from '../src/render/preview';
import type { Connector } from '../src/render/types';
import type { ConnectorRouter } from '../src/render/router';
import { syntheticDesign } from '../src/model/synthetic';
import { fmt } from './util';

function sizes(): number[] {
  const at = process.argv.indexOf('--sizes');
  const raw = at >= 0 ? process.argv[at + 1] : undefined;
  return (raw ?? '200,1000,3000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
}

interface Run {
  wall: number;
  cpu: number;
  groupMax: number;
  groups: number;
  biggest: number;
}

function once(elements: number, router: ConnectorRouter): Run {
  const design = syntheticDesign({ sites: elements <= 300 ? 2 : 4, elements });
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  renderDiagram(design, router);
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  // Each group on its own, as the canvas's worker routes them one after the other.
  let groupMax = 0;
  let biggest = 0;
  const groups = routingGroups(design);
  for (const { obstacles, requests } of groups.values()) {
    const t = performance.now();
    routeGroup(router, obstacles, requests);
    groupMax = Math.max(groupMax, performance.now() - t);
    biggest = Math.max(biggest, requests.length);
  }
  return { wall, cpu: (cpu.user + cpu.system) / 1000, groupMax, groups: groups.size, biggest };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The UI bench's edits, routed as the canvas's worker routes them. */
function edits(elements: number, plain: ConnectorRouter): string {
  let links = 0;
  const counting: ConnectorRouter = {
    route(obstacles, requests) {
      links += requests.length;
      return plain.route(obstacles, requests);
    },
  };
  const memo = memoRouter(counting);
  const cache: RouteCache = new Map();
  const design = syntheticDesign({ sites: elements <= 300 ? 2 : 4, elements });
  const step = (name: string, run: () => void) => {
    links = 0;
    const cpu0 = process.cpuUsage();
    run();
    const cpu = process.cpuUsage(cpu0);
    return `${name} ${links} links ${fmt((cpu.user + cpu.system) / 1000)} ms`;
  };
  // The last complete drawing, as the worker keeps it for a drag's previews.
  let base: PreviewBase | null = null;
  let drawn: { design: Design; connectors: readonly Connector[] } | null = null;
  const draw = (d: Design) => () => {
    // As the worker does: the groups worked out once, for the drawing and the preview's base.
    const groups = routingGroups(d);
    const { connectors } = renderDiagram(d, memo, { cache, groups });
    base = previewBase(d, connectors, groups, undefined, cache);
    drawn = { design: d, connectors };
  };
  draw(design)();
  // The UI bench's picked devices (bench/ui/page.ts).
  const picked = design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
    .slice(0, 30)
    .map((n) => n.id);
  const out = [step('delete', draw(removeElements(design, picked))), step('undo', draw(design))];
  const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
  if (pasted) out.push(step('paste', draw(pasted.design)), step('undo', draw(design)));
  const tor = design.nodes.find((n) => n.id === 's0-t1');
  let moved = design;
  if (tor) {
    const moves: Design[] = [];
    for (let i = 1; i <= 40; i++)
      moves.push(
        moveNodes(
          moves[moves.length - 1] ?? design,
          new Map([[tor.id, { x: tor.position.x + i * 8, y: tor.position.y + i * 4 }]]),
        ),
      );
    moved = moves[moves.length - 1] ?? design;
    const from = base as PreviewBase | null;
    out.push(
      step('drag (40 moves, whole design each)', () => {
        for (const d of moves) renderDiagram(d, memo, { cache, live: counting });
      }),
      step('drag (40 moves, preview)', () => {
        for (const d of moves)
          if (!from || !previewConnectors(from, d, counting, undefined))
            throw new Error('the drag could not be previewed');
      }),
      step('drop', draw(moved)),
    );
  }
  // One DCI-distance edit (bench/ui/run.ts): the canvas relabels its drawing; the worker is not
  // asked. What it would route for it is the second figure.
  const edited = updateLink(moved, 'dci-s0-s1-0', { distanceKm: 77 });
  let changed = 0;
  out.push(
    step('edit (DCI distance): relabel', () => {
      const shown = drawn as { design: Design; connectors: readonly Connector[] } | null;
      const connectors = shown ? relabelled(shown, edited) : null;
      if (!connectors) throw new Error('the edit could not be relabelled');
      changed = connectors.filter((c, i) => c !== shown?.connectors[i]).length;
    }) + ` (${changed} connector${changed === 1 ? '' : 's'} changed)`,
    step('worker', draw(edited)),
  );
  return out.join(' · ');
}

export default async function routeBench(): Promise<void> {
  const router = await loadAvoidRouter();
  once(200, router); // warm-up: the wasm's first calls
  for (const elements of sizes()) {
    const runs = [once(elements, router)];
    if ((runs[0]?.wall ?? Infinity) < 5000)
      runs.push(once(elements, router), once(elements, router));
    const first = runs[0] as Run;
    console.log(
      `renderDiagram, synthetic ${elements.toLocaleString('en')} elements: ` +
        `${fmt(median(runs.map((r) => r.cpu)))} ms CPU, ${fmt(median(runs.map((r) => r.wall)))} ms wall, ` +
        `slowest group ${fmt(median(runs.map((r) => r.groupMax)))} ms ` +
        `(${first.groups} groups, the largest ${first.biggest} links; ${runs.length} run${runs.length > 1 ? 's, median' : ''})`,
    );
  }
  if (process.argv.includes('--no-edits')) return;
  for (const elements of sizes())
    console.log(`edits, ${elements.toLocaleString('en')} elements: ${edits(elements, router)}`);
}
