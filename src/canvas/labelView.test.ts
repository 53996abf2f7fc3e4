import { describe, expect, it } from 'vitest';
import { LABEL_MARGIN_PX, labelNearView } from './labelView';

/** A canvas of 844 × 852 screen px at zoom 0.75, its top-left corner at flow (-40/0.75, 0). */
const VIEW = { transform: [40, 0, 0.75] as const, width: 844, height: 852 };
const label = (x: number, y: number) => ({ x, y, width: 184, height: 64 });
/** The flow x of a screen x in VIEW. */
const flowX = (screenX: number) => (screenX - 40) / 0.75;

describe('A DCI label is drawn', () => {
  it('in the view, and partly in it', () => {
    expect(labelNearView(label(0, 0), VIEW)).toBe(true);
    expect(labelNearView(label(flowX(-100), 400), VIEW)).toBe(true);
    expect(labelNearView(label(flowX(800), flowX(800)), VIEW)).toBe(true);
  });

  it('just outside the view, so it is there as it comes in', () => {
    expect(labelNearView(label(flowX(844 + LABEL_MARGIN_PX - 10), 0), VIEW)).toBe(true);
    expect(labelNearView(label(0, -(LABEL_MARGIN_PX - 10) / 0.75 - 64), VIEW)).toBe(true);
  });

  it('not halfway along a long link thousands of pixels away', () => {
    expect(labelNearView(label(flowX(3172), 100), VIEW)).toBe(false);
    expect(labelNearView(label(flowX(844 + LABEL_MARGIN_PX + 10), 0), VIEW)).toBe(false);
    expect(labelNearView(label(0, -2000), VIEW)).toBe(false);
    expect(labelNearView(label(-2000, 0), VIEW)).toBe(false);
  });

  it('always while the canvas is not measured yet', () => {
    expect(labelNearView(label(99_999, 0), { ...VIEW, width: 0, height: 0 })).toBe(true);
  });
});
