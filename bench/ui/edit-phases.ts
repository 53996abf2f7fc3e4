/**
 * `npx tsx bench/ui/edit-phases.ts`: how long each phase of the bench's DCI-distance edit takes,
 * the first edit after opening against the next, without a profiler (whose sampling swings on a
 * loaded machine). It copies an unminified bench build, wraps a few functions of its main chunk
 * in timers (the studio's validation, findings.ts's `findingsFor` and `validateNow`, and
 * React's sync render: its work loop, mutation, layout and passive effects) and counters (fibers
 * begun, components run), then times two edits per page. Rounds alternate with and without a
 * `--pre-edit` link (default wit-s2-1, a DCI link whose label is out of view) whose distance is
 * edited first: what that first edit warms is then paid by it, not by the bench's edit. Each
 * round also prints every run of the rules (`revalidate`) in order: the opening's, the idle
 * rehearsals' (store/findings.ts), then the edits'.
 *
 *   npx tsx bench/ui/edit-phases.ts [--size 1000] [--rounds 8] [--no-build] [--dist dir]
 *                                   [--pre-edit wit-s2-1]
 *
 * Builds the bench page unminified into dist-bench; --dist takes another build (one built with
 * BENCH_UNMINIFIED=1). Wall times (ms) of the calls that start before the canvas's last change,
 * medians; the counts are of the 800 ms after the edit.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import {
  benchDesign,
  EDITED_LINK,
  flag,
  launchChromium,
  newBenchPage,
  option,
  serveBuilds,
  openOnEditedLink,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 8);
const PRE_EDIT = option('pre-edit') ?? 'wit-s2-1';

/** Functions timed (their total wall ms per edit), by their signature in the unminified build. */
const TIMED: readonly [string, string][] = [
  ['function findingsFor(design)', 'findingsFor'],
  ['function validateNow(design)', 'validateNow'],
  ['function performSyncWorkOnRoot(root, lanes)', 'react sync'],
  ['function workLoopSync()', ' render'],
  ['function flushMutationEffects()', ' mutation'],
  ['function flushLayoutEffects()', ' layout'],
  ['function flushPassiveEffects()', ' passive'],
];
/** Functions counted (calls per edit). */
const COUNTED: readonly [string, string][] = [
  ['function beginWork(', 'fibers begun'],
  ['function renderWithHooks(', 'components run'],
];

/**
 * `source` with each signature's function timed (`window.__calls`: name, start, ms) or counted
 * (`window.__phases`).
 */
function instrument(source: string): string {
  let out = source;
  const into = '(window.__phases ||= {})';
  for (const [signature, name] of TIMED) {
    const at = out.indexOf(signature);
    if (at < 0) throw new Error(`"${signature}" is not in the build (another React?)`);
    const fn = signature.slice('function '.length, signature.indexOf('('));
    const params = signature.slice(signature.indexOf('(') + 1, signature.indexOf(')'));
    const wrapper =
      `function ${fn}(${params}) { const t0 = performance.now(); try { return ${fn}$timed(${params}); }` +
      ` finally { (window.__calls ||= []).push([${JSON.stringify(name)}, t0, performance.now() - t0]); } }\n`;
    out =
      out.slice(0, at) +
      wrapper +
      signature.replace(fn, `${fn}$timed`) +
      out.slice(at + signature.length);
  }
  for (const [signature, name] of COUNTED) {
    const at = out.indexOf(signature);
    if (at < 0) throw new Error(`"${signature}" is not in the build (another React?)`);
    const body = out.indexOf('{', at) + 1;
    const count = `${into}[${JSON.stringify(name)}] = (${into}[${JSON.stringify(name)}] || 0) + 1;`;
    out = out.slice(0, body) + count + out.slice(body);
  }
  return out;
}

/** A copy of `dist` whose chunks holding React and the store, and the rules' `revalidate`, are instrumented. */
function instrumentedCopy(dist: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'edit-phases-'));
  cpSync(dist, copy, { recursive: true });
  const assets = join(copy, 'assets');
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const holding = (...texts: string[]) =>
    chunks.find((f) => {
      const text = readFileSync(join(assets, f), 'utf8');
      return texts.every((t) => text.includes(t));
    });
  // (The plain React Flow page's chunk holds React too, not the store.)
  const main = holding('function performSyncWorkOnRoot(', TIMED[0]?.[0] ?? '');
  if (!main) throw new Error(`no chunk of ${dist} holds findingsFor and React (unminified?)`);
  writeFileSync(join(assets, main), instrument(readFileSync(join(assets, main), 'utf8')));
  stale(join(assets, main));
  // Every run of the rules, in order: the opening's, the rehearsals' (findings.ts), the edits'.
  const rules = holding(REVALIDATE);
  if (!rules) throw new Error(`no chunk of ${dist} holds "${REVALIDATE}"`);
  const text = readFileSync(join(assets, rules), 'utf8');
  const wrapper =
    'function revalidate(design, previous, rules = RULE_LIST) { const t0 = performance.now();' +
    ' try { return revalidate$timed(design, previous, rules); }' +
    ' finally { (window.__revalidations ||= []).push(performance.now() - t0); } }\n';
  writeFileSync(
    join(assets, rules),
    text.replace(REVALIDATE, wrapper + REVALIDATE.replace('revalidate(', 'revalidate$timed(')),
  );
  stale(join(assets, rules));
  return copy;
}
const REVALIDATE = 'function revalidate(design, previous, rules = RULE_LIST)';

