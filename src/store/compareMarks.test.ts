import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeElements, updateLink, updateNode, upsertWorkload } from '../model/edits';
import { nodeBoxes } from '../model/placement';
import type { Design } from '../model/schema';
import { buildMetroMetroCluster } from '../model/templates/metro-metrocluster';
import {
  compareMarkIds,
  ghostsOf,
  whereItStood,
  markComparison,
  markedComparison,
  REMARK_DELAY_MS,
} from './compareMarks';
import { useStudio } from './studio';
import { useUi } from './ui';

const DCI = 'dci-fibre-1';

/** The template with its first DCI link's MTU at 1,400 B, web-01..04 at 16 GB and no DC2 firewall. */
function revision(design: Design): Design {
  const web = design.workloads.find((w) => w.id === 'wl-web')!;
  const edited = upsertWorkload(updateLink(design, DCI, { mtu: 1400 }), { ...web, memoryGB: 16 });
  return removeElements(edited, ['rtm-fw']);
}

const firewallLinks = (design: Design) =>
  design.links.filter((l) => l.source === 'rtm-fw' || l.target === 'rtm-fw').map((l) => l.id);

describe('compareMarkIds', () => {
  const mine = buildMetroMetroCluster();
  const other = revision(mine);

  it('marks what the later version changes, and what it lacks as removed, with workloads by their own id', () => {
    const marks = compareMarkIds(mine, other, false);
    expect(marks.changed).toEqual([DCI, 'wl-web']);
    expect([...marks.removed].sort()).toEqual(['rtm-fw', ...firewallLinks(mine)].sort());
    expect(marks.added).toEqual([]);
    expect(marks.otherOnly).toEqual([]);
    // The open design as the later: what the other has and it lacks was added in the other.
    expect([...compareMarkIds(other, mine, false).otherOnly].sort()).toEqual(
      ['rtm-fw', ...firewallLinks(mine)].sort(),
    );
  });

  it('marks what the open design adds when it is the later version', () => {
    const marks = compareMarkIds(other, mine, true);
    expect(marks.added).toEqual([]);
    // The firewall the open design has since lost: nothing to outline, counted apart.
    expect([...marks.otherOnly].sort()).toEqual(['rtm-fw', ...firewallLinks(mine)].sort());
    // The firewall is drawn as a ghost; its links are not drawn.
    expect(marks.otherOnlyCounts).toEqual({ ghosts: ['1 device'], undrawn: ['2 links'] });
    const back = compareMarkIds(mine, other, true);
    expect([...back.added].sort()).toEqual(['rtm-fw', ...firewallLinks(mine)].sort());
    expect(back.removed).toEqual([]);
  });

  it('marks a segment apart, for the Segments tab, and not a moved device', () => {
    const seg = mine.segments[0]!;
    const edited = {
      ...updateNode(mine, 'ams-fw', { position: { x: 999, y: 999 } }),
      segments: mine.segments.map((s) => (s.id === seg.id ? { ...s, vlanId: 999 } : s)),
    };
    expect(compareMarkIds(mine, edited, false)).toEqual({
      changed: [],
      added: [],
      removed: [],
      otherOnly: [],
      otherOnlyCounts: { ghosts: [], undrawn: [] },
      otherFirst: false,
      segments: { changed: [seg.id], added: [], removed: [], otherOnly: [] },
      settings: false,
    });
  });
  it('counts a change of the latency model, which is not drawn either', () => {
    const slower = { ...mine, settings: { ...mine.settings, dciHopAllowanceMs: 0.5 } };
    expect(compareMarkIds(mine, slower, false).settings).toBe(true);
    expect(compareMarkIds(mine, mine, false).settings).toBe(false);
  });
});

describe('ghostsOf', () => {
  const mine = buildMetroMetroCluster();

  it('draws a device the open design lacks in its site, where the open design now puts that site', () => {
    const dc2 = mine.nodes.find((n) => n.id === 'dc2')!;
    // Deleted since, and its site moved 160 px right since.
    const open = updateNode(removeElements(mine, ['rtm-fw']), 'dc2', {
      position: { x: dc2.position.x + 160, y: dc2.position.y },
    });
    const marks = compareMarkIds(open, mine, true);
    const ghosts = ghostsOf(open, mine, marks.otherOnly);
    const was = nodeBoxes(mine).get('rtm-fw')!;
    // Its links are counted in the banner, not drawn.
    expect(ghosts).toEqual([
      {
        id: 'rtm-fw',
        kind: 'firewall',
        label: mine.nodes.find((n) => n.id === 'rtm-fw')!.label,
        box: { ...was, x: was.x + 160 },
      },
    ]);
  });

  it('draws a site the open design lacks, and its devices, where the other version had them', () => {
    const siteDevices = mine.nodes.filter((n) => n.kind !== 'site' && n.parentId === 'wit');
    const open = removeElements(mine, ['wit', ...siteDevices.map((n) => n.id)]);
    const ghosts = ghostsOf(open, mine, compareMarkIds(open, mine, true).otherOnly);
    const boxes = nodeBoxes(mine);
    expect(ghosts.map((g) => g.id).sort()).toEqual(['wit', ...siteDevices.map((n) => n.id)].sort());
    for (const g of ghosts) expect(g.box).toEqual(boxes.get(g.id));
  });

  it('draws nothing when the open design lacks nothing', () => {
    expect(ghostsOf(mine, mine, compareMarkIds(mine, mine, true).otherOnly)).toEqual([]);
  });
});

