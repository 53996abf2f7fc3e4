/// <reference lib="webworker" />
/**
 * The full check of a design's text (`loadDocument`) off the main thread: a first visit after an
 * older studio checks the design it left (store/firstCheck.ts) while the page's own code comes
 * and runs, instead of after it. The answer is the loader's value, messages included, with a
 * checked design as the JSON of what the loader made of it: the page parses that in 2–3 ms at
 * 1,000 elements, where taking the objects themselves out of the message took 7–20 ms.
 */
import { loadDocument, type LoadResult } from './document';

/** What the worker answers: `loadDocument`'s value, a checked design as its JSON. */
export type CheckAnswer =
  | (Omit<Extract<LoadResult, { ok: true }>, 'design'> & { readonly designJson: string })
  | Extract<LoadResult, { ok: false }>;

self.onmessage = (event: MessageEvent<string>) => {
  const result = loadDocument(event.data);
  const answer: CheckAnswer = result.ok
    ? { ok: true, warnings: result.warnings, designJson: JSON.stringify(result.design) }
    : result;
  self.postMessage(answer);
};
