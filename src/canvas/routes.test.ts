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
