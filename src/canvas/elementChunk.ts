/**
 * The components that draw the design's elements, loaded as one chunk by elements.tsx (not
 * with the first screen). Import them from there, never from here or their own files, or
 * they come back onto the first screen.
 */
import { linkTurner } from '../store/liveHandles';
import { registerLinkTurner, useStudio } from '../store/studio';
import { useRoutes } from './routeStore';

export { DeviceNode } from './DeviceNode';
export { SiteNode } from './SiteNode';
export { DciEdge, FabricEdge } from './edges';
export { hoverNode } from './marks';

// Links drawn straight (no route yet) turn to face their other end while a device is dragged
// (store/liveHandles.ts); one drawn along its route shows no side.
registerLinkTurner(linkTurner(useStudio, (id) => !useRoutes.getState().byId.has(id)));
