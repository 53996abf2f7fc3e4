/**
 * What-if benchmark: "check every single failure" (fail each DCI link, then each site, and
 * compare with the design as it is) on a 10-site design of about 5,000 elements. Target < 1 s.
 */
import { runRules } from '../src/rules/index';
import { singleFailureSweep } from '../src/rules/whatif/failure';
import { elementCount, syntheticWhatIfDesign } from '../src/rules/whatif/synthetic';
import { fmt, medianMs } from './util';

export default function bench(): void {
  const design = syntheticWhatIfDesign();
  const elements = elementCount(design);
  const sites = design.nodes.filter((n) => n.kind === 'site').length;
  const oneRun = medianMs(() => runRules(design), 5, 1);
  console.log(
    `design: ${sites} sites, ${elements} elements (${design.workloads.length} workloads); one runRules: ${fmt(oneRun)} ms`,
  );
  let checked = 0;
  const sweep = medianMs(
    () => {
      checked = singleFailureSweep(design).rows.length;
    },
    5,
    1,
  );
  console.log(
    `singleFailureSweep: ${checked} single failures checked in ${fmt(sweep)} ms (target < 1000 ms)`,
  );
}
