import { describe, expect, it } from 'vitest';
import { elementTypes, loadElementChunk } from './elements';

describe('The canvas draws the elements with their own components', () => {
  it('once their chunk is here, with no stand-in component around each', async () => {
    const before = elementTypes();
    const chunk = await loadElementChunk();
    const types = elementTypes();
    expect(types).not.toBe(before);
    expect(types.device).toBe(chunk.DeviceNode);
    expect(types.site).toBe(chunk.SiteNode);
    expect(types.dci).toBe(chunk.DciEdge);
    expect(types.fabric).toBe(chunk.FabricEdge);
  });

  it('the same types from then on, so React Flow never sees new ones on a render', async () => {
    await loadElementChunk();
    expect(elementTypes()).toBe(elementTypes());
  });
});
