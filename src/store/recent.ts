/**
 * Recent designs: before anything replaces the open design (a link, a file, a template, New,
 * reopening a recent one), that design is kept here, so opening something never loses what the
 * user had. The last RECENT_LIMIT designs live in IndexedDB: an index of small entries
 * (`recent:index`) and each design's document under its own key, written in one transaction.
 * `pushRecent` resolves true only once the design is stored; a refused write is false, never a
 * silent success. Reading one back goes through the one loader like any other way in.
 */
import type { LoadResult } from '../io/document';
import type { Design } from '../model/schema';
import type { KeyValue } from './kv';
import { textHash } from '../model/textHash';

export const RECENT_INDEX_KEY = 'recent:index';
export const RECENT_LIMIT = 10;
const designKey = (id: string) => `recent:${id}`;

export interface RecentDesign {
  readonly id: string;
  readonly name: string;
  /** ISO time at which it was put aside. */
  readonly savedAt: string;
  readonly elements: number;
  readonly workloads: number;
  /** A hash of the document, to find the same design saved twice without reading every one. */
  readonly hash: string;
  /** Why the studio could not open it when it was put aside (a stored design that no longer loads). */
  readonly problem?: string;
  /** What the user called a copy kept on purpose ("before the gateway change"): plain text. */
  readonly label?: string;
}

/** The longest label a kept copy takes: a few words, not a description. */
export const RECENT_LABEL_MAX = 80;

function isEntry(value: unknown): value is RecentDesign {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['id'] === 'string' &&
    typeof v['name'] === 'string' &&
    typeof v['savedAt'] === 'string' &&
    typeof v['hash'] === 'string' &&
    typeof v['elements'] === 'number' &&
    typeof v['workloads'] === 'number' &&
    (v['problem'] === undefined || typeof v['problem'] === 'string') &&
    (v['label'] === undefined || typeof v['label'] === 'string')
  );
}

/** When an entry was put aside, as the Recent and Compare dialogs write it ("7 Dec 2026, 08:30"). */
export function savedAtText(savedAt: string): string {
  const date = new Date(savedAt);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Newest first. A damaged index reads as empty rather than failing the studio. */
export async function listRecent(kv: KeyValue): Promise<RecentDesign[]> {
  try {
    const raw = await kv.get<unknown>(RECENT_INDEX_KEY);
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** What a stored document's list entry says: its name and counts, as far as its text can tell. */
export interface DocumentSummary {
  readonly name: string;
  readonly nodes: readonly unknown[];
  readonly workloads: readonly unknown[];
}

/**
 * A document's name and counts read from its text alone, without the schema: a design that no
 * longer loads (a field out of range, an unknown kind) still says how much it holds.
 */
export function documentSummary(json: string): DocumentSummary {
  try {
    const doc = JSON.parse(json) as { name?: unknown; nodes?: unknown; workloads?: unknown };
    return {
      name: typeof doc.name === 'string' ? doc.name : 'Untitled design',
      nodes: Array.isArray(doc.nodes) ? doc.nodes : [],
      workloads: Array.isArray(doc.workloads) ? doc.workloads : [],
    };
  } catch {
    return { name: 'Unreadable design', nodes: [], workloads: [] };
  }
}

/** Nothing worth keeping: no elements, segments or workloads. */
export function isBlank(design: Design): boolean {
  return design.nodes.length === 0 && design.segments.length === 0 && design.workloads.length === 0;
}

let counter = 0;
function freshId(now: Date): string {
  counter = (counter + 1) % 1e6;
  return `${now.getTime().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export type PushResult = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/**
 * Put a design at the top of the list. The same design saved again moves to the top instead of
 * appearing twice; a blank design is not kept (and that is a success: nothing was lost).
 * `{ok: true}` only once the design and the index are both stored.
 */
export async function pushRecent(
  kv: KeyValue,
  design: Design,
  options: { now?: Date; label?: string } = {},
): Promise<PushResult> {
  if (isBlank(design)) return { ok: true };
  // The loader (and the schema) load on first use: not for the reload of a stored design.
  const { toDocument } = await import('../io/document');
  const label = options.label?.trim().slice(0, RECENT_LABEL_MAX);
  return pushRecentJson(
    kv,
    JSON.stringify(toDocument(design)),
    label ? { ...design, label } : design,
    options.now,
  );
}

/** As pushRecent, for a document already serialized (a slot being retired, a legacy entry). */
export async function pushRecentJson(
  kv: KeyValue,
  json: string,
  design: DocumentSummary & { readonly problem?: string; readonly label?: string },
  now: Date = new Date(),
): Promise<PushResult> {
  try {
    const hash = textHash(json);
    const entries = await listRecent(kv);
    const entry: RecentDesign = {
      id: freshId(now),
      name: design.name,
      savedAt: now.toISOString(),
      elements: design.nodes.length,
      workloads: design.workloads.length,
      hash,
      ...(design.problem === undefined ? {} : { problem: design.problem }),
      ...(design.label === undefined ? {} : { label: design.label }),
    };
    const same = entries.filter((e) => e.hash === hash);
    const sameJson = await kv.getMany<string>(same.map((e) => designKey(e.id)));
    const duplicates = new Set(same.filter((_, i) => sameJson[i] === json).map((e) => e.id));
    const rest = entries.filter((e) => !duplicates.has(e.id));
    const kept = [entry, ...rest].slice(0, RECENT_LIMIT);
    const dropped = [...duplicates, ...rest.slice(RECENT_LIMIT - 1).map((e) => e.id)];
    await kv.setMany([
      [designKey(entry.id), json],
      [RECENT_INDEX_KEY, kept],
    ]);
    // The index no longer names them: a failure here leaves unreachable bytes, never a loss.
    await kv.delMany(dropped.map(designKey)).catch(() => undefined);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Forget one entry. */
export async function removeRecent(kv: KeyValue, id: string): Promise<void> {
  const entries = await listRecent(kv);
  await kv.setMany([[RECENT_INDEX_KEY, entries.filter((e) => e.id !== id)]]);
  await kv.delMany([designKey(id)]).catch(() => undefined);
}

/** What a Recent entry whose document is gone from storage says when it is opened or saved. */
export const GONE_FROM_STORAGE = 'This design is no longer in browser storage.';

/** An entry's document as it was stored, or undefined when browser storage no longer has it. */
export async function recentText(kv: KeyValue, entry: RecentDesign): Promise<string | undefined> {
  try {
    const json = await kv.get<string>(designKey(entry.id));
    return typeof json === 'string' ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Read an entry back through the one loader (it may have been saved by an older studio). */
export async function loadRecent(kv: KeyValue, entry: RecentDesign): Promise<LoadResult> {
  const json = await recentText(kv, entry);
  if (json === undefined)
    return {
      ok: false,
      error: { kind: 'corrupt', message: GONE_FROM_STORAGE },
    };
  const { loadDocument } = await import('../io/document');
  return loadDocument(json);
}
