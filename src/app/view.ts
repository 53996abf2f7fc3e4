/**
 * The canvas's view as the editing tools need it: the part of the design on screen, and a way to
 * bring a part of it into view. Loaded with the tools, not with the first screen.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Box } from '../model/layout';

export type CanvasView = Pick<
  ReactFlowInstance,
  'screenToFlowPosition' | 'getZoom' | 'setCenter' | 'fitBounds'
>;

const canvasRect = () => document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();

/** The part of the design on screen, in design coordinates; undefined without a canvas. */
export function visibleBox(view: CanvasView): Box | undefined {
  const rect = canvasRect();
  if (!rect) return undefined;
  const from = view.screenToFlowPosition({ x: rect.left, y: rect.top });
  const to = view.screenToFlowPosition({ x: rect.right, y: rect.bottom });
  return { x: from.x, y: from.y, width: to.x - from.x, height: to.y - from.y };
}

/** Pan to the box at this zoom; zoom out only if it does not fit. */
export function reveal(view: CanvasView, box: Box): void {
  const zoom = view.getZoom();
  const rect = canvasRect();
  const fits =
    rect !== undefined &&
    box.width * zoom <= rect.width * 0.85 &&
    box.height * zoom <= rect.height * 0.85;
  void (fits
    ? view.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 250 })
    : view.fitBounds(box, { padding: 0.15, duration: 250 }));
}
