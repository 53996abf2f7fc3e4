/// <reference lib="webworker" />
/**
 * Routing off the main thread: libavoid takes tens of milliseconds per site, which would make
 * dragging stutter. The worker keeps the previous routes (per site) so a drag re-routes only
 * the site it happens in.
 */
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { loadAvoidRouter } from '../render/avoid';
import { renderDiagram, type RouteCache } from '../render/diagram';
import { AVOID_WASM_URL } from '../render/wasm';

export interface RouteJob {
  readonly seq: number;
  readonly design: Design;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

const cache: RouteCache = new Map();
const router = loadAvoidRouter(AVOID_WASM_URL);

self.onmessage = (event: MessageEvent<RouteJob>) => {
  const { seq, design, findings } = event.data;
  void router
    .then((r) => {
      const start = performance.now();
      const diagram = renderDiagram(design, r, { findings, cache });
      self.postMessage({
        seq,
        ok: true,
        connectors: diagram.connectors,
        ms: performance.now() - start,
      });
    })
    .catch((error: unknown) => {
      self.postMessage({
        seq,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    });
};
