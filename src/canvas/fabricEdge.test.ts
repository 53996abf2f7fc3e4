import type { EdgeProps } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowEdge } from '../store/flow';
import { fabricStyles, sameLinkProps } from './edges';

const DATA = { bundle: { index: 0, count: 1 } };

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
    expect(sameLinkProps(props(), props({ data: { bundle: { index: 1, count: 2 } } }))).toBe(false);
    expect(sameLinkProps(props(), props({ id: 'l2' }))).toBe(false);
    const { selected: _, ...fewer } = props();
    expect(sameLinkProps(props(), fewer as EdgeProps<FlowEdge>)).toBe(false);
  });
});
