/**
 * Compare two designs: which elements were added, removed or changed (down to the field:
 * `links[l1].distanceKm: 10 → 80`), and which findings are new, resolved or unchanged. For
 * design reviews ("what did this revision change?") and for showing what a what-if would do.
 *
 * Layout (positions, site sizes) is left out by default: moving a box is not a design change.
 */
import type { Design } from '../../model/schema';
import { runRules } from '../index';
import type { Finding } from '../types';
import { sameValue } from '../../model/sameValue';

export type Collection = 'nodes' | 'links' | 'segments' | 'workloads' | 'notes';
export const COLLECTIONS: readonly Collection[] = [
  'nodes',
  'links',
  'segments',
  'workloads',
  'notes',
];

/** Fields that only say where something is drawn. */
const LAYOUT_FIELDS: ReadonlySet<string> = new Set(['position', 'width', 'height']);

export interface FieldChange {
  /** Full path: `links[l1].distanceKm`, `nodes[array-a].volumes[vol-1].replication`. */
  readonly path: string;
  /** The path inside the element: `distanceKm`, `volumes[vol-1].replication`. */
  readonly field: string;
  /** Absent when the field did not exist on that side. */
  readonly before?: unknown;
  readonly after?: unknown;
  /** `links[l1].distanceKm: 10 → 80`. */
  readonly text: string;
}

export interface ElementRef {
  readonly collection: Collection;
  readonly id: string;
  readonly label: string;
  /** The node or link kind (`cluster`, `dci`); absent for segments and workloads. */
  readonly kind?: string;
}

export interface ElementChange extends ElementRef {
  readonly changes: readonly FieldChange[];
}

export interface FindingsDiff {
  /** In b, not in a (by finding key). */
  readonly new: readonly Finding[];
  /** In a, not in b. */
  readonly resolved: readonly Finding[];
  /** In both (b's version: message and measured value may differ). */
  readonly unchanged: readonly Finding[];
}

/** What a comparison says of the elements (nodes, links, segments, workloads, notes). */
export interface ElementsDiff {
  readonly added: readonly ElementRef[];
  readonly removed: readonly ElementRef[];
  readonly changed: readonly ElementChange[];
}

/**
 * The elements of b that a lacks (added), those of a that b lacks (removed), and those in both
 * whose fields differ (changed, field by field). No validation: the canvas's comparison marks
 * (store/compareMarks.ts) redo it as the open design is edited.
 */
