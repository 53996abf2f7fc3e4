/**
 * `npx tsx bench/ui/profile-edit.ts`: where the first DCI-distance edit after opening spends its
 * time, from the edit's call to the last change of the canvas (as bench:ui times it). Each round
 * opens a page, profiles the edit (sampled every 100 µs) and keeps the samples from its call to
 * its last canvas change; summed over rounds, it prints the functions
 * with the most self and total time, and the time by kind: the garbage collector, (program)
 * (the engine's own work: compiling, parsing, ICs), React's work loop, the studio's code by
 * module, and the time spent inside each component's own function.
 * --later profiles the third edit instead (warm), to compare. Under load the samples swing from
 * round to round (a descheduled thread is sampled where it stopped): it prints means and medians.
 *
 *   npx tsx bench/ui/profile-edit.ts [--size 1000] [--rounds 6] [--top 30] [--no-build]
 *                                    [--dist dir] [--later] [--save-profiles dir]
 *
 * Builds the bench page unminified (names are read) into dist-bench; --dist serves another build
 * instead (one built with BENCH_UNMINIFIED=1).
 */
import type { CDPSession, Page } from '@playwright/test';
import {
  benchDesign,
  EDITED_LINK,
  flag,
  launchChromium,
  newBenchPage,
  option,
  serveForNames,
  openOnEditedLink,
  saveProfile,
} from './page';
import type { Profile, ProfileNode } from './trace';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 6);
const TOP = Number(option('top') ?? 30);
const LATER = flag('later');

/** The edit, profiled from just before its call to 500 ms after the canvas's last change. */
const EDIT = (km: number) => `new Promise((resolve) => {
  const canvas = document.querySelector('.react-flow') || document.body;
  let last = NaN;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  const start = performance.now();
  window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${km});
  const task = performance.now() - start;
  const check = () => {
    if (performance.now() - Math.max(Number.isNaN(last) ? 0 : last, start) > 500) {
      observer.disconnect();
      resolve({ task, toLast: last - start });
    } else setTimeout(check, 25);
  };
  setTimeout(check, 25);
})`;

interface Totals {
  self: Map<string, number>;
  total: Map<string, number>;
  kinds: Map<string, number>;
  components: Map<string, number>;
  busy: number[];
}

const bump = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The file of a frame, without its build hash. */
const fileOf = (n: ProfileNode) =>
  n.callFrame.url
    .split('/')
    .pop()
    ?.replace(/-[\w-]{8}\.js$/, '.js') ?? '';

/** Add the samples of `profile` up to `untilMs` after its start to `into`. */
function add(into: Totals, profile: Profile, untilMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n)}:${n.callFrame.lineNumber + 1}`;
  // From the first sample inside the edit's call (the bench hook's editDistance).
  const inEdit = (id: number | undefined): boolean => {
    for (; id !== undefined; id = parent.get(id))
      if (byId.get(id)?.callFrame.functionName === 'editDistance') return true;
    return false;
  };
  const from = profile.samples.findIndex((id) => inEdit(id));
  if (from < 0) throw new Error('no sample inside editDistance');
  let at = 0;
  let busy = 0;
  for (let i = from; i < profile.samples.length; i++) {
    if (i > from) at += (profile.timeDeltas[i] ?? 0) / 1000;
    if (at > untilMs + 0.2) break;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += dt;
    bump(into.self, name(node), dt);
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (n) stack.push(n);
    }
    const seen = new Set<string>();
    for (const n of stack) {
      const k = name(n);
      if (!seen.has(k)) bump(into.total, k, dt);
      seen.add(k);
    }
    // The kind: the engine's own nodes, else the innermost frame's module.
    const fn = node.callFrame.functionName;
    const kind = fn.startsWith('(') ? fn : fileOf(node) || '(native)';
    bump(into.kinds, kind, dt);
    // The innermost component (a capitalised function of the studio's code) on the stack.
    const component = stack.find((n) => /^[A-Z]\w*$/.test(n.callFrame.functionName));
    if (component) bump(into.components, component.callFrame.functionName, dt);
    const reconciling = stack.some((n) =>
      /^(performWorkOnRoot|performSyncWorkOnRoot|renderRootSync|commitRoot)/.test(
        n.callFrame.functionName,
      ),
    );
    bump(into.kinds, reconciling ? '= inside React render/commit' : '= outside React', dt);
  }
  into.busy.push(busy);
}

/** Per-round figures of each key, kept to print medians (one slow round skews a mean). */
const rounds: Totals[] = [];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

function print(label: string, t: Totals): void {
  const n = t.busy.length;
  const top = (m: Map<string, number>, count = TOP) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => {
        const pick = (r: Totals) =>
          m === t.self ? r.self : m === t.total ? r.total : m === t.kinds ? r.kinds : r.components;
        const med = median(rounds.map((r) => pick(r).get(k) ?? 0));
        return `  ${(v / n).toFixed(2).padStart(7)} ${med.toFixed(2).padStart(7)} ms  ${k}`;
      })
      .join('\n');
  console.log('(mean and median per round)');
  console.log(
    `\n## ${label} at ${SIZE}: sampled busy ms per round [${t.busy.map((b) => b.toFixed(1)).join(', ')}]`,
  );
  console.log(`-- by kind (mean per round)\n${top(t.kinds, 40)}`);
  console.log(`-- inside components' own functions (innermost)\n${top(t.components, 20)}`);
  console.log(`-- self (mean per round)\n${top(t.self)}`);
  console.log(`-- total (mean per round)\n${top(t.total)}`);
}

/**
 * The profile of the edit. The profiler starts before the page is asked to edit: starting one
 * logs every compiled function, which took 3-13 ms of the edit's span when the page started it
 * (console.profile). Its samples are counted from the edit's call on (`add`).
 */
async function profiledEdit(cdp: CDPSession, page: Page, km: number): Promise<[Profile, number]> {
  await cdp.send('Profiler.start');
  const { task, toLast } = (await page.evaluate(EDIT(km))) as {
    task: number;
    toLast: number;
  };
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`  edit: task ${task.toFixed(1)} ms, last canvas change ${toLast.toFixed(1)} ms`);
  return [profile, toLast];
}

async function main(): Promise<void> {
  const { base, close } = await serveForNames();
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const totals: Totals = {
    self: new Map(),
    total: new Map(),
    kinds: new Map(),
    components: new Map(),
    busy: [],
  };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const { context, page } = await newBenchPage(browser, design, 'studio');
      await openOnEditedLink(page, `${base}/`, design);
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      if (LATER)
        for (const km of [77, 78]) {
          await page.evaluate(EDIT(km));
          await page.waitForTimeout(300);
        }
      const [profile, toLast] = await profiledEdit(cdp, page, LATER ? 79 : 77);
      add(totals, profile, toLast);
      saveProfile(profile, `edit-${LATER ? 'third' : 'first'}-${r}`);
      const round: Totals = {
        self: new Map(),
        total: new Map(),
        kinds: new Map(),
        components: new Map(),
        busy: [],
      };
      add(round, profile, toLast);
      rounds.push(round);
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  print(
    LATER ? 'the third edit, edit to last canvas change' : 'the first edit, to last canvas change',
    totals,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
