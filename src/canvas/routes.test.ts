import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeElements, updateLink } from '../model/edits';
import type { DciLink, Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { renderDiagram } from '../render/diagram';
import { limitFinding } from '../render/text';
import { straightRouter } from '../render/router';
import { packedConnector, plainConnector } from '../render/packed';
import type { Connector } from '../render/types';
import { findingsFor, useValidated, validatorReady } from '../store/findings';
import { syncNodes, type FlowNode } from '../store/flow';
import { isRoutingBusy } from '../store/routingBusy';
import { useStudio } from '../store/studio';
import { validatingAfterFrame } from '../store/validationTiming';
import { useRoutes, watchRoute } from './routeStore';

const useRoute_ = (id: string | undefined) => useRoutes.getState().byId.get(id ?? '');
import { startRouting, withDesignStrings, withLivePositions } from './routes';
import type { RouteAnswer, RouteJob } from './routes.worker';
import { connectorSender, designReceiver, sameConnector } from './routeWire';

/** A job the canvas hands its worker, decoded as the worker does (routeWire.ts). */
interface Job {
  readonly seq: number;
  readonly design: Design;
  readonly findings: RouteJob['findings'];
  /** The design whose findings were on screen when the job was posted. */
  readonly validated: Design;
}
/** The jobs the canvas hands its worker, answered by hand. */
let jobs: Job[] = [];
/** Every design as it crossed to the worker (whole, or as a change of the one before). */
let crossed: RouteJob['design'][] = [];
let worker: FakeWorker | null = null;

class FakeWorker {
  onmessage: ((e: MessageEvent<RouteAnswer>) => void) | null = null;
  onerror: unknown = null;
  readonly designOf = designReceiver();
  readonly connectorsOf = connectorSender();
  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    worker = this;
  }
  postMessage(job: RouteJob) {
    crossed.push(job.design);
    const design = this.designOf(job.design);
    // A design the canvas drew from a drawing it had: nothing to route.
    if (job.sync) return;
    jobs.push({
      seq: job.seq,
      design,
      findings: job.findings,
      validated: useValidated.getState().design,
    });
  }
  terminate() {}
}

/** An answer of the worker's, with its connectors whole (encoded as the worker does). */
type Answer =
  | { seq: number; ok: true; connectors: Connector[]; complete: boolean }
  | { seq: number; ok: false; message: string };
const answer = (a: Answer) => {
  if (!worker) return;
  const data: RouteAnswer = a.ok ? { ...a, connectors: worker.connectorsOf(a.connectors) } : a;
  worker.onmessage?.({ data } as MessageEvent<RouteAnswer>);
};
/** A drawing of the job's design whose links are all marked by `tag` (to tell drawings apart). */
const drawing = (job: Job, tag: number): Connector[] =>
  renderDiagram(job.design, straightRouter).connectors.map((c) => ({
    ...c,
    points: [...c.points, { x: tag, y: tag }],
  }));