export function diffElements(
  a: Design,
  b: Design,
  options: Pick<DiffOptions, 'includeLayout'> = {},
): ElementsDiff {
  const includeLayout = options.includeLayout ?? false;
  const added: ElementRef[] = [];
  const removed: ElementRef[] = [];
  const changed: ElementChange[] = [];
  for (const collection of COLLECTIONS) {
    const before = new Map<string, Element>(a[collection].map((e) => [e.id, e]));
    const after = new Map<string, Element>(b[collection].map((e) => [e.id, e]));
    for (const [id, e] of before) if (!after.has(id)) removed.push(ref(collection, e));
    for (const [id, e] of after) {
      const old = before.get(id);
      if (!old) {
        added.push(ref(collection, e));
        continue;
      }
      const prefix = `${collection}[${id}]`;
      const changes: FieldChange[] = [];
      compare(old, e, [], (field, x, y) => {
        if (!includeLayout && LAYOUT_FIELDS.has(field.split(/[.[]/u)[0] ?? '')) return;
        changes.push(change(prefix, field, x, y));
      });
      if (changes.length > 0) changed.push({ ...ref(collection, e), changes });
    }
  }
  return { added, removed, changed };
}

export interface DesignDiff extends ElementsDiff {
  /** Design-level fields: name and settings (`settings.tcpWindowMB: 64 → 128`). */
  readonly design: readonly FieldChange[];
  readonly waivers: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly findings: FindingsDiff;
}

export interface DiffOptions {
  /** Report position and size changes too (default false). */
  readonly includeLayout?: boolean;
  /** Findings already computed for a or b (the store keeps them): skips a validation run. */
  readonly findingsA?: readonly Finding[];
  readonly findingsB?: readonly Finding[];
}

export function diffDesigns(a: Design, b: Design, options: DiffOptions = {}): DesignDiff {
  const { added, removed, changed } = diffElements(a, b, options);
  const design: FieldChange[] = [];
  if (a.name !== b.name) design.push(change('', 'name', a.name, b.name));
  compare(a.settings, b.settings, [], (field, x, y) =>
    design.push(change('settings', field, x, y)),
  );

  const keysA = new Set(a.waivers.map((w) => w.findingKey));
  const keysB = new Set(b.waivers.map((w) => w.findingKey));
  const waivers = {
    added: [...keysB].filter((k) => !keysA.has(k)),
    removed: [...keysA].filter((k) => !keysB.has(k)),
  };

  const findings = diffFindings(options.findingsA ?? runRules(a), options.findingsB ?? runRules(b));
  return { added, removed, changed, design, waivers, findings };
}

/** New, resolved and unchanged findings by key. */
export function diffFindings(a: readonly Finding[], b: readonly Finding[]): FindingsDiff {
  const keysA = new Set(a.map((f) => f.key));
  const keysB = new Set(b.map((f) => f.key));
  return {
    new: b.filter((f) => !keysA.has(f.key)),
    resolved: a.filter((f) => !keysB.has(f.key)),
    unchanged: b.filter((f) => keysA.has(f.key)),
  };
}

/** Any element of the four collections, seen structurally. */
type Element = { readonly id: string } & object;

function ref(collection: Collection, e: Element): ElementRef {
  const r = e as { label?: unknown; name?: unknown; kind?: unknown; text?: unknown };
  const label =
    typeof r.label === 'string' && r.label !== ''
      ? r.label
      : typeof r.name === 'string' && r.name !== ''
        ? r.name
        : typeof r.text === 'string' && r.text.trim() !== ''
          ? noteTitle(r.text)
          : e.id;
  return typeof r.kind === 'string'
    ? { collection, id: e.id, label, kind: r.kind }
    : { collection, id: e.id, label };
}

function change(prefix: string, field: string, before: unknown, after: unknown): FieldChange {
  const path = prefix === '' ? field : `${prefix}.${field}`;
  return {
    path,
    field,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    text: `${path}: ${show(before)} → ${show(after)}`,
  };
}

/** A note is named by the start of its first line. */
const NOTE_TITLE_CHARS = 48;
function noteTitle(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  const chars = [...line];
  return chars.length > NOTE_TITLE_CHARS || text.trim().includes('\n')
    ? `${chars.slice(0, NOTE_TITLE_CHARS).join('').trimEnd()}…`
    : line;
}

/** `10`, `otv`, `[seg-web, seg-app]`, `{x: 1, y: 2}`, `(none)`. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(', ')}}`;
  return String(value);
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/** Arrays of records with ids (volumes) are compared by id; other arrays as whole values. */
const isKeyedArray = (x: unknown): x is readonly { id: string }[] =>
  Array.isArray(x) &&
  x.every((item) => isRecord(item) && typeof item.id === 'string') &&
  new Set(x.map((item: { id: string }) => item.id)).size === x.length;

/** Report every leaf that differs between x and y, with its path inside the element. */
function compare(
  x: unknown,
  y: unknown,
  path: readonly string[],
  report: (field: string, before: unknown, after: unknown) => void,
): void {
  const field = () => path.join('').replace(/^\./u, '');
  if (isRecord(x) && isRecord(y)) {
    const keys = [...Object.keys(x), ...Object.keys(y).filter((k) => !(k in x))];
    for (const k of keys) compare(x[k], y[k], [...path, `.${k}`], report);
    return;
  }
  if (isKeyedArray(x) && isKeyedArray(y) && (x.length > 0 || y.length > 0)) {
    const byId = new Map(x.map((item) => [item.id, item]));
    const ids = new Set(y.map((item) => item.id));
    for (const item of x) if (!ids.has(item.id)) report(`${field()}[${item.id}]`, item, undefined);
    for (const item of y) compare(byId.get(item.id), item, [...path, `[${item.id}]`], report);
    return;
  }
  if (!sameValue(x, y)) report(field(), x, y);
}
