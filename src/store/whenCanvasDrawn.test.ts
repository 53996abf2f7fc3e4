import { beforeEach, describe, expect, it } from 'vitest';
import { useUi, whenCanvasDrawn, whenPanelsDrawn } from './ui';

beforeEach(() => useUi.setState({ canvasDrawn: false }));

describe('whenCanvasDrawn', () => {
  it('runs once, when the canvas has drawn, and not before', () => {
    let runs = 0;
    whenCanvasDrawn(() => runs++);
    useUi.setState({ tidying: true });
    expect(runs).toBe(0);
    useUi.setState({ canvasDrawn: true });
    useUi.setState({ canvasDrawn: false });
    useUi.setState({ canvasDrawn: true });
    expect(runs).toBe(1);
  });

  it('runs at once when the canvas has drawn already, and not once cancelled', () => {
    let runs = 0;
    const cancel = whenCanvasDrawn(() => runs++);
    cancel();
    useUi.setState({ canvasDrawn: true });
    expect(runs).toBe(0);
    whenCanvasDrawn(() => runs++);
    expect(runs).toBe(1);
  });
});

describe('whenPanelsDrawn', () => {
  beforeEach(() => useUi.setState({ panelsDrawn: false }));

  it('waits for the side panel, not for the canvas alone', () => {
    let runs = 0;
    whenPanelsDrawn(() => runs++);
    useUi.setState({ canvasDrawn: true });
    expect(runs).toBe(0);
    useUi.setState({ panelsDrawn: true });
    useUi.setState({ panelsDrawn: false });
    useUi.setState({ panelsDrawn: true });
    expect(runs).toBe(1);
    whenPanelsDrawn(() => runs++);
    expect(runs).toBe(2);
  });
});
