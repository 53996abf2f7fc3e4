import { beforeEach, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import type { Design } from '../model/schema';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';
import { useView } from '../store/view';
import {
  buildFabricIn,
  copySelection,
  duplicateSelection,
  meshSelection,
  meshSummary,
  openFabricBuilder,
  pasteClipboard,
  showsWell,
  showsWhole,
} from './tools';

const twoSites = () =>
  new DesignBuilder('tools')
    .site('a', 'DC1', { position: { x: 0, y: 0 } })
    .site('b', 'DC2', { position: { x: 800, y: 0 } })
    .border('a-be', 'a', { label: 'dc1-border-1' })
    .tor('a-l1', 'a', { label: 'dc1-leaf-1' })
    .border('b-be', 'b', { label: 'dc2-border-1' })
    .build();

const lastToast = () => useUi.getState().toasts.at(-1);

beforeEach(() => {
  useStudio.getState().replaceDesign(twoSites());
  useUi.setState({ toasts: [] });
});

describe('The fabric builder, as a tool', () => {
  it('builds in one undo step and says what it built', async () => {
    expect(await buildFabricIn('a', { spines: 2, leaves: 4 })).toBe(true);
    const state = useStudio.getState();
    expect(state.design.nodes).toHaveLength(5 + 6);
    expect(state.design.links).toHaveLength(8);
    expect(lastToast()?.text).toBe(
      'Built a 2 × 4 fabric in DC1: 6 devices and 8 fabric links. Undo with Ctrl+Z.',
    );
    expect(state.nodes.filter((n) => n.selected)).toHaveLength(6);
    state.undo();
    expect(useStudio.getState().design.nodes).toHaveLength(5);
    expect(useStudio.getState().design.links).toHaveLength(0);
  });
  it('refuses counts out of bounds, changing nothing', async () => {
    const before = useStudio.getState().design;
    expect(await buildFabricIn('a', { spines: 0, leaves: 4 })).toBe(false);
    expect(useStudio.getState().design).toBe(before);
    expect(lastToast()).toMatchObject({ kind: 'warning' });
  });
  it('opens on the selected device’s site, or asks for a site', () => {
    openFabricBuilder();
    expect(lastToast()?.text).toMatch(/^Select the site/);
    useStudio.getState().select(['b-be']);
    openFabricBuilder();
    expect(useView.getState().fabricFormFor).toBe('b');
    expect(useStudio.getState().nodes.find((n) => n.selected)?.id).toBe('b');
  });
});

describe('The full mesh, as a tool', () => {
  it('says how many links were added and why pairs were skipped', () => {
    useStudio.getState().select(['a-be', 'a-l1', 'b-be']);
    meshSelection();
    expect(lastToast()).toMatchObject({
      kind: 'success',
      text: 'Added 2 links (1 fabric, 1 DCI). Skipped 1 pair across sites that are not both border routers or spines (where DCI links attach).',
    });
    meshSelection();
    expect(lastToast()).toMatchObject({
      kind: 'info',
      text: 'No links added. Skipped 2 pairs already linked and 1 pair across sites that are not both border routers or spines (where DCI links attach).',
    });
  });
  it('asks for two devices', () => {
    useStudio.getState().select(['a']);
    meshSelection();
    expect(lastToast()?.text).toBe('Select two or more devices to connect them as a full mesh.');
  });
  it('words a summary with one kind of link', () => {
    expect(
      meshSummary({
        design: twoSites(),
        devices: 3,
        fabricLinkIds: ['x', 'y', 'z'],
        dciLinkIds: [],
        alreadyLinked: 0,
        notDciEnds: 0,
      }),
    ).toBe('Added 3 links (3 fabric).');
  });
});

describe('Copy and paste', () => {
  const s = () => useStudio.getState();
  beforeEach(() =>
    s().replaceDesign(
      new DesignBuilder('copy')
        .site('a', 'DC A')
        .site('b', 'DC B')
        .border('a-be', 'a')
        .border('b-be', 'b')
        .cluster('a-c', 'a')
        .segment('web', 'web', 100)
        .workload('w1', 'web-01', 'a-c', { segmentIds: ['web'] })
        .build(),
    ),
  );

  it('pastes a site with its devices and workloads under fresh ids, offset and clear of every site', () => {
    s().select(['a']);
    copySelection();
    expect(lastToast()?.text).toBe('Copied DC A and 2 devices.');
    pasteClipboard();
    const sites = s().design.nodes.filter((n) => n.kind === 'site');
    expect(sites).toHaveLength(3);
    const copy = sites.find((n) => !['a', 'b'].includes(n.id));
    const a = s().design.nodes.find((n) => n.id === 'a');
    expect(copy?.position.y).toBe((a?.position.y ?? 0) + 32);
    for (const other of sites) {
      if (other === copy || !copy) continue;
      const clear =
        copy.position.x >= other.position.x + other.width ||
        copy.position.x + copy.width <= other.position.x ||
        copy.position.y >= other.position.y + other.height ||
        copy.position.y + copy.height <= other.position.y;
      expect(clear, other.id).toBe(true);
    }
    const children = s().design.nodes.filter((n) => n.kind !== 'site' && n.parentId === copy?.id);
    expect(children.map((n) => n.kind).sort()).toEqual(['border', 'cluster']);
    expect(s().design.workloads).toHaveLength(2);
    expect(new Set(s().design.nodes.map((n) => n.id)).size).toBe(s().design.nodes.length);
  });

  it('pastes each copy a step further off, and refuses a view-only design', () => {
    s().select(['a-be']);
    copySelection();
    pasteClipboard();
    pasteClipboard();
    const copies = s().design.nodes.filter((n) => n.kind === 'border' && n.parentId === 'a');
    const at = (i: number) => copies[i]?.position;
    expect(copies).toHaveLength(3);
    expect(at(2)?.x).not.toBe(at(1)?.x);
    const readOnly = s().design;
    s().replaceDesign(readOnly, { readOnly: true });
    s().select(['a-be']);
    copySelection();
    pasteClipboard();
    expect(s().design).toBe(readOnly);
    expect(lastToast()?.text).toBe('This design is view-only. Use “Edit a copy” to change it.');
  });

  it('pastes a rack as it was drawn, in one undo step', () => {
    s().replaceDesign(
      new DesignBuilder('rack')
        .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 800, height: 400 })
        .tor('t', 'a', { label: 'dc1-leaf-1', position: { x: 32, y: 64 } })
        .cluster('c', 'a', { label: 'dc1-cluster-1', position: { x: 32, y: 176 } })
        .fabric('f', 'c', 't')
        .build(),
    );
    const before = s().design;
    s().select(['t', 'c']);
    copySelection();
    pasteClipboard();
    const copies = s().design.nodes.filter((n) => !['a', 't', 'c'].includes(n.id));
    expect(copies.map((n) => n.label)).toEqual(['dc1-leaf-2', 'dc1-cluster-2']);
    const [tor, cluster] = copies.map((n) => n.position);
    expect(tor && cluster && { x: cluster.x - tor.x, y: cluster.y - tor.y }).toEqual({
      x: 0,
      y: 112,
    });
    expect(
      s()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(copies.map((n) => n.id));
    s().undo();
    expect(s().design).toBe(before);
  });

  it('pastes and duplicates in one store update each: the copies drawn and selected at once', () => {
    s().select(['a-be', 'a-c']);
    copySelection();
    const updates: { design: Design; selected: string[]; pasteCount: number }[] = [];
    const stop = useStudio.subscribe((state) =>
      updates.push({
        design: state.design,
        selected: state.nodes.filter((n) => n.selected).map((n) => n.id),
        pasteCount: state.pasteCount,
      }),
    );
    pasteClipboard();
    const pasted = s().design;
    duplicateSelection();
    stop();
    expect(updates.map((u) => u.design)).toEqual([pasted, s().design]);
    const copied = (design: Design, of: readonly string[]) =>
      design.nodes.filter((n) => n.kind !== 'site' && !of.includes(n.id)).map((n) => n.id);
    const [paste, duplicate] = updates;
    expect(paste?.selected).toEqual(copied(pasted, ['a-be', 'a-c', 'b-be']));
    expect(paste?.selected).toHaveLength(2);
    expect(paste?.pasteCount).toBe(1);
    expect(duplicate?.selected).toEqual(
      copied(s().design, ['a-be', 'a-c', 'b-be', ...copied(pasted, ['a-be', 'a-c', 'b-be'])]),
    );
    expect(duplicate?.selected).toHaveLength(2);
  });
});

describe('Whether the view follows what was added', () => {
  const view = { x: 0, y: 0, width: 1200, height: 800 };
  it('stays when the paste is in view', () => {
    expect(showsWell(view, { x: 100, y: 100, width: 400, height: 200 })).toBe(true);
  });
  it('follows a paste that fits in the view but is not wholly in it', () => {
    expect(showsWell(view, { x: 1000, y: 100, width: 400, height: 200 })).toBe(false);
    expect(showsWell(view, { x: 3000, y: 3000, width: 400, height: 200 })).toBe(false);
  });
  it('shows a whole site, where one is asked for, only when every side of it is in view', () => {
    expect(showsWhole(view, { x: 100, y: 100, width: 400, height: 200 })).toBe(true);
    expect(showsWhole(view, { x: 32, y: 300, width: 2000, height: 280 })).toBe(false);
    expect(showsWhole(view, { x: -1, y: 300, width: 400, height: 280 })).toBe(false);
  });
  it('stays on a paste wider than the view that fills half of it or more', () => {
    expect(showsWell(view, { x: 32, y: 300, width: 2000, height: 280 })).toBe(true);
    expect(showsWell(view, { x: 700, y: 300, width: 2000, height: 280 })).toBe(false);
  });
});
