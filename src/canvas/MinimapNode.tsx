import type { MiniMapNodeProps } from '@xyflow/react';
import { memo } from 'react';

/**
 * A minimap node as React Flow draws it, without its `selected` class (no style sheet gives it a
 * look): a select-all re-rendered every minimap node (one per node of the design) and rewrote its
 * class, some 340 rects at 1,000 elements, in the task that shows the selection.
 */
function MinimapNodeView({
  id,
  x,
  y,
  width,
  height,
  style,
  color,
  strokeColor,
  strokeWidth,
  className,
  borderRadius,
  shapeRendering,
  onClick,
}: MiniMapNodeProps) {
  const fill = color || style?.backgroundColor || undefined;
  return (
    <rect
      className={className ? `react-flow__minimap-node ${className}` : 'react-flow__minimap-node'}
      x={x}
      y={y}
      rx={borderRadius}
      ry={borderRadius}
      width={width}
      height={height}
      style={{ fill, stroke: strokeColor, strokeWidth }}
      shapeRendering={shapeRendering}
      onClick={onClick ? (event) => onClick(event, id) : undefined}
    />
  );
}

/** Whether a minimap node draws the same: every prop but `selected`, which it does not draw. */
export function sameMinimapNodeProps(before: MiniMapNodeProps, after: MiniMapNodeProps): boolean {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((key) => key === 'selected' || a[key] === b[key]);
}

export const MinimapNode = memo(MinimapNodeView, sameMinimapNodeProps);
