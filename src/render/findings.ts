/** Open (not waived) findings by element id, for drawings made outside the studio's store. */
import type { Design } from '../model/schema';
import { runRules } from '../rules/index';
import type { Finding } from '../rules/types';

export function openFindingsByElement(design: Design): Map<string, Finding[]> {
  const waived = new Set(design.waivers.map((w) => w.findingKey));
  const byElement = new Map<string, Finding[]>();
  for (const f of runRules(design)) {
    if (waived.has(f.key)) continue;
    for (const id of new Set(f.elementIds)) {
      const list = byElement.get(id);
      if (list) list.push(f);
      else byElement.set(id, [f]);
    }
  }
  return byElement;
}
