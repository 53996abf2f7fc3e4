/**
 * Stands in for the `d3-transition` package in the studio's builds (vite.config.ts,
 * resolve.alias), as src/canvas/d3-interpolate.ts does for d3-interpolate.
 *
 * React Flow pans and zooms through d3-zoom, which imports d3-transition for its animated
 * views (fit view, zoom to 100 %, go to an element, a double click): d3-zoom asks for
 * `interrupt(node)` and `selection.interrupt()`, and for `selection.transition()` with
 * `.duration()`, `.ease()`, `.on()`, `.tween()`, `.selection()` and `.call()`. The package brings
 * much more — transitions of attributes, styles and text, with their interpolators, timers and
 * easings, 4.5 KB gzip of the first screen — that nothing in the studio uses: the canvas only
 * ever animates its viewport, a d3-zoom tween.
 *
 * Here a transition is just that: per element, by name, scheduled when made and started on the
 * next frame, where it interrupts the running transition of its name and cancels the ones made
 * before it; its tweens are made as it starts, then called with the eased time each frame, the
 * last time with 1; it fires `start`, `end`, `interrupt` and `cancel` as d3's does (with `this`
 * the element and its datum, index and group). What d3 offers beyond it (attr, style, text,
 * delay, chaining) is not here: a future d3 or React Flow that calls it fails loudly, and the
 * alias in vite.config.ts is to be removed then.
 */
import { selection } from 'd3-selection';

/** What d3 selects: an element here (or any object in the tests). */
type Target = object;
type Listener = (this: Target, datum: unknown, index: number, group: unknown) => void;
type TweenFactory = (
  this: Target,
  datum: unknown,
  index: number,
  group: unknown,
) => ((this: Target, t: number) => void) | null | undefined;

/** A transition's life on one element, as d3's states. */
const CREATED = 0;
const STARTING = 1;
const RUNNING = 2;
const ENDING = 3;
const ENDED = 4;

interface Schedule {
  readonly name: string | null;
  readonly id: number;
  readonly index: number;
  readonly group: unknown;
  /** When the transition was made: its elapsed time counts from here, as d3's does. */
  readonly time: number;
  /** Listeners by event, then by name (`end.zoom`: event end, name zoom). */
  readonly on: Map<EventType, Map<string, Listener>>;
  duration: number;
  ease: (t: number) => number;
  factories: { name: string; value: TweenFactory }[];
  tweens: ((this: Target, t: number) => void)[];
  state: number;
  /** Cancels the frame it waits for. */
  cancelFrame: () => void;
}

const EVENTS = ['start', 'end', 'interrupt', 'cancel'] as const;
type EventType = (typeof EVENTS)[number];

/** Each element's transitions, by id. */
const schedules = new WeakMap<Target, Map<number, Schedule>>();
let lastId = 0;

/** d3's default easing (d3-ease's easeCubicInOut). */
const cubicInOut = (t: number) => ((t *= 2) <= 1 ? t * t * t : (t -= 2) * t * t + 2) / 2;
const now = () => performance.now();

/** Runs `run` on the next frame (a timer where there are no frames); returns its cancel. */
function nextFrame(run: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(() => run());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(run, 16);
  return () => clearTimeout(timer);
}

const datumOf = (node: Target) => (node as { __data__?: unknown }).__data__;

function fire(node: Target, s: Schedule, type: EventType): void {
  for (const listener of [...(s.on.get(type)?.values() ?? [])])
    listener.call(node, datumOf(node), s.index, s.group);
}

/** `transition.on('interrupt.zoom end.zoom', listener)`: a listener replaces its name's. */
function listen(s: Schedule, typenames: string, listener: Listener | null): void {
  for (const typename of typenames.trim().split(/\s+/u)) {
    const dot = typename.indexOf('.');
    const type = (dot < 0 ? typename : typename.slice(0, dot)) as EventType;
    const name = dot < 0 ? '' : typename.slice(dot + 1);
    if (!EVENTS.includes(type)) throw new Error(`a transition has no event ${type}`);
    const named = s.on.get(type) ?? new Map<string, Listener>();
    s.on.set(type, named);
    if (listener) named.set(name, listener);
    else named.delete(name);
  }
}

