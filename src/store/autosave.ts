/**
 * Autosave: every change to the design is written to localStorage (debounced), and the studio
 * restores it on load. A saved design that no longer loads is kept aside, never overwritten.
 */
import { loadDocument, toDocument } from '../io/document';
import type { Design } from '../model/schema';
import { useStudio } from './studio';
import { notify } from './ui';

export const AUTOSAVE_KEY = 'dci-studio:autosave';
const BROKEN_KEY = 'dci-studio:autosave-unreadable';
export const AUTOSAVE_DEBOUNCE_MS = 250;

export function readAutosave(): Design | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const result = loadDocument(text);
  if (result.ok) return result.design;
  try {
    localStorage.setItem(BROKEN_KEY, text);
  } catch {
    // Best effort: the unreadable copy stays under the autosave key until the next save.
  }
  notify(
    'error',
    `The last autosaved design could not be restored (${result.error.message}) A copy was kept in browser storage.`,
  );
  return null;
}

export function writeAutosave(design: Design): void {
  try {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(toDocument(design)));
  } catch (error) {
    notify('error', `Autosave failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Start saving every change; returns a function that stops it (and flushes). */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Design | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending && !useStudio.getState().readOnly) writeAutosave(pending);
    pending = null;
  };
  const unsubscribe = useStudio.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DEBOUNCE_MS);
  });
  window.addEventListener('beforeunload', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('beforeunload', flush);
  };
}
