import { describe, expect, it } from 'vitest';
import { updateLink, updateNode } from '../model/edits';
import { syntheticDesign } from '../model/synthetic';
import { designSummary, sameNodeInspectorProps } from './Inspector';

/** The bench's design and edit: a DCI link's distance, with a ToR of DC 1 still selected. */
const design = syntheticDesign({ sites: 4, elements: 1000 });
const tor = design.nodes.find((n) => n.id === 's0-t1');
const dci = design.links.find((l) => l.kind === 'dci');
if (!tor || !dci) throw new Error('the synthetic design has no ToR s0-t1 or no DCI link');
const edited = updateLink(design, dci.id, { distanceKm: dci.distanceKm + 7 });

describe("The inspector on an edit of another element's property", () => {
  it("shows the selected node's fields as they were (no re-render)", () => {
    const before = { design, node: tor, readOnly: false };
    expect(sameNodeInspectorProps(before, { design: edited, node: tor, readOnly: false })).toBe(
      true,
    );
  });

  it('re-renders them when the node, a node around it or the segments change', () => {
    const before = { design, node: tor, readOnly: false };
    const renamed = updateNode(design, tor.id, { label: 'ToR A' });
    const node = renamed.nodes.find((n) => n.id === tor.id) ?? tor;
    expect(sameNodeInspectorProps(before, { design: renamed, node, readOnly: false })).toBe(false);
    const site = updateNode(design, 's1', { label: 'DC 2 renamed' });
    expect(sameNodeInspectorProps(before, { design: site, node: tor, readOnly: false })).toBe(
      false,
    );
    const segments = { ...design, segments: design.segments.slice(1) };
    expect(sameNodeInspectorProps(before, { design: segments, node: tor, readOnly: false })).toBe(
      false,
    );
    expect(sameNodeInspectorProps(before, { ...before, readOnly: true })).toBe(false);
  });

  it("reads the design's summary the same, counted once per array of elements", () => {
    const summary = designSummary(design);
    expect(summary).toMatch(/^\d+ sites · \d+ devices · \d+ DCI links · /);
    // The same string: the design inspector (memoised on it) re-renders nothing.
    expect(designSummary(edited)).toBe(summary);
    const fewer = { ...design, links: design.links.filter((l) => l.id !== dci.id) };
    expect(designSummary(fewer)).not.toBe(summary);
  });
});
