import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { canvasFlagsSelector, CONNECTING, FAR, FAR_ZOOM, NAMED, NAMED_ZOOM } from './canvasFlags';

const at = (zoom: number, inProgress = false) =>
  canvasFlagsSelector({
    transform: [0, 0, zoom],
    connection: { inProgress },
  } as unknown as ReactFlowState);

describe('The canvas’s zoom bands', () => {
  it('draw cards down to FAR_ZOOM, named boxes down to NAMED_ZOOM, plain boxes below', () => {
    expect(at(1)).toBe(0);
    expect(at(FAR_ZOOM)).toBe(0);
    expect(at(FAR_ZOOM - 0.01)).toBe(FAR | NAMED);
    expect(at(NAMED_ZOOM)).toBe(FAR | NAMED);
    expect(at(NAMED_ZOOM - 0.01)).toBe(FAR);
    expect(at(0.02)).toBe(FAR);
  });

  it('tell a connection being drawn in every band', () => {
    for (const zoom of [1, 0.3, 0.1]) expect(at(zoom, true) & CONNECTING).toBe(CONNECTING);
  });
});
