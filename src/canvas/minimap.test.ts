import { describe, expect, it } from 'vitest';
import { MINIMAP_NODE_ATTRIBUTES } from './minimap';

describe('the minimap node attributes', () => {
  // React Flow's MiniMapNodes keeps a function it is given and wraps any other value (or none)
  // in a new one per render, which re-renders every minimap node.
  it.each(['nodeColor', 'nodeStrokeColor', 'nodeClassName'] as const)(
    'gives %s as a function, so the minimap keeps its nodes when nodes come or go',
    (name) => {
      expect(typeof MINIMAP_NODE_ATTRIBUTES[name]).toBe('function');
    },
  );
});
