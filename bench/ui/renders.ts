/**
 * `npx tsx bench/ui/renders.ts`: which React components render for one DCI-distance edit (the
 * edit `npm run bench:ui` times, with the link's label in view), and how often. Counts every
 * function component that ran in a commit (React's PerformedWork flag, as React DevTools tells
 * a render from a bail-out), through the DevTools hook, which production builds call too.
 * A tool to find what an edit re-renders that it did not change; times are in bench:ui.
 *
 *   npx tsx bench/ui/renders.ts [--size 3000] [--no-build] [--dist dir] [--top 40]
 *                               [--select s0-t1] [--why ComponentName] [--keys]
 *
 * It builds the bench page unminified (component names); --dist serves another build so (an
 * older branch's, built with BENCH_UNMINIFIED=1) to compare counts. --select selects nodes
 * first: bench:ui's drag leaves its ToR selected, so the edit runs with its inspector open.
 * --why prints, for each render of that component, which props changed or else which hooks (by
 * their order in it) hold a new state. --keys counts, instead of the edits, a select-all
 * (Ctrl+A), bench:ui's delete of 30 devices (Delete), its undo (Ctrl+Z) and their paste (Ctrl+C, Ctrl+V), at its working
 * view. --pan counts bench:ui's pan at its working view instead (60 frames, 12 px a frame).
 * --drop counts bench:ui's drop instead: its ToR dragged at the working view, then released.
 * --drag counts bench:ui's drag instead (its 40 moves, each commit listed).
 */
import {
  benchDesign,
  dragBenchDevice,
  EDITED_LINK,
  flag,
  pickedDevices,
  WORK_VIEW,
  newBenchPage,
  launchChromium,
  option,
  routesDrawn,
  viewOnEditedLink,
  gotoBench,
  serveForNames,
} from './page';

const SIZE = Number(option('size') ?? 3000);
const TOP = Number(option('top') ?? 40);
/** A component whose renders are explained: which props changed, or none (a hook's update). */
const WHY = option('why');
/** Select these nodes first (comma-separated ids), as bench:ui's drag leaves its ToR selected. */
const SELECT = option('select');

/**
 * The counter, installed before React loads: a stand-in DevTools hook whose commit callback
 * walks the committed tree, descending only where the children were reconciled in this commit.
 * Plain JavaScript in a string, as the page runs it.
 */
const COUNTER = `
(() => {
  const counts = new Map();
  const whys = new Map();
  const perCommit = [];
  let started = 0;
  let commits = 0;
  const PERFORMED_WORK = 1;
  const nameOf = (type) => {
    if (!type) return null;
    if (typeof type === 'function') return type.displayName || type.name || '(anonymous)';
    if (type.type) return nameOf(type.type); // memo
    if (type.render) return nameOf(type.render); // forwardRef
    return null;
  };
  // Each commit stamps every fiber of the committed tree. A fiber that was in the tree the
  // commit before (stamped with its number) was not processed in this one: React processes a
  // fiber by turning its alternate into the current one.
  const stamps = new WeakMap();
  const rootStamps = new WeakMap();
  let stamp = 0;
  const visit = (fiber, previous) => {
    for (let f = fiber; f; f = f.sibling) {
      const processed = stamps.get(f) !== previous;
      stamps.set(f, stamp);
      // 0 function, 11 forwardRef, 14 memo, 15 simple memo
      const component = f.tag === 0 || f.tag === 11 || f.tag === 14 || f.tag === 15;
      if (window.__renders.on && processed && component && (!f.alternate || (f.flags & PERFORMED_WORK) !== 0)) {
        const name = nameOf(f.type) || nameOf(f.elementType) || '?';
        counts.set(name, (counts.get(name) || 0) + 1);
        if (name === window.__renders.why && f.alternate) {
          const a = f.alternate.memoizedProps || {};
          const b = f.memoizedProps || {};
          const changed = Object.keys(b).filter((k) => a[k] !== b[k]);
          // Else a hook's state: which ones (by their order in the component) changed.
          const hooks = [];
          for (let h = f.memoizedState, g = f.alternate.memoizedState, i = 0; h && g; h = h.next, g = g.next, i++)
            if (h.memoizedState !== g.memoizedState) hooks.push(i);
          const key = changed.length
            ? 'props: ' + changed.join(', ')
            : 'hooks #' + (hooks.join(', #') || '? (none differs)');
          whys.set(key, (whys.get(key) || 0) + 1);
        }
      }
      if (f.child) visit(f.child, previous);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const previous = rootStamps.get(root);
      rootStamps.set(root, ++stamp);
      const before = new Map(counts);
      visit(root.current, previous);
      if (!window.__renders.on) return;
      commits++;
      // This commit's renders, most first: which commit renders what.
      const mine = [...counts].map(([k, n]) => [k, n - (before.get(k) || 0)]).filter(([, n]) => n > 0);
      mine.sort((a, b) => b[1] - a[1]);
      perCommit.push(Math.round(performance.now() - started) + ' ms: ' + mine.slice(0, 6).map(([k, n]) => k + ' ' + n).join(', '));
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
  window.__renders = {
    on: false,
    why: null,
    start() { counts.clear(); whys.clear(); perCommit.length = 0; started = performance.now(); commits = 0; this.on = true; },
    stop() {
      this.on = false;
      const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
      return { commits, counts: sorted(counts), whys: sorted(whys), perCommit };
    },
  };
})();
`;

