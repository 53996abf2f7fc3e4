/**
 * Which DCI labels the canvas draws. A label sits halfway along its link, and a link is drawn
 * when any part of it may be in view, so a long link brings its label from thousands of pixels
 * away. A label that far outside the view kept Chromium from treating React Flow's viewport as
 * fully painted: it painted the viewport again on every frame of a pan, where a plain React Flow
 * page only moves it (1,000 elements, 30 pan frames: 30 paints of the viewport against none).
 * Only the labels near the view are drawn; Chromium paints a little beyond the view, so these
 * cost nothing while it moves.
 */
import type { Box } from '../render/types';

/** How far outside the view (screen px) a label is still drawn, so it is there as it comes in. */
export const LABEL_MARGIN_PX = 400;

/** React Flow's view: its transform `[x, y, zoom]` and the canvas' size in screen px. */
export interface FlowView {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
}

/** Whether a label box (flow px) is within LABEL_MARGIN_PX of the view. */
export function labelNearView(box: Box, view: FlowView): boolean {
  const [x, y, zoom] = view.transform;
  // An unmeasured canvas (the first render) shows everything rather than nothing.
  if (view.width <= 0 || view.height <= 0 || zoom <= 0) return true;
  const left = box.x * zoom + x;
  const top = box.y * zoom + y;
  return (
    left + box.width * zoom >= -LABEL_MARGIN_PX &&
    top + box.height * zoom >= -LABEL_MARGIN_PX &&
    left <= view.width + LABEL_MARGIN_PX &&
    top <= view.height + LABEL_MARGIN_PX
  );
}
