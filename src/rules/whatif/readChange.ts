/**
 * A changed field as an architect reads it: "Distance: 80 km → 120 km", "Transport: Dark fibre →
 * DWDM", "Segments: web, app → web", not `distanceKm: 80 → 120`. Names come from the field table
 * (model/fieldNames.ts) and elements are named by their labels in the version that holds them.
 */
import { fieldName, isFieldScope, type FieldName, type FieldScope } from '../../model/fieldNames';
import { KIND_LABELS } from '../../model/defaults';
import { labelOf, nameOf } from '../../model/labels';
import { countText } from '../../model/plural';
import type { Design } from '../../model/schema';
import { show, type ElementRef, type FieldChange } from './diff';

export interface ReadableChange {
  /** "Distance", "Volume “db-01” · Replication". */
  readonly label: string;
  /** Absent when the change is told by `after` alone ("Volume “db-02”: added"). */
  readonly before?: string;
  readonly after: string;
}

/** A field of an element that changed between `before` and `after`. */
export function readChange(
  element: ElementRef,
  change: FieldChange,
  before: Design,
  after: Design,
): ReadableChange {
  const scope = scopeOf(element);
  const volume = element.collection === 'nodes' ? volumePath(change.field) : undefined;
  if (volume) {
    // Named in the version that has it (a removed volume is only in `before`).
    const holder = nameOf(after, volume.id) === undefined ? before : after;
    const title = `Volume “${labelOf(holder, volume.id)}”`;
    if (volume.field === undefined)
      return { label: title, after: change.before === undefined ? 'added' : 'removed' };
    return read(
      `${title} · `,
      fieldName('volume', volume.field),
      volume.field,
      change,
      before,
      after,
    );
  }
  const [head, sub] = change.field.split('.', 2);
  if (scope === 'site' && head === 'location' && sub !== undefined)
    // One coordinate: "Location: 52.37°, 4.9° → 52.37°, 5.1°" would hide which one moved.
    return read('', fieldName('location', sub), change.field, change, before, after);
  return read(
    '',
    scope ? fieldName(scope, change.field) : undefined,
    change.field,
    change,
    before,
    after,
  );
}

/** A change of the design itself: its name or one of its settings. */
export function readDesignChange(change: FieldChange): ReadableChange {
  const settings = change.path.startsWith('settings.');
  const name = fieldName(settings ? 'settings' : 'design', change.field);
  return read('', name, change.field, change, undefined, undefined);
}

function read(
  prefix: string,
  name: FieldName | undefined,
  field: string,
  change: FieldChange,
  before: Design | undefined,
  after: Design | undefined,
): ReadableChange {
  return {
    label: prefix + (name?.label ?? field),
    before: valueText(name, change.before, before),
    after: valueText(name, change.after, after),
  };
}

function valueText(
  name: FieldName | undefined,
  value: unknown,
  design: Design | undefined,
): string {
  if (value === undefined) return name?.none ?? 'none';
  if (!name) return show(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return withUnit(exactFigure(value), name.unit);
  if (typeof value === 'string') {
    if (name.options) return name.options[value] ?? value;
    if (name.show === 'ref') return design ? labelOf(design, value) : value;
    // A note's lines read on one: the change is one line in the dialog and the CLI.
    return value === '' ? 'empty' : `“${value.trim().replace(/\s*\n\s*/gu, ' ↵ ')}”`;
  }
  if (Array.isArray(value) && name.show === 'refs') {
    if (value.length === 0) return 'none';
    return value
      .map((id) => (design && typeof id === 'string' ? labelOf(design, id) : show(id)))
      .join(', ');
  }
  if (name.show === 'place' && isPlace(value))
    return `${exactFigure(value.lat)}°, ${exactFigure(value.lon)}°`;
  return show(value);
}

/** Every digit the value has: a diff must not show 80.004 and 80.001 both as "80". */
function exactFigure(x: number): string {
  if (Number.isInteger(x)) return countText(x);
  const [whole = '', fraction] = String(x).split('.');
  return fraction === undefined ? String(x) : `${countText(Number(whole))}.${fraction}`;
}

function withUnit(figure: string, unit: string | undefined): string {
  if (unit === undefined) return figure;
  // "45°", "64/host": signs that follow the figure closely; units stand apart ("80 km").
  return unit.startsWith('°') || unit.startsWith('/') ? `${figure}${unit}` : `${figure} ${unit}`;
}

const isPlace = (x: unknown): x is { lat: number; lon: number } =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { lat?: unknown }).lat === 'number' &&
  typeof (x as { lon?: unknown }).lon === 'number';

function scopeOf(element: ElementRef): FieldScope | undefined {
  switch (element.collection) {
    case 'segments':
      return 'segment';
    case 'workloads':
      return 'workload';
    case 'notes':
      return 'note';
    case 'links':
    case 'nodes':
      // A node's or a link's kind names its fields' scope.
      return element.kind !== undefined && isFieldScope(element.kind) ? element.kind : undefined;
  }
}

/** `volumes[vol-1].replication` → { id: 'vol-1', field: 'replication' }; `volumes[vol-1]` alone. */
function volumePath(field: string): { id: string; field?: string } | undefined {
  const match = /^volumes\[(.+)\](?:\.([a-zA-Z]+))?$/u.exec(field);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { id: match[1] } : { id: match[1], field: match[2] };
}

/** What kind of element a changed, added or removed element is: "DCI link", "Host cluster". */
export function elementKind(element: ElementRef): string {
  switch (element.collection) {
    case 'segments':
      return 'Segment';
    case 'workloads':
      return 'Workload';
    case 'notes':
      return 'Note';
    case 'links':
      return element.kind === 'dci' ? 'DCI link' : 'Fabric link';
    case 'nodes':
      return element.kind !== undefined && Object.hasOwn(KIND_LABELS, element.kind)
        ? KIND_LABELS[element.kind as keyof typeof KIND_LABELS]
        : 'Element';
  }
}

/**
 * An element's name in the version that holds it; a link without a label reads as its two ends
 * ("DC1 border ↔ DC2 border"), not its id.
 */
export function elementName(element: ElementRef, design: Design): string {
  return nameOf(design, element.id) ?? element.label;
}
