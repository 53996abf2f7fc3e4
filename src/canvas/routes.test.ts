import { describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import type { Design } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { syncNodes, type FlowNode } from '../store/flow';
import { withLivePositions } from './routes';

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

describe('A route answer that comes while a drop waits for its frame', () => {
  it('is published after that frame, not before it', async () => {
    const { useStudio } = await import('../store/studio');
    const { validatingAfterFrame } = await import('../store/validationTiming');
    const { useRoutes } = await import('./routeStore');
    const { startRouting } = await import('./routes');
    const posted: { seq: number }[] = [];
    class FakeWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: unknown = null;
      constructor() {
        workers.push(this);
      }
      postMessage(job: { seq: number }): void {
        posted.push(job);
      }
      terminate(): void {}
    }
    const workers: FakeWorker[] = [];
    const saved = globalThis.Worker;
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    try {
      const design = syntheticDesign({ sites: 2, elements: 150 });
      useStudio.getState().replaceDesign(design);
      const stop = startRouting();
      const worker = workers[0];
      const job = posted.at(-1);
      if (!worker?.onmessage || !job) throw new Error('no job was sent to the router');
      const link = design.links[0]?.id ?? '';
      const connector = { id: link, points: [{ x: 1, y: 2 }], l3Only: false };
      // A drop commits a design, then the answer to the drag's job comes before the frame.
      validatingAfterFrame(() =>
        useStudio.getState().apply((d) => updateLink(d, link, { label: 'moved' })),
      );
      const answer = { seq: job.seq, ok: true, connectors: [connector], complete: true };
      worker.onmessage({ data: answer } as MessageEvent);
      expect(useRoutes.getState().byId.get(link)).toBeUndefined();
      // Just after the frame (no frames here: the next task), it is drawn.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(useRoutes.getState().byId.get(link)).toEqual(connector);
      // Outside a drop, an answer is drawn when it comes.
      const next = posted.at(-1);
      if (!next) throw new Error('no job after the drop');
      const moved = { ...connector, points: [{ x: 3, y: 4 }] };
      worker.onmessage({
        data: { seq: next.seq, ok: true, connectors: [moved], complete: true },
      } as MessageEvent);
      expect(useRoutes.getState().byId.get(link)).toEqual(moved);
      stop();
    } finally {
      globalThis.Worker = saved;
    }
  });
});
