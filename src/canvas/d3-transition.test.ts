import { select } from 'd3-selection';
import { interrupt } from 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type ZoomTransform } from 'd3-zoom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interrupt as standIn } from './d3-transition';

/** The zoom pane React Flow animates (no DOM here: d3 selects any object). */
function pane() {
  const node = {} as Element;
  const behaviour = zoom<Element, unknown>().extent([
    [0, 0],
    [800, 600],
  ]);
  const events: string[] = [];
  const views: ZoomTransform[] = [];
  behaviour
    .on('start', () => events.push('start'))
    .on('zoom', (e: { transform: ZoomTransform }) => views.push(e.transform))
    .on('end', () => events.push('end'));
  return { node, behaviour, events, views, view: () => zoomTransform(node) };
}

describe('d3-transition in the studio (vite.config.ts: src/canvas/d3-transition.ts stands in)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is the stand-in d3-zoom gets', () => {
    expect(interrupt).toBe(standIn);
  });

  it('animates the view as React Flow asks: eased, over its duration, then its end', async () => {
    const p = pane();
    const target = zoomIdentity.translate(100, 50).scale(2);
    const ended = vi.fn();
    const transition = select(p.node)
      .transition()
      .duration(300)
      .ease((t) => t)
      .on('end', ended);
    p.behaviour.transform(transition, target);
    // Made now, started on the next frame.
    expect(p.events).toEqual([]);
    await vi.advanceTimersByTimeAsync(16);
    expect(p.events).toEqual(['start']);
    await vi.advanceTimersByTimeAsync(130);
    const mid = p.view();
    expect(mid.k).toBeGreaterThan(1);
    expect(mid.k).toBeLessThan(2);
    expect(ended).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(p.view()).toEqual(target);
    expect(p.events).toEqual(['start', 'end']);
    expect(ended).toHaveBeenCalledTimes(1);
    // Nothing runs after its end.
    const count = p.views.length;
    await vi.advanceTimersByTimeAsync(100);
    expect(p.views.length).toBe(count);
  });

  it('a gesture interrupts a running view change where it is (no end for its promise)', async () => {
    const p = pane();
    const ended = vi.fn();
    const interrupted = vi.fn();
    const transition = select(p.node)
      .transition()
      .duration(300)
      .on('end', ended)
      .on('interrupt.test', interrupted);
    p.behaviour.scaleTo(transition, 4);
    await vi.advanceTimersByTimeAsync(150);
    const where = p.view();
    expect(where.k).toBeGreaterThan(1);
    select(p.node).interrupt();
    expect(interrupted).toHaveBeenCalledTimes(1);
    expect(p.events).toEqual(['start', 'end']);
    await vi.advanceTimersByTimeAsync(300);
    expect(p.view()).toEqual(where);
    expect(ended).not.toHaveBeenCalled();
  });

  it('a newer view change takes over: the ones made before it are interrupted as it starts', async () => {
    const p = pane();
    const first = { interrupt: vi.fn(), end: vi.fn() };
    const second = { interrupt: vi.fn(), end: vi.fn() };
    p.behaviour.scaleTo(
      select(p.node)
        .transition()
        .duration(300)
        .on('interrupt.test', first.interrupt)
        .on('end.test', first.end),
      4,
    );
    await vi.advanceTimersByTimeAsync(100);
    p.behaviour.scaleTo(
      select(p.node)
        .transition()
        .duration(300)
        .on('interrupt.test', second.interrupt)
        .on('end.test', second.end),
      3,
    );
    const third = select(p.node).transition().duration(200);
    p.behaviour.translateTo(third, 0, 0);
    // Both start on the next frame, the second first (it interrupts the first), then the third.
    await vi.advanceTimersByTimeAsync(16);
    expect(first.interrupt).toHaveBeenCalledTimes(1);
    expect(second.interrupt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(first.end).not.toHaveBeenCalled();
    expect(second.end).not.toHaveBeenCalled();
    // The third one ran to its end from where the first was interrupted.
    const view = p.view();
    expect(view.k).toBeGreaterThan(1);
    expect(view.k).toBeLessThan(4);
    expect(view.invert([400, 300])).toEqual([0, 0]);
  });

  it('an interrupt before the first frame cancels: nothing moves', async () => {
    const p = pane();
    const cancelled = vi.fn();
    p.behaviour.scaleTo(select(p.node).transition().on('cancel', cancelled), 2);
    interrupt(p.node);
    await vi.advanceTimersByTimeAsync(500);
    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(p.views).toEqual([]);
    expect(p.view()).toEqual(zoomIdentity);
  });
});
