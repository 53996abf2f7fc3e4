/**
 * Every change of the canvas' DOM after a delete (and its undo) of `npm run bench:ui`, each with
 * the task that made it: the keydown, a frame (requestAnimationFrame), a timer, an idle callback
 * or a worker's message, with where that hop was asked for (the first frames of the stack that
 * scheduled it: build with BENCH_UNMINIFIED=1 for names), and what changed (which elements, how).
 *
 * Each batch says how many of its records fall inside the canvas (.react-flow), which is all
 * that bench:ui's "settled" watches.
 *
 *   npx tsx bench/ui/trace-hops.ts --size 1000 [--no-build] [--dist dir]
 *
 * Found with it (session 19, 1,000 elements, load 8): a delete changes the canvas three times,
 * the keydown's commit (nodes, links and minimap dots off, 72 ms), the findings' badges in the
 * timer that validates after the frame (findings.ts validateSoon, 160 ms) and the router's
 * answer (a worker message, 60 links' paths, 185 ms); outside the canvas, React's scheduler
 * swaps the inspector and the toolbar's enabled state, autosave's 250 ms timer and a toast.
 */
import type { Page } from '@playwright/test';
import {
  benchDesign,
  flag,
  newBenchPage,
  launchChromium,
  option,
  pickedDevices,
  serveBuilds,
  gotoBench,
} from './page';

const SIZE = Number(option('size') ?? 1000);

const HOOKS = `(() => {
  const where = () => (new Error().stack || '').split('\\n').slice(3, 7)
    .map((l) => l.trim().replace(/^at /, '').replace(/\\(?https?:[^)]*\\/([^/]+?)(\\?[^:]*)?:(\\d+):\\d+\\)?/, '@$1:$3'))
    .join(' < ');
  // Not restored after the callback: the observer's callback runs in the microtask checkpoint
  // after it, and reads what the last wrapped callback was (and how long since it began).
  let current = 'task';
  let began = 0;
  const wrap = (kind, fn, from) => function (...args) {
    current = kind + ' [' + from + ']';
    began = performance.now();
    return fn.apply(this, args);
  };
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO { constructor(fn) { super(wrap('ResizeObserver', fn, where())); } };
  const st = window.setTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn !== 'function') return st(fn, ms, ...rest);
    return st(wrap('setTimeout(' + (ms || 0) + ')', fn, where()), ms, ...rest);
  };
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (fn) { return raf.call(window, wrap('rAF', fn, where())); };
  const ric = window.requestIdleCallback;
  if (ric) window.requestIdleCallback = function (fn, o) { return ric.call(window, wrap('idle', fn, where()), o); };
  const ael = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    if (typeof fn === 'function' && (type === 'message' || type === 'keydown')) {
      const w = fn.__w || (fn.__w = wrap(type + (this instanceof Worker ? '(worker)' : this === window ? '(window)' : '(' + (this.constructor && this.constructor.name) + ')'), fn, where()));
      return ael.call(this, type, w, o);
    }
    return ael.call(this, type, fn, o);
  };
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    set(fn) { desc.set.call(this, fn ? wrap('worker.onmessage', fn, where()) : fn); },
    get() { return desc.get.call(this); },
  });
  const mcDesc = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    set(fn) { mcDesc.set.call(this, fn ? wrap('MessagePort(scheduler)', fn, 'react scheduler') : fn); },
    get() { return mcDesc.get.call(this); },
  });
  const name = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    if (!el) return '?';
    const owner = el.closest('[data-id]');
    const cls = (el.getAttribute('class') || el.tagName).split(' ').slice(0, 2).join('.');
    return (owner ? owner.getAttribute('data-id') + '>' : '') + cls;
  };
  window.__hops = { start: NaN, batches: [] };
  window.__watch = () => {
    const out = window.__hops = { start: NaN, batches: [] };
    const canvas = document.querySelector('#root') || document.body;
    new MutationObserver((records) => {
      const what = new Map();
      let inCanvas = 0;
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (el && el.closest('.react-flow')) inCanvas++;
        const k = r.type === 'attributes' ? name(r.target) + '@' + r.attributeName
          : r.type === 'childList' ? name(r.target) + ' +' + r.addedNodes.length + '-' + r.removedNodes.length
          : name(r.target) + ' text';
        what.set(k, (what.get(k) || 0) + 1);
      }
      const top = [...what].sort((a, b) => b[1] - a[1]);
      out.batches.push({ t: performance.now(), by: current + ' (began ' + (performance.now() - began).toFixed(1) + ' ms before)', n: records.length + ' (' + inCanvas + ' in the canvas)',
        what: top.slice(0, 6).map(([k, c]) => c + 'x ' + k).join(' | ') + (top.length > 6 ? ' | +' + (top.length - 6) + ' kinds' : '') });
    }).observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
    window.addEventListener('keydown', (e) => { out.start = e.timeStamp; }, { capture: true, once: true });
  };
})();`;

async function step(page: Page, label: string, key: string): Promise<void> {
  await page.evaluate('window.__watch()');
  await page.keyboard.press(key);
  await page.waitForTimeout(2500);
  const { start, batches } = (await page.evaluate('window.__hops')) as {
    start: number;
    batches: { t: number; by: string; n: string; what: string }[];
  };
  console.log(`\n${label} at ${SIZE} (ms from the key, task that changed the DOM, records, what):`);
  for (const b of batches)
    console.log(
      `${(b.t - start).toFixed(1).padStart(7)}  ${b.by}\n          ${b.n} records: ${b.what}`,
    );
}

async function main(): Promise<void> {
  const dist = option('dist') ?? 'dist-bench';
  const { bases, close } = await serveBuilds([dist], !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  try {
    const { context, page } = await newBenchPage(browser, design, 'studio');
    await page.addInitScript(HOOKS);
    await gotoBench(page, `${bases[0]}/`);
    await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
    await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
    await page.mouse.click(5, 5);
    await page.evaluate((ids) => window.__bench?.select(ids), picked);
    await page.waitForTimeout(500);
    await step(page, 'delete', 'Delete');
    await step(page, 'undo', 'Control+z');
    await context.close();
  } finally {
    await browser.close();
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
