/**
 * Default names of devices, per site: `dc1-spine-1`, `dc1-leaf-3`, `ams-border-2`. Every way a
 * device gets a name without the user typing one (the fabric builder, duplicate) asks here, so
 * two tools never name the same device kind differently.
 */
import type { Design, DeviceKind, Site } from './schema';

/** The word for a device kind in a default name. */
export const DEVICE_NAME_BASE: Readonly<Record<DeviceKind, string>> = {
  spine: 'spine',
  tor: 'leaf',
  border: 'border',
  cluster: 'cluster',
  array: 'array',
  firewall: 'firewall',
  witness: 'witness',
};

const PREFIX_MAX_CHARS = 16;

/** A site's label as a name prefix: "DC1" → `dc1`, "Frankfurt West" → `frankfurt-west`. */
export function sitePrefix(site: Pick<Site, 'label'>): string {
  const slug = site.label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .slice(0, PREFIX_MAX_CHARS)
    .replace(/^-+|-+$/gu, '');
  return slug === '' ? 'site' : slug;
}

/** Every label of a node in the design: default names never repeat one. */
export function takenLabels(design: Design): Set<string> {
  return new Set(design.nodes.map((n) => n.label));
}

/**
 * `count` fresh names for devices of `kind` in a site: `<site>-<kind>-<n>` with the lowest
 * numbers no node of the design (and none of `taken`) already uses. The names are added to
 * `taken`, so successive calls sharing one set never hand out a name twice.
 */
export function freshDeviceNames(
  design: Design,
  siteId: string,
  kind: DeviceKind,
  count: number,
  taken: Set<string> = takenLabels(design),
): string[] {
  const site = design.nodes.find((n): n is Site => n.id === siteId && n.kind === 'site');
  const stem = `${site ? sitePrefix(site) : 'site'}-${DEVICE_NAME_BASE[kind]}`;
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = `${stem}-${n}`;
    if (taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

/**
 * A fresh name for a copy of an element called `label`: the same stem with the lowest free
 * number (`dc1-leaf-2` → `dc1-leaf-5` when 1 to 4 exist; `DC1` → `DC2`; `core` → `core-2`). Added to `taken`.
 */
export function freshCopyName(label: string, taken: Set<string>): string {
  if (label === '') return label;
  // `leaf-2` and `DC2` count on from their number; any other name gets one.
  const numbered = /^(.*?)(-?)(\d+)$/u.exec(label);
  const stem = numbered ? `${numbered[1] ?? ''}${numbered[2] ?? ''}` : `${label}-`;
  for (let n = numbered ? 1 : 2; ; n++) {
    const name = `${stem}${n}`;
    if (taken.has(name)) continue;
    taken.add(name);
    return name;
  }
}

/**
 * Give copied nodes (`copyIds`, just added to `design` with their originals' labels) names of
 * their own: a copied site `DC1` becomes `DC2` (the first free), its devices follow it
 * (`dc1-leaf-1` → `dc2-leaf-1`), and a device copied within its site takes the next free
 * number (`dc1-leaf-5`).
 */
export function nameCopies(design: Design, copyIds: Iterable<string>): Design {
  const copies = new Set(copyIds);
  const taken = new Set(design.nodes.filter((n) => !copies.has(n.id)).map((n) => n.label));
  const renamed = new Map<string, string>();
  const siteWas = new Map<string, string>();
  for (const n of design.nodes) {
    if (n.kind !== 'site' || !copies.has(n.id)) continue;
    siteWas.set(n.id, n.label);
    renamed.set(n.id, freshCopyName(n.label, taken));
  }
  for (const n of design.nodes) {
    if (n.kind === 'site' || !copies.has(n.id)) continue;
    const was = siteWas.get(n.parentId);
    const now = renamed.get(n.parentId);
    let label = n.label;
    if (was !== undefined && now !== undefined) {
      const from = `${sitePrefix({ label: was })}-`;
      if (label.startsWith(from))
        label = `${sitePrefix({ label: now })}-${label.slice(from.length)}`;
    }
    if (taken.has(label)) label = freshCopyName(label, taken);
    else taken.add(label);
    renamed.set(n.id, label);
  }
  if (renamed.size === 0) return design;
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      const label = renamed.get(n.id);
      return label === undefined || label === n.label ? n : { ...n, label };
    }),
  };
}
