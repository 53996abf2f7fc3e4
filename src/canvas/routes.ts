/**
 * The canvas's connector geometry: the same routes and label boxes the exports draw
 * (src/render), computed in a worker from the nodes' live positions, so links follow a device
 * while it is dragged. Each edge subscribes to its own connector only (routeStore.ts); a
 * connector whose route and label did not change keeps its identity, so its edge does not
 * re-render. Loaded just after the first screen (Canvas.tsx).
 */
import { isAnotherDesign } from '../model/anotherDesign';
import type { Design, DesignNode, Link } from '../model/schema';
import { sameEntries } from '../model/sameValue';
import { relabelled } from '../render/diagram';
import { limitFinding } from '../render/text';
import { PackedConnector, packedConnector } from '../render/packed';
import type { Connector } from '../render/types';
import type { Finding } from '../rules/types';
import { findingsFor, useValidated, type FindingsIndex } from '../store/findings';
import { linkById } from '../model/byId';
import type { FlowNode } from '../store/flow';
import { dropPending, useStudio } from '../store/studio';
import { setRoutingBusy } from '../store/routingBusy';
import { mustDrawFirst } from '../store/validationTiming';
import { setRoutes, useRoutes, useRoutingFailure } from './routeStore';
import type { RouteAnswer, RouteJob } from './routes.worker';
import { connectorReceiver, designSender, sameConnector, type ConnectorDelta } from './routeWire';

/** The last nodes placed live: an edit that moves nothing (a distance, a name) reuses them. */
let placed: {
  readonly elements: Design['nodes'];
  readonly nodes: readonly FlowNode[];
  readonly moved: Design['nodes'] | null;
  /** The indices at which `moved` has another object than `elements` (the nodes shown elsewhere). */
  readonly live: ReadonlySet<number>;
  /** The design placed, and the one made of it (itself when `moved` is null). */
  readonly source: Design;
  readonly design: Design;
} | null = null;

/**
 * The live design made last, and the indices of the nodes that changed since the design last
 * encoded for the worker (`encoded`): each live design made since was a change of the one
 * before (a drag's moves), which the wire sends as those nodes only (routeWire.ts).
 */
let unsent: { readonly design: Design; readonly nodes: Set<number> } | null = null;

/** The design with each node where the canvas shows it now (mid-drag, mid-resize). */
export function withLivePositions(design: Design, nodes: readonly FlowNode[]): Design {
  const before = placed;
  if (before?.elements === design.nodes && before.nodes === nodes) {
    if (before.source === design) return before.design;
    const out = before.moved ? { ...design, nodes: before.moved } : design;
    placed = { ...before, source: design, design: out };
    return out;
  }
  // A drag's move: the canvas's nodes are those placed last but for the few it moved (React
  // Flow replaces a node's object only when it changes). Only those are placed again, where
  // every node was mapped, and a design-sized array made, on each move (74 ms of a 40-move
  // drag at 3,000 elements in a CPU profile).
  if (before?.elements === design.nodes && before.nodes.length === nodes.length) {
    const changed: number[] = [];
    const was = before.nodes;
    for (let i = 0; i < nodes.length; i++) if (nodes[i] !== was[i]) changed.push(i);
    if (changed.every((i) => nodes[i]?.id === design.nodes[i]?.id)) {
      const base = before.moved ?? design.nodes;
      let moved: DesignNode[] | null = null;
      const live = new Set(before.live);
      const at: number[] = [];
      for (const i of changed) {
        const element = design.nodes[i] as DesignNode;
        const next = placeOne(element, nodes[i] as FlowNode, base[i] as DesignNode);
        if (next === base[i]) continue;
        moved ??= [...base];
        moved[i] = next;
        at.push(i);
        if (next === element) live.delete(i);
        else live.add(i);
      }
      if (!moved && before.source === design) {
        placed = { ...before, nodes };
        return before.design;
      }
      const result = live.size === 0 ? null : (moved ?? before.moved);
      const out = result ? { ...design, nodes: result } : design;
      const from = before.source === design ? before.design : null;
      if (from && (from === encoded || unsent?.design === from)) {
        const since = unsent?.design === from ? unsent.nodes : new Set<number>();
        for (const i of at) since.add(i);
        unsent = { design: out, nodes: since };
      } else unsent = null;
      placed = { elements: design.nodes, nodes, moved: result, live, source: design, design: out };
      return out;
    }
  }
  const { moved, live } = placeLive(design.nodes, nodes);
  const out = moved ? { ...design, nodes: moved } : design;
  placed = { elements: design.nodes, nodes, moved, live, source: design, design: out };
  unsent = null;
  return out;
}

