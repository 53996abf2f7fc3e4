/**
 * Findings are derived from the design, never stored: computed once per design (memoized by
 * identity, shared by every component) and indexed by element for badges and the inspector.
 *
 * Each element's list keeps its identity from one design to the next while its findings read
 * the same, so a node or link that subscribes to its own findings (`useElementFindings`) does
 * not re-render when an edit elsewhere re-runs the validator.
 */
import { create } from 'zustand';
import { whenStill } from './activity';
import { useStudio } from './studio';
import { whenCanvasDrawn } from './ui';
import { useWatched, watchers } from './watchers';
import type * as Rules from '../rules/revalidate';
import { isAnotherDesign } from '../model/anotherDesign';
import { removeElements, updateLink } from '../model/edits';
import type { Design } from '../model/schema';
import { SEVERITY_ORDER, type Finding, type Severity } from '../rules/types';
import { rulesUnderTest } from './testHooks';
import { mustDrawFirst } from './validationTiming';

export interface FindingsIndex {
  readonly all: readonly Finding[];
  /** Findings not waived. */
  readonly open: readonly Finding[];
  readonly waived: ReadonlySet<string>;
  readonly byElement: ReadonlyMap<string, readonly Finding[]>;
  readonly counts: Readonly<Record<Severity, number>>;
}

export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

const cache = new WeakMap<Design, FindingsIndex>();
/** The last index built, whose per-element lists the next one reuses when they read the same. */
let last: FindingsIndex | null = null;
/** The last validation run, which the next one starts from. */
let lastValidation: Rules.Validation | null = null;
/** The waivers `last` applied. */
let lastWaivers: Design['waivers'] | null = null;

/** Same findings as far as a badge, a stroke or a row can tell. */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.key === b.key &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.measured === b.measured &&
    a.limit === b.limit &&
    a.fixes.length === b.fixes.length
  );
}

function sameList(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || !sameFinding(x, y)) return false;
  }
  return true;
}

const NO_INDEX: FindingsIndex = {
  all: NO_FINDINGS,
  open: NO_FINDINGS,
  waived: new Set(),
  byElement: new Map(),
  counts: { error: 0, warning: 0, info: 0 },
};

/** The validator, once loaded: it loads beside the first screen, not in it. */
let rules: typeof Rules | null = null;

/** The findings of a design (none until the validator has loaded: see `validatorReady`). */
export function findingsFor(design: Design): FindingsIndex {
  const cached = cache.get(design);
  if (cached) return cached;
  if (!rules) return NO_INDEX;
  // The order of the CLI and the report (severity, rule-book order, key), from the validation
  // of the design validated last: an edit costs what it changed where it can (revalidate.ts).
  const started = performance.now();
  const opened = isAnotherDesign(design, lastValidation?.design);
  const validation = rules.revalidate(design, lastValidation, rulesUnderTest(rules.RULE_LIST));
  // Only a run of the rules tells how long the next one may take (a move runs none).
  if (validation.context !== lastValidation?.context) {
    const ms = performance.now() - started;
    if (opened) {
      // The run of a design opened builds everything, as both kinds of edit may.
      propertyRuns = [Infinity, ms];
      rehearsalsLeft = REHEARSALS;
      if (ms >= REHEARSE_FROM_MS) rehearseSoon();
    } else {
      if (!restructures(design, lastValidation?.design)) timedPropertyEdit(ms);
      rehearsalsLeft = 0; // An edit's own run tells what edits cost: none is rehearsed.
    }
  }
  lastValidation = validation;
  const all = validation.findings;
  // A move: the same findings and waivers give the same index, and no list changes.
  if (last && all === last.all && design.waivers === lastWaivers) {
    cache.set(design, last);
    return last;
  }
  const index = indexFindings(all, design.waivers, last);
  cache.set(design, index);
  last = index;
  lastWaivers = design.waivers;
  return index;
}

/**
 * The index of `all` under `waivers`, each element's list taken from `before` (the index on
 * screen) while it reads the same. Pure: a rehearsal builds one and drops it.
 */