/** A connector the canvas keeps (packed: src/render/packed.ts) as plain data, to compare. */
const plainOf = (c: Connector | undefined) => c && plainConnector(c);
/** The design with every device 8 px to the right. */
const devicesMoved = (design: Design): Design => ({
  ...design,
  nodes: design.nodes.map((n) =>
    n.kind === 'site' ? n : { ...n, position: { x: n.position.x + 8, y: n.position.y } },
  ),
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
/**
 * The tasks a frame's callbacks queue, and those they queue in turn, run: zero-delay timers run
 * in the order they were set, however late the machine runs them (a 5 ms `tick` could come
 * before a timer set by one that ran late, on a loaded machine).
 */
const turns = async (count = 4) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

let stop: () => void = () => {};
beforeEach(async () => {
  jobs = [];
  crossed = [];
  vi.stubGlobal('Worker', FakeWorker);
  useStudio.getState().replaceDesign(syntheticDesign({ sites: 2, elements: 60 }));
  // Its validation done (a few tasks later when the rules look slow), so no new findings ask
  // for a route while a test runs.
  await tick();
  await tick();
  useRoutes.setState({ byId: new Map() });
  stop = startRouting();
});
afterEach(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('The canvas routes site by site', () => {
  it('shows each partial drawing, and remembers only a complete one', async () => {
    const job = jobs.at(-1);
    if (!job) throw new Error('no job sent');
    const first = drawing(job, 1);
    answer({ seq: job.seq, ok: true, connectors: first, complete: false });
    expect(plainOf(useRoutes.getState().byId.get(first[0]?.id ?? ''))).toEqual(first[0]);
    // A label edit while the job runs waits for it…
    const link = job.design.links.find((l) => l.kind === 'dci') as DciLink;
    useStudio.getState().replaceDesign(updateLink(job.design, link.id, { distanceKm: 77 }));
    await tick();
    expect(jobs).toHaveLength(1);
    // …and supersedes the rest of it at the next site: the partial drawing was not remembered,
    // so the edit is routed (not relabelled from a drawing with straight links in it).
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 2), complete: false });
    expect(jobs).toHaveLength(2);
    const second = jobs[1] as Job;
    expect(second.seq).toBeGreaterThan(job.seq);
    // The older job's late answers are dropped.
    const late = drawing(job, 3);
    answer({ seq: job.seq, ok: true, connectors: late, complete: true });
    expect(plainOf(useRoutes.getState().byId.get(late[0]?.id ?? ''))).not.toEqual(late[0]);
    // The newer job's complete drawing is shown and remembered: going back to the first
    // design reuses it (no new job) once it is complete.
    const done = drawing(second, 4);
    answer({ seq: second.seq, ok: true, connectors: done, complete: true });
    expect(plainOf(useRoutes.getState().byId.get(done[0]?.id ?? ''))).toEqual(done[0]);
    useStudio.getState().replaceDesign(updateLink(second.design, link.id, { distanceKm: 78 }));
    await tick();
    expect(jobs).toHaveLength(2);
  });

  it('sends nothing new while a job runs alone, and the next design once it is complete', async () => {
    const job = jobs.at(-1) as Job;
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 1), complete: false });
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 2), complete: false });
    expect(jobs).toHaveLength(1);
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 3), complete: true });
    const moved = devicesMoved(job.design);
    useStudio.getState().replaceDesign(moved);
    await tick();
    expect(jobs).toHaveLength(2);
  });
});

/**
 * The last job answered and its routes drawn; from then on, frames come only when the test draws
 * one (`frame`).
 */
async function drawnWithFramesByHand(): Promise<{ job: Job; frame: () => void }> {
  const job = jobs.at(-1) as Job;
  answer({ seq: job.seq, ok: true, connectors: drawing(job, 1), complete: true });
  await tick();
  const callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
    callbacks.push(callback),
  );
  return { job, frame: () => callbacks.splice(0).forEach((callback) => callback(0)) };
}

/**
 * As drawnWithFramesByHand, with the device a drag takes (the first), one of its links and its
 * position, and `frame` awaiting the turns after the frame.
 */
async function dragWithFramesByHand() {
  const drawn = await drawnWithFramesByHand();
  const job = drawn.job;
  const frame = async () => {
    drawn.frame();
    await turns();
  };
  const id = job.design.nodes.find((n) => n.kind !== 'site')?.id ?? '';
  const link = job.design.links.find((l) => l.source === id || l.target === id)?.id ?? '';
  const at = useStudio.getState().nodes.find((n) => n.id === id)?.position ?? { x: 0, y: 0 };
  return { drawn, job, frame, id, link, at };
}