/**
 * An element where the canvas shows its node: the element itself when it shows it there, `was`
 * (the element as placed before) when it shows it where that has it.
 */
function placeOne(element: DesignNode, n: FlowNode, was: DesignNode = element): DesignNode {
  const { x, y } = n.position;
  const resized =
    element.kind === 'site' &&
    n.width !== undefined &&
    n.height !== undefined &&
    (n.width !== element.width || n.height !== element.height);
  if (x === element.position.x && y === element.position.y && !resized) return element;
  const next =
    element.kind === 'site' && resized
      ? {
          ...element,
          position: { x, y },
          width: n.width ?? element.width,
          height: n.height ?? element.height,
        }
      : { ...element, position: { x, y } };
  return was !== element && samePlace(was, next) ? was : next;
}

const samePlace = (a: DesignNode, b: DesignNode): boolean =>
  a.position.x === b.position.x &&
  a.position.y === b.position.y &&
  (a.kind !== 'site' || b.kind !== 'site' || (a.width === b.width && a.height === b.height));

/**
 * The nodes where the canvas shows them, or null when it shows each where the design has it,
 * and the indices of those it shows elsewhere.
 */
function placeLive(
  elements: Design['nodes'],
  nodes: readonly FlowNode[],
): { moved: Design['nodes'] | null; live: Set<number> } {
  // The canvas keeps the design's order (flow.ts), so a node is nearly always at its element's
  // index: no map of every node on each drag move.
  let byId: Map<string, FlowNode> | null = null;
  const nodeOf = (element: DesignNode, i: number): FlowNode | undefined => {
    const at = nodes[i];
    if (at?.id === element.id) return at;
    byId ??= new Map(nodes.map((n) => [n.id, n]));
    return byId.get(element.id);
  };
  const live = new Set<number>();
  const moved = elements.map((element, i): DesignNode => {
    const n = nodeOf(element, i);
    if (!n) return element;
    const next = placeOne(element, n);
    if (next !== element) live.add(i);
    return next;
  });
  return { moved: live.size > 0 ? moved : null, live };
}

/**
 * The DCI links' findings from the design last validated (store/findings.ts), as far as their
 * labels show them: routing never runs the validator itself, so an edit is routed without
 * waiting for the rules, and a rule that throws reaches the error boundary from the render, not
 * from inside another store listener (where it would keep the autosave listener after it from
 * running).
 */
function dciFindings(design: Design): Map<string, readonly Finding[]> {
  let byElement: FindingsIndex['byElement'];
  try {
    byElement = findingsFor(useValidated.getState().design).byElement;
  } catch {
    byElement = new Map();
  }
  const out = new Map<string, readonly Finding[]>();
  for (const link of design.links) {
    const list = link.kind === 'dci' ? byElement.get(link.id) : undefined;
    const shown = list ? labelFindings(list) : NONE;
    if (shown.length > 0) out.set(link.id, shown);
  }
  return out;
}

const NONE: readonly Finding[] = [];
const labelled = new WeakMap<readonly Finding[], readonly Finding[]>();
/**
 * The one finding of a link's a label shows (limitFinding), in a list kept per list of
 * findings.ts (which keeps a link's list while its findings read the same, see sameFindings).
 * A label reads the same from it as from the whole list; the whole lists of a 3,000-element
 * design weighed 800 KB, cloned for the worker on every drag move.
 */
function labelFindings(list: readonly Finding[]): readonly Finding[] {
  let shown = labelled.get(list);
  if (!shown) {
    const limit = limitFinding(list);
    shown = limit ? [limit] : NONE;
    labelled.set(list, shown);
  }
  return shown;
}

/** Same lists by identity: findings.ts keeps an element's list while its findings read the same. */
function sameFindings(
  a: ReadonlyMap<string, readonly Finding[]> | null,
  b: ReadonlyMap<string, readonly Finding[]>,
): boolean {
  return a !== null && sameEntries(a, b);
}

let worker: Worker | null = null;
let seq = 0;
let busy = false;
let queued = false;
/** The last design routed (with live positions): a selection change alone routes nothing. */
let lastInput: Design | null = null;
/** The DCI findings the last routes carry (their labels show the figure of a broken limit). */
let lastFindings: ReadonlyMap<string, readonly Finding[]> | null = null;

