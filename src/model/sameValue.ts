const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Deep equality of plain data, strict enough that one value may stand for the other: the same
 * keys (a key holding undefined is not a missing key), NaN equal to NaN, 0 not equal to -0.
 * (The collaboration layer has its own, looser one: Yjs drops undefined fields.)
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Own enumerable keys, as Object.keys lists them, counted rather than listed: the two arrays
  // of keys per object were a third of what sharing the findings of an edit's validation with
  // the validation before cost (sharedFindings.ts: ~480 findings at 3,000 elements).
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!hasOwn.call(x, k)) continue;
    keys++;
    if (!hasOwn.call(y, k) || !sameValue(x[k], y[k])) return false;
  }
  for (const k in y) if (hasOwn.call(y, k)) keys--;
  return keys === 0;
}

/**
 * Whether two records hold the same value (the same object, or ===) in every own field but
 * those in `except`, and no other fields. Edits keep the objects they do not change, so a
 * shallow comparison tells what an edit touched.
 */
export function sameFieldsExcept(x: object, y: object, except: ReadonlySet<string>): boolean {
  const a = x as Readonly<Record<string, unknown>>;
  const b = y as Readonly<Record<string, unknown>>;
  let fields = 0;
  for (const key in a) {
    fields++;
    if (!except.has(key) && a[key] !== b[key]) return false;
  }
  for (const key in b) {
    fields--;
    if (!(key in a)) return false;
  }
  return fields === 0;
}

/** The same items in the same order, each the same object or the same as `same` says. */
export function sameItems<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as T;
    const y = b[i] as T;
    if (x !== y && !same(x, y)) return false;
  }
  return true;
}

/** The same keys, each with the same value (the same object) in both maps. */
export function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a)
    if (b.get(key) !== value || (value === undefined && !b.has(key))) return false;
  return true;
}

/** Whether two versions of a link join the same ends as the same kind (all a drawn edge reads). */
export function sameLinkEnds(
  x: { id: string; source: string; target: string; kind: string },
  y: { id: string; source: string; target: string; kind: string },
): boolean {
  return x.id === y.id && x.source === y.source && x.target === y.target && x.kind === y.kind;
}
