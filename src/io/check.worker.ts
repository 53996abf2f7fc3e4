/// <reference lib="webworker" />
/**
 * The full check of a design's text (`loadDocument`) off the page's main thread: what the first
 * visit after an older studio opens (store/firstCheck.ts). It never throws: the answer is the
 * loader's result, a design or the reason there is none.
 */
import { loadDocument } from './document';

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(loadDocument(event.data));
};
