/**
 * What every device card reads from React Flow's store (the zoom band, a connection being
 * drawn), read once for the whole canvas (Canvas.tsx) and handed down by context. A store
 * subscription per card ran two selectors per mounted card on every React Flow update (a drop,
 * a select-all, an undo each make two to four), about a fifth of the store's listeners at
 * 1,000 elements; the context changes only when the zoom crosses FAR_ZOOM or NAMED_ZOOM or a
 * connection starts or ends.
 */
import type { ReactFlowState } from '@xyflow/react';
import { createContext } from 'react';

/** Below this zoom a card's text is unreadable: devices are drawn as plain boxes. */
export const FAR_ZOOM = 0.4;
/**
 * From this zoom up to FAR_ZOOM, a plain box still carries its device's name, in type large
 * enough to read there (index.css `.device-far-name`): a small design fitted to a laptop's
 * window (a template at 1,280 × 720 opens at 38 %) showed coloured boxes and no name at all.
 */
export const NAMED_ZOOM = 0.28;

export const FAR = 1;
/** A connection is being drawn (handles show on every card). */
export const CONNECTING = 2;
/** Zoomed out, but not so far that a box's name in large type cannot be read (NAMED_ZOOM). */
export const NAMED = 4;

/** A plain read of the store (useConnection builds the connection's state on every update). */
export const canvasFlagsSelector = (s: ReactFlowState): number => {
  const zoom = s.transform[2];
  return (
    (zoom < FAR_ZOOM ? FAR | (zoom >= NAMED_ZOOM ? NAMED : 0) : 0) |
    (s.connection.inProgress ? CONNECTING : 0)
  );
};

export const CanvasFlags = createContext(0);
