import { describe, expect, it } from 'vitest';
import { boxSelectionChanges, withoutSelection } from './boxSelect';

const node = (
  id: string,
  type: string,
  x: number,
  y: number,
  w: number,
  h: number,
  selected = false,
) => ({
  id,
  type,
  selected,
  measured: { width: w, height: h },
  internals: { positionAbsolute: { x, y } },
});

// A site with two racks, and a third rack below them; links from each rack to the next.
const nodes = [
  node('dc1', 'site', 0, 0, 400, 300),
  node('tor1', 'device', 40, 40, 120, 40),
  node('tor2', 'device', 200, 40, 120, 40),
  node('tor3', 'device', 40, 200, 120, 40),
];
const edges = [
  { id: 'l12', source: 'tor1', target: 'tor2' },
  { id: 'l13', source: 'tor1', target: 'tor3' },
];
const select = (id: string, selected = true) => ({ type: 'select', id, selected });

describe('boxSelectionChanges', () => {
  it('takes the devices a box touches and the links between them, not the site around them', () => {
    const box = { from: { x: 30, y: 30 }, to: { x: 250, y: 90 } };
    expect(boxSelectionChanges(box, nodes, edges)).toEqual({
      nodes: [select('tor1'), select('tor2')],
      edges: [select('l12')],
    });
  });

  it('takes a site it holds whole, whichever way it was drawn', () => {
    const box = { from: { x: 405, y: 305 }, to: { x: -5, y: -5 } };
    expect(boxSelectionChanges(box, nodes, edges).nodes).toEqual(
      ['dc1', 'tor1', 'tor2', 'tor3'].map((id) => select(id)),
    );
  });

  it('changes only what differs from the selection, and lets go of what left the box', () => {
    const selected = nodes.map((n) => ({ ...n, selected: n.id === 'tor1' || n.id === 'tor3' }));
    const box = { from: { x: 30, y: 30 }, to: { x: 170, y: 90 } };
    expect(boxSelectionChanges(box, selected, [{ ...edges[1]!, selected: true }])).toEqual({
      nodes: [select('tor3', false)],
      edges: [select('l13', false)],
    });
  });

  it('leaves hidden and unselectable nodes out', () => {
    const box = { from: { x: 0, y: 0 }, to: { x: 390, y: 290 } };
    const quiet = [
      { ...nodes[1]!, hidden: true },
      { ...nodes[2]!, selectable: false },
    ];
    expect(boxSelectionChanges(box, quiet, []).nodes).toEqual([]);
  });
});

describe('withoutSelection', () => {
  it('drops select changes only', () => {
    const move = { type: 'position', id: 'tor1' };
    expect(withoutSelection([select('dc1'), move])).toEqual([move]);
  });
});
