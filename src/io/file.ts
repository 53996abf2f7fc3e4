/**
 * The `.dci.json` file: the design document, pretty-printed with a stable key order (the
 * schema's order, which toDocument produces whatever order the editor's objects had) and arrays
 * kept in order, so two saves of the same design are byte-identical and diff well in git.
 */
import type { Design } from '../model/schema';
import { loadDocument, toDocument, type LoadResult } from './document';

export const DESIGN_FILE_EXTENSION = '.dci.json';
export const DESIGN_FILE_MIME = 'application/json';

/** Throws only if `design` is not a valid design (the store never holds one that is not). */
export function serializeDesign(design: Design): string {
  return `${JSON.stringify(toDocument(design), null, 2)}\n`;
}

/** Read a `.dci.json` file: the one loader, so parse → migrate → validate. */
export function parseDesignFile(text: string): LoadResult {
  return loadDocument(text);
}

/** A file name for the design: its name made safe for file systems, with the extension. */
export function designFileName(design: Pick<Design, 'name'>): string {
  const base = design.name
    .normalize('NFKD')
    .replace(/[^\w\s.-]+/gu, '')
    .replace(/^[\s.]+|[\s.]+$/gu, '')
    .replace(/\s+/gu, '-')
    .slice(0, 80);
  return `${base || 'design'}${DESIGN_FILE_EXTENSION}`;
}
