/**
 * The canvas's router remembers its answers (routes.worker.ts): each call of the general router
 * is keyed by its whole input, the obstacles and the requests as given, in order, and an input
 * seen lately gets the routes it got then. The router is a pure function of that input (libavoid
 * is deterministic, and every call builds and frees a router of its own: avoid.ts), so a drawing
 * made from remembered answers is the drawing made from none; what differs is only that a delete
 * or a drag reroutes the batches whose input it changed (channels.ts routes a large group batch
 * by batch, each among the devices near it), not the whole group.
 */
import type { ConnectorRouter } from './router';
import type { Point } from './types';

/** Answers kept: a drawing of the 3,000-element synthetic design makes about 40 calls. */
const KEPT = 240;

export function memoRouter(router: ConnectorRouter, kept = KEPT): ConnectorRouter {
  const answers = new Map<string, ReadonlyMap<string, readonly Point[]>>();
  return {
    route(obstacles, requests, options) {
      const key = JSON.stringify([obstacles, requests, options?.endPinsOnly === true]);
      const known = answers.get(key);
      if (known) {
        // The most recently used last: the first is the one to forget.
        answers.delete(key);
        answers.set(key, known);
        return new Map(known);
      }
      const routes = router.route(obstacles, requests, options);
      answers.set(key, new Map(routes));
      if (answers.size > kept) answers.delete(answers.keys().next().value as string);
      return routes;
    },
  };
}
