import type { EdgeProps } from '@xyflow/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bundleOffset, offsetCurve } from '../model/parallel';
import { DEVICE_ENDS, facingEnds, type FlowEdge } from '../store/flow';
import { useStudio } from '../store/studio';
import { FabricEdge, fabricStyles, sameLinkProps } from './edges';

const DATA = { bundle: { index: 0, count: 1 }, ends: DEVICE_ENDS };

const props = (over: Partial<EdgeProps<FlowEdge>> = {}): EdgeProps<FlowEdge> =>
  ({
    id: 'l1',
    source: 'a',
    target: 'b',
    sourceX: 100.5,
    sourceY: 76,
    targetX: 300.5,
    targetY: 76,
    selected: false,
    data: DATA,
    ...over,
  }) as EdgeProps<FlowEdge>;

describe('a fabric link re-renders for what it draws', () => {
  it('not for a selection, which its style sheet draws', () => {
    expect(sameLinkProps(props(), props({ selected: true }))).toBe(true);
    expect(fabricStyles()).toContain(
      '.react-flow__edge.selected .react-flow__edge-path.fabric-path',
    );
  });

  it('not for a re-measured handle a few thousandths of a pixel off', () => {
    expect(sameLinkProps(props(), props({ sourceX: 100.4999088, sourceY: 75.9992 }))).toBe(true);
  });

  it('for an end that moved, new data, or another link', () => {
    expect(sameLinkProps(props(), props({ targetX: 316.5 }))).toBe(false);
    expect(sameLinkProps(props(), props({ sourceY: 76.2 }))).toBe(false);
    expect(
      sameLinkProps(
        props(),
        props({ data: { bundle: { index: 1, count: 2 }, ends: DEVICE_ENDS } }),
      ),
    ).toBe(false);
    expect(sameLinkProps(props(), props({ id: 'l2' }))).toBe(false);
    const { selected: _, ...fewer } = props();
    expect(sameLinkProps(props(), fewer as EdgeProps<FlowEdge>)).toBe(false);
  });
});

describe('a fabric link before its route arrives', () => {
  it('bends aside in its bundle from the ends its edge carries, reading no link of the design', () => {
    // The open design has no link l1: the edge alone says which way its bundle bends it.
    expect(useStudio.getState().design.links.some((l) => l.id === 'l1')).toBe(false);
    const bundle = { index: 0, count: 2 };
    const edge = props({ data: { bundle, ends: DEVICE_ENDS } });
    const html = renderToStaticMarkup(createElement('svg', null, createElement(FabricEdge, edge)));
    const offset = bundleOffset({ id: 'l1', source: 'a', target: 'b' }, bundle, 14);
    expect(offset).not.toBe(0);
    // Its ends: React Flow gives the centres, the line leaves by the sides facing each other.
    const { source, target } = facingEnds({ x: 100.5, y: 76 }, { x: 300.5, y: 76 }, DEVICE_ENDS);
    expect(source.x).toBeGreaterThan(100.5);
    expect(html).toContain(
      `d="${offsetCurve(source.x, source.y, target.x, target.y, offset).path}"`,
    );
  });
});
