import type { EdgeProps, NodeProps } from '@xyflow/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVICE_ENDS, type FlowEdge, type FlowNode } from '../store/flow';
import { DciEdge } from './edges';
import { SiteNode } from './SiteNode';

/** What React compares a memoised component's props with (null: every prop, shallowly). */
function compareOf<P>(component: unknown): (before: P, after: P) => boolean {
  const compare = (component as { compare: ((a: P, b: P) => boolean) | null }).compare;
  return (
    compare ??
    ((a, b) => Object.keys(b as object).every((k) => a[k as keyof P] === b[k as keyof P]))
  );
}

/** The studio's style sheet, without its comments: its rules by selector. */
function rules(): Map<string, string> {
  const css = readFileSync(new URL('../index.css', import.meta.url), 'utf8').replace(
    /\/\*[\s\S]*?\*\//g,
    '',
  );
  const out = new Map<string, string>();
  for (const [, selectors = '', body = ''] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g))
    for (const selector of selectors.split(',')) out.set(selector.trim(), body.trim());
  return out;
}

const link = {
  id: 'dci-a-b',
  source: 'a',
  target: 'b',
  sourceX: 100,
  sourceY: 76,
  targetX: 900,
  targetY: 76,
  selected: false,
  data: { bundle: { index: 0, count: 1 }, ends: DEVICE_ENDS },
} as unknown as EdgeProps<FlowEdge>;

const site = {
  id: 'dc1',
  type: 'site',
  data: { element: { id: 'dc1', kind: 'site' } },
  selected: false,
  dragging: false,
  positionAbsoluteX: 0,
  positionAbsoluteY: 0,
  zIndex: 0,
} as unknown as NodeProps<FlowNode>;

describe('a selection (a select-all) re-renders', () => {
  it('no DCI link, whose selected width is its style sheet', () => {
    const same = compareOf<EdgeProps<FlowEdge>>(DciEdge);
    expect(same(link, { ...link, selected: true })).toBe(true);
    // React Flow takes the nodes' handles again: their ends a few thousandths off.
    expect(same(link, { ...link, selected: true, sourceX: 100.0004, targetY: 75.9991 })).toBe(true);
    expect(rules().get('.react-flow__edge.selected .react-flow__edge-path.dci-path')).toBe(
      'stroke-width: 4.5px;',
    );
    expect(rules().get('.react-flow__edge-path.dci-path')).toBe('stroke-width: var(--dci-width);');
    // Highlighted on a finding's path: the same width, from the same rule.
    expect(rules().get('.react-flow__edge-path.dci-path.edge-highlight')).toBe(
      'stroke-width: 4.5px;',
    );
  });

  it('a DCI link whose ends or data changed', () => {
    const same = compareOf<EdgeProps<FlowEdge>>(DciEdge);
    expect(same(link, { ...link, targetX: 901 })).toBe(false);
    expect(
      same(link, { ...link, data: { bundle: { index: 1, count: 2 }, ends: DEVICE_ENDS } }),
    ).toBe(false);
  });

  it("no site, whose outline is its wrapper's class", () => {
    const same = compareOf<NodeProps<FlowNode>>(SiteNode);
    expect(same(site, { ...site, selected: true })).toBe(true);
    expect(rules().get('.react-flow__node.selected > .site-box')).toContain('outline: 2px solid');
  });

  it('a site handed new data (its element changed)', () => {
    const same = compareOf<NodeProps<FlowNode>>(SiteNode);
    expect(same(site, { ...site, data: { ...site.data } })).toBe(false);
    expect(same(site, { ...site, id: 'dc2' })).toBe(false);
  });
});
