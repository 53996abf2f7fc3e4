/**
 * The studio's side of the bench:ui API. Imported only when the build's mode is `bench`
 * (App.tsx), so a production build drops it.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { isRouting } from '../canvas/routes';
import { useStudio } from '../store/studio';
import { installBenchApi } from './api';

export function installStudioBenchHooks(flow: Pick<ReactFlowInstance, 'setViewport'>): void {
  installBenchApi({
    setViewport: (viewport) => void flow.setViewport(viewport),
    editDistance: (linkId, distanceKm) => useStudio.getState().updateLink(linkId, { distanceKm }),
    select: (nodeIds) => useStudio.getState().select(nodeIds),
    routing: isRouting,
  });
}
