/**
 * `npx tsx bench/ui/trace-keys.ts`: the undo (Ctrl+Z) and select-all (Ctrl+A) rows of
 * `npm run bench:ui`, as it takes them (the page opened, a ToR dragged and dropped, the DCI
 * distance edited at the edited link's view, a click at (5, 5), then the keys, each timed by its
 * own instrument from the first keydown, Control's, to the last change of the canvas' DOM once
 * quiet for 500 ms), with two builds alternated in one run (`--dist-b`, the code before a
 * change) and, with --baseline, the plain React Flow page. Prints each key's figure per page,
 * when the second key was sent and when the page got to it (it waits behind what the page is
 * doing: the click's hover change and its frame, the Control key's own task), and the changes
 * (with --mutations, what changed). With --thread, a trace of each key: the main thread's CPU
 * time from the first key's task to the last change's (thread time, which a loaded machine
 * inflates far less than wall time), and with --tasks each task over 1 ms in between. With
 * --cpu, a CPU profile of each key from the key to the last change, summed by function (the
 * build unminified, BENCH_UNMINIFIED=1, for names; a --dist-b build must be too).
 *
 * Found with it (session 16): select-all at 1,000 elements re-rendered every minimap node
 * (MinimapNode.tsx); the undo's own task is shorter than the plain page's, and its figure is
 * mostly its key waiting behind the click's frame.
 *
 *   npx tsx bench/ui/trace-keys.ts [--size 1000] [--rounds 3] [--no-build] [--dist-b dir]
 *                                  [--baseline] [--mutations] [--thread] [--tasks] [--cpu]
 *                                  [--top 25] [--pan] [--repeat 8]
 */
import type { CDPSession, Page } from '@playwright/test';
import { INSTRUMENTS, median } from './instruments';
import { tasksFromKeydown, traced, type TraceEvent, type Profile, type ProfileNode } from './trace';
import {
  benchDesign,
  dragBenchDevice,
  DRAGGED,
  EDITED_LINK,
  flag,
  newBenchPage,
  launchChromium,
  option,
  serveBuilds,
  sideOfRound,
  viewOnEditedLink,
  WORK_VIEW,
  timedBenchEdit,
  benchUrl,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 3);
const TOP = Number(option('top') ?? 25);
const MUTATIONS = flag('mutations');
const CPU = flag('cpu');
/** Trace each key: the main thread's CPU time from the key's task to the last change's. */
const THREAD = flag('thread') || flag('tasks');
/** With the trace, print each task of over 1 ms between the first key and the last change. */
const TASKS = flag('tasks');
/** Pan as bench:ui does between the drop and the edit (60 frames); left out by default. */
const PAN = flag('pan');
/** Then undo and select-all again this many times per page, each after its own edit or selection. */
const REPEAT = Number(option('repeat') ?? 0);
const KEYS = [
  ['undo', 'Control+z'],
  ['select-all', 'Control+a'],
] as const;

/**
 * A log of the canvas' changes after the next keydown: ms after it, how many records, what
 * (with --mutations). With --cpu, marker functions that spin ~2 ms where the profiler samples
 * them: at the key (its capture listener) and at each change (the observer's callback), so the
 * profile is read from the key to the last change only.
 */
const LOG = `
function __spin(ms) { let x = 0; const t = performance.now(); while (performance.now() - t < ms) for (let i = 0; i < 20000; i++) x += i % 7; return x; }
function __keyMarker() { return __spin(2); }
function __changeMarker() { return __spin(2); }
// Installed before the page's own listeners (the studio's stop the keys they handle).
window.addEventListener('keydown', (e) => {
  const out = window.__keyTimes;
  if (!out || out.changes.length > 0 || Number.isNaN(out.start)) return;
  out.keys.push(e.key + ' sent ' + (e.timeStamp - out.start).toFixed(1) + ', run ' + (performance.now() - out.start).toFixed(1));
}, true);
window.__logKeys = (details, markers) => {
  const out = { start: NaN, changes: [] };
  const canvas = document.querySelector('.react-flow') || document.body;
  const what = (r) => {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const owner = el && el.closest('.react-flow__node,.react-flow__edge,.react-flow__minimap,.react-flow__edgelabel-renderer,[data-testid]');
    const cls = owner ? String(owner.getAttribute('class') || '').split(' ')[0] : '?';
    return r.type + (r.attributeName ? ':' + r.attributeName : '') + '@' + cls;
  };
  const observer = new MutationObserver((records) => {
    const at = (performance.now() - out.start).toFixed(1) + ' ms: ' + records.length;
    if (details) {
      const kinds = new Map();
      for (const r of records) { const k = what(r); kinds.set(k, (kinds.get(k) || 0) + 1); }
      out.changes.push(at + ' (' + [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => k + ' ×' + n).join(', ') + ')');
    } else out.changes.push(at);
    if (markers) __changeMarker();
    performance.mark('__change');
  });
  observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('keydown', (e) => { out.start = e.timeStamp; if (markers) __keyMarker(); }, { capture: true, once: true });
  // Each key's event: when it was sent (its timeStamp) and when the page got to it.
  out.keys = [];
  window.__keyTimes = out;
  window.__keysLog = out;
  setTimeout(() => observer.disconnect(), 5000);
};
`;