/** What the router drew lately, newest first: an undo often returns to one of them. */
interface Drawn {
  readonly design: Design;
  readonly connectors: readonly Connector[];
  /** The findings its labels show: relabelled keeps the labels of the links whose are the same. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}
const DRAWINGS_KEPT = 8;
let drawings: Drawn[] = [];
/** The design of the job the worker is routing, and the findings its labels show. */
let routing: {
  readonly design: Design;
  readonly findings: Drawn['findings'];
  /** A drag's preview (only the links it moved routed again): not a drawing to remember. */
  readonly live: boolean;
} | null = null;
/** The two ends of the wire to the worker (routeWire.ts): only changes cross it. */
let designDelta = designSender();
let connectorsOf = connectorReceiver();

function remember(drawn: Drawn): void {
  drawings = [drawn, ...drawings.filter((d) => d !== drawn)].slice(0, DRAWINGS_KEPT);
}

function send(post: 'now' | 'next task' = 'now'): void {
  const { design, nodes } = useStudio.getState();
  const positioned = withLivePositions(design, nodes);
  const findings = dciFindings(positioned);
  // A validation that leaves every DCI link's findings as they were changes no label.
  if (positioned === lastInput && sameFindings(lastFindings, findings)) return;
  lastInput = positioned;
  lastFindings = findings;
  if (!worker) return;
  if (busy) {
    queued = true;
    return;
  }
  // Nothing that routes changed (a DCI distance, a name, a setting, new findings, an undo back
  // to a drawing made before): the routes already drawn for it, with the labels as they are
  // now, placed again if one changed size. Same result as routing again (relabelled,
  // src/render/diagram.ts).
  for (const drawn of drawings) {
    const connectors = relabelled(drawn, positioned, { findings });
    if (!connectors) continue;
    remember({ design: positioned, connectors: publish(connectors), findings });
    // The worker is told the design all the same (nothing to route), so that the next job
    // crosses as a change of this one: after a delete and its undo (drawn from the drawing
    // before the delete), a paste crossed as a change of the design without the deleted
    // devices, nearly the whole design at 3,000 elements.
    if (positioned !== encoded)
      toWorker({ seq, design: encode(positioned), findings, sync: true }, 'next task');
    return;
  }
  busy = true;
  // The canvas shows a node elsewhere than the design has it: a drag (or resize) in progress.
  const live = positioned !== design;
  routing = { design: positioned, findings, live };
  toWorker({ seq: ++seq, design: encode(positioned), findings, live }, post);
}

/** The design last encoded for the worker (the one the next crosses as a change of). */
let encoded: Design | null = null;

function encode(design: Design): RouteJob['design'] {
  // A live design made as a change of this one's nodes (a drag's moves): only those cross.
  const moved =
    encoded && unsent?.design === design ? { from: encoded, nodes: [...unsent.nodes] } : undefined;
  encoded = design;
  unsent = null;
  return designDelta(design, moved);
}

/** Messages for the worker not posted yet, in the order their designs were encoded. */
let outbox: RouteJob[] = [];

/**
 * Post a message to the worker, now or in the next task; either way after every message before
 * it (each design crosses as a change of the one before, routeWire.ts).
 */
function toWorker(job: RouteJob, post: 'now' | 'next task'): void {
  outbox.push(job);
  const to = worker;
  const flush = () => {
    // Unless the worker was replaced meanwhile (spawn): the new one starts from nothing.
    if (worker !== to || !to) return;
    const jobs = outbox;
    outbox = [];
    for (const j of jobs) to.postMessage(j);
  };
  if (post === 'now') flush();
  else setTimeout(flush, 0);
}

/**
 * Hand the edges their connectors; one whose drawing did not change keeps its object. Returns
 * the connectors shown, for the drawing to remember: remembered drawings then share the
 * connectors they have in common instead of each holding the worker's copies.
 */
function publish(connectors: readonly Connector[]): Connector[] {
  const previous = useRoutes.getState().byId;
  const next = new Map<string, Connector>();
  const shown: Connector[] = [];
  // The links whose route this changes (each edge is told of its own only: routeStore.ts).
  const changed: string[] = [];
  for (const c of connectors) {
    const old = previous.get(c.id);
    // Kept packed, as the worker's connectors are (withDesignStrings): a relabelled one is plain.
    const keep = old && sameConnector(old, c) ? old : packedConnector(c);
    if (keep !== old) changed.push(c.id);
    next.set(c.id, keep);
    shown.push(keep);
  }
  if (next.size !== previous.size || changed.length > 0)
    for (const id of previous.keys()) if (!next.has(id)) changed.push(id);
  if (changed.length > 0 || next.size !== previous.size) setRoutes(next, changed);
  return shown;
}

/**
 * Whether an edit is handed to the worker in the task after the one that makes it (once its
 * render is done) rather than after the frame that shows it (sendSoon): one that adds or
 * removes elements (a delete, a paste, an undo or redo of either) of the design the canvas
 * shows. Its job is a small change of the previous one (routeWire.ts: a millisecond at 3,000
 * elements), and the worker routes it while the main thread paints the edit, not after that
 * frame, behind the rules run on it (findings.ts): bench:ui's delete and paste of 30 devices
 * settled (their links re-routed) at 2.7–4.2 times the plain React Flow page's. An undo back
 * to a drawing the router made is drawn in the render of the undo itself (relabelled). Not in
 * the edit's own task: the worker routing beside the render of the edit took the main
 * thread's time on a loaded machine, and the edit's first change came up to twice as late. A
 * drop waits for its frame (its answers are held for it); a design just opened (another
 * design, as model/anotherDesign.ts tells for the findings too, or one opened with its drawing
 * first) crosses whole, which its first frame must not wait for.
 */
export function routesAtOnce(design: Design, before: Design): boolean {
  if (mustDrawFirst() || dropPending()) return false;
  if (design.nodes.length === before.nodes.length && design.links.length === before.links.length)
    return false;
  return !isAnotherDesign(design, before);
}

let soon = false;
/**
 * Route after the frame that shows a change: the design handed to the worker is copied
 * (structured clone), which a drop, an undo or a select-all must not wait for; a burst of
 * changes (a drag's moves within a frame) is sent once.
 */
function sendSoon(): void {
  if (soon) return;
  soon = true;
  report();
  const run = () => {
    soon = false;
    // A drop waits for its frame (studio.ts, finishDrag): the drag's last move is routed as
    // the drop's design, once, after it, not as a preview whose job the worker would run
    // beside the drop's frame.
    if (dropPending()) sendSoon();
    else send();
    report();
  };
  afterFrame(run);
}

/** Run `run` just after the next frame (in the task after its callbacks). */
function afterFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/**
 * Answers held for a frame (holdAnswersForFrame, drawInNextFrame): published when it comes, in
 * the order they came.
 */
let held: RouteAnswer[] | null = null;

function releaseHeld(): void {
  const answers = held ?? [];
  held = null;
  for (const answer of answers) receive(answer);
  report();
}

/**
 * Answers that came while a drop waited for its frame: published just after it. The frame after
 * a pointer-up shows the drop; an answer routed for a position of the drag before it would make
 * that frame wait for a re-render of the edges (the drop's own routes follow anyway).
 */
function holdAnswersForFrame(): void {
  if (held) return;
  held = [];
  report();
  afterFrame(releaseHeld);
}

/**
 * Answers to a drag's preview: drawn in the next frame's callbacks, so their render and its
 * layout come with the frame's own, before its paint. Drawn in the task they came in, between
 * two frames, the next input waited for that render, and its handlers (d3-drag reads its
 * container's box on every move and at the pointer-up) forced the layout of it: the drop's
 * pointer-up handlers waited for a render of the edges and laid them out (a 15 ms task and
 * 28 ms of forced layout before one drop's frame at 3,000 elements, on a loaded machine).
 * If the pointer goes up before that frame, the frame shows the drop: they wait for it to pass.
 */
function drawInNextFrame(): void {
  if (held) return;
  held = [];
  report();
  // In a frame's callbacks: the task after them is after its paint.
  requestAnimationFrame(() => (dropPending() ? setTimeout(releaseHeld, 0) : releaseHeld()));
}

function arrive(event: MessageEvent<RouteAnswer>): void {
  // A drop waits for its frame (studio.ts, finishDrag): an answer for a position of the drag
  // before it waits for that frame too.
  if (!held && dropPending()) holdAnswersForFrame();
  else if (!held && routing?.live && typeof requestAnimationFrame === 'function') drawInNextFrame();
  if (held) held.push(event.data);
  else receive(event.data);
  report();
}

/**
 * A connector as the canvas keeps it: the worker's, with the design's own strings for what it
 * shares with its link, and its route packed (src/render/packed.ts). A message from the worker
 * brings a copy of every string in it (each id, end and kind, and the ids in the drawing
 * order), which the canvas kept for as long as it showed the link: 0.3 MB at 3,000 elements;
 * its points as {x, y} objects weighed another ~0.4 MB there.
 */
export function withDesignStrings(c: Connector, link: Link | undefined): Connector {
  return new PackedConnector({
    id: link?.id ?? c.id,
    kind: c.kind === 'dci' ? 'dci' : 'fabric',
    source: link?.source === c.source ? link.source : c.source,
    target: link?.target === c.target ? link.target : c.target,
    points: c.points,
    l3Only: c.l3Only,
    label: c.label,
  });
}

function keptFromWorker(delta: ConnectorDelta): ConnectorDelta {
  const links = linkById(useStudio.getState().design.links);
  return {
    order: delta.order && delta.order.map((id) => links.get(id)?.id ?? id),
    changed: delta.changed.map((c) => withDesignStrings(c, links.get(c.id))),
  };
}

function receive(answer: RouteAnswer): void {
  // Every answer's connectors are decoded, even a superseded one's: the next is a change of it.
  const connectors = answer.ok ? connectorsOf(keptFromWorker(answer.connectors)) : null;
  // An answer to a job a newer one superseded (posted before the worker saw the newer one).
  if (answer.seq !== seq) return;
  // The canvas keeps its straight lines: still a correct drawing, only a less tidy one, and
  // the user is told why (RoutingNotice).
  if (!answer.ok) failed(answer.message);
  else if (connectors) {
    failed(null);
    const shown = publish(connectors);
    // Only a complete drawing is remembered: a partial one has straight links in it.
    if (answer.complete && routing && !routing.live)
      remember({ design: routing.design, findings: routing.findings, connectors: shown });
  }
  // More sites to come, and nothing newer to route: wait for them.
  if (answer.ok && !answer.complete && !queued) return;
  // Done, or a newer design waits: it supersedes the rest of this job (the worker drops it).
  busy = false;
  routing = null;
  if (queued) {
    queued = false;
    lastInput = null;
    send();
  }
}

/**
 * Whether the router has a change still to draw: one waiting for its frame, a job in the
 * worker (or queued behind it), or an answer held for a drop's frame. For the benches, and
 * for autosave (report).
 */
export function isRouting(): boolean {
  return worker !== null && (soon || busy || queued || held !== null);
}

/** Tell the store whether routing is in flight (autosave waits for it: store/routingBusy.ts). */
function report(): void {
  setRoutingBusy(isRouting());
}

/** Record why the links could not be routed (null: they were), for RoutingNotice. */
function failed(message: string | null): void {
  if (useRoutingFailure.getState().message === message) return;
  if (message !== null) console.warn(`Links could not be routed: ${message}`);
  useRoutingFailure.setState({ message });
}

/** A new worker, routing the design as it is now (the first one, or a retry after a failure). */
function spawn(): void {
  worker?.terminate();
  worker = new Worker(new URL('./routes.worker.ts', import.meta.url), { type: 'module' });
  // A new worker starts from nothing: the first design and answer cross whole.
  designDelta = designSender();
  connectorsOf = connectorReceiver();
  outbox = [];
  encoded = null;
  busy = false;
  queued = false;
  routing = null;
  worker.onmessage = arrive;
  worker.onerror = (event) => {
    busy = false;
    report();
    failed(`its worker did not start (${event.message || 'its script could not be loaded'})`);
  };
  lastInput = null;
  send();
  report();
}

/** Start routing the canvas's links; returns the function that stops it. */
export function startRouting(): () => void {
  if (typeof Worker === 'undefined') return () => {};
  spawn();
  useRoutingFailure.setState({ retry: spawn });
  const unsubscribe = useStudio.subscribe((s, prev) => {
    if (s.design !== prev.design && mustDrawFirst()) holdAnswersForFrame();
    if (s.design !== prev.design && routesAtOnce(s.design, prev.design)) {
      send('next task');
      report();
    } else if (s.design !== prev.design || s.nodes !== prev.nodes) sendSoon();
  });
  // New findings can change a DCI label (the figure of a broken limit).
  const unsubscribeFindings = useValidated.subscribe((s, prev) => {
    if (s.design !== prev.design) sendSoon();
  });
  return () => {
    unsubscribe();
    unsubscribeFindings();
    worker?.terminate();
    worker = null;
    busy = false;
    queued = false;
    routing = null;
    drawings = [];
    held = null;
    useRoutingFailure.setState({ message: null, retry: null });
    report();
  };
}