async function main(): Promise<void> {
  const { base, close } = await serveForNames();
  const browser = await launchChromium();
  try {
    const design = benchDesign(SIZE);
    const { context, page } = await newBenchPage(browser, design, 'studio');
    await page.addInitScript(COUNTER);
    await gotoBench(page, `${base}/`);
    await page.waitForTimeout(2000);
    await routesDrawn(page);
    const rect = await page.getByTestId('canvas').boundingBox();
    const canvas = { w: Math.round(rect?.width ?? 1000), h: Math.round(rect?.height ?? 800) };
    await page.evaluate((vp) => window.__bench?.setViewport(vp), viewOnEditedLink(design, canvas));
    if (SELECT) await page.evaluate((ids) => window.__bench?.select(ids), SELECT.split(','));
    await page.waitForTimeout(1500);
    await page.evaluate(`window.__renders.why = ${JSON.stringify(WHY ?? null)}`);
    const counted = async (label: string, act: string | (() => Promise<void>)) => {
      await page.evaluate('window.__renders.start()');
      if (typeof act === 'string') await page.evaluate(act);
      else await act();
      await page.waitForTimeout(1500);
      const { commits, counts, whys, perCommit } = (await page.evaluate(
        'window.__renders.stop()',
      )) as {
        commits: number;
        perCommit: string[];
        counts: [string, number][];
        whys: [string, number][];
      };
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      console.log(`\n## ${label} at ${SIZE}: ${commits} commits, ${total} component renders`);
      for (const [name, n] of counts.slice(0, TOP))
        console.log(`${String(n).padStart(7)}  ${name}`);
      console.log('per commit (ms after the edit: its renders, most first):');
      for (const line of perCommit) console.log(`  ${line}`);
      if (WHY) console.log(`${WHY} rendered for:`);
      for (const [why, n] of whys) console.log(`${String(n).padStart(7)}  ${why}`);
    };
    if (flag('pan')) {
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.waitForTimeout(1000);
      await counted(
        'pan at the working view (60 frames, 12 px a frame)',
        `new Promise((resolve) => {
          const vp = ${JSON.stringify(WORK_VIEW)};
          let i = 0;
          const step = () => {
            window.__bench.setViewport({ x: vp.x - i * 12, y: vp.y, zoom: vp.zoom });
            if (++i <= 60) requestAnimationFrame(step); else resolve();
          };
          requestAnimationFrame(step);
        })`,
      );
      await context.close();
      return;
    }
    if (flag('drag')) {
      // bench:ui's drag: its ToR dragged 40 moves at the working view, each commit counted.
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.waitForTimeout(1000);
      await counted('the drag of a ToR (40 moves)', () => dragBenchDevice(page));
      await page.mouse.up();
      await context.close();
      return;
    }
    if (flag('drop')) {
      // bench:ui's drop: the drag of its ToR at the working view, then the pointer-up counted.
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.waitForTimeout(1000);
      await dragBenchDevice(page);
      await counted('the drop of a dragged ToR (pointer-up)', () => page.mouse.up());
      await context.close();
      return;
    }
    if (flag('keys')) {
      const picked = pickedDevices(design);
      await page.evaluate((vp) => window.__bench?.setViewport(vp), WORK_VIEW);
      await page.mouse.click(5, 5);
      await page.waitForTimeout(500);
      await counted('select all', () => page.keyboard.press('Control+a'));
      await page.mouse.click(5, 5);
      await page.waitForTimeout(500);
      const select = async () => {
        await page.evaluate((ids) => window.__bench?.select(ids), picked);
        await page.waitForTimeout(500);
      };
      await select();
      await counted('delete 30', () => page.keyboard.press('Delete'));
      await counted('undo the delete', () => page.keyboard.press('Control+z'));
      await select();
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(500);
      await counted('paste 30', () => page.keyboard.press('Control+v'));
      await context.close();
      return;
    }
    await counted(
      'one DCI-distance edit',
      `window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, 77)`,
    );
    await counted(
      'the same edit again (another distance)',
      `window.__bench.editDistance(${JSON.stringify(EDITED_LINK)}, 78)`,
    );
    await context.close();
  } finally {
    await browser.close();
    await close();
  }
}

await main();
