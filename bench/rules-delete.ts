/**
 * Where the revalidation of bench:ui's delete and paste goes (bench/ui/page.ts pickedDevices:
 * 30 ToRs and clusters of site s0), at 1k and 3k elements: each edit is validated from the
 * validation of the design before it (src/rules/revalidate.ts), alternately the delete and its
 * undo, the paste and its undo; then, on a context built the same way, buildContext, each rule
 * and sharedFindings are timed on their own. Median CPU ms.
 * `npx tsx bench/rules-delete.ts [--runs 40]`
 */
import { pasteInto } from '../src/model/clipboard';
import { removeElements } from '../src/model/edits';
import type { Design } from '../src/model/schema';
import { elementCount } from '../src/model/synthetic';
import { buildContext, keepForNext } from '../src/rules/context';
import { RULE_LIST, runRulesOn } from '../src/rules/index';
import { revalidate, type Validation } from '../src/rules/revalidate';
import { sharedFindings } from '../src/rules/sharedFindings';
import { benchDesign, pickedDevices } from './ui/page';
import { cpuMs, median } from './util';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;

/** The edited design of each kind (the same objects each round, as an undo brings them back). */
function edits(design: Design): [string, Design][] {
  const picked = pickedDevices(design);
  const pasted = pasteInto(design, { design, ids: picked }, { x: 32, y: 32 });
  if (!pasted) throw new Error('nothing pasted');
  return [
    ['delete', removeElements(design, picked)],
    ['paste', pasted.design],
  ];
}

for (const size of [1000, 3000]) {
  const design = benchDesign(size);
  const base = revalidate(design, null);
  for (const [name, edited] of edits(design)) {
    const whole: number[] = [];
    const ctxMs: number[] = [];
    const shareMs: number[] = [];
    const perRule = new Map<string, { ms: number[]; n: number }>();
    for (const r of RULE_LIST) perRule.set(r.id, { ms: [], n: 0 });
    let before: Validation = base;
    for (let i = 0; i < RUNS + 5; i++) {
      // The edit from the design before it, then its undo (from the edit's validation).
      let after: Validation = before;
      const ms = cpuMs(() => (after = revalidate(edited, before)));
      // Parts, on a context built as revalidate builds it from `before`.
      let ctx = before.context;
      const c = cpuMs(() => (ctx = buildContext(edited, {}, before.context)));
      for (const rule of RULE_LIST) {
        let n = 0;
        const t = cpuMs(() => (n = rule.run(ctx).length));
        if (i < 5) continue;
        const entry = perRule.get(rule.id)!;
        entry.ms.push(t);
        entry.n = n;
      }
      const fresh = runRulesOn(ctx);
      const s = cpuMs(() => sharedFindings(fresh, before.findings));
      keepForNext(ctx);
      if (i >= 5) {
        whole.push(ms);
        ctxMs.push(c);
        shareMs.push(s);
      }
      before = revalidate(design, after);
    }
    console.log(
      `\n${elementCount(design)} elements, ${name} ×${RUNS}: revalidate ${median(whole).toFixed(2)} ms CPU median, buildContext ${median(ctxMs).toFixed(2)} ms, sharedFindings ${median(shareMs).toFixed(2)} ms`,
    );
    const rows = [...perRule].map(([id, e]) => ({ id, ms: median(e.ms), n: e.n }));
    rows.sort((a, b) => b.ms - a.ms);
    let sum = 0;
    for (const r of rows) {
      sum += r.ms;
      if (r.ms >= 0.05)
        console.log(
          `  ${r.id.padEnd(18)} ${r.ms.toFixed(3).padStart(7)} ms  ${String(r.n).padStart(4)} findings`,
        );
    }
    console.log(`  sum of rule medians ${sum.toFixed(2)} ms`);
  }
}
