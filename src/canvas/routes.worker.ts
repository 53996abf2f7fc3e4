/// <reference lib="webworker" />
/**
 * Routing off the main thread: libavoid takes tens of milliseconds per site, which would make
 * dragging stutter. The worker keeps the previous routes (per site, and per call of the router)
 * so a drag re-routes only the batches of links it changed. A design with several sites to
 * route (one just opened) is routed site by site: once a job has run for PARTIAL_AFTER_MS, each site's routes are posted as soon
 * as they are done (the sites not yet routed straight; an edit's job posts a drawing with only
 * routes it left valid first, see opensSites), and a newer job drops the rest of an older one
 * at the next site.
 */
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { loadAvoidRouter } from '../render/avoid';
import {
  groupKeeper,
  isRouted,
  keptGroups,
  renderConnectors,
  renderDiagram,
  routeIntoCache,
  type DrawnLinks,
  type RouteCache,
} from '../render/diagram';
import { previewBase, previewConnectors, type PreviewBase } from '../render/preview';
import { memoRouter } from '../render/routeMemo';
import { AVOID_WASM_URL } from '../render/wasm';
import {
  connectorSender,
  designReceiver,
  type ConnectorDelta,
  type DesignDelta,
} from './routeWire';

/** A job as the canvas posts it: its design as a change of the previous job's (routeWire.ts). */
export interface RouteJob {
  readonly seq: number;
  readonly design: DesignDelta;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /**
   * A drag in progress: only the links the drag moved are routed again (RenderOptions.live),
   * the rest keep their routes; the drop's job routes it whole.
   */
  readonly live?: boolean;
  /**
   * Only the design, to route nothing: one the canvas drew from a drawing it had (an undo
   * back to it), so that the next job's design crosses as a change of it.
   */
  readonly sync?: boolean;
}

/**
 * The drawing of a job's design: `complete` once every site is routed; before that, the sites
 * routed so far with the others' links straight. Its connectors cross as a change of the
 * previous answer's (routeWire.ts).
 */
export type RouteAnswer =
  | {
      readonly seq: number;
      readonly ok: true;
      readonly connectors: ConnectorDelta;
      readonly complete: boolean;
    }
  | { readonly seq: number; readonly ok: false; readonly message: string };

/** A job quicker than this posts only its complete drawing (no flash of straight lines). */
const PARTIAL_AFTER_MS = 150;

const cache: RouteCache = new Map();
/** The routing groups of the last job's design: a site an edit left as it was keeps its own. */
const groupsOf = groupKeeper();
/** Each link's connector as last drawn: a link an edit left as it was keeps its object. */
const drawn: DrawnLinks = new Map();

/**
 * Whether a job's drawing may come in parts: only when it routes a site never routed before (a
 * design just opened), whose links are straight until then anyway. An edit's job (a delete, a
 * paste, an undo: every site it routes again was routed before) posts no such parts: in a
 * part, the sites not yet routed again showed their links straight or on their old routes,
 * through the devices the edit added, and each part was one more render of the edges before
 * the edit settled. Its first drawing keeps only routes the edit left valid (keptGroups).
 */
function opensSites(pending: readonly (readonly [string, unknown])[]): boolean {
  return pending.some(([id]) => !cache.has(id));
}
/**
 * The router, remembering its answers by their exact input (routeMemo.ts): a delete, a drag or
 * an undo reroutes only the batches of links whose input it changed, and draws what a route
 * from scratch draws.
 */
const plain = loadAvoidRouter(AVOID_WASM_URL);
const router = plain.then((r) => memoRouter(r));
/** The newest job received: an older one stops at its next site. */
let latest = 0;
/** The last complete drawing: a drag's previews start from it (src/render/preview.ts). */
let base: PreviewBase | null = null;

const post = (answer: RouteAnswer) => self.postMessage(answer);
const designOf = designReceiver();
const connectorsOf = connectorSender();
/** Let the messages that arrived meanwhile (a newer job) in. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(
  seq: number,
  design: Design,
  findings: RouteJob['findings'],
  live: boolean,
): Promise<void> {
  const r = await router;
  if (seq !== latest) return;
  if (live) {
    // A preview's calls are not remembered: each is for one position of the drag only. It
    // costs what moved; a change it cannot preview (a site moved, a link added) is drawn whole.
    const connectors =
      (base && previewConnectors(base, design, await plain, findings)) ??
      renderDiagram(design, r, { findings, cache, live: await plain }).connectors;
    post({ seq, ok: true, connectors: connectorsOf(connectors), complete: true });
    return;
  }
  const start = performance.now();
  const groups = groupsOf(design);
  let pending = [...groups].filter(([id, group]) => !isRouted(cache, id, group));
  const partial = opensSites(pending);
  // An edit's first drawing: the groups it changed routed, those whose routes it left valid
  // (keptGroups: the links between sites after a paste or a delete in one site) as they were;
  // they are routed again below, and the complete drawing, the one a route from scratch
  // makes, follows (the canvas redraws only the links whose route it changes).
  const kept = partial ? new Set<string>() : keptGroups(cache, new Map(pending));
  if (kept.size > 0) {
    const connectors = renderConnectors(design, r, { findings, cache, groups, kept, drawn });
    post({ seq, ok: true, connectors: connectorsOf(connectors), complete: false });
    await breathe();
    if (seq !== latest) return;
    pending = pending.filter(([id, group]) => !isRouted(cache, id, group));
  }
  for (const [i, [id, group]] of pending.entries()) {
    if (i === pending.length - 1) break;
    routeIntoCache(cache, id, group, r);
    if (partial && performance.now() - start >= PARTIAL_AFTER_MS) {
      // The sites routed so far (from the cache), the others' links straight.
      const connectors = renderConnectors(design, r, {
        findings,
        cache,
        groups,
        only: new Set(),
        drawn,
      });
      post({ seq, ok: true, connectors: connectorsOf(connectors), complete: false });
    }
    await breathe();
    if (seq !== latest) return;
  }
  const connectors = renderConnectors(design, r, { findings, cache, groups, drawn });
  post({ seq, ok: true, connectors: connectorsOf(connectors), complete: true });
  // After the answer, which the canvas need not wait for this: 3.5 ms at 3,000 elements, on
  // every edit's, drop's and opening's last answer. It is ready before the next job is read.
  base = previewBase(design, connectors, groups, findings, cache);
}

self.onmessage = (event: MessageEvent<RouteJob>) => {
  const job = event.data;
  if (!job.sync) latest = job.seq;
  const fail = (error: unknown) =>
    post({
      seq: job.seq,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  // Every job's design is decoded, even one a newer job supersedes: the next is a change of it.
  let design: Design;
  try {
    design = designOf(job.design);
  } catch (error) {
    fail(error);
    return;
  }
  if (job.sync) return;
  run(job.seq, design, job.findings, job.live === true).catch(fail);
};