function indexFindings(
  all: readonly Finding[],
  waivers: Design['waivers'],
  before: FindingsIndex | null,
): FindingsIndex {
  const waived = new Set(waivers.map((w) => w.findingKey));
  const open = all.filter((f) => !waived.has(f.key));
  const lists = new Map<string, Finding[]>();
  for (const f of open) {
    for (const id of new Set(f.elementIds)) {
      const list = lists.get(id);
      if (list) list.push(f);
      else lists.set(id, [f]);
    }
  }
  const byElement = new Map<string, readonly Finding[]>();
  for (const [id, list] of lists) {
    const previous = before?.byElement.get(id);
    byElement.set(id, previous && sameList(previous, list) ? previous : list);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of open) counts[f.severity]++;
  return { all, open, waived, byElement, counts };
}

/**
 * How long the rules took on the last two edits that kept the design's elements (edits of a
 * property), or rehearsals of one (below), in ms, the older first.
 */
let propertyRuns: readonly [number, number] = [Infinity, Infinity];

function timedPropertyEdit(ms: number): void {
  propertyRuns = [propertyRuns[1], ms];
}

/**
 * What an edit of a property costs on this design, as far as the studio can tell: the lower of
 * its last two runs. One run's time swings on a shared machine (a garbage collection, another
 * process, the first edit whose findings change), never below what the rules cost: on the last
 * run alone, the choice between validating in the edit's task and after its frame flipped from
 * one edit, or one page, to the next, and an edit validated after its frame showed its findings
 * a frame, the router's job and a second render later (bench:ui's DCI-distance edit: 45 and
 * 55 ms at 1,000 and 3,000 elements against the plain React Flow page's 27). A design whose
 * edits are truly slow has both runs slow.
 */
function propertyEditMs(): number {
  return Math.min(propertyRuns[0], propertyRuns[1]);
}

/** Whether `design` has other nodes or links than `before` (more or fewer of them). */
function restructures(design: Design, before: Design | undefined): boolean {
  return (
    !before ||
    design.nodes.length !== before.nodes.length ||
    design.links.length !== before.links.length
  );
}
/**
 * An edit is validated in the task that makes it while the rules take less than this: its
 * findings are then drawn in the same render as the edit, and the rules' run stays under the
 * 50 ms a browser counts as a long task. Drawn first and validated after its frame, an edit's
 * findings follow a frame, the router's job and a second render later: below this, the split
 * costs more than the frame it frees (trace-edit, the first edit after opening, validated in
 * its task vs after its frame, interleaved: 0.68x at 3,000 elements, 0.46x at 1,000, on a
 * loaded machine).
 */
const SAME_TASK_VALIDATION_MS = 50;

/**
 * Rehearsals (below) follow an opening whose run took this long or more: they also compile what
 * edits run, which a first edit then need not. At 30 ms, a design of 1,000 elements (opened in
 * 10–20 ms) had none, and its first DCI-distance edit ran the rules' edit paths uncompiled:
 * 8.3 ms of CPU to its last canvas change against 4.5 ms for the next edits. With rehearsals,
 * 6.1 ms (edit-timeline, interleaved, 6 rounds; wall 11.8 → 7.0 ms). Below this, the run is too
 * short for its compiling to be felt.
 */
const REHEARSE_FROM_MS = 5;

/**
 * The run of a design just opened says little of its edits (it builds every index and path,
 * with the rules' code not yet compiled). When it is slow (`REHEARSE_FROM_MS`), edits are
 * rehearsed when the studio is idle: the validation of that design with the distance of a DCI
 * link changed (the edit users make most; a copy of another link where there is none), and
 * with a rack removed and with a copy of it added (a delete and a paste: rackOf), each from its
 * validation as an edit is validated, its findings indexed
 * against those on screen, their results dropped (the user's design and history untouched).
 * A rehearsed property edit's time is what such an edit costs on this design (`propertyRuns`),
 * and every rehearsal compiles what edits run, so that a first edit answers as the next ones do.
 * At idle moments (as many to a moment as fit its share, `IDLE_SHARE_MS`), `REHEARSALS` in a
 * row (three of each kind, in turn), quick or not: V8 compiles a path over its first runs.
 * Stopped at the first quick one (under
 * `REHEARSE_FROM_MS`), they left that work undone: at 1,000 elements a distance edit's
 * rehearsals took 17, 6 then 3 ms, and the first real edit's run 4–11 ms after one rehearsal
 * against 1.5–2.4 ms after all six (bench:ui's edit after its drag, interleaved: 20 → 16 ms).
 * On a design whose edits are truly slow, edits are still drawn first and validated after; an
 * edit calls the rest off (its own run tells).
 */
const REHEARSALS = 6;
let rehearsalsLeft = REHEARSALS;
let rehearsing = false;

