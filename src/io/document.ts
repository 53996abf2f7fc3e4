/**
 * The one loader: every way a design comes in (file, link, paste, image, fixture, CLI) goes
 * through `loadDocument`: parse → migrate → validate. It never throws; a failure is a value with
 * a reason the UI can show, and the caller keeps its current design untouched.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { migrate } from '../model/migrations';
import { CURRENT_VERSION, designSchema, type Design } from '../model/schema';
import { checkReferences } from '../model/integrity';

export type LoadError =
  | { readonly kind: 'corrupt'; readonly message: string }
  | { readonly kind: 'not-a-design'; readonly message: string }
  | { readonly kind: 'too-new'; readonly message: string; readonly version: number }
  | { readonly kind: 'invalid'; readonly message: string; readonly path: string }
  | { readonly kind: 'too-large'; readonly message: string };

export type LoadResult =
  | { readonly ok: true; readonly design: Design }
  | { readonly ok: false; readonly error: LoadError };

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
    return fail({ kind: 'invalid', path, message: `${path}: ${detail}.` });
  }
  const integrity = checkReferences(parsed.data);
  if (integrity !== null)
    return fail({
      kind: 'invalid',
      path: integrity.path,
      message: `${integrity.path}: ${integrity.message}.`,
    });
  return { ok: true, design: parsed.data };
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
        return `expected a number ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1
          ? 'must not be empty'
          : `too short (at least ${String(issue.minimum)} characters)`;
      return `too short (at least ${String(issue.minimum)})`;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int')
        return `expected a number ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
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
  return designSchema.parse(design);
}
