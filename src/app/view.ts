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

/** Room left between a box brought into view by `nudge` and the view's edge, in screen pixels. */
const NUDGE_MARGIN_PX = 24;

/**
 * Pan the view (`seen`, in design coordinates) by as little as shows the box whole, at this zoom:
 * what was on screen beside it stays as near where it was as it can. A box too large for the
 * view is revealed instead (zoomed out to).
 */
export function nudge(view: CanvasView, seen: Box, box: Box): void {
  const zoom = view.getZoom();
  const margin = NUDGE_MARGIN_PX / zoom;
  if (box.width + 2 * margin > seen.width || box.height + 2 * margin > seen.height) {
    reveal(view, box);
    return;
  }
  const shift = (from: number, length: number, start: number, size: number) =>
    start - margin < from
      ? start - margin - from
      : start + size + margin > from + length
        ? start + size + margin - (from + length)
        : 0;
  const dx = shift(seen.x, seen.width, box.x, box.width);
  const dy = shift(seen.y, seen.height, box.y, box.height);
  if (dx === 0 && dy === 0) return;
  void view.setCenter(seen.x + seen.width / 2 + dx, seen.y + seen.height / 2 + dy, {
    zoom,
    duration: 250,
  });
}
