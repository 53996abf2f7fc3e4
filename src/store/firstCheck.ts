/**
 * The full check of the design an older studio left in localStorage (session.ts
 * `openLegacyAutosave`), run in a worker (io/check.worker.ts) rather than on the page's main
 * thread. The page's first script (vite.config.ts `checkFirstVisitEarly`, a few hundred bytes,
 * `async`) begins it as the page starts, so the worker loads the schema library and checks the
 * design while the first screen's code is still coming and running: on a 2-core machine, the
 * check of a 1,000-element design (the schema library's loading and its 80-100 ms parse) was
 * 180-230 ms of the first visit's wait, after that code had run. Here it is taken, or begun
 * when the page's script did not (the dev server, a script that failed).
 *
 * Where a worker cannot do it (none in this browser, its script refused or failing, no answer
 * in CHECK_WORKER_WAIT_MS), the check runs on the main thread (`onMainThread`): the same loader,
 * the same result, later.
 */
import checkWorkerUrl from '../io/check.worker.ts?worker&url';
import type { LoadResult } from '../io/document';
import { EARLY_CHECK_KEY } from './legacyKeys';

/** How long the worker may take before the main thread checks the text itself. */
export const CHECK_WORKER_WAIT_MS = 30_000;

/** The check the page's first script began for `text`, taken once; null for none or another text. */
function takeBegun(text: string): Promise<unknown> | null {
  const scope = globalThis as Record<string, unknown>;
  const begun = scope[EARLY_CHECK_KEY] as { text?: unknown; result?: unknown } | undefined;
  delete scope[EARLY_CHECK_KEY];
  if (typeof begun !== 'object' || begun === null) return null;
  return begun.text === text && begun.result instanceof Promise ? begun.result : null;
}

/** Check `text` in a new worker (null where there are no workers). */
function begin(text: string): Promise<unknown> | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(checkWorkerUrl, { type: 'module' });
    const result = new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = worker.onmessageerror = reject;
    });
    worker.postMessage(text);
    void result.finally(() => worker.terminate()).catch(() => undefined);
    return result;
  } catch {
    return null;
  }
}

/** Whether a worker's answer is a loader result (a design or a reason), as it posts it. */
const isResult = (value: unknown): value is LoadResult =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { ok?: unknown }).ok === true
    ? typeof (value as { design?: unknown }).design === 'object'
    : (value as { ok?: unknown }).ok === false &&
      typeof (value as { error?: { message?: unknown } }).error?.message === 'string');

/**
 * The loader's result for `text`, checked in a worker (the one the page began, or a new one),
 * else by `onMainThread`.
 */
export function checkLegacyText(
  text: string,
  onMainThread: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const inWorker = takeBegun(text) ?? begin(text);
  if (!inWorker) return onMainThread();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), CHECK_WORKER_WAIT_MS);
  });
  return Promise.race([inWorker, late])
    .then((answer) => (isResult(answer) ? answer : onMainThread()))
    .catch(() => onMainThread())
    .finally(() => clearTimeout(timer));
}
