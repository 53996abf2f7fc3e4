import type { MiniMapNodeProps } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MinimapNode, sameMinimapNodeProps } from './MinimapNode';

const props: MiniMapNodeProps = {
  id: 's0-t1',
  x: 10,
  y: 20,
  width: 168,
  height: 56,
  borderRadius: 5,
  className: '',
  color: '#0ea5e9',
  shapeRendering: 'crispEdges',
  strokeColor: '',
  strokeWidth: 2,
  selected: false,
};

describe('a minimap node', () => {
  it('does not re-render when only its selection changes (a select-all)', () => {
    expect(sameMinimapNodeProps(props, { ...props, selected: true })).toBe(true);
  });

  it('re-renders when what it draws changes', () => {
    expect(sameMinimapNodeProps(props, { ...props, x: 11 })).toBe(false);
    expect(sameMinimapNodeProps(props, { ...props, width: 200 })).toBe(false);
    expect(sameMinimapNodeProps(props, { ...props, color: '#10b981' })).toBe(false);
    expect(sameMinimapNodeProps(props, { ...props, className: 'x' })).toBe(false);
  });

  it("is drawn as React Flow's own, in its kind's colour, with no selected class", () => {
    const html = renderToStaticMarkup(
      <svg>
        <MinimapNode {...props} selected />
      </svg>,
    );
    expect(html).toContain('class="react-flow__minimap-node"');
    expect(html).toContain('fill:#0ea5e9');
    expect(html).toContain('x="10"');
    expect(html).toContain('width="168"');
  });
});