describe('An edit that adds or removes elements', () => {
  it('is handed to the worker in the task after it, before its frame; a move, or another design, after its frame', async () => {
    const { frame } = await drawnWithFramesByHand();
    const design = useStudio.getState().design;
    const device = design.nodes.find((n) => n.kind !== 'site');
    if (!device) throw new Error('no device');
    // A delete: posted once it is rendered, so the worker routes it while its frame is drawn.
    useStudio.getState().replaceDesign(removeElements(design, [device.id]));
    expect(jobs).toHaveLength(1);
    await tick();
    expect(jobs).toHaveLength(2);
    const deleted = jobs[1] as Job;
    expect(deleted.design.nodes.map((n) => n.id)).not.toContain(device.id);
    answer({ seq: deleted.seq, ok: true, connectors: drawing(deleted, 2), complete: true });
    frame();
    await tick();
    // Whatever the validation of the delete asked for, answered.
    const last = jobs.at(-1) as Job;
    answer({ seq: last.seq, ok: true, connectors: drawing(last, 3), complete: true });
    frame();
    await tick();
    // A move: after the frame that shows it (a drag's moves within a frame are sent once).
    let before = jobs.length;
    useStudio.getState().replaceDesign(devicesMoved(useStudio.getState().design));
    await tick();
    expect(jobs).toHaveLength(before);
    frame();
    await tick();
    expect(jobs).toHaveLength(before + 1);
    answer({
      seq: (jobs.at(-1) as Job).seq,
      ok: true,
      connectors: drawing(jobs.at(-1) as Job, 4),
      complete: true,
    });
    frame();
    await tick();
    // Another design (none of its elements the shown one's): it crosses whole, after its frame.
    before = jobs.length;
    useStudio.getState().replaceDesign(syntheticDesign({ sites: 2, elements: 40 }));
    await tick();
    expect(jobs).toHaveLength(before);
    frame();
    await tick();
    expect(jobs).toHaveLength(before + 1);
    // The frames the validation of the new design waits for.
    for (let i = 0; i < 5; i++) {
      frame();
      await tick();
    }
  });
});

describe('An undo drawn from a drawing the canvas had', () => {
  it('tells the worker its design, so that the next edit crosses as a change of it', async () => {
    const job = jobs.at(-1) as Job;
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 1), complete: true });
    await tick();
    const design = useStudio.getState().design;
    const devices = design.nodes.filter((n) => n.kind !== 'site').slice(0, 3);
    // A delete, routed.
    useStudio.getState().replaceDesign(
      removeElements(
        design,
        devices.map((n) => n.id),
      ),
    );
    await tick();
    const deleted = jobs.at(-1) as Job;
    expect(deleted.seq).toBeGreaterThan(job.seq);
    answer({ seq: deleted.seq, ok: true, connectors: drawing(deleted, 2), complete: true });
    await tick();
    // Its undo: the design before it, drawn from its drawing (no job)…
    const routed = jobs.length;
    useStudio.getState().replaceDesign(design);
    await tick();
    expect(jobs).toHaveLength(routed);
    // …then a move of one device: the worker routes it, and what crossed is that move only.
    const moved: Design = {
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === devices[0]?.id ? { ...n, position: { x: n.position.x + 8, y: 0 } } : n,
      ),
    };
    useStudio.getState().replaceDesign(moved);
    await tick();
    await tick();
    const next = jobs.at(-1) as Job;
    expect(next.seq).toBeGreaterThan(deleted.seq);
    expect(next.design).toEqual(moved);
    const last = crossed.at(-1);
    if (!last || 'design' in last) throw new Error('the move crossed whole');
    expect(last.lists).toEqual([
      [
        'nodes',
        {
          at: [
            [
              design.nodes.indexOf(devices[0] as never),
              moved.nodes[design.nodes.indexOf(devices[0] as never)],
            ],
          ],
        },
      ],
    ]);
  });
});

