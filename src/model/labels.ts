/**
 * The user's name for any element id, looked up in an index built once per design (findings
 * panels name thousands of elements on a large design; a linear search each would crawl).
 */
import type { Design, Link } from '../model/schema';

interface LabelIndex {
  readonly names: ReadonlyMap<string, string>;
  readonly links: ReadonlyMap<string, Link>;
}

const cache = new WeakMap<Design, LabelIndex>();

function indexOf(design: Design): LabelIndex {
  let index = cache.get(design);
  if (index) return index;
  const names = new Map<string, string>();
  for (const n of design.nodes) names.set(n.id, n.label || n.id);
  for (const w of design.workloads) names.set(w.id, w.name || w.id);
  for (const s of design.segments) names.set(s.id, s.name || s.id);
  const links = new Map(design.links.map((l) => [l.id, l]));
  for (const l of design.links) {
    names.set(
      l.id,
      l.label || `${names.get(l.source) ?? l.source} ↔ ${names.get(l.target) ?? l.target}`,
    );
  }
  index = { names, links };
  cache.set(design, index);
  return index;
}

/** "DC1 Amsterdam", "web-01", "ams-dci-edge-1 ↔ rtm-dci-edge-1"; undefined when nothing has it. */
export function nameOf(design: Design, id: string): string | undefined {
  return indexOf(design).names.get(id);
}

/** As nameOf, falling back on the id. */
export function labelOf(design: Design, id: string): string {
  return nameOf(design, id) ?? id;
}

/** The link with this id, if any. */
export function linkOf(design: Design, id: string): Link | undefined {
  return indexOf(design).links.get(id);
}
