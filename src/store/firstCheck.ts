/**
 * A first visit after an older studio (session.ts `openLegacyAutosave`) checks the design it
 * left with the full loader, in a worker (io/document.worker.ts). The page's first script
 * (vite.config.ts `firstVisitScript`) starts that worker as the page starts, with the text it
 * read, and leaves the answer's promise at FIRST_CHECK_KEY: the schema library is then fetched,
 * compiled and run beside the first screen's code, not on the main thread after it (35–45 ms of
 * main-thread time at 1,000 elements in the task before the first render, the loader's chunks
 * to evaluate besides; handing the answer over takes 5–20 ms). Anything that goes wrong with the
 * worker checks the text on the main thread, as before: the same loader, the same messages.
 */
import type { LoadResult } from '../io/document';
import type { CheckAnswer } from '../io/document.worker';
import type { Design } from '../model/schema';
import { markPicked } from '../io/ownDocument';
import { FIRST_CHECK_KEY } from './legacyKeys';

interface BegunCheck {
  readonly text: string;
  readonly answer: Promise<CheckAnswer>;
}

/** The check the page's first script began, taken once. */
function begunCheck(): BegunCheck | null {
  const scope = globalThis as Record<string, unknown>;
  const begun = scope[FIRST_CHECK_KEY] as Partial<BegunCheck> | undefined;
  delete scope[FIRST_CHECK_KEY];
  return typeof begun?.text === 'string' && begun.answer instanceof Promise
    ? (begun as BegunCheck)
    : null;
}

/** Check `text` in a worker of its own (where the page's first script began none). */
function checkInWorker(text: string): Promise<CheckAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../io/document.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<CheckAnswer>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(text);
  });
}

/**
 * `loadDocument(text)`, off the main thread where the browser has workers; `inThread` checks it
 * on the main thread where it has none or the worker fails.
 */
export function checkFirstVisit(
  text: string,
  inThread: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const begun = begunCheck();
  if (typeof Worker === 'undefined') return inThread();
  // The text the page's first script read is what the check is of; any other is checked anew.
  const answer = begun?.text === text ? begun.answer : checkInWorker(text);
  return answer.then(
    (answer): LoadResult => {
      if (!answer.ok) return answer;
      // What the loader made of the text: checked, so only parsed (as ownDocument.ts reads).
      const design = JSON.parse(answer.designJson) as Design;
      // The WeakMap of picked elements is this page's: the worker marked its own copies.
      markPicked(design);
      return { ok: true, design, warnings: answer.warnings };
    },
    () => inThread(),
  );
}