/** The first rehearsal's wait: the frames of an opening settle (routes, measures) first. */
const OPENING_SETTLES_MS = 300;
/**
 * A rehearsal runs at an idle moment once the page has been still this long (store/activity.ts:
 * no press, no button held, no move of the view), so that none lands between the frames of a
 * drag, a pan or a zoom; never forced in (no timeout), so that one cannot hold up drawing.
 */
const STILL_MS = 150;

function rehearseSoon(): void {
  if (rehearsing || rehearsalsLeft <= 0) return;
  rehearsing = true;
  const afterMs = rehearsalsLeft === REHEARSALS ? OPENING_SETTLES_MS : 0;
  void whenStill(STILL_MS, { afterMs }).then(rehearse);
}

/**
 * An idle moment's share of rehearsals, in ms: the next runs in the same moment while the time
 * spent so far and the last one's time fit in it. One per moment, bench:ui's edit came before
 * the six were done (its open, drag, pan and view leave three or four still moments): its
 * first edit ran the rules' edit paths half compiled (10 vs the plain page's 5 ms, 2.1×). At
 * 1,000 elements a property edit's rehearsal takes 2–6 ms, two or three to a moment; at
 * 3,000, one.
 */
const IDLE_SHARE_MS = 12;

function rehearse(): void {
  rehearsing = false;
  const started = performance.now();
  let lastMs: number;
  do {
    const before = performance.now();
    if (!rehearseOne()) return;
    lastMs = performance.now() - before;
  } while (rehearsalsLeft > 0 && performance.now() - started + lastMs <= IDLE_SHARE_MS);
  rehearseSoon();
}

/** The next rehearsal; false when the rest are called off (an edit since, a rule that throws). */
function rehearseOne(): boolean {
  const design = useStudio.getState().design;
  // An edit since: its own run tells how long edits take.
  if (!rules || !lastValidation || lastValidation.design !== design || rehearsalsLeft <= 0)
    return false;
  const link = design.links.find((l) => l.kind === 'dci') ?? design.links[0];
  const rack = rackOf(design);
  if (!link && !rack) return false;
  // Counted down after the turn is chosen: the first rehearsal edits a link (below).
  const turn = rehearsalsLeft--;
  const { revalidate, RULE_LIST } = rules;
  const previous = lastValidation;
  const timed = (edited: Design): number => {
    const started = performance.now();
    const validation = revalidate(edited, previous, rulesUnderTest(RULE_LIST));
    // As an edit's findings are indexed against those on screen (dropped: `last` stays).
    indexFindings(validation.findings, edited.waivers, last);
    return performance.now() - started;
  };
  // The two kinds in turn.
  const restructure = rack !== null && (!link || turn % 2 === 1);
  try {
    if (restructure) rehearseRestructure(design, rack, timed);
    else if (link) timedPropertyEdit(timed(withDistanceEdited(design, link)));
  } catch {
    // A rule that throws does so in the real validation too, which reports it.
    return false;
  }
  return true;
}

/**
 * The elements a rehearsed delete or paste takes away or adds back: a rack as users delete and
 * paste them (bench:ui's delete and paste take 30 devices, ten racks): the last ToR with the
 * clusters linked to it, or the last device where there is none. A lone device without links
 * (the design's last, a witness at 1,000 elements) rehearsed only part of what a delete runs:
 * the first real delete and paste still ran cold what removing and adding linked devices,
 * clusters and their workloads' placements runs.
 */
function rackOf(design: Design): string[] | null {
  const tor = design.nodes.findLast((n) => n.kind === 'tor');
  if (!tor) {
    const device = design.nodes.findLast((n) => n.kind !== 'site');
    return device ? [device.id] : null;
  }
  const ids = [tor.id];
  for (const l of design.links) {
    const other = l.source === tor.id ? l.target : l.target === tor.id ? l.source : null;
    if (other === null) continue;
    const node = design.nodes.find((n) => n.id === other);
    if (node?.kind === 'cluster') ids.push(other);
  }
  return ids;
}

/**
 * A rehearsed delete of `rack` and a paste of a copy of it, each from the validation on screen,
 * as the real ones are validated.
 */
function rehearseRestructure(
  design: Design,
  rack: readonly string[],
  timed: (edited: Design) => number,
): void {
  timed(removeElements(design, [...rack]));
  timed(withCopies(design, rack));
}

