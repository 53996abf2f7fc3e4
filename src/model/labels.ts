/**
 * The user's name for any element of a design — node, link, segment, workload or volume — from
 * one index built once per design (findings name thousands of elements on a large design).
 * Panels, rules, the report and the CLI all name elements through here, so a link or a volume
 * reads the same everywhere.
 */
import { linkById, nodeById, segmentById, volumeById, workloadById } from './byId';
import type { Removal } from './edits';
import { plural } from './plural';
import type { Design, DesignNode, Link, Segment, Volume, Workload } from './schema';

/**
 * Each kind of element by id: what names are looked up in. The label index of a design holds
 * them, and so does the validator's index (rules/graph.ts), which names through `labelerOver`
 * rather than build them twice.
 */
export interface ElementsById {
  readonly nodes: ReadonlyMap<string, DesignNode>;
  readonly volumes: ReadonlyMap<string, { readonly volume: Volume }>;
  readonly workloads: ReadonlyMap<string, Workload>;
  readonly segments: ReadonlyMap<string, Segment>;
  readonly links: ReadonlyMap<string, Link>;
}

/** Link names, made on first use: a design has thousands of links and a run names a few. */
type LinkNames = Map<string, string>;

const cache = new WeakMap<Design, { readonly byId: ElementsById; readonly linkNames: LinkNames }>();

/** How an unnamed link reads: its two ends. */
export const LINK_ENDS_SEPARATOR = ' ↔ ';

function indexOf(design: Design): { readonly byId: ElementsById; readonly linkNames: LinkNames } {
  let index = cache.get(design);
  if (index) return index;
  // The maps are those of the design's arrays (byId.ts), shared with the canvas, the validator
  // and the other designs of the history that have the same arrays.
  const byId: ElementsById = {
    nodes: nodeById(design.nodes),
    volumes: volumeById(design.nodes),
    workloads: workloadById(design.workloads),
    segments: segmentById(design.segments),
    links: linkById(design.links),
  };
  index = { byId, linkNames: new Map() };
  cache.set(design, index);
  return index;
}

/** The name of an element that is not a link: its label or name, else its id. */
function elementName(byId: ElementsById, id: string): string | undefined {
  const n = byId.nodes.get(id);
  if (n) return n.label || n.id;
  const v = byId.volumes.get(id)?.volume;
  if (v) return v.name || v.id;
  const w = byId.workloads.get(id);
  if (w) return w.name || w.id;
  const s = byId.segments.get(id);
  return s ? s.name || s.id : undefined;
}

// Ids are unique across a design (integrity.ts): an id is a link's or one other element's.
function nameIn(byId: ElementsById, linkNames: LinkNames, id: string): string | undefined {
  const link = byId.links.get(id);
  if (!link) return elementName(byId, id);
  let name = linkNames.get(id);
  if (name === undefined) {
    name =
      link.label ||
      `${elementName(byId, link.source) ?? link.source}${LINK_ENDS_SEPARATOR}${elementName(byId, link.target) ?? link.target}`;
    linkNames.set(id, name);
  }
  return name;
}

/** "DC1 Amsterdam", "web-01", "ams-dci-edge-1 ↔ rtm-dci-edge-1", "DS_WEB_01"; undefined for an id nothing has. */
export function nameOf(design: Design, id: string): string | undefined {
  const { byId, linkNames } = indexOf(design);
  return nameIn(byId, linkNames, id);
}

/** As nameOf, falling back on the id (a dangling reference still reads as something). */
export function labelOf(design: Design, id: string): string {
  return nameOf(design, id) ?? id;
}

/** `labelOf` over elements a caller has already indexed by id (the validator's index). */
export function labelerOver(byId: ElementsById): (id: string) => string {
  const linkNames: LinkNames = new Map();
  return (id) => nameIn(byId, linkNames, id) ?? id;
}

/** The link with this id, if any. */
export function linkOf(design: Design, id: string): Link | undefined {
  return indexOf(design).byId.links.get(id);
}

/**
 * The names of the elements a finding concerns, as one list reads them (findings panel, CLI):
 * every element but fabric hops, which the canvas draws as the path instead.
 */
export function elementLabels(design: Design, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (linkOf(design, id)?.kind === 'fabric') continue;
    out.push(labelOf(design, id));
  }
  return out;
}

/**
 * What a removal took away, as its toast says it: "Deleted DC1 Amsterdam and 7 devices, 9 links".
 * A lone site or device is named; more are counted.
 */
export function removalText(removal: Removal): string {
  const deleted = `Deleted ${elementsText(removal) ?? 'nothing'}`;
  const { unpointed } = removal;
  if (unpointed.length === 0) return deleted;
  return unpointed.length === 1
    ? `${deleted}. The note that pointed there stays, as a free note`
    : `${deleted}. The ${unpointed.length} notes that pointed there stay, as free notes`;
}

/**
 * Some elements, as a toast says them: "DC1 Amsterdam and 7 devices, 9 links"; a lone site or
 * device is named, more are counted. Null for none.
 */
export function elementsText(
  elements: Pick<Removal, 'sites' | 'devices' | 'links'> & Partial<Pick<Removal, 'notes'>>,
): string | null {
  const { sites, devices, links, notes = [] } = elements;
  const parts: string[] = [];
  const one = (n: { label: string; id: string }) => n.label || n.id;
  if (sites.length === 1 && sites[0]) parts.push(one(sites[0]));
  else if (sites.length > 1) parts.push(plural(sites.length, 'site'));
  if (devices.length === 1 && devices[0] && sites.length === 0) parts.push(one(devices[0]));
  else if (devices.length > 0) parts.push(plural(devices.length, 'device'));
  if (links.length > 0) parts.push(plural(links.length, 'link'));
  if (notes.length > 0) parts.push(plural(notes.length, 'note'));
  const [first, ...rest] = parts;
  if (first === undefined) return null;
  return `${first}${rest.length > 0 ? ` and ${rest.join(', ')}` : ''}`;
}

/**
 * A path as people read it: the devices it passes, by name, each once, the named links it takes
 * at the end ("over Dark fibre route 1"); a path that goes somewhere and comes back the same way
 * (a trombone) is written to its far end and "and back". Unnamed links are the step between two
 * devices, so they are not written.
 */
export function pathText(design: Design, path: readonly string[]): string {
  let steps: string[] = [];
  const over: string[] = [];
  for (const id of path) {
    const link = linkOf(design, id);
    if (link) {
      if (link.label && !over.includes(link.label)) over.push(link.label);
      continue;
    }
    if (steps[steps.length - 1] !== id) steps.push(id);
  }
  const there = steps.length >= 3 && steps.every((s, i) => s === steps[steps.length - 1 - i]);
  if (there) steps = steps.slice(0, Math.ceil(steps.length / 2));
  const text = steps.map((id) => labelOf(design, id)).join(' → ');
  return `${text}${there ? ', and back' : ''}${over.length > 0 ? ` (over ${over.join(', ')})` : ''}`;
}