/** Ends a transition that has not ended: `interrupt` if it was running, `cancel` if not. */
function stop(node: Target, s: Schedule, own: Map<number, Schedule>): void {
  const active = s.state === RUNNING;
  s.state = ENDED;
  s.cancelFrame();
  own.delete(s.id);
  if (own.size === 0) schedules.delete(node);
  fire(node, s, active ? 'interrupt' : 'cancel');
}

function start(node: Target, s: Schedule): void {
  const own = schedules.get(node);
  if (!own || s.state !== CREATED) return;
  for (const o of [...own.values()])
    if (o !== s && o.name === s.name && (o.state > CREATED || o.id < s.id)) stop(node, o, own);
  s.state = STARTING;
  fire(node, s, 'start');
  if (s.state !== STARTING) return; // interrupted by a start listener
  s.state = RUNNING;
  const datum = datumOf(node);
  s.tweens = s.factories.flatMap((f) => f.value.call(node, datum, s.index, s.group) ?? []);
  tick(node, s);
}

function tick(node: Target, s: Schedule): void {
  const elapsed = now() - s.time;
  let t = 1;
  if (elapsed < s.duration) t = s.ease(elapsed / s.duration);
  else s.state = ENDING;
  for (const tween of s.tweens) tween.call(node, t);
  if (s.state === RUNNING) s.cancelFrame = nextFrame(() => tick(node, s));
  else if (s.state === ENDING) {
    s.state = ENDED;
    const own = schedules.get(node);
    own?.delete(s.id);
    if (own?.size === 0) schedules.delete(node);
    fire(node, s, 'end');
  }
}

/** Interrupts the element's running transition of that name and cancels its scheduled ones. */
export function interrupt(node: Target, name?: string | null): void {
  const own = schedules.get(node);
  const key = name == null ? null : String(name);
  if (own) for (const s of [...own.values()]) if (s.name === key) stop(node, s, own);
}

interface EachSelection {
  each(callback: (this: Target, datum: unknown, index: number, group: unknown) => void): unknown;
}

/** The transition `selection.transition()` gives: its settings apply to each of its elements. */
class Transition {
  constructor(
    private readonly chosen: EachSelection,
    private readonly id: number,
  ) {}

  private apply(change: (s: Schedule, node: Target) => void): this {
    const id = this.id;
    this.chosen.each(function () {
      const s = schedules.get(this)?.get(id);
      if (s) change(s, this);
    });
    return this;
  }

  duration(value: number): this {
    return this.apply((s) => (s.duration = Math.max(0, Number(value))));
  }

  ease(value: (t: number) => number): this {
    if (typeof value !== 'function') throw new Error('a transition eases with a function');
    return this.apply((s) => (s.ease = value));
  }

  on(typenames: string, listener: Listener | null): this {
    return this.apply((s) => listen(s, typenames, listener));
  }

  tween(name: string, value: TweenFactory | null): this {
    return this.apply((s) => {
      s.factories = s.factories.filter((f) => f.name !== name);
      if (value) s.factories.push({ name, value });
    });
  }

  selection(): EachSelection {
    return this.chosen;
  }

  call<A extends unknown[]>(callback: (transition: this, ...args: A) => void, ...args: A): this {
    callback(this, ...args);
    return this;
  }
}

const prototype = selection.prototype as unknown as Record<string, unknown>;

prototype['interrupt'] = function (this: EachSelection, name?: string | null) {
  return this.each(function () {
    interrupt(this, name);
  });
};

prototype['transition'] = function (this: EachSelection, name?: string | null) {
  const id = ++lastId;
  const time = now();
  const key = name == null ? null : String(name);
  this.each(function (_datum, index, group) {
    let own = schedules.get(this);
    if (!own) schedules.set(this, (own = new Map()));
    const s: Schedule = {
      name: key,
      id,
      index,
      group,
      time,
      on: new Map(),
      duration: 250,
      ease: cubicInOut,
      factories: [],
      tweens: [],
      state: CREATED,
      cancelFrame: () => undefined,
    };
    s.cancelFrame = nextFrame(() => start(this, s));
    own.set(id, s);
  });
  return new Transition(this, id);
};
