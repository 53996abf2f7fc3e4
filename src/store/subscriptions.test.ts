import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeElements } from '../model/edits';
import { syntheticDesign } from '../model/synthetic';
import { findingsFor, useValidated, validatorReady, watchElementFindings } from './findings';
import { watchLink } from './linkWatch';
import fc from 'fast-check';
import {
  deviceCountBySite,
  minZoomFor,
  selectedNodeCount,
  soleSelectedNodeId,
  workloadsByCluster,
} from './selectors';
import { useStudio } from './studio';

const s = () => useStudio.getState();

beforeAll(() => validatorReady);

beforeEach(() => {
  s().replaceDesign(syntheticDesign({ sites: 2, elements: 200 }));
});

describe('Unchanged elements keep their objects', () => {
  it('hands React Flow the same node and edge arrays when an edit changes no drawn element', () => {
    const { nodes, edges } = s();
    s().rename('Another name');
    expect(s().nodes).toBe(nodes);
    expect(s().edges).toBe(edges);
  });

  it("keeps every node and edge object when one link's fields change (its edge reads the link)", () => {
    const { nodes, edges } = s();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(s().nodes).toBe(nodes);
    expect(s().edges).toBe(edges);
  });

  it('gives a link a new edge object when its ends change, and keeps every other', () => {
    const { edges } = s();
    const link = s().design.links.find((l) => l.id === 'dci-s0-s1-0');
    if (!link) throw new Error('no dci-s0-s1-0');
    s().commit({
      ...s().design,
      links: s().design.links.map((l) =>
        l === link ? { ...l, target: link.source, source: link.target } : l,
      ),
    });
    const changed = s()
      .edges.filter((e, i) => e !== edges[i])
      .map((e) => e.id);
    expect(changed).toEqual(['dci-s0-s1-0']);
  });
});

describe('Per-element findings', () => {
  it('keep their identity across an edit that does not change them', () => {
    const before = findingsFor(s().design);
    // A rename no finding mentions: the same findings, so the same index.
    s().updateElement('s0-t0', { label: 'renamed leaf' });
    expect(findingsFor(s().design)).toBe(before);
    // An edit that changes one link's findings: the others keep their lists.
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    const after = findingsFor(s().design);
    expect(after).not.toBe(before);
    const text = (list: readonly { message: string }[] | undefined) =>
      (list ?? []).map((f) => f.message).join('\n');
    const alike = [...after.byElement].filter(
      ([id, list]) => text(before.byElement.get(id)) === text(list),
    );
    expect(alike.length).toBeGreaterThan(0);
    for (const [id, list] of alike) expect(list).toBe(before.byElement.get(id));
  });

  it('change identity for an element whose findings changed', () => {
    const before = findingsFor(s().design);
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    const after = findingsFor(s().design);
    expect(after.byElement.get('dci-s0-s1-0')).not.toBe(before.byElement.get('dci-s0-s1-0'));
    const messages = (index: typeof before) =>
      (index.byElement.get('dci-s0-s1-0') ?? []).map((f) => f.message).join('\n');
    expect(messages(after)).not.toEqual(messages(before));
  });
});

/** Watch every element with `watch`, recording the ids told; returns the record and the stop. */
function watchAll(watch: (id: string, tell: () => void) => () => void, ids: readonly string[]) {
  const told: string[] = [];
  const stops = ids.map((id) => watch(id, () => told.push(id)));
  return { told, stop: () => stops.forEach((stop) => stop()) };
}

