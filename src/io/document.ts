/**
 * The one loader: every way a design comes in (file, link, paste, image, fixture, CLI) goes
 * through `loadDocument`: parse → migrate → validate. It never throws; a failure is a value with
 * a reason the UI can show, and the caller keeps its current design untouched.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { migrate } from '../model/migrations';
import {
  arraySchema,
  borderSchema,
  clusterSchema,
  CURRENT_VERSION,
  dciLinkSchema,
  designNodeSchema,
  designSchema,
  fabricLinkSchema,
  firewallSchema,
  linkSchema,
  noteSchema,
  positionSchema,
  segmentSchema,
  settingsSchema,
  siteSchema,
  spineSchema,
  torSchema,
  volumeSchema,
  waiverSchema,
  witnessSchema,
  workloadSchema,
  type Design,
} from '../model/schema';
import { checkReferences, referenceWarnings } from '../model/integrity';
import { labelOf } from '../model/labels';
import { boundText } from '../model/plural';
import { documentFingerprint, markPicked, picked, readOwnDocument } from './ownDocument';

export { documentFingerprint };

export type LoadError =
  | { readonly kind: 'corrupt'; readonly message: string }
  | { readonly kind: 'not-a-design'; readonly message: string }
  | { readonly kind: 'too-new'; readonly message: string; readonly version: number }
  | { readonly kind: 'invalid'; readonly message: string; readonly path: string }
  | { readonly kind: 'too-large'; readonly message: string };

/**
 * Something the loader let through but the user should know: a field it does not know (and
 * dropped), or a reference that points nowhere. The design still opens.
 */
export interface LoadWarning {
  readonly path: string;
  readonly message: string;
}

export type LoadResult =
  | { readonly ok: true; readonly design: Design; readonly warnings: readonly LoadWarning[] }
  | { readonly ok: false; readonly error: LoadError };

/** More warnings than this are summed up in one last line. */
export const MAX_LOAD_WARNINGS = 50;

/** Larger inputs are refused before parsing (a design of 10,000 elements is about 5 MB). */
export const MAX_DOCUMENT_CHARS = 20_000_000;

function fail(error: LoadError): LoadResult {
  return { ok: false, error };
}

/** Render a zod issue path as `links[3].distanceKm`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}

/**
 * The id of the element a path points into (`links[29].distanceKm` → that link's id): in a file
 * of a thousand links, the id is what a search finds, not the index.
 */
