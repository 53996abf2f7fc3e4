/**
 * What-if benchmark: "check every single failure" (fail each DCI link, then each site, and
 * compare with the design as it is) on 10-site designs of about 5,000 elements. Target < 1 s.
 * For scale it also prints one plain validation run: a sweep without the incremental engine
 * costs about that times the number of failures.
 */
import type { Design } from '../src/model/schema';
import { syntheticDesign } from '../src/model/synthetic';
import { runRules } from '../src/rules/index';
import { singleFailureSweep } from '../src/rules/whatif/failure';
import { elementCount, syntheticWhatIfDesign } from '../src/rules/whatif/synthetic';
import { fmt, medianMs } from './util';

function bestMs(run: () => unknown, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function sweepBench(name: string, design: Design): void {
  const sites = design.nodes.filter((n) => n.kind === 'site').length;
  const oneRun = medianMs(() => runRules(design), 5, 1);
  let checked = 0;
  const sweep = medianMs(
    () => {
      checked = singleFailureSweep(design).rows.length;
    },
    5,
    1,
  );
  const best = bestMs(() => singleFailureSweep(design), 3);
  console.log(
    `${name}: ${sites} sites, ${elementCount(design)} elements (${design.workloads.length} workloads)\n` +
      `  one runRules: ${fmt(oneRun)} ms (× ${checked} failures ≈ ${fmt(oneRun * checked)} ms without reuse)\n` +
      `  singleFailureSweep: ${checked} single failures checked in ${fmt(sweep)} ms median, ${fmt(best)} ms best (target < 1000 ms)`,
  );
}

export default function bench(): void {
  sweepBench('shared synthetic design', syntheticDesign({ sites: 10, elements: 5000 }));
  sweepBench('what-if synthetic design (many workloads)', syntheticWhatIfDesign());
}