describe('An edit validated after its frame', () => {
  it('is handed to the worker before the rules run on it, so both work at once', async () => {
    const job = jobs.at(-1) as Job;
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 1), complete: true });
    await tick();
    const before = useValidated.getState().design;
    const moved = devicesMoved(useStudio.getState().design);
    validatingAfterFrame(() => useStudio.getState().replaceDesign(moved));
    await tick();
    await tick();
    const posted = jobs.at(-1) as Job;
    expect(posted.seq).toBeGreaterThan(job.seq);
    expect(posted.design.nodes).toEqual(moved.nodes);
    // Posted while the findings on screen were still the design's before the edit…
    expect(posted.validated).toBe(before);
    // …and the edit validated after.
    expect(useValidated.getState().design).toBe(moved);
  });
});

describe('The store knows while the canvas routes (autosave waits for it)', () => {
  it('from an edit until its complete drawing is shown, and not once routing stops', async () => {
    const job = jobs.at(-1) as Job;
    expect(isRoutingBusy()).toBe(true);
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 1), complete: false });
    expect(isRoutingBusy()).toBe(true);
    answer({ seq: job.seq, ok: true, connectors: drawing(job, 2), complete: true });
    expect(isRoutingBusy()).toBe(false);
    // An edit: busy from the change (routed after its frame), through the job.
    useStudio.getState().replaceDesign(devicesMoved(job.design));
    expect(isRoutingBusy()).toBe(true);
    await tick();
    expect(jobs).toHaveLength(2);
    expect(isRoutingBusy()).toBe(true);
    stop();
    expect(isRoutingBusy()).toBe(false);
  });
});

describe('The router gets the findings its labels show', () => {
  it('only the limit a DCI label shows, which draws the same labels as all the findings', async () => {
    await validatorReady;
    const first = jobs.at(-1) as Job;
    const link = first.design.links.find((l) => l.kind === 'dci') as DciLink;
    // Long links: over the latency limits, beside their other findings.
    const far = first.design.links.reduce(
      (d, l) => (l.kind === 'dci' ? updateLink(d, l.id, { distanceKm: 900 }) : d),
      first.design,
    );
    // Routed, not relabelled: the drawing it could be relabelled from is a partial one.
    answer({ seq: first.seq, ok: true, connectors: drawing(first, 1), complete: false });
    useStudio.getState().replaceDesign(far);
    // Its findings there (validated after its frame when the rules look slow: after the job).
    while (useValidated.getState().design !== far) await tick();
    // (Validated at once when the rules look quick: then let the router's own send, after the
    // frame, queue the edit behind the job, as it does when the rules run later.)
    await tick();
    await tick();
    answer({ seq: first.seq, ok: true, connectors: drawing(first, 2), complete: false });
    const job = jobs.at(-1) as Job;
    expect(job.seq).toBeGreaterThan(first.seq);
    const all = findingsFor(far).byElement;
    const own = all.get(link.id) ?? [];
    expect(own.length).toBeGreaterThan(1);
    expect(job.findings.get(link.id)).toEqual([limitFinding(own)]);
    const dci = new Map(
      far.links.filter((l) => l.kind === 'dci').map((l) => [l.id, all.get(l.id) ?? []]),
    );
    const drawn = renderDiagram(far, straightRouter, { findings: job.findings }).connectors;
    expect(drawn.find((c) => c.id === link.id)?.label?.broken).toBe(true);
    expect(drawn).toEqual(renderDiagram(far, straightRouter, { findings: dci }).connectors);
  });
});

/** The nodes as the canvas shows them, with one dragged somewhere else. */
function dragged(design: Design, id: string, x: number): FlowNode[] {
  return syncNodes(design, []).map((n) => (n.id === id ? { ...n, position: { x, y: 7 } } : n));
}