export function elementId(doc: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number' || path.length < 3) return undefined;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const items = (doc as Record<string, unknown>)[list];
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as Record<string, unknown>)['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function loadDocument(input: unknown): LoadResult {
  // The last line of defence: whatever a migration or a malformed input does, the caller gets a
  // value, never an exception.
  try {
    return load(input);
  } catch (error) {
    return fail({
      kind: 'corrupt',
      message: `The design could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    });
  }
}

/**
 * Read a document the studio stored itself: with the fingerprint it was stored with, only
 * parsed (ownDocument.ts `readOwnDocument`, which the page's reload uses without this module);
 * anything else (no fingerprint, another text, an older format) goes through `loadDocument` and
 * its messages.
 */
export function loadOwnDocument(
  json: string,
  fingerprint: string | undefined,
  /** `documentFingerprint(json)`, when the caller has it already. */
  actual?: string,
): LoadResult {
  const design = readOwnDocument(json, fingerprint, actual);
  return design ? { ok: true, design, warnings: [] } : loadDocument(json);
}

function load(input: unknown): LoadResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_CHARS) {
      return fail({
        kind: 'too-large',
        message: `The design is too large (${input.length.toLocaleString('en-US')} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}).`,
      });
    }
    try {
      // A byte-order mark is what some editors put in front of a saved file.
      raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return fail({
        kind: 'corrupt',
        message: 'The file is not valid JSON: it may be truncated or corrupted.',
      });
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail({ kind: 'not-a-design', message: 'The file is not a DCI Studio design.' });
  }
  const doc = raw as Record<string, unknown>;
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || !Array.isArray(doc['nodes'])) {
    return fail({
      kind: 'not-a-design',
      message: 'The file is not a DCI Studio design (it has no version and nodes).',
    });
  }
  if (version > CURRENT_VERSION) {
    return fail({
      kind: 'too-new',
      version,
      message: `This design was made by a newer version of DCI Studio (format ${version}; this studio reads up to ${CURRENT_VERSION}).`,
    });
  }
  if (version < 1)
    return fail({ kind: 'not-a-design', message: `Unknown design format version ${version}.` });
  const migrated = migrate(doc, version, CURRENT_VERSION);
  if (migrated.type === 'error')
    return fail({
      kind: 'corrupt',
      message: `The design could not be upgraded: ${migrated.reason}.`,
    });
  const parsed = designSchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? formatPath(issue.path) : '(root)';
    const detail = issue ? describeIssue(issue) : 'invalid';
    const id = issue ? elementId(migrated.value, issue.path) : undefined;
    const where = id === undefined ? path : `${path} (id "${id}")`;
    return fail({ kind: 'invalid', path, message: `${where}: ${detail}.` });
  }
  const integrity = checkReferences(parsed.data);
  if (integrity !== null)
    return fail({
      kind: 'invalid',
      path: integrity.path,
      message: `${integrity.path}: ${integrity.message}.`,
    });
  markPicked(parsed.data);
  return {
    ok: true,
    design: parsed.data,
    warnings: capWarnings([
      ...unknownFields(migrated.value, parsed.data),
      ...referenceWarnings(parsed.data),
    ]),
  };
}

function capWarnings(warnings: LoadWarning[]): LoadWarning[] {
  if (warnings.length <= MAX_LOAD_WARNINGS) return warnings;
  return [
    ...warnings.slice(0, MAX_LOAD_WARNINGS - 1),
    {
      path: '(more)',
      message: `and ${warnings.length - MAX_LOAD_WARNINGS + 1} more warnings like these`,
    },
  ];
}

/**
 * Every field name the schema knows, for "did you mean" (any record kind: names are few); their
 * hash is part of a stored document's fingerprint (ownDocument.ts `SCHEMA_FIELDS_HASH`).
 */
export const KNOWN_FIELDS: readonly string[] = [
  ...new Set(
    [
      designSchema,
      settingsSchema,
      positionSchema,
      siteSchema,
      spineSchema,
      torSchema,
      borderSchema,
      clusterSchema,
      arraySchema,
      volumeSchema,
      firewallSchema,
      witnessSchema,
      fabricLinkSchema,
      dciLinkSchema,
      segmentSchema,
      workloadSchema,
      waiverSchema,
      noteSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
];

/** Levenshtein distance, for short field names only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known field a misspelt one most likely meant: `stretchPeer` → `stretchPeerId`. */
export function suggestField(name: string, known: readonly string[] = KNOWN_FIELDS): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const k of known) {
    const score = k.toLowerCase().startsWith(name.toLowerCase())
      ? k.length - name.length
      : distance(name, k);
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields in the input that the schema dropped: walk the input and what the schema made of it
 * side by side (the schema keeps arrays in order and strips unknown keys). The path is kept as
 * a list of parts and written out only for a dropped field (writing it for every value cost a
 * first visit of 3,000 elements ~10 ms).
 */
function unknownFields(raw: unknown, clean: unknown): LoadWarning[] {
  const out: LoadWarning[] = [];
  walkUnknown(raw, clean, [], out);
  return out;
}

function walkUnknown(
  raw: unknown,
  clean: unknown,
  path: (string | number)[],
  out: LoadWarning[],
): void {
  if (Array.isArray(raw) && Array.isArray(clean)) {
    const n = Math.min(raw.length, clean.length);
    for (let i = 0; i < n; i++) {
      path.push(i);
      walkUnknown(raw[i], clean[i], path, out);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(raw) || !isPlainObject(clean)) return;
  for (const key of Object.keys(raw)) {
    path.push(key);
    if (key in clean) walkUnknown(raw[key], clean[key], path, out);
    else {
      const suggestion = suggestField(key);
      out.push({
        path: formatPath(path),
        message: `unknown field "${key}", ignored${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      });
    }
    path.pop();
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  int: 'a whole number',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function receivedName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeName(typeof value);
}