/** Non-idle samples of a profile summed by function: self and inclusive, in ms. */
function summed(profile: Profile): {
  ms: number;
  self: Map<string, number>;
  total: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ms = 0;
  const has = (id: number, fn: string) => {
    for (let i: number | undefined = id; i !== undefined; i = parent.get(i))
      if (byId.get(i)?.callFrame.functionName === fn) return true;
    return false;
  };
  // From the key's marker to the last change's.
  const samples = profile.samples;
  const from = samples.findIndex((id) => has(id, '__keyMarker'));
  let to = -1;
  for (let i = samples.length - 1; i >= 0 && to < 0; i--)
    if (has(samples[i] ?? -1, '__changeMarker')) to = i;
  if (from < 0 || to < 0) return { ms: NaN, self, total };
  for (let i = from; i <= to; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = samples[i] ?? -1;
    if (has(id, '__keyMarker') || has(id, '__changeMarker')) continue;
    const top = byId.get(id);
    if (!top || top.callFrame.functionName === '(idle)') continue;
    ms += dt;
    const fn = top.callFrame.functionName;
    const key = fn === '(program)' || fn === '(garbage collector)' ? fn : name(top);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = top.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!n) break;
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  return { ms, self, total };
}

async function opened(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__bench !== undefined);
  await page.waitForFunction(
    'window.__open.count > 0 && performance.now() - window.__drawn.lastChange > 1000',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * The main thread's CPU time (thread time, which a loaded machine inflates far less than the
 * wall time the bench reports) of its tasks from the one of the first keydown to the one of the
 * last change of the canvas (the `__change` marks), in ms; NaN when either is missing.
 */