describe('The design handed to the router', () => {
  it('has each node where the canvas shows it, whether or not the last call placed the same nodes', () => {
    const design = syntheticDesign({ sites: 2, elements: 150 });
    const id = design.nodes[3]?.id ?? '';
    const nodes = dragged(design, id, 123);
    const first = withLivePositions(design, nodes);
    expect(first.nodes.find((n) => n.id === id)?.position).toEqual({ x: 123, y: 7 });
    // A link edit keeps the nodes: the same placed nodes, with the edited links.
    const link = design.links.find((l) => l.kind === 'dci')?.id ?? '';
    const edited = updateLink(design, link, { distanceKm: 321 });
    const again = withLivePositions(edited, nodes);
    expect(again.nodes).toBe(first.nodes);
    expect(again.links).toBe(edited.links);
    // Nodes moved elsewhere: placed again.
    const elsewhere = withLivePositions(edited, dragged(design, id, 456));
    expect(elsewhere.nodes.find((n) => n.id === id)?.position).toEqual({ x: 456, y: 7 });
    // Nodes where the design has them: the design itself.
    const still = syncNodes(design, []);
    expect(withLivePositions(design, still)).toBe(design);
    expect(withLivePositions(design, still)).toBe(design);
  });
});

describe('A drag move placed live', () => {
  it('places again only the nodes React Flow replaced, and keeps the others as placed', () => {
    const design = syntheticDesign({ sites: 4, elements: 3000 });
    // Count how many nodes' positions each call reads.
    let reads = 0;
    const counted = (n: FlowNode): FlowNode => {
      const { position, ...rest } = n;
      return Object.defineProperty({ ...rest } as FlowNode, 'position', {
        get: () => {
          reads++;
          return position;
        },
        enumerable: true,
      });
    };
    let nodes = syncNodes(design, []).map(counted);
    const i = design.nodes.findIndex((n) => n.kind === 'tor');
    const id = design.nodes[i]?.id ?? '';
    const moveTo = (x: number) => {
      const node = nodes[i] as FlowNode;
      nodes = nodes.map((n, k) => (k === i ? counted({ ...node, position: { x, y: 7 } }) : n));
    };
    expect(withLivePositions(design, nodes)).toBe(design);
    let previous: Design = design;
    for (const x of [100, 106, 112]) {
      moveTo(x);
      reads = 0;
      const live = withLivePositions(design, nodes);
      expect(reads).toBeLessThanOrEqual(2);
      expect(live.nodes[i]?.position).toEqual({ x, y: 7 });
      expect(live.nodes.filter((n, k) => n !== design.nodes[k]).map((n) => n.id)).toEqual([id]);
      expect(live.links).toBe(design.links);
      expect(live).not.toBe(previous);
      // The same nodes again: the same design.
      expect(withLivePositions(design, nodes)).toBe(live);
      previous = live;
    }
    // Back where the design has it: the design itself.
    const back = syncNodes(design, [])[i] as FlowNode;
    nodes = nodes.map((n, k) => (k === i ? counted(back) : n));
    expect(withLivePositions(design, nodes)).toBe(design);
  });
});

describe('A route answer that comes while a drop waits for its frame', () => {
  it('is drawn after that frame, not before it; outside a drop, when it comes', async () => {
    const job = jobs.at(-1) as Job;
    const link = job.design.links[0]?.id ?? '';
    // A drop commits a design, then the answer to the drag's job comes before the frame.
    validatingAfterFrame(() =>
      useStudio.getState().apply((d) => updateLink(d, link, { label: 'moved' })),
    );
    const first = drawing(job, 1);
    answer({ seq: job.seq, ok: true, connectors: first, complete: true });
    expect(useRoutes.getState().byId.get(link)).toBeUndefined();
    // Just after the frame (no frames here: the next task), it is drawn.
    await tick();
    expect(plainOf(useRoutes.getState().byId.get(link))).toEqual(first[0]);
    // Outside a drop, an answer is drawn when it comes.
    const design = useStudio.getState().design;
    useStudio.getState().replaceDesign({
      ...design,
      nodes: design.nodes.map((n) =>
        n.kind === 'site' ? n : { ...n, position: { x: n.position.x + 8, y: n.position.y } },
      ),
    });
    await tick();
    const next = jobs.at(-1) as Job;
    expect(next.seq).toBeGreaterThan(job.seq);
    const second = drawing(next, 2);
    answer({ seq: next.seq, ok: true, connectors: second, complete: true });
    expect(plainOf(useRoutes.getState().byId.get(link))).toEqual(second[0]);
  });
});