/** One line a user can act on: "expected a number ≥ 0", "missing", "expected a list". */
function describeIssue(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int')
        return `expected a number ${issue.inclusive === false ? '>' : '≥'} ${boundText(Number(issue.minimum))}`;
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1
          ? 'must not be empty'
          : `too short (at least ${String(issue.minimum)} characters)`;
      return `too short (at least ${String(issue.minimum)})`;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int')
        return `expected a number ${issue.inclusive === false ? '<' : '≤'} ${boundText(Number(issue.maximum))}`;
      if (issue.origin === 'string')
        return `too long (at most ${String(issue.maximum)} characters)`;
      return `too long (at most ${String(issue.maximum)})`;
    case 'invalid_type':
      if (issue.input === undefined) return `missing (expected ${typeName(issue.expected)})`;
      // JSON's 1e999 parses as Infinity: a number, but not one a design can hold.
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
        return Number.isNaN(issue.input) ? 'not a number' : 'a number too large';
      if (issue.expected === 'int') return 'expected a whole number';
      return `expected ${typeName(issue.expected)}, got ${receivedName(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      return Array.isArray(options)
        ? `not a known kind (expected ${options.map((o) => JSON.stringify(o)).join(', ')})`
        : 'not a known kind of element';
    }
    default:
      return issue.message;
  }
}

/**
 * Save the design, not the editor: pick every field explicitly through the schema, so
 * selection, measured sizes and other transient UI state never reach a file or a link.
 */
export function toDocument(design: Design): Design {
  // The design's elements are immutable and an edit keeps every element it did not change, so
  // each element is picked once (autosave runs after every edit: the whole design through the
  // schema took tens of milliseconds at 1,000 elements, one element takes microseconds).
  const lists = {
    nodes: pickEach(design.nodes, designNodeSchema),
    links: pickEach(design.links, linkSchema),
    segments: pickEach(design.segments, segmentSchema),
    workloads: pickEach(design.workloads, workloadSchema),
    waivers: pickEach(design.waivers, waiverSchema),
    notes: pickEach(design.notes, noteSchema),
  };
  const empty = { nodes: [], links: [], segments: [], workloads: [], waivers: [], notes: [] };
  // The rest through the design schema itself (its checks, its key order); the lists then take
  // their places in that order.
  return { ...designSchema.parse({ ...design, ...empty }), ...lists };
}

function pickEach<T extends object>(items: readonly T[], schema: { parse(v: unknown): T }): T[] {
  return items.map((item) => {
    let out = picked.get(item) as T | undefined;
    if (out === undefined) {
      out = schema.parse(item);
      picked.set(item, out);
    }
    return out;
  });
}

/** Where a warning is, in the user's words: `nodes[4].stretchPeer` → `esx-a (nodes[4].stretchPeer)`. */
export function describeWarning(design: Design, warning: LoadWarning): string {
  const m = /^(nodes|links|segments|workloads|notes)\[(\d+)\]/.exec(warning.path);
  let name: string | undefined;
  if (m) {
    const list = design[m[1] as 'nodes' | 'links' | 'segments' | 'workloads' | 'notes'];
    const item = list[Number(m[2])];
    if (item) name = labelOf(design, item.id);
  }
  return `${name !== undefined ? `${name} (${warning.path})` : warning.path}: ${warning.message}`;
}

/** The warnings of a load in one message for a toast: the first few, and how many more. */
export function summarizeWarnings(design: Design, warnings: readonly LoadWarning[]): string {
  const shown = warnings.slice(0, 3).map((w) => describeWarning(design, w));
  const more = warnings.length - shown.length;
  const head = `${warnings.length} ${warnings.length === 1 ? 'problem' : 'problems'} in the file, ignored:`;
  return `${head} ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
