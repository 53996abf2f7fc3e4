import { describe, expect, it } from 'vitest';
import { alignNodes, distributeNodes, nudgeNodes } from './arrange';
import { arrangeableCount } from './moving';
import { DesignBuilder } from './builder';
import { DEVICE_SIZE } from './defaults';
import { DEVICE_INSET_PX, SITE_TOP_PX } from './placement';
import type { Design } from './schema';

// Site a at (100, 50), 800 × 400; devices placed by hand (positions relative to the site).
const design = () =>
  new DesignBuilder()
    .site('a', 'DC1', { position: { x: 100, y: 50 }, width: 800, height: 400 })
    .site('b', 'DC2', { position: { x: 1000, y: 0 }, width: 400, height: 300 })
    .tor('l1', 'a', { position: { x: 40, y: 60 } })
    .tor('l2', 'a', { position: { x: 300, y: 100 } })
    .tor('l3', 'a', { position: { x: 420, y: 200 } })
    .border('be', 'b', { position: { x: 40, y: 48 } })
    .build();

const pos = (d: Design, id: string) => d.nodes.find((n) => n.id === id)?.position;

describe('Align', () => {
  it('lines devices up on the left edge of their bounds', () => {
    const d = alignNodes(design(), ['l1', 'l2', 'l3'], 'left');
    expect(['l1', 'l2', 'l3'].map((id) => pos(d, id)?.x)).toEqual([40, 40, 40]);
    expect(pos(d, 'l2')?.y).toBe(100);
  });
  it('right, centre, top, middle and bottom', () => {
    const ids = ['l1', 'l2', 'l3'];
    expect(ids.map((id) => pos(alignNodes(design(), ids, 'right'), id)?.x)).toEqual([
      420, 420, 420,
    ]);
    expect(ids.map((id) => pos(alignNodes(design(), ids, 'center'), id)?.x)).toEqual([
      230, 230, 230,
    ]);
    expect(ids.map((id) => pos(alignNodes(design(), ids, 'top'), id)?.y)).toEqual([60, 60, 60]);
    expect(ids.map((id) => pos(alignNodes(design(), ids, 'bottom'), id)?.y)).toEqual([
      200, 200, 200,
    ]);
    expect(ids.map((id) => pos(alignNodes(design(), ids, 'middle'), id)?.y)).toEqual([
      130, 130, 130,
    ]);
  });
  it('compares devices of different sites on the canvas', () => {
    // l1 is at canvas y 110, be at 48: aligned on top, both at canvas y 48 — l1 stops below
    // its site's header (canvas y 50 + SITE_TOP_PX).
    const d = alignNodes(design(), ['l1', 'be'], 'top');
    expect(pos(d, 'be')?.y).toBe(48);
    expect(pos(d, 'l1')?.y).toBe(SITE_TOP_PX);
  });
  it('keeps a device inside its site', () => {
    const d = alignNodes(design(), ['l1', 'be'], 'right');
    const site = d.nodes.find((n) => n.id === 'a');
    const x = pos(d, 'l1')?.x ?? NaN;
    expect(site?.kind === 'site' && x + DEVICE_SIZE.width).toBe(800 - DEVICE_INSET_PX);
  });
  it('aligns sites, and a device moves with its selected site rather than on its own', () => {
    const d = alignNodes(design(), ['a', 'b', 'l1'], 'top');
    expect(pos(d, 'a')).toEqual({ x: 100, y: 0 });
    expect(pos(d, 'b')).toEqual({ x: 1000, y: 0 });
    expect(pos(d, 'l1')).toEqual({ x: 40, y: 60 });
    expect(arrangeableCount(design(), ['a', 'b', 'l1'])).toBe(2);
  });
  it('returns the design itself when one element, or nothing, would move', () => {
    const d = design();
    expect(alignNodes(d, ['l1'], 'left')).toBe(d);
    const left = alignNodes(d, ['l1', 'l2'], 'left');
    expect(alignNodes(left, ['l1', 'l2'], 'left')).toBe(left);
  });
});

describe('Distribute', () => {
  it('makes the gaps between neighbours equal, keeping the first and the last', () => {
    const d = distributeNodes(design(), ['l3', 'l1', 'l2'], 'horizontal');
    // Span 40 … 588, three boxes of 168: gaps of (548 − 504) / 2 = 22.
    expect(['l1', 'l2', 'l3'].map((id) => pos(d, id)?.x)).toEqual([40, 230, 420]);
    const v = distributeNodes(design(), ['l1', 'l2', 'l3'], 'vertical');
    expect(['l1', 'l2', 'l3'].map((id) => pos(v, id)?.y)).toEqual([60, 130, 200]);
  });
  it('needs three elements', () => {
    const d = design();
    expect(distributeNodes(d, ['l1', 'l2'], 'horizontal')).toBe(d);
  });
});

describe('Nudge', () => {
  it('moves devices and sites by the step', () => {
    const d = nudgeNodes(design(), ['l1', 'b'], 16, 16);
    expect(pos(d, 'l1')).toEqual({ x: 56, y: 76 });
    expect(pos(d, 'b')).toEqual({ x: 1016, y: 16 });
    expect(pos(d, 'be')).toEqual({ x: 40, y: 48 });
  });
  it('stops a device inside its site’s border, and below its header', () => {
    const d = nudgeNodes(design(), ['l1'], -160, 0);
    expect(pos(d, 'l1')).toEqual({ x: DEVICE_INSET_PX, y: 60 });
    expect(nudgeNodes(d, ['l1'], -16, 0)).toBe(d);
    expect(pos(nudgeNodes(d, ['l1'], 0, -16), 'l1')).toEqual({
      x: DEVICE_INSET_PX,
      y: SITE_TOP_PX,
    });
  });
});