/**
 * `design` with a copy of the elements `ids` as a paste adds them (model/clipboard.ts, not
 * loaded with the first screen): fresh ids, the links between them and the workloads on their
 * clusters copied too. Only validated, never shown: where the copies are drawn does not matter.
 */
function withCopies(design: Design, ids: readonly string[]): Design {
  const copied = new Set(ids);
  const fresh = (id: string) => `${id}-rehearsed`;
  const nodes = design.nodes
    .filter((n) => copied.has(n.id))
    .map((n) => ({ ...n, id: fresh(n.id) }));
  const links = design.links
    .filter((l) => copied.has(l.source) && copied.has(l.target))
    .map((l) => ({ ...l, id: fresh(l.id), source: fresh(l.source), target: fresh(l.target) }));
  const workloads = design.workloads
    .filter((w) => copied.has(w.clusterId))
    .map((w) => ({ ...w, id: fresh(w.id), clusterId: fresh(w.clusterId) }));
  return {
    ...design,
    nodes: [...design.nodes, ...nodes],
    links: [...design.links, ...links],
    workloads: [...design.workloads, ...workloads],
  };
}

/**
 * `design` with `link` edited as users edit a DCI link most: its distance changed (any other
 * link is copied), by the store's own edit (model/edits.ts, `updateLink`). A copy of a DCI link
 * as it was validated every rule but left every finding as before, so the first real edit of a
 * distance still ran cold what a changed finding runs (at 3,000 elements, 100–130 ms in its task
 * against 20–40 for the next edits). Made otherwise than the store makes it (a spread of the
 * link with its distance), the first real edit still wrote its link's id and kind again for the
 * first time, and V8 threw away the rules' compiled code that had taken them for constants.
 */
function withDistanceEdited(design: Design, link: Design['links'][number]): Design {
  return updateLink(
    design,
    link.id,
    link.kind === 'dci' ? { distanceKm: link.distanceKm * 2 + 1 } : {},
  );
}

/**
 * The design whose findings are on screen. A design validated before (an undo, a redo) shows
 * its findings at once; an edit of a property is validated at once while the validator is
 * quick (`SAME_TASK_VALIDATION_MS`); otherwise, after an edit that adds or removes elements (a
 * delete, a paste) and after a drop (validationTiming.ts), the edit is drawn first and
 * validated just after the frame that shows it, and a burst of edits is validated once.
 */
export const useValidated = create<{
  design: Design;
  ready: boolean;
  /** The findings on screen are the open design's (false while its validation is pending). */
  current: boolean;
}>()(() => ({
  design: useStudio.getState().design,
  ready: false,
  current: false,
}));

/** Run just after the next `frames` frames (a task later where there are no frames). */
function afterFrames(frames: number, run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') setTimeout(run, 0);
  else if (frames <= 1) requestAnimationFrame(() => setTimeout(run, 0));
  else requestAnimationFrame(() => afterFrames(frames - 1, run));
}

/**
 * A design just opened (the stored one, a file, a template) is drawn in two frames: the first
 * measures its nodes and shows them, the next is the first a user can act in. Its findings
 * follow those (validating after the first delayed the second by the whole validation,
 * 40–70 ms at 1,000 elements); an edit's follow the frame that shows it.
 */
const OPENING_FRAMES = 2;

let pending = false;
function validateSoon(frames = 1): void {
  if (pending) return;
  pending = true;
  // One task more after the frame: the canvas's router, which hands the worker the change just
  // after the same frame (src/canvas/routes.ts), posts its job first, and the worker routes the
  // links while the rules run here. Validating first kept the worker waiting for the whole
  // validation: a delete or paste was settled only after both, one after the other.
  afterFrames(frames, () =>
    setTimeout(() => {
      pending = false;
      validateNow(useStudio.getState().design);
    }, 0),
  );
}
function validateNow(design: Design): void {
  try {
    findingsFor(design);
  } catch {
    // A rule threw: the render runs the rules again and the error boundary reports it, rather
    // than the findings silently staying those of the previous design.
  }
  useValidated.setState({
    design,
    current: rules !== null && design === useStudio.getState().design,
  });
}
useStudio.subscribe((state, previous) => {
  if (state.design === previous.design) return;
  const known = cache.has(state.design);
  // An edit that adds or removes elements is drawn first, however quick its last run: the
  // canvas has nodes and links to add or take away in that frame, and a run of the rules in
  // the same task (20–50 ms at 1,000 elements) came before it (bench:ui's delete and paste of
  // 30 devices drew their first change at 1.3–2.6 times the plain React Flow page's).
  const restructure = restructures(state.design, previous.design);
  if (
    rules &&
    (known || (!restructure && propertyEditMs() < SAME_TASK_VALIDATION_MS && !mustDrawFirst()))
  )
    validateNow(state.design);
  else {
    if (useValidated.getState().current) useValidated.setState({ current: false });
    validateSoon(isAnotherDesign(state.design, previous.design) ? OPENING_FRAMES : 1);
  }
});

