import { beforeEach, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { DEVICE_SIZE, emptyDesign } from '../model/defaults';
import { DEVICE_INSET_PX, SITE_TOP_PX } from '../model/placement';
import { flushPendingEdits, inEditGroup, registerPendingEdit } from './pendingEdits';
import { selectedIds, selectionShown, settleDrop, useStudio } from './studio';
import { useScenario } from './scenario';
import { useUi } from './ui';

const design = () =>
  new DesignBuilder('store spec')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .border('a-be', 'a')
    .border('b-be', 'b')
    .cluster('a-c', 'a')
    .segment('web', 'web', 100)
    .workload('w1', 'web-01', 'a-c', { segmentIds: ['web'] })
    .build();

const s = () => useStudio.getState();

beforeEach(() => {
  s().replaceDesign(design());
  useUi.setState({ toasts: [] });
});

describe('History', () => {
  it('commits of one field edit (one edit group) are one undo step', () => {
    inEditGroup('field:1', () => s().rename('a'));
    inEditGroup('field:1', () => s().rename('ab'));
    inEditGroup('field:1', () => s().rename('abc'));
    inEditGroup('field:2', () => s().rename('abcd'));
    expect(s().past).toHaveLength(2);
    s().undo();
    expect(s().design.name).toBe('abc');
    s().undo();
    expect(s().design.name).toBe('store spec');
  });

  it('an undo ends the group: the same field typing again is a new step', () => {
    inEditGroup('field:1', () => s().rename('a'));
    s().undo();
    inEditGroup('field:1', () => s().rename('b'));
    inEditGroup('field:1', () => s().rename('bc'));
    expect(s().past).toHaveLength(1);
  });

  it('edits outside a group are one step each', () => {
    s().rename('a');
    s().rename('b');
    expect(s().past).toHaveLength(2);
  });

  it('pending edits are committed when flushed (the page going away), once', () => {
    let runs = 0;
    registerPendingEdit(() => {
      runs++;
      s().rename('typed');
    });
    flushPendingEdits();
    flushPendingEdits();
    expect(s().design.name).toBe('typed');
    expect(runs).toBe(1);
  });

  it('undoes and redoes every edit, property edits included', () => {
    s().connect('a-be', 'b-be');
    const linkId = s().design.links[0]?.id ?? '';
    s().updateLink(linkId, { distanceKm: 80 });
    expect(s().design.links[0]).toMatchObject({ kind: 'dci', distanceKm: 80 });
    s().undo();
    expect(s().design.links[0]).toMatchObject({ distanceKm: 10 });
    s().undo();
    expect(s().design.links).toHaveLength(0);
    s().redo();
    s().redo();
    expect(s().design.links[0]).toMatchObject({ distanceKm: 80 });
  });

  it('a new edit clears the redo stack', () => {
    s().rename('first');
    s().undo();
    s().rename('second');
    expect(s().future).toHaveLength(0);
    s().redo();
    expect(s().design.name).toBe('second');
  });

  it('keeps React Flow nodes of unchanged elements (their measurements survive an edit)', () => {
    const before = s().nodes.find((n) => n.id === 'b-be');
    s().updateElement('a-be', { label: 'edge-1' });
    expect(s().nodes.find((n) => n.id === 'b-be')).toBe(before);
    expect(s().nodes.find((n) => n.id === 'a-be')?.data.element.label).toBe('edge-1');
  });
});

describe('Adding elements', () => {
  it('a device dropped inside a site becomes its child, with a position relative to the site', () => {
    const site = s().design.nodes.find((n) => n.id === 'b');
    if (site?.kind !== 'site') throw new Error('no site');
    const id = s().addElement('spine', { x: site.position.x + 40, y: site.position.y + 80 });
    const spine = s().design.nodes.find((n) => n.id === id);
    expect(spine).toMatchObject({ kind: 'spine', parentId: 'b' });
    expect(spine?.position.x).toBeGreaterThanOrEqual(32);
  });

  it('a device dropped outside every site is refused with a message, and nothing changes', () => {
    const before = s().design;
    expect(s().addElement('cluster', { x: -5000, y: -5000 })).toBeNull();
    expect(s().design).toBe(before);
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(/lives in a site/);
  });
});

describe('Dragging out of a site', () => {
  it('re-parents a device dropped into another site', () => {
    const b = s().design.nodes.find((n) => n.id === 'b');
    const a = s().design.nodes.find((n) => n.id === 'a');
    if (b?.kind !== 'site' || a?.kind !== 'site') throw new Error('no site');
    const target = { x: b.position.x - a.position.x + 60, y: b.position.y - a.position.y + 60 };
    s().onNodesChange([{ type: 'position', id: 'a-c', position: target, dragging: false }]);
    s().finishDrag(['a-c']);
    settleDrop(); // The frame that shows the drop is past.
    expect(s().design.nodes.find((n) => n.id === 'a-c')).toMatchObject({
      parentId: 'b',
      position: { x: 60, y: 60 },
    });
  });

  it("moves a device dropped over its site's border wholly inside the site", () => {
    const a = s().design.nodes.find((n) => n.id === 'a');
    if (a?.kind !== 'site') throw new Error('no site');
    // Its centre inside, near the right and bottom border: its card hangs over both.
    const over = {
      x: a.width - DEVICE_SIZE.width / 2 - 4,
      y: a.height - DEVICE_SIZE.height / 2 - 4,
    };
    s().onNodesChange([{ type: 'position', id: 'a-c', position: over, dragging: false }]);
    s().finishDrag(['a-c']);
    settleDrop();
    const inside = {
      x: a.width - DEVICE_SIZE.width - DEVICE_INSET_PX,
      y: a.height - DEVICE_SIZE.height - DEVICE_INSET_PX,
    };
    expect(s().design.nodes.find((n) => n.id === 'a-c')).toMatchObject({
      parentId: 'a',
      position: inside,
    });
    expect(s().nodes.find((n) => n.id === 'a-c')?.position).toEqual(inside);
    // Over the header (top-left): below the header, off the left border.
    s().onNodesChange([
      { type: 'position', id: 'a-c', position: { x: -20, y: 4 }, dragging: false },
    ]);
    s().finishDrag(['a-c']);
    settleDrop();
    expect(s().design.nodes.find((n) => n.id === 'a-c')?.position).toEqual({
      x: DEVICE_INSET_PX,
      y: SITE_TOP_PX,
    });
    // One undo step each.
    s().undo();
    expect(s().design.nodes.find((n) => n.id === 'a-c')?.position).toEqual(inside);
  });

  it("moves a device dropped over another site's border inside that site", () => {
    const b = s().design.nodes.find((n) => n.id === 'b');
    const a = s().design.nodes.find((n) => n.id === 'a');
    if (b?.kind !== 'site' || a?.kind !== 'site') throw new Error('no site');
    // Centre just inside b's left border: the card starts left of it.
    const target = {
      x: b.position.x - a.position.x - DEVICE_SIZE.width / 2 + 4,
      y: b.position.y - a.position.y + 100,
    };
    s().onNodesChange([{ type: 'position', id: 'a-c', position: target, dragging: false }]);
    s().finishDrag(['a-c']);
    settleDrop();
    expect(s().design.nodes.find((n) => n.id === 'a-c')).toMatchObject({
      parentId: 'b',
      position: { x: DEVICE_INSET_PX, y: 100 },
    });
  });

  it('puts back a device dropped outside every site, with a message', () => {
    const before = s().design.nodes.find((n) => n.id === 'a-c')?.position;
    s().onNodesChange([
      { type: 'position', id: 'a-c', position: { x: -4000, y: -4000 }, dragging: false },
    ]);
    s().finishDrag(['a-c']);
    settleDrop(); // The frame that shows the drop is past.
    expect(s().design.nodes.find((n) => n.id === 'a-c')?.position).toEqual(before);
    expect(s().nodes.find((n) => n.id === 'a-c')?.position).toEqual(before);
    expect(useUi.getState().toasts.at(-1)?.text).toMatch(/must live in a site/);
  });
});

describe('View-only', () => {
  it('refuses every edit', () => {
    s().replaceDesign(design(), { readOnly: true });
    const before = s().design;
    s().rename('changed');
    s().connect('a-be', 'b-be');
    s().select(['a']);
    s().deleteSelection();
    expect(s().design).toBe(before);
  });
});

describe('New design', () => {
  it('replaces the design and clears history', () => {
    s().rename('x');
    s().replaceDesign(emptyDesign());
    expect(s().past).toHaveLength(0);
    expect(s().nodes).toHaveLength(0);
  });
});

describe('A new site', () => {
  it('goes where it is dropped, or just right of a site it would overlap', () => {
    const a = s().design.nodes.find((n) => n.id === 'a');
    if (a?.kind !== 'site') throw new Error('no site');
    const id = s().addElement('site', { x: a.position.x + 100, y: a.position.y + 50 });
    const placed = s().design.nodes.find((n) => n.id === id);
    if (placed?.kind !== 'site') throw new Error('not placed');
    const others = s().design.nodes.filter((n) => n.kind === 'site' && n.id !== id);
    for (const o of others) {
      if (o.kind !== 'site') continue;
      const apart =
        placed.position.x >= o.position.x + o.width ||
        placed.position.x + placed.width <= o.position.x;
      expect(apart).toBe(true);
    }
    const far = s().addElement('site', { x: 10_000, y: 10_000 });
    expect(s().design.nodes.find((n) => n.id === far)?.position).toEqual({ x: 10_000, y: 10_000 });
  });
});

describe('Replacing the design', () => {
  it('ends the what-if scenario made on the previous one', () => {
    useScenario.getState().setFailed(['a']);
    useScenario.getState().setMove({ workloadId: 'w1', targetClusterId: 'a-c' });
    s().replaceDesign(emptyDesign());
    expect(useScenario.getState().failed).toEqual([]);
    expect(useScenario.getState().move).toBeNull();
  });
});

describe('Selection', () => {
  it('a selection of devices leaves the links’ array, and the same selection changes nothing', () => {
    s().replaceDesign(
      new DesignBuilder('selection')
        .site('a', 'DC A')
        .border('x', 'a')
        .border('y', 'a')
        .fabric('l', 'x', 'y')
        .build(),
    );
    const edges = s().edges;
    s().select(['x']);
    expect(s().nodes.find((n) => n.id === 'x')?.selected).toBe(true);
    // React Flow rebuilds its index of every edge when it is handed a new edges array.
    expect(s().edges).toBe(edges);
    const state = s();
    s().select(['x']);
    expect(s()).toBe(state);
    s().select(['l']);
    expect(s().edges.find((e) => e.id === 'l')?.selected).toBe(true);
    expect(s().nodes.some((n) => n.selected)).toBe(false);
  });
});

describe('The selection read', () => {
  it('is the same array while the selection is, and follows it when it changes', () => {
    s().select(['a', 'a-c']);
    const ids = selectedIds(s());
    expect(ids).toEqual(['a', 'a-c']);
    // The inspector and each arrange button read it on every store update.
    s().rename('renamed');
    expect(selectedIds(s())).toBe(ids);
    s().select(['b']);
    expect(selectedIds(s())).toEqual(['b']);
  });

  it('is what the nodes, links and notes say after a select or a commit that selects, in their order', () => {
    const fromScratch = () => [
      ...s()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
      ...s()
        .edges.filter((e) => e.selected)
        .map((e) => e.id),
      ...s()
        .noteNodes.filter((n) => n.selected)
        .map((n) => n.id),
    ];
    s().addNote({ x: 0, y: 0 });
    const note = s().noteNodes[0]?.id ?? '';
    s().connect('a-be', 'b-be');
    const link = s().edges[0]?.id ?? '';
    s().select([note, link, 'b', 'a-c', 'nothing']);
    expect(selectedIds(s())).toEqual(['b', 'a-c', link, note]);
    expect(selectedIds(s())).toEqual(fromScratch());
    s().commit({ ...s().design, name: 'pasted' }, { select: [link, 'a'] });
    expect(selectedIds(s())).toEqual(['a', link]);
    expect(selectedIds(s())).toEqual(fromScratch());
  });

  it('shows the inspector the one id selected, or how many, never every id in one string', () => {
    s().select([]);
    expect(selectionShown(s())).toBe('');
    s().select(['b']);
    expect(selectionShown(s())).toBe('b');
    s().select(['a', 'a-c']);
    expect(selectionShown(s())).toBe(2);
    s().rename('renamed again');
    expect(selectionShown(s())).toBe(2);
  });
});