describe('A route answer that comes between a pointer-up and the frame that shows the drop', () => {
  it('is drawn after that frame and after the drop', async () => {
    const job = jobs.at(-1) as Job;
    const id = job.design.nodes.find((n) => n.kind !== 'site')?.id ?? '';
    const link = job.design.links.find((l) => l.source === id || l.target === id)?.id ?? '';
    // The drag's end and its drop (finishDrag waits for the frame: studio.ts).
    const at = useStudio.getState().nodes.find((n) => n.id === id)?.position ?? { x: 0, y: 0 };
    useStudio
      .getState()
      .onNodesChange([
        { type: 'position', id, position: { x: at.x + 16, y: at.y }, dragging: false },
      ]);
    useStudio.getState().finishDrag([id]);
    const first = drawing(job, 1);
    answer({ seq: job.seq, ok: true, connectors: first, complete: true });
    expect(useRoutes.getState().byId.get(link)).toBeUndefined();
    // The frame (none here: the next tasks), then the drop and the answer.
    await tick();
    await tick();
    expect(useStudio.getState().past.length).toBe(1);
    expect(plainOf(useRoutes.getState().byId.get(link))).toEqual(first.find((c) => c.id === link));
  });
});

describe("A route answer to a drag's preview", () => {
  it('is drawn in the next frame, not in the task it comes in; after the drop, if the pointer went up first', async () => {
    const { drawn, job, frame, id, link, at } = await dragWithFramesByHand();
    const move = (dx: number) =>
      useStudio
        .getState()
        .onNodesChange([
          { type: 'position', id, position: { x: at.x + dx, y: at.y }, dragging: true },
        ]);
    // A drag's move, routed live after its frame.
    move(16);
    await frame();
    const preview = jobs.at(-1) as Job;
    expect(preview.seq).toBeGreaterThan(job.seq);
    const first = drawing(preview, 2);
    answer({ seq: preview.seq, ok: true, connectors: first, complete: true });
    await turns();
    // Not drawn in the task it came in, nor in the tasks after: in the next frame's callbacks.
    expect(plainOf(useRoute_(link))).not.toEqual(first.find((c) => c.id === link));
    expect(isRoutingBusy()).toBe(true);
    drawn.frame();
    expect(plainOf(useRoute_(link))).toEqual(first.find((c) => c.id === link));
    await turns();
    // The next move's answer comes, then the pointer goes up before the frame: that frame shows
    // the drop, and the answer is drawn after it.
    move(32);
    await frame();
    const last = jobs.at(-1) as Job;
    expect(last.seq).toBeGreaterThan(preview.seq);
    const second = drawing(last, 3);
    answer({ seq: last.seq, ok: true, connectors: second, complete: true });
    useStudio
      .getState()
      .onNodesChange([
        { type: 'position', id, position: { x: at.x + 32, y: at.y }, dragging: false },
      ]);
    useStudio.getState().finishDrag([id]);
    drawn.frame();
    expect(plainOf(useRoute_(link))).toEqual(first.find((c) => c.id === link));
    await turns();
    expect(useStudio.getState().past.length).toBe(1);
    expect(plainOf(useRoute_(link))).toEqual(second.find((c) => c.id === link));
    // The drop's design is routed after its frame, and drawn (nothing left waiting for a frame).
    await frame();
    const dropped = jobs.at(-1) as Job;
    expect(dropped.seq).toBeGreaterThan(last.seq);
    answer({ seq: dropped.seq, ok: true, connectors: drawing(dropped, 4), complete: true });
    await frame();
    expect(isRoutingBusy()).toBe(false);
  });
});

