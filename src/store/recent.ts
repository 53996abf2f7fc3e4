/**
 * Recent designs: before anything replaces the open design (a link, a file, a drop, reopening a
 * recent one), that design is kept here, so opening something never loses what the user had.
 * The last RECENT_LIMIT designs live in localStorage as saved documents ({name, savedAt, json});
 * reading one back goes through the one loader like any other way in.
 */
import { loadDocument, toDocument, type LoadResult } from '../io/document';
import type { Design } from '../model/schema';

export const RECENT_KEY = 'dci-studio:recent';
export const RECENT_LIMIT = 10;

export interface RecentDesign {
  readonly name: string;
  /** ISO time at which it was put aside. */
  readonly savedAt: string;
  /** The design document (toDocument), as JSON. */
  readonly json: string;
}

/** The part of Storage this module uses (tests pass a Map-backed one). */
export type RecentStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): RecentStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be disabled (private mode, file:// in some browsers).
    return null;
  }
}

function isEntry(value: unknown): value is RecentDesign {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['name'] === 'string' &&
    typeof v['savedAt'] === 'string' &&
    typeof v['json'] === 'string'
  );
}

/** Newest first. A damaged list reads as empty rather than failing the studio. */
export function listRecent(storage: RecentStorage | null = defaultStorage()): RecentDesign[] {
  if (!storage) return [];
  try {
    const raw: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** Nothing worth keeping: no elements, segments or workloads. */
export function isBlank(design: Design): boolean {
  return design.nodes.length === 0 && design.segments.length === 0 && design.workloads.length === 0;
}

function write(storage: RecentStorage, entries: readonly RecentDesign[]): boolean {
  // Large designs can exceed the storage quota: drop the oldest until the list fits.
  for (let n = entries.length; n >= 0; n--) {
    try {
      storage.setItem(RECENT_KEY, JSON.stringify(entries.slice(0, n)));
      return true;
    } catch {
      // Quota exceeded: try with one fewer.
    }
  }
  return false;
}

/**
 * Put a design at the top of the list. The same design saved again moves to the top instead of
 * appearing twice; a blank design is not kept. Returns false if it could not be stored.
 */
export function pushRecent(
  design: Design,
  options: { storage?: RecentStorage | null; now?: Date } = {},
): boolean {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  if (!storage || isBlank(design)) return true;
  const json = JSON.stringify(toDocument(design));
  const entry: RecentDesign = {
    name: design.name,
    savedAt: (options.now ?? new Date()).toISOString(),
    json,
  };
  const rest = listRecent(storage).filter((e) => e.json !== json);
  return write(storage, [entry, ...rest].slice(0, RECENT_LIMIT));
}

/** Forget one entry (by its position in listRecent). */
export function removeRecent(index: number, storage: RecentStorage | null = defaultStorage()) {
  if (!storage) return;
  const entries = listRecent(storage);
  entries.splice(index, 1);
  write(storage, entries);
}

/** Read an entry back through the one loader (it may have been saved by an older studio). */
export function loadRecent(entry: RecentDesign): LoadResult {
  return loadDocument(entry.json);
}
