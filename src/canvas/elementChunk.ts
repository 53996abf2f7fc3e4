/**
 * The components that draw the design's elements, loaded as one chunk by elements.tsx (not
 * with the first screen). Import them from there, never from here or their own files, or
 * they come back onto the first screen.
 */
export { DeviceNode } from './DeviceNode';
export { SiteNode } from './SiteNode';
export { DciEdge, FabricEdge } from './edges';
export { hoverNode } from './marks';