describe('Each drawn element is told of its own changes only', () => {
  it('an edit of one link tells that link’s edge; a selection or a rename tells none', () => {
    const { told, stop } = watchAll(
      watchLink,
      s().design.links.map((l) => l.id),
    );
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(told).toEqual(['dci-s0-s1-0']);
    told.length = 0;
    s().select(['s0-t0']);
    s().rename('Another name');
    expect(told).toEqual([]);
    s().undo();
    s().undo();
    expect(told).toEqual(['dci-s0-s1-0']);
    stop();
  });

  it('an added link tells its edge, and no other; a removed one none (its edge goes with it)', () => {
    const ids = s().design.links.map((l) => l.id);
    const { told, stop } = watchAll(watchLink, ids);
    const link = s().design.links.find((l) => l.id === 'dci-s0-s1-0');
    if (!link) throw new Error('no dci-s0-s1-0');
    s().commit({ ...s().design, links: s().design.links.filter((l) => l !== link) });
    expect(told).toEqual([]);
    s().commit({ ...s().design, links: [...s().design.links, link] });
    expect(told).toEqual(['dci-s0-s1-0']);
    stop();
  });

  it('a delete of devices tells none of the edges it takes away, nor any other', () => {
    const ids = s().design.links.map((l) => l.id);
    const { told, stop } = watchAll(watchLink, ids);
    const devices = s()
      .design.nodes.filter((n) => n.kind === 'tor')
      .slice(0, 3)
      .map((n) => n.id);
    s().commit(removeElements(s().design, devices));
    expect(s().design.links.length).toBeLessThan(ids.length);
    expect(told).toEqual([]);
    stop();
  });

  it('a validation tells exactly the elements whose findings it changed', async () => {
    const ids = [...s().design.nodes.map((n) => n.id), ...s().design.links.map((l) => l.id)];
    await vi.waitFor(() => expect(useValidated.getState().design).toBe(s().design));
    const before = findingsFor(s().design).byElement;
    const { told, stop } = watchAll(watchElementFindings, ids);
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    await vi.waitFor(() => expect(useValidated.getState().design).toBe(s().design));
    const after = findingsFor(s().design).byElement;
    const changed = ids.filter((id) => before.get(id) !== after.get(id));
    expect(changed).toContain('dci-s0-s1-0');
    expect(changed.length).toBeLessThan(ids.length / 4);
    expect([...told].sort()).toEqual([...changed].sort());
    told.length = 0;
    s().select(['s0-t0']);
    s().rename('Another name');
    await vi.waitFor(() => expect(useValidated.getState().design).toBe(s().design));
    expect(told).toEqual([]);
    stop();
  });
});

describe('Selectors a drag runs on every frame', () => {
  it('count devices per site and selected nodes once per array', () => {
    const counts = deviceCountBySite(s().design.nodes);
    expect(deviceCountBySite(s().design.nodes)).toBe(counts);
    expect(counts.get('s0')).toBe(
      s().design.nodes.filter((n) => n.kind !== 'site' && n.parentId === 's0').length,
    );
    s().select(['s0-t0', 's0-t1']);
    expect(selectedNodeCount(s().nodes)).toBe(2);
  });

  it('name the one selected node, for any selection', () => {
    const ids = s().nodes.map((n) => n.id);
    fc.assert(
      fc.property(fc.subarray(ids, { maxLength: 4 }), (chosen) => {
        s().select(chosen);
        const selected = s().nodes.filter((n) => n.selected);
        const sole = selected.length === 1 ? (selected[0]?.id ?? null) : null;
        expect(soleSelectedNodeId(s().nodes)).toBe(sole);
        expect(soleSelectedNodeId(s().nodes)).toBe(sole);
      }),
      { numRuns: 60 },
    );
  });

  it('keep a cluster’s workload list while its workloads are unchanged', () => {
    const before = workloadsByCluster(s().design.workloads);
    const first = s().design.workloads[0];
    const other = s().design.workloads.find((w) => w.clusterId !== first?.clusterId);
    if (!first || !other) throw new Error('synthetic design has too few workloads');
    s().upsertWorkload({ ...first, memoryGB: first.memoryGB + 1 });
    const after = workloadsByCluster(s().design.workloads);
    expect(after.get(first.clusterId)).not.toBe(before.get(first.clusterId));
    expect(after.get(other.clusterId)).toBe(before.get(other.clusterId));
  });
});

describe('Zoom-out limit', () => {
  it('lets fit view show every site of a wide estate on a small canvas', () => {
    const wide = syntheticDesign({ sites: 4, elements: 1000 }).nodes;
    const zoom = minZoomFor(wide);
    const sites = wide.filter((n) => n.kind === 'site');
    const width =
      Math.max(...sites.map((n) => (n.kind === 'site' ? n.position.x + n.width : 0))) -
      Math.min(...sites.map((n) => n.position.x));
    expect(width * zoom).toBeLessThanOrEqual(480);
    expect(zoom).toBeLessThan(0.05);
  });

  it('keeps the default limit for a small design', () => {
    expect(minZoomFor(syntheticDesign({ sites: 1, elements: 50 }).nodes)).toBe(0.05);
  });
});