function threadTime(events: TraceEvent[]): number {
  const marks = events.filter((e) => e.name === '__change');
  const last = marks[marks.length - 1];
  if (!last) return NaN;
  const tasks = tasksFromKeydown(events, last);
  if (!tasks) return NaN;
  const between = tasks.filter((t) => t.ts <= last.ts);
  if (TASKS) {
    // Each task from the first key's to the last change's: when (ms after the first key's task),
    // how long, and what ran in it (its longest inner events).
    const mine = events.filter((e) => e.pid === last.pid && e.tid === last.tid);
    const from = tasks[0]?.ts ?? last.ts;
    const what = (t: TraceEvent) =>
      mine
        .filter(
          (e) =>
            e !== t &&
            e.ph === 'X' &&
            e.ts >= t.ts &&
            e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) &&
            (e.dur ?? 0) > 500,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map((e) => {
          const data = e.args?.['data'] as { type?: string; functionName?: string } | undefined;
          return `${e.name}${data?.type ? ` ${data.type}` : ''}${data?.functionName ? ` ${data.functionName}` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
        })
        .join(', ');
    for (const t of between)
      if ((t.dur ?? 0) > 1000)
        console.log(
          `      +${((t.ts - from) / 1000).toFixed(1)} ms: task ${((t.dur ?? 0) / 1000).toFixed(1)} ms (${what(t)})`,
        );
  }
  return between.reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0);
}

async function keyed(
  page: Page,
  cdp: CDPSession | null,
  keys: string,
): Promise<{ ms: number; cpu: number; log: string[]; profile: Profile | null }> {
  await page.evaluate(`window.__watch('keydown', 500)`);
  await page.evaluate(`window.__logKeys(${MUTATIONS}, ${CPU})`);
  let profile: Profile | null = null;
  let cpu = NaN;
  let ms = NaN;
  if (cdp && CPU) {
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.keyboard.press(keys);
    ms = (await page.evaluate('window.__watching')) as number;
    profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  } else if (cdp) {
    const events = await traced(
      cdp,
      ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      async () => {
        await page.keyboard.press(keys);
        ms = (await page.evaluate('window.__watching')) as number;
      },
    );
    cpu = threadTime(events);
  } else {
    await page.keyboard.press(keys);
    ms = (await page.evaluate('window.__watching')) as number;
  }
  const out = (await page.evaluate('window.__keysLog')) as { changes: string[]; keys: string[] };
  return { ms, cpu, log: [...out.keys, ...out.changes], profile };
}

async function main(): Promise<void> {
  if (CPU) process.env['BENCH_UNMINIFIED'] = '1';
  const dists = ['dist-bench', ...(option('dist-b')?.split(',') ?? [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  // The studio's canvas size: the baseline gets the same, as in bench:ui.
  const probe = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await probe.goto(`${bases[0]}/`);
  const rect = await probe.getByTestId('canvas').boundingBox();
  await probe.close();
  const canvas = { w: Math.round(rect?.width ?? 1000), h: Math.round(rect?.height ?? 800) };
  const sides = [
    ...dists.map((d, i) => ({ label: d, url: `${bases[i]}/`, studio: true })),
    ...(flag('baseline')
      ? [
          {
            label: 'baseline',
            url: benchUrl(bases[0] ?? '', 'baseline', canvas),
            studio: false,
          },
        ]
      : []),
  ];
  const figures = sides.map(() => new Map<string, number[]>());
  const threadTimes = sides.map(() => new Map<string, number[]>());
  const repeats = sides.map(() => new Map<string, number[]>());
  const profiles = sides.map(() => new Map<string, Profile[]>());
  try {
    for (let r = 0; r < ROUNDS * sides.length; r++) {
      const which = sideOfRound(r, sides.length);
      const side = sides[which] as (typeof sides)[number];
      const { context, page } = await newBenchPage(
        browser,
        design,
        side.studio ? 'studio' : 'baseline',
      );
      await page.addInitScript(INSTRUMENTS);
      await page.addInitScript(LOG);
      await page.goto(side.url);
      await opened(page);
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.evaluate('window.__nextFrames(10)');
      await page.waitForTimeout(300);
      await dragBenchDevice(page);
      await page.mouse.up();
      await page.waitForTimeout(500);
      if (PAN) {
        await page.evaluate(`window.__pan(${JSON.stringify(WORK_VIEW)}, 60, 12)`);
        await page.waitForTimeout(300);
      }
      await page.evaluate(
        (vp) => window.__bench?.setViewport(vp),
        viewOnEditedLink(design, canvas),
      );
      await page.evaluate('window.__nextFrames(10)');
      await page.waitForTimeout(300);
      await timedBenchEdit(page);
      await page.mouse.click(5, 5);
      const cdp = CPU || THREAD ? await context.newCDPSession(page) : null;
      if (cdp && CPU) await cdp.send('Profiler.enable');
      const line: string[] = [];
      for (const [label, keys] of KEYS) {
        const { ms, cpu, log, profile } = await keyed(page, cdp, keys);
        const out = figures[which] as Map<string, number[]>;
        out.set(label, [...(out.get(label) ?? []), ms]);
        const cpus = threadTimes[which] as Map<string, number[]>;
        cpus.set(label, [...(cpus.get(label) ?? []), cpu]);
        if (profile) {
          const kept = profiles[which] as Map<string, Profile[]>;
          kept.set(label, [...(kept.get(label) ?? []), profile]);
        }
        line.push(`${label} ${ms.toFixed(0)} ms${THREAD ? ` (CPU ${cpu.toFixed(1)})` : ''}`);
        if (MUTATIONS) for (const l of log) console.log(`    ${label}: ${l}`);
        else line.push(`(${log.map((l) => l.split(' ms')[0]).join('; ')})`);
      }
      console.log(`round ${r + 1} ${side.label}: ${line.join(', ')}`);
      // Again and again on the same page (--repeat): the DCI link's distance edited and undone,
      // and the dragged ToR selected alone then all selected, as before; each figure kept apart.
      for (let i = 0; i < REPEAT; i++) {
        await page.evaluate(
          `window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, ${78 + i})`,
        );
        await page.waitForTimeout(400);
        const undo = await keyed(page, null, 'Control+z');
        await page.evaluate((id) => window.__bench?.select([id]), DRAGGED);
        await page.waitForTimeout(400);
        const all = await keyed(page, null, 'Control+a');
        const again = repeats[which] as Map<string, number[]>;
        again.set('undo', [...(again.get('undo') ?? []), undo.ms]);
        again.set('select-all', [...(again.get('select-all') ?? []), all.ms]);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `  ${(v / n).toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`\nkey → last canvas change at ${SIZE} (median of ${ROUNDS}):`);
  sides.forEach((side, i) => {
    const f = figures[i] as Map<string, number[]>;
    console.log(
      `  ${side.label}: ${KEYS.map(([label]) => `${label} ${median(f.get(label) ?? []).toFixed(1)} ms (${(f.get(label) ?? []).map((x) => x.toFixed(0)).join(', ')})`).join(' · ')}`,
    );
    const again = repeats[i] as Map<string, number[]>;
    if (REPEAT > 0)
      console.log(
        `    repeated (${ROUNDS} × ${REPEAT}): ${KEYS.map(([label]) => `${label} ${median(again.get(label) ?? []).toFixed(1)} ms`).join(' · ')}`,
      );
    const c = threadTimes[i] as Map<string, number[]>;
    if (THREAD)
      console.log(
        `    main-thread CPU: ${KEYS.map(([label]) => `${label} ${median(c.get(label) ?? []).toFixed(1)} ms (${(c.get(label) ?? []).map((x) => x.toFixed(0)).join(', ')})`).join(' · ')}`,
      );
  });
  if (!CPU) return;
  sides.forEach((side, i) => {
    for (const [label, list] of profiles[i] ?? []) {
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      let ms = 0;
      for (const p of list) {
        const s = summed(p);
        ms += s.ms;
        for (const [k, v] of s.self) self.set(k, (self.get(k) ?? 0) + v);
        for (const [k, v] of s.total) total.set(k, (total.get(k) ?? 0) + v);
      }
      const n = list.length;
      console.log(
        `\n## ${side.label} ${label}: ${(ms / n).toFixed(1)} ms of script (mean of ${n})`,
      );
      console.log(`-- self\n${top(self, n)}\n-- total\n${top(total, n)}`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