/**
 * When the validator's chunks are asked for. In the page, once the canvas has drawn the design
 * it opened with (`canvasDrawn`, Canvas.tsx): asked for as this module ran, its four chunks
 * (70 KB of code) were fetched beside the stored design's and compiled and run before the render
 * that draws the nodes, which needs none of it (a design's findings follow its drawing anyway).
 * At the latest `VALIDATOR_WAIT_MS` after the page starts (a canvas that never draws). Elsewhere
 * (tests, no page) at once.
 */
function whenValidatorWanted(load: () => void): void {
  if (typeof window === 'undefined') {
    load();
    return;
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    load();
  };
  const timer = setTimeout(() => {
    stop();
    start();
  }, VALIDATOR_WAIT_MS);
  const stop = whenCanvasDrawn(start);
}
const VALIDATOR_WAIT_MS = 5000;

/**
 * Resolves once the validator has loaded and validated the open design (tests and exports that
 * need findings await it). That validation waits for the frames that draw the design: the
 * validator can arrive between the stored design's handover and the render that draws it
 * (main.tsx), and a first visit of 1,000 elements then waited 55–70 ms more for its drawing.
 */
export const validatorReady: Promise<void> = new Promise<typeof Rules>((resolve, reject) =>
  whenValidatorWanted(() => void import('../rules/revalidate').then(resolve, reject)),
).then(
  (loaded) =>
    new Promise<void>((resolve, reject) => {
      rules = loaded;
      afterFrames(OPENING_FRAMES, () => {
        try {
          const design = useStudio.getState().design;
          findingsFor(design);
          useValidated.setState({ design, ready: true, current: true });
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    }),
);

/**
 * What a component showing findings selects: the index itself, not the design, so it also
 * re-renders when the validator finishes loading after the design it shows was set (the
 * design is then the same object, its findings are not).
 */
export const selectFindings = (s: { readonly design: Design }): FindingsIndex =>
  findingsFor(s.design);

export function useFindings(): FindingsIndex {
  return useValidated(selectFindings);
}

/**
 * Who shows one element's findings (`useElementFindings`), by the element's id. A validation
 * tells only the elements whose list it changed: with a selector of `useValidated` per element,
 * each validation ran one per drawn node and link (2,000 at 1,000 elements), and a
 * DCI-distance edit's task spent 1–3 ms in them (CPU profile) to find the few lists it changed.
 */
const elementWatchers = watchers();
/** The index the watchers were last told of (null: they are all to be told). */
let toldIndex: FindingsIndex | null = NO_INDEX;

/** Call `tell` whenever the open findings of element `id` change; returns the stop. */
export function watchElementFindings(id: string, tell: () => void): () => void {
  return elementWatchers.watch(id, tell);
}

const tellElement = (id: string) => elementWatchers.tell(id);

/** Tell the elements whose list differs between the index told before and the one shown now. */
function tellElements(): void {
  const before = toldIndex;
  let index: FindingsIndex;
  try {
    index = findingsFor(useValidated.getState().design);
  } catch {
    // A rule threw: every element reads again, and the render reports it (error boundary).
    toldIndex = null;
    elementWatchers.tellAll();
    return;
  }
  if (index === before) return;
  toldIndex = index;
  if (!before) {
    elementWatchers.tellAll();
    return;
  }
  for (const [id, list] of index.byElement) if (before.byElement.get(id) !== list) tellElement(id);
  for (const id of before.byElement.keys()) if (!index.byElement.has(id)) tellElement(id);
}
useValidated.subscribe(tellElements);

function elementFindings(id: string): readonly Finding[] {
  return findingsFor(useValidated.getState().design).byElement.get(id) ?? NO_FINDINGS;
}

/**
 * One element's open findings: the same array while they read the same, so a component that
 * shows only them re-renders only when they change, and is told only then.
 */
export function useElementFindings(id: string): readonly Finding[] {
  return useWatched(elementWatchers, id, elementFindings);
}

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings)
    if (worst === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}