describe('A new drawing keeps the connectors the canvas shows where they draw alike', () => {
  it('keeps the shown object for a copy, and takes the new one where anything drawn differs', async () => {
    const job = jobs.at(-1) as Job;
    const first = drawing(job, 1);
    answer({ seq: job.seq, ok: true, connectors: first, complete: true });
    const before = useRoutes.getState().byId;
    const moved = devicesMoved(job.design);
    useStudio.getState().replaceDesign(moved);
    await tick();
    const second = jobs.at(-1) as Job;
    expect(second.seq).toBeGreaterThan(job.seq);
    // The worker's answer arrives as copies (structured clone); two of them draw differently.
    const copies = structuredClone(first);
    const labelled = copies.findIndex((c) => c.label !== null);
    const bent = labelled === 0 ? 1 : 0;
    const base = copies[bent] as Connector;
    copies[bent] = { ...base, points: [...base.points, { x: 9, y: 9 }] };
    const withLabel = copies[labelled] as Connector;
    if (!withLabel.label) throw new Error('no labelled connector');
    copies[labelled] = { ...withLabel, label: { ...withLabel.label, lines: ['other'] } };
    answer({ seq: second.seq, ok: true, connectors: copies, complete: true });
    const shown = useRoutes.getState().byId;
    copies.forEach((c, i) => {
      if (i === bent || i === labelled) {
        expect(plainOf(shown.get(c.id))).toEqual(c);
        expect(shown.get(c.id)).not.toBe(before.get(c.id));
      } else expect(shown.get(c.id)).toBe(before.get(c.id));
    });
    expect([...shown.values()].map(plainOf)).toEqual(copies);
  });

  it('tells only the links whose route a new drawing changes', async () => {
    const job = jobs.at(-1) as Job;
    const first = drawing(job, 1);
    answer({ seq: job.seq, ok: true, connectors: first, complete: true });
    // Every link drawn watches its own route, as its edge does.
    const told: string[] = [];
    const unwatch = first.map((c) => watchRoute(c.id, () => told.push(c.id)));
    useStudio.getState().replaceDesign(devicesMoved(job.design));
    await tick();
    const second = jobs.at(-1) as Job;
    const copies = structuredClone(first);
    const bent = [0, 3].map((i) => {
      const c = copies[i] as Connector;
      copies[i] = { ...c, points: [...c.points, { x: 9, y: 9 }] };
      return c.id;
    });
    answer({ seq: second.seq, ok: true, connectors: copies, complete: true });
    expect(told.sort()).toEqual([...bent].sort());
    expect(plainOf(useRoute_(bent[0]))).toEqual(copies[0]);
    // A link gone from the drawing is told too (its edge has no route any more).
    told.length = 0;
    useStudio.getState().replaceDesign(devicesMoved(second.design));
    await tick();
    const third = jobs.at(-1) as Job;
    expect(third.seq).toBeGreaterThan(second.seq);
    answer({ seq: third.seq, ok: true, connectors: copies.slice(1), complete: true });
    expect(told).toEqual([copies[0]?.id]);
    for (const stop of unwatch) stop();
  });

  it('keeps a connector with the strings of its link, drawing the same as the copy from the worker', () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    const links = new Map(design.links.map((l) => [l.id, l]));
    for (const c of structuredClone(renderDiagram(design, straightRouter).connectors)) {
      const kept = withDesignStrings(c, links.get(c.id));
      expect(plainOf(kept)).toEqual(c);
      expect(sameConnector(kept, c)).toBe(true);
    }
    // An answer routed before the link's ends changed keeps the ends it was drawn with.
    const c = renderDiagram(design, straightRouter).connectors[0] as Connector;
    const link = links.get(c.id);
    if (!link) throw new Error('no link');
    const stale = withDesignStrings(c, { ...link, source: 'elsewhere', target: 'nowhere' });
    expect([stale.source, stale.target]).toEqual([c.source, c.target]);
    expect(plainOf(withDesignStrings(c, undefined))).toEqual(c);
  });

  it('tells connectors apart by every field an edge draws or is keyed by', () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    const connectors = renderDiagram(design, straightRouter).connectors;
    const c = connectors.find((x) => x.label !== null) as Connector & {
      label: NonNullable<Connector['label']>;
    };
    expect(connectors.every((x) => sameConnector(x, structuredClone(x)))).toBe(true);
    const box = c.label.box;
    const variants: Connector[] = [
      { ...c, id: `${c.id}x` },
      { ...c, source: `${c.source}x` },
      { ...c, target: `${c.target}x` },
      { ...c, kind: c.kind === 'dci' ? 'fabric' : 'dci' },
      { ...c, l3Only: !c.l3Only },
      { ...c, points: c.points.slice(1) },
      { ...c, points: c.points.map((p, i) => (i === 0 ? { ...p, x: p.x + 1 } : p)) },
      { ...c, points: c.points.map((p, i) => (i === 0 ? { ...p, y: p.y + 1 } : p)) },
      { ...c, label: null },
      { ...c, label: { ...c.label, broken: !c.label.broken } },
      { ...c, label: { ...c.label, lines: [...c.label.lines, 'x'] } },
      { ...c, label: { ...c.label, box: { ...box, x: box.x + 1 } } },
      { ...c, label: { ...c.label, box: { ...box, y: box.y + 1 } } },
      { ...c, label: { ...c.label, box: { ...box, width: box.width + 1 } } },
      { ...c, label: { ...c.label, box: { ...box, height: box.height + 1 } } },
    ];
    expect(sameConnector(packedConnector(c), c)).toBe(true);
    expect(sameConnector(packedConnector(c), packedConnector(structuredClone(c)))).toBe(true);
    for (const v of variants) {
      expect(sameConnector(c, v)).toBe(false);
      expect(sameConnector(v, c)).toBe(false);
      // Packed as the canvas keeps them, too.
      expect(sameConnector(packedConnector(c), packedConnector(v))).toBe(false);
      expect(sameConnector(packedConnector(v), c)).toBe(false);
    }
  });
});

