import { beforeEach, describe, expect, it } from 'vitest';
import { syntheticDesign } from '../model/synthetic';
import { useScenario } from '../store/scenario';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';
import {
  DIFF_ADDED,
  DIFF_CHANGED,
  diffClass,
  FAILED,
  HIGHLIGHTED,
  HOVERED,
  hoverNode,
  marksOf,
  pointerMoved,
  SOLE,
  watchMarks,
} from './marks';

const s = () => useStudio.getState();

/** Every drawn element watching its marks; what each was told, by id. */
function watchAll(): { told: Map<string, number>; stop: () => void } {
  const told = new Map<string, number>();
  const ids = [...s().nodes.map((n) => n.id), ...s().edges.map((e) => e.id)];
  const stops = ids.map((id) => watchMarks(id, () => told.set(id, (told.get(id) ?? 0) + 1)));
  return { told, stop: () => stops.forEach((stop) => stop()) };
}

beforeEach(() => {
  useUi.getState().setHighlightPath(null);
  useUi.getState().setCompareMarks(null);
  useScenario.getState().setFailed([]);
  s().replaceDesign(syntheticDesign({ sites: 2, elements: 300 }));
});

describe('An element is told only of its own marks', () => {
  it('a click on a card tells that card it is the one selected, and no other', () => {
    const { told, stop } = watchAll();
    s().select(['s0-t1']);
    expect(marksOf('s0-t1')).toBe(SOLE);
    expect([...told.keys()]).toEqual(['s0-t1']);
    told.clear();
    s().select(['s0-t2']);
    expect(marksOf('s0-t1')).toBe(0);
    expect([...told.keys()].sort()).toEqual(['s0-t1', 's0-t2']);
    stop();
  });

  it('a select-all tells only the card that was the one selected', () => {
    s().select(['s0-t1']);
    const { told, stop } = watchAll();
    s().selectAll();
    expect([...told.keys()]).toEqual(['s0-t1']);
    expect(marksOf('s0-t1')).toBe(0);
    stop();
  });

  it('the moves of a drag tell no element', () => {
    s().select(['s0-t1']);
    const { told, stop } = watchAll();
    for (let i = 1; i <= 5; i++)
      s().onNodesChange([
        { type: 'position', id: 's0-t1', position: { x: 40 + i * 8, y: 400 }, dragging: true },
      ]);
    expect(told.size).toBe(0);
    stop();
  });

  it("a failed site fails its devices, not the other site's", () => {
    const { told, stop } = watchAll();
    useScenario.getState().toggleFailed('s1');
    expect(marksOf('s1')).toBe(FAILED);
    expect(marksOf('s1-t0')).toBe(FAILED);
    expect(marksOf('s0-t0')).toBe(0);
    const inS1 = s().design.nodes.filter(
      (n) => n.id === 's1' || (n.kind !== 'site' && n.parentId === 's1'),
    );
    expect(told.size).toBe(inS1.length);
    stop();
  });

  it("a finding's path marks its elements, and putting it away unmarks them", () => {
    const { told, stop } = watchAll();
    useUi.getState().setHighlightPath(['s0-t0', 'dci-s0-s1-0']);
    expect(marksOf('dci-s0-s1-0')).toBe(HIGHLIGHTED);
    useUi.getState().setHighlightPath(null);
    expect(marksOf('s0-t0')).toBe(0);
    expect([...told]).toEqual([
      ['s0-t0', 2],
      ['dci-s0-s1-0', 2],
    ]);
    stop();
  });

  it('a comparison marks what it names, and opening another design clears them', () => {
    const { told, stop } = watchAll();
    useUi.getState().setCompareMarks({
      against: 'v2.dci.json',
      changed: ['s0-t0'],
      added: [],
      removed: ['dci-s0-s1-0'],
      otherOnly: [],
      otherOnlyCounts: { ghosts: [], undrawn: [] },
      otherFirst: false,
      segments: { changed: [], added: [], removed: [], otherOnly: [] },
      settings: false,
    });
    expect(marksOf('s0-t0')).toBe(DIFF_CHANGED);
    expect(diffClass(marksOf('s0-t0'))).toBe('diff-changed');
    expect(diffClass(marksOf('dci-s0-s1-0'))).toBe('diff-removed');
    expect([...told.keys()]).toEqual(['s0-t0', 'dci-s0-s1-0']);
    s().replaceDesign(syntheticDesign({ sites: 2, elements: 200 }));
    expect(useUi.getState().compareMarks).toBeNull();
    expect(marksOf('s0-t0')).toBe(0);
    expect(diffClass(DIFF_ADDED)).toBe('diff-added');
    stop();
  });
});

describe('The card under the pointer', () => {
  it('is hovered when the pointer moved onto it', () => {
    pointerMoved();
    hoverNode('s0-t1');
    expect(marksOf('s0-t1')).toBe(HOVERED);
    hoverNode(null);
    expect(marksOf('s0-t1')).toBe(0);
  });

  it('that the canvas moved under a still pointer (a wheel pan) is hovered once the pointer moves', () => {
    pointerMoved();
    hoverNode('s0-t1');
    hoverNode(null);
    const { told, stop } = watchAll();
    // The cards pass under the pointer: told, but none re-rendered.
    for (const id of ['s0-t2', 's0-t3', 's0-t4']) {
      hoverNode(id);
      if (id !== 's0-t4') hoverNode(null);
    }
    expect(told.size).toBe(0);
    expect(marksOf('s0-t4')).toBe(0);
    // The user moves the pointer over the card the pan stopped under.
    pointerMoved();
    expect(marksOf('s0-t4')).toBe(HOVERED);
    expect([...told.keys()]).toEqual(['s0-t4']);
    hoverNode(null);
    stop();
  });

  it('left before the pointer moved is not hovered', () => {
    pointerMoved();
    hoverNode('s0-t1');
    hoverNode(null);
    hoverNode('s0-t2');
    hoverNode(null);
    pointerMoved();
    expect(marksOf('s0-t2')).toBe(0);
    expect(marksOf('s0-t1')).toBe(0);
  });
});