describe('whereItStood', () => {
  const mine = buildMetroMetroCluster();
  const open = removeElements(mine, ['rtm-fw', 'esx-prod-a']);
  const boxes = nodeBoxes(mine);

  it('is a deleted device’s ghost, and a deleted link’s two ends', () => {
    expect(whereItStood(open, mine, { collection: 'nodes', id: 'rtm-fw' })).toEqual(
      boxes.get('rtm-fw'),
    );
    const link = mine.links.find((l) => l.source === 'rtm-fw' || l.target === 'rtm-fw')!;
    const [a, b] = [boxes.get(link.source)!, boxes.get(link.target)!];
    const box = whereItStood(open, mine, { collection: 'links', id: link.id })!;
    expect(box.x).toBe(Math.min(a.x, b.x));
    expect(box.y).toBe(Math.min(a.y, b.y));
    expect(box.x + box.width).toBe(Math.max(a.x + a.width, b.x + b.width));
    expect(box.y + box.height).toBe(Math.max(a.y + a.height, b.y + b.height));
  });

  it('is a deleted workload’s cluster, ghost or not', () => {
    const onA = mine.workloads.find((w) => w.clusterId === 'esx-prod-a')!;
    expect(whereItStood(open, mine, { collection: 'workloads', id: onA.id })).toEqual(
      boxes.get('esx-prod-a'),
    );
  });

  it('is nothing for a segment, or an element the other version lacks too', () => {
    const seg = mine.segments[0]!;
    expect(whereItStood(open, mine, { collection: 'segments', id: seg.id })).toBeNull();
    expect(whereItStood(open, mine, { collection: 'nodes', id: 'nowhere' })).toBeNull();
  });
});

describe('markComparison keeps the marks true while the open design is edited', () => {
  const s = () => useStudio.getState();
  const marks = () => useUi.getState().compareMarks;

  beforeEach(() => {
    vi.useFakeTimers();
    s().replaceDesign(buildMetroMetroCluster());
    markComparison(revision(buildMetroMetroCluster()), false, 'revision-2.dci.json');
  });
  afterEach(() => {
    useUi.getState().setCompareMarks(null);
    vi.useRealTimers();
  });

  it('an edit that makes an element match the other version clears its mark, a moment later', () => {
    expect(marks()?.changed).toEqual([DCI, 'wl-web']);
    s().apply((d) => updateLink(d, DCI, { mtu: 1400 }));
    expect(marks()?.changed).toEqual([DCI, 'wl-web']);
    vi.advanceTimersByTime(REMARK_DELAY_MS);
    expect(marks()?.changed).toEqual(['wl-web']);
    expect(marks()?.against).toBe('revision-2.dci.json');

    s().undo();
    vi.advanceTimersByTime(REMARK_DELAY_MS);
    expect(marks()?.changed).toEqual([DCI, 'wl-web']);
  });

  it('a burst of edits is compared once, after the last', () => {
    const set = vi.spyOn(useUi.getState(), 'setCompareMarks');
    try {
      for (const mtu of [1500, 1450, 1400]) {
        s().apply((d) => updateLink(d, DCI, { mtu }));
        vi.advanceTimersByTime(REMARK_DELAY_MS / 2);
      }
      expect(set).not.toHaveBeenCalled();
      vi.advanceTimersByTime(REMARK_DELAY_MS);
      expect(set).toHaveBeenCalledTimes(1);
      expect(marks()?.changed).toEqual(['wl-web']);
    } finally {
      set.mockRestore();
    }
  });

  it('an edit that changes no mark leaves the marks as they are', () => {
    const before = marks();
    s().apply((d) => updateNode(d, 'ams-fw', { position: { x: 5, y: 5 } }));
    vi.advanceTimersByTime(REMARK_DELAY_MS);
    expect(marks()).toBe(before);
  });

  it('the comparison marked is kept for the Compare dialog to open on, until cleared', () => {
    expect(markedComparison()).toMatchObject({ against: 'revision-2.dci.json', otherFirst: false });
    expect(markedComparison()?.other.links.find((l) => l.id === DCI)).toMatchObject({ mtu: 1400 });
    useUi.getState().setCompareMarks(null);
    expect(markedComparison()).toBeNull();
  });

  it('cleared, the marks stay cleared through later edits', () => {
    useUi.getState().setCompareMarks(null);
    s().apply((d) => updateLink(d, DCI, { mtu: 1400 }));
    vi.advanceTimersByTime(REMARK_DELAY_MS);
    expect(marks()).toBeNull();
  });

  it('opening another design clears them and they do not come back', () => {
    s().replaceDesign(buildMetroMetroCluster());
    expect(marks()).toBeNull();
    s().apply((d) => updateLink(d, DCI, { mtu: 1400 }));
    vi.advanceTimersByTime(REMARK_DELAY_MS);
    expect(marks()).toBeNull();
  });
});
