/**
 * Reading back a design the studio stored itself, without the schema: what a returning user's
 * reload needs before its first render. The schema library and the full loader (document.ts)
 * are not loaded for it; any other text goes through `loadDocument` there.
 */
import { CURRENT_VERSION } from '../model/kinds';
import type { Design } from '../model/schema';
import { textHash } from '../model/textHash';

/**
 * `textHash` of the schema's field names (document.ts `KNOWN_FIELDS`, joined by commas), written
 * out so that checking a stored design's fingerprint does not load the schema.
 * document.test.ts fails when the schema's fields change and this is not updated with them.
 */
export const SCHEMA_FIELDS_HASH = '22f2a634';
/**
 * The edition of the schema's checks: raised when the schema refuses a value it accepted before,
 * so that every design stored before gets the full check once (a value it now refuses gets the
 * loader's message, the design kept in Recent designs) rather than being read back as stored
 * and refused by the first autosave of an edit. 2: the bounds on a link's distance, RTT and
 * bandwidth (schema.ts `DCI_DISTANCE_MAX_KM`). 3: the bounds on a workload's, a cluster's and
 * the settings' quantities (schema.ts `MEMORY_MAX_GB`).
 */
export const SCHEMA_CHECKS = 3;

/**
 * What identifies a document as this studio wrote it (`toDocument`, then `JSON.stringify`): the
 * format version, the schema's field names and a hash of the text. Stored beside a design the
 * studio keeps (session.ts), it lets `readOwnDocument` read that design back without checking
 * it again; any change to the text, the format or the schema's fields breaks the match.
 */
export function documentFingerprint(json: string): string {
  return `v${CURRENT_VERSION}:${SCHEMA_FIELDS_HASH}:c${SCHEMA_CHECKS}:${json.length}:${textHash(json)}`;
}

/** Each element's picked copy (the schema's fields, its key order): see document.ts `toDocument`. */
export const picked = new WeakMap<object, unknown>();

/**
 * A loaded design's elements came out of the schema: each is its own pick, so the first
 * autosave after opening a large design does not pick them all again.
 */
export function markPicked(design: Design): void {
  for (const list of [
    design.nodes,
    design.links,
    design.segments,
    design.workloads,
    design.waivers,
    design.notes,
  ] as const)
    for (const item of list) picked.set(item, item);
}

/**
 * The design in `json` when `fingerprint` is the one stored with it (`documentFingerprint`):
 * the text is then what `toDocument` wrote from a design that had been loaded and checked, and
 * is only parsed (the schema's check of 1,000–3,000 elements, 40–140 ms, is what a returning
 * user would otherwise wait for). Null for anything else (no fingerprint, another text, an older
 * format): that goes through `loadDocument` and its messages (document.ts `loadOwnDocument`).
 */
export function readOwnDocument(
  json: string,
  fingerprint: string | undefined,
  /** `documentFingerprint(json)`, when the caller has it already. */
  actual: string = documentFingerprint(json),
): Design | null {
  if (fingerprint === undefined || fingerprint !== actual) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { version?: unknown }).version !== CURRENT_VERSION
  )
    return null;
  const design = parsed as Design;
  markPicked(design);
  return design;
}
