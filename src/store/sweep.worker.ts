/// <reference lib="webworker" />
/**
 * "Check every single failure" off the main thread: a sweep of a large design takes most of a
 * second, and the page must not freeze meanwhile.
 */
import type { Design } from '../model/schema';
import { singleFailureSweep } from '../rules/whatif/failure';

self.onmessage = (event: MessageEvent<{ id: number; design: Design }>) => {
  const start = performance.now();
  try {
    const result = singleFailureSweep(event.data.design);
    self.postMessage({ id: event.data.id, ok: true, result, ms: performance.now() - start });
  } catch (error) {
    self.postMessage({
      id: event.data.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
