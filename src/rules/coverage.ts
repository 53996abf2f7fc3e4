/**
 * What "no findings" means for a design. Most rules check a live migration: a workload's move
 * from its host cluster to a mobility target (§5). A design with no workload, or none with a
 * target, has none of those checked: its empty findings list says so, rather than that every rule
 * is satisfied. One wording for the findings panel, the review report and the command line.
 */
import type { Design } from '../model/schema';

/** Why the migration rules had nothing to check, or null when they checked every move. */
export function uncheckedMigrations(design: Design): string | null {
  if (design.workloads.length === 0)
    return 'no workload is placed yet, so no live migration is checked: add workloads on host clusters and tick the clusters each may move to';
  if (design.workloads.every((w) => w.mobilityTargetIds.length === 0))
    return 'no workload has a mobility target yet, so no live migration is checked: tick the clusters each workload may move to';
  return null;
}

/** The sentence for a design with no findings. */
export function noFindingsText(design: Design): string {
  const unchecked = uncheckedMigrations(design);
  return unchecked === null
    ? 'No findings: every rule of the rule book is satisfied, for every placement and every mobility target.'
    : `No findings, but ${unchecked}.`;
}