describe('A drag move still to route when the pointer goes up', () => {
  it('is not routed as a preview: the drop is routed after its frame, and its routes drawn', async () => {
    const { frame, id, link, at } = await dragWithFramesByHand();
    const to = { x: at.x + 16, y: at.y };
    // The drag's last move (routed after its frame), then the pointer goes up before that.
    useStudio.getState().onNodesChange([{ type: 'position', id, position: to, dragging: true }]);
    useStudio.getState().onNodesChange([{ type: 'position', id, position: to, dragging: false }]);
    useStudio.getState().finishDrag([id]);
    const before = jobs.length;
    // The drop's frame: no preview of the move goes to the worker; the drop is made the design's.
    await frame();
    expect(jobs).toHaveLength(before);
    expect(useStudio.getState().past.length).toBe(1);
    // The frame after: the drop's design, routed whole (its links' final routes).
    await frame();
    expect(jobs).toHaveLength(before + 1);
    const dropped = jobs.at(-1) as Job;
    expect(dropped.design).toEqual(useStudio.getState().design);
    expect(dropped.design.nodes.find((n) => n.id === id)?.position).toEqual(to);
    const routes = drawing(dropped, 2);
    answer({ seq: dropped.seq, ok: true, connectors: routes, complete: true });
    await frame();
    expect(plainOf(useRoutes.getState().byId.get(link))).toEqual(routes.find((c) => c.id === link));
    expect(isRoutingBusy()).toBe(false);
  });
});
