/**
 * When a design change is validated (findings.ts): an edit is validated in the task that makes
 * it while the validator is quick, so its findings are drawn with it; a drop is always drawn
 * first, as the frame after a pointer-up must wait for nothing.
 */
let drawFirst = false;

/** Run a commit whose design change is validated only after the frame that shows it. */
export function validatingAfterFrame(run: () => void): void {
  const previous = drawFirst;
  drawFirst = true;
  try {
    run();
  } finally {
    drawFirst = previous;
  }
}

export function mustDrawFirst(): boolean {
  return drawFirst;
}
