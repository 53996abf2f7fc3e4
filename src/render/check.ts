/**
 * What makes a diagram unreadable, measured on the geometry itself: a connector that runs
 * through a device that is not one of its ends or through a site's name, a label over a device
 * or over another label.
 * The unit tests hold every template and a large synthetic design to zero of each.
 */
import { boxesOverlap, inflate, polylineCrossesBox } from './geom';
import type { Diagram } from './types';

export interface DiagramDefects {
  /**
   * [connector id, device id] for each connector through a device that is not its end, and
   * [connector id, `site id#title`] for each connector through a site's name.
   */
  readonly crossings: readonly (readonly [string, string])[];
  /** [label's connector id, device or other label's connector id]. */
  readonly labelOverlaps: readonly (readonly [string, string])[];
}

/**
 * Device boxes are shrunk by a pixel so a route running along a border (allowed: the router
 * keeps a clearance, and nudging may bring a line close) is not counted as a crossing.
 */
export function diagramDefects(diagram: Diagram): DiagramDefects {
  const crossings: [string, string][] = [];
  const labelOverlaps: [string, string][] = [];
  for (const c of diagram.connectors) {
    for (const d of diagram.devices) {
      if (d.id === c.source || d.id === c.target) continue;
      if (polylineCrossesBox(c.points, inflate(d.box, -1))) crossings.push([c.id, d.id]);
    }
    for (const s of diagram.sites)
      if (polylineCrossesBox(c.points, inflate(s.titleBox, -1)))
        crossings.push([c.id, `${s.id}#title`]);
  }
  const labelled = diagram.connectors.filter((c) => c.label);
  labelled.forEach((c, i) => {
    const box = c.label?.box;
    if (!box) return;
    for (const d of diagram.devices) if (boxesOverlap(box, d.box)) labelOverlaps.push([c.id, d.id]);
    for (const other of labelled.slice(i + 1))
      if (other.label && boxesOverlap(box, other.label.box)) labelOverlaps.push([c.id, other.id]);
  });
  return { crossings, labelOverlaps };
}
