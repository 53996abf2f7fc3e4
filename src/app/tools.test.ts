import { beforeEach, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';
import { useView } from '../store/view';
import { buildFabricIn, meshSelection, meshSummary, openFabricBuilder } from './tools';

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
