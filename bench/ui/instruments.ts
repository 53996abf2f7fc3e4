/**
 * What `npm run bench:ui` measures a page with, for every bench that reports its rows (run.ts,
 * drag-drop.ts): the same instruments in the page and the same statistics.
 */

/**
 * In-page instruments, installed before any script of the page runs. Plain JavaScript in a
 * string: tsx would wrap a TypeScript function's inner functions in helpers the page lacks.
 */
export const INSTRUMENTS = `
(() => {
  // Open: when the set of drawn nodes last changed, and how many are still unmeasured (hidden);
  // and when the nodes or the number of drawn links last changed (React Flow draws a link once
  // both its ends are measured, which may be after the nodes).
  window.__open = { lastChange: 0, count: -1, hidden: -1 };
  window.__drawn = { lastChange: 0, edges: -1 };
  const poll = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    let hidden = 0;
    for (const n of nodes) if (n.style.visibility === 'hidden') hidden++;
    const now = performance.now();
    if (nodes.length !== window.__open.count || hidden !== window.__open.hidden) {
      window.__open = { lastChange: now, count: nodes.length, hidden };
      window.__drawn.lastChange = now;
    }
    const edges = document.querySelectorAll('.react-flow__edge').length;
    if (edges !== window.__drawn.edges) window.__drawn = { lastChange: now, edges };
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  // Frame intervals while something happens.
  let frames = null;
  window.__frames = {
    start() {
      frames = [];
      let last = performance.now();
      const loop = (t) => {
        if (!frames) return;
        frames.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(loop); });
    },
    stop() { const f = frames || []; frames = null; return f; },
  };

  window.__nextFrames = (count) => new Promise((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });

  // From a trigger ('now', the next 'keydown', the next 'pointerup') to the last change of the
  // canvas' DOM, once it has been quiet for quietMs. Arms synchronously; the figure is the
  // promise left in window.__watching (NaN if the trigger never came). Once it is settled,
  // window.__watchShown is the time to the frame that showed that change, painted (as the
  // drop's row: its frame's callbacks, then the task after them): the work left in the
  // change's task after it delays that frame.
  window.__watch = (trigger, quietMs) => {
    window.__watchShown = NaN;
    window.__watching = new Promise((resolve) => {
      const canvas = document.querySelector('.react-flow') || document.body;
      const armed = performance.now();
      let start = trigger === 'now' ? armed : NaN;
      let last = NaN;
      let shown = NaN;
      const observer = new MutationObserver(() => {
        const at = performance.now();
        last = at;
        requestAnimationFrame(() => setTimeout(() => { if (last === at) shown = performance.now(); }, 0));
      });
      observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
      if (trigger !== 'now')
        window.addEventListener(trigger, (event) => { start = event.timeStamp; }, { capture: true, once: true });
      const check = () => {
        const now = performance.now();
        if (Number.isNaN(start) && now - armed > 15000) {
          observer.disconnect();
          resolve(NaN);
          return;
        }
        const since = Math.max(Number.isNaN(last) ? 0 : last, Number.isNaN(start) ? 0 : start);
        if (!Number.isNaN(start) && now - since > quietMs) {
          observer.disconnect();
          // No change at all is no figure (the table says so), never a quick one.
          window.__watchShown = Number.isNaN(last) ? NaN : Math.max(0, shown - start);
          resolve(Number.isNaN(last) ? NaN : Math.max(0, last - start));
        } else setTimeout(check, 25);
      };
      setTimeout(check, 25);
    });
  };

  // Delete, its undo, paste: the first change of the canvas' DOM after the key, and the last
  // once it has been quiet for quietMs with the studio's link router idle (its routes of the
  // change drawn; the baseline has no router: quiet alone ends it, as for the other rows).
  window.__watchSettled = (trigger, quietMs) => {
    window.__settled = new Promise((resolve) => {
      const canvas = document.querySelector('.react-flow') || document.body;
      const armed = performance.now();
      let start = NaN;
      let first = NaN;
      let last = NaN;
      const observer = new MutationObserver(() => {
        last = performance.now();
        if (Number.isNaN(first)) first = last;
      });
      observer.observe(canvas, { subtree: true, childList: true, attributes: true, characterData: true });
      window.addEventListener(trigger, (event) => { start = event.timeStamp; }, { capture: true, once: true });
      const routing = () => Boolean(window.__bench && window.__bench.routing && window.__bench.routing());
      const check = () => {
        const now = performance.now();
        if (now - armed > 30000) {
          observer.disconnect();
          resolve({ first: NaN, last: NaN });
          return;
        }
        const since = Math.max(Number.isNaN(last) ? 0 : last, Number.isNaN(start) ? 0 : start);
        if (!Number.isNaN(start) && now - since > quietMs && !routing()) {
          observer.disconnect();
          const from = (t) => (Number.isNaN(t) ? 0 : Math.max(0, t - start));
          resolve({ first: from(first), last: from(last) });
        } else setTimeout(check, 25);
      };
      setTimeout(check, 25);
    });
  };

  // Pointer up → the frame after it, painted. window.__dropParts splits it (ms from the
  // pointer-up's time stamp): when its handlers began (a task still running delays them) and
  // when the frame's callbacks began.
  window.__dropProbe = () => {
    window.__dropped = new Promise((resolve) => {
      window.addEventListener('pointerup', (event) => {
        const start = event.timeStamp;
        const parts = { dispatched: performance.now() - start, frame: NaN };
        window.__dropParts = parts;
        requestAnimationFrame(() => {
          parts.frame = performance.now() - start;
          setTimeout(() => resolve(performance.now() - start), 0);
        });
      }, { capture: true, once: true });
    });
  };

  // Pan: one viewport step a frame; the frame intervals.
  window.__pan = (vp, steps, px) => new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    let i = 0;
    const step = (t) => {
      if (i > 0) out.push(t - last);
      last = t;
      window.__bench.setViewport({ x: vp.x - i * px, y: vp.y, zoom: vp.zoom });
      if (++i <= steps) requestAnimationFrame(step);
      else resolve(out);
    };
    requestAnimationFrame(step);
  });
})();
`;

/** A frame over this missed a vsync at 60 Hz (16.7 ms), with room for timer jitter. */
export const LATE_FRAME_MS = 20;
/** A frame over this is a visible stutter. */
export const LONG_FRAME_MS = 50;

/**
 * The share of `frames` (intervals, ms) that missed a vsync, in %. Steadier than their p95: a
 * frame's interval comes in vsync steps (17, 33, 50 ms), so a p95 moves a whole step when one
 * frame in twenty more is late, on either side (a drag of 40 moves draws ~120 frames).
 */
export const lateShare = (frames: readonly number[]): number =>
  (100 * frames.filter((f) => f > LATE_FRAME_MS).length) / Math.max(1, frames.length);

export const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
};
/** The median of the rounds that gave a figure (a round whose step changed nothing gives NaN). */
export const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};
