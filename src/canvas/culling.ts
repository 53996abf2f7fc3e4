/**
 * Above how many elements (nodes and links together) React Flow draws only the nodes and links
 * in view. Every node and link drawn re-renders when its selection changes: counted by nodes
 * alone (over 400), a design of 1,000 elements (338 nodes, 656 links) drew all of them at any
 * zoom, and a select-all re-rendered 994 wrappers and wrote 994 classes where the view showed a
 * few dozen. bench:ui's plain React Flow page culls by the same rule, so that both sides draw
 * the same elements.
 */
export const CULL_ABOVE_ELEMENTS = 500;

/** Whether a canvas of these many nodes and links draws only what is in view. */
export function drawsOnlyInView(nodeCount: number, linkCount: number): boolean {
  return nodeCount + linkCount > CULL_ABOVE_ELEMENTS;
}