/**
 * Drop the build's compressed copies of a chunk changed here: the preview server sends a
 * browser that accepts Brotli the `.br` beside a chunk, built from the chunk as it was, and the
 * page ran uninstrumented (every figure 0).
 */
function stale(chunk: string): void {
  for (const ext of ['.br', '.gz']) rmSync(chunk + ext, { force: true });
}

type Phases = Record<string, number>;

/**
 * The bench's edit; resolves, 800 ms later, with the timed functions' ms summed over the calls
 * that started before the canvas's last change (a later render, as the toolbar's once undo is
 * enabled, is not the edit's), and the counts over the whole 800 ms.
 */
const TIMED_EDIT = (km: number) => `new Promise((resolve) => {
  window.__phases = {};
  window.__calls = [];
  let last = -Infinity;
  const canvas = document.querySelector('.react-flow') || document.body;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${km});
  setTimeout(() => {
    observer.disconnect();
    const out = { ...window.__phases };
    for (const [name, start, ms] of window.__calls) if (start <= last) out[name] = (out[name] || 0) + ms;
    resolve(out);
  }, 800);
})`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

async function main(): Promise<void> {
  const dist = option('dist');
  const build = !dist && !flag('no-build');
  if (build) process.env['BENCH_UNMINIFIED'] = '1';
  if (build) await viteBuild({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
  const copy = instrumentedCopy(dist ?? 'dist-bench');
  const {
    bases: [base = ''],
    close,
  } = await serveBuilds([copy], false);
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  // [without, with the pre-edit] × [first edit, second edit] → each round's phases.
  const runs: Phases[][][] = [
    [[], []],
    [[], []],
  ];
  try {
    for (let r = 0; r < ROUNDS * 2; r++) {
      const pre = r % 2;
      const { context, page } = await newBenchPage(browser, design, 'studio');
      await openOnEditedLink(page, `${base}/`, design);
      await page.waitForTimeout(1500);
      const before = (await page.evaluate('window.__revalidations || []')) as number[];
      if (pre) {
        await page.evaluate(`window.__bench.editDistance(${JSON.stringify(PRE_EDIT)}, 201)`);
        await page.waitForTimeout(800);
      }
      const line: string[] = [];
      for (const [e, km] of [77, 78].entries()) {
        const phases = (await page.evaluate(TIMED_EDIT(km))) as Phases;
        runs[pre]?.[e]?.push(phases);
        line.push(
          `${(phases['react sync'] ?? 0).toFixed(1)}/${(phases['validateNow'] ?? 0).toFixed(1)}`,
        );
      }
      const after = ((await page.evaluate('window.__revalidations || []')) as number[]).slice(
        before.length,
      );
      console.log(
        `${pre ? `after ${PRE_EDIT}'s edit` : 'plain'}: react sync/validateNow ms, edits 1 and 2: ${line.join(' · ')}` +
          `; rules' runs (ms): opening and rehearsals ${before.map((t) => t.toFixed(1)).join(' ')}, then ${after.map((t) => t.toFixed(1)).join(' ')}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
    rmSync(copy, { recursive: true, force: true });
  }
  const names = [...TIMED.map(([, n]) => n), ...COUNTED.map(([, n]) => n)];
  console.log(`\nmedians at ${SIZE} (ms, or counts), ${ROUNDS} pages each:`);
  console.log(
    `${''.padEnd(16)}${['first', 'second', 'first, pre-edit', 'second, pre'].map((h) => h.padStart(16)).join('')}`,
  );
  for (const name of names) {
    const cells = [runs[0]?.[0], runs[0]?.[1], runs[1]?.[0], runs[1]?.[1]].map((rs) =>
      median((rs ?? []).map((p) => p[name] ?? 0))
        .toFixed(1)
        .padStart(16),
    );
    console.log(`${name.padEnd(16)}${cells.join('')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
