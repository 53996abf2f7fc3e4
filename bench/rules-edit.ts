/**
 * Where a DCI-distance edit's revalidation goes, rule by rule (issue 12's "one DCI-distance edit"
 * row): on the benches' design (bench/ui/page.ts) at 1k and 3k elements, each edit of
 * EDITED_LINK's distance is validated from the validation before it (src/rules/revalidate.ts)
 * and then, on a context built the same way, each rule is run on its own: the median CPU time
 * per rule and the bytes it allocates (heap growth across the rule, runs where a GC struck it
 * left out). `npx tsx --expose-gc bench/rules-edit.ts [--runs 60]`
 */
import { updateLink } from '../src/model/edits';
import { elementCount } from '../src/model/synthetic';
import { buildContext, keepForNext } from '../src/rules/context';
import { RULE_LIST } from '../src/rules/index';
import { revalidate } from '../src/rules/revalidate';
import { benchDesign, EDITED_LINK } from './ui/page';
import { cpuMs, median } from './util';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 60;

for (const size of [1000, 3000]) {
  const design = benchDesign(size);
  let last = revalidate(design, null);
  let km = 40;
  const whole: number[] = [];
  const ctxMs: number[] = [];
  const perRule = new Map<string, { ms: number[]; bytes: number[]; n: number }>();
  for (const r of RULE_LIST) perRule.set(r.id, { ms: [], bytes: [], n: 0 });
  for (let i = 0; i < RUNS + 10; i++) {
    km = km === 40 ? 900 : 40;
    const edited = updateLink(last.design, EDITED_LINK, { distanceKm: km });
    const before = last;
    const ms = cpuMs(() => (last = revalidate(edited, before)));
    // The same edit, rule by rule, on a context built as revalidate builds it.
    const other = updateLink(before.design, EDITED_LINK, { distanceKm: km + 1 });
    let ctx = before.context;
    const c = cpuMs(() => (ctx = buildContext(other, {}, before.context)));
    for (const rule of RULE_LIST) {
      const h0 = process.memoryUsage().heapUsed;
      let n = 0;
      const t = cpuMs(() => (n = rule.run(ctx).length));
      const h1 = process.memoryUsage().heapUsed;
      if (i < 10) continue;
      const entry = perRule.get(rule.id)!;
      entry.ms.push(t);
      if (h1 >= h0) entry.bytes.push(h1 - h0);
      entry.n = n;
    }
    keepForNext(ctx);
    if (i >= 10) {
      whole.push(ms);
      ctxMs.push(c);
    }
  }
  console.log(
    `\n${elementCount(design)} elements, ${RUNS} edits: revalidate ${median(whole).toFixed(2)} ms CPU median, context ${median(ctxMs).toFixed(2)} ms`,
  );
  const rows = [...perRule].map(([id, e]) => ({
    id,
    ms: median(e.ms),
    kb: median(e.bytes) / 1024,
    n: e.n,
  }));
  rows.sort((a, b) => b.ms - a.ms);
  let sum = 0;
  for (const r of rows) {
    sum += r.ms;
    console.log(
      `  ${r.id.padEnd(18)} ${r.ms.toFixed(3).padStart(7)} ms  ${r.kb.toFixed(0).padStart(6)} KB  ${String(r.n).padStart(4)} findings`,
    );
  }
  console.log(`  sum of rule medians ${sum.toFixed(2)} ms`);
}
