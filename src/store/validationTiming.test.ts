import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticDesign } from '../model/synthetic';
import { runRules } from '../rules/index';
import { findingsFor, useValidated, validatorReady } from './findings';
import { settleDrop, useStudio } from './studio';
import { pasteInto } from '../model/clipboard';

const s = () => useStudio.getState();
const shown = () => useValidated.getState().design;
/**
 * The tasks after an edit's frame: the router's (src/canvas/routes.ts posts its job first), then
 * the one an edit drawn first is validated in.
 */
const nextTask = () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
/** Long enough for the rehearsals that follow a slow run, one at each idle moment. */
const idleMoments = () => new Promise((resolve) => setTimeout(resolve, 400));
/** One rehearsal's idle moment (the tests run without requestIdleCallback: 50 ms). */
const oneIdleMoment = () => new Promise((resolve) => setTimeout(resolve, 75));

beforeAll(() => validatorReady);

beforeEach(async () => {
  // Opened on a quick clock: on a loaded machine, a slow real run of the opening would plan a
  // rehearsal that then runs in the middle of a test.
  quickClock();
  s().replaceDesign(syntheticDesign({ sites: 2, elements: 200 }));
  await nextTask();
  vi.restoreAllMocks();
});

afterEach(() => vi.restoreAllMocks());

/** Make the next validation look slow: every reading of the clock is 100 ms after the last. */
function slowClock(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
}

/** Open a 200-element design whose first validation looks slow (as a design just opened is). */
async function openSlowly(): Promise<void> {
  slowClock();
  s().replaceDesign(syntheticDesign({ sites: 2, elements: 200 }));
  await nextTask();
}

/**
 * As `openSlowly`, with the clock turned quick in the task that validates the opening, right
 * after its run: the rehearsal it plans (at the next idle moment) then always runs on the
 * quick clock. Turned after `await`, on a loaded machine the rehearsal's timer could fire
 * before the test went on, and the rehearsal be timed on the slow clock. `then` runs there too.
 */
async function openSlowlyThenQuick(then?: () => void): Promise<void> {
  slowClock();
  const opened = syntheticDesign({ sites: 2, elements: 200 });
  const stop = useValidated.subscribe((state) => {
    if (state.design !== opened) return;
    stop();
    turnQuick();
    then?.();
  });
  s().replaceDesign(opened);
  await nextTask();
  expect(shown()).toBe(opened);
}

/** From now on validations look quick (the slow clock put away). */
function turnQuick(): void {
  vi.restoreAllMocks();
  quickClock();
}

/** Make validations look quick: every reading of the clock is 1 ms after the last. */
function quickClock(): void {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
}

describe('When an edit’s findings are shown', () => {
  it('an edit shows its findings in the same task while the validator is quick', async () => {
    // The validator's speed is the clock's, not the machine's: a loaded machine must not
    // turn this into the slow case.
    quickClock();
    s().replaceDesign(syntheticDesign({ sites: 2, elements: 200 }));
    await nextTask();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    expect(useValidated.getState().current).toBe(true);
    const ids = (findingsFor(shown()).byElement.get('dci-s0-s1-0') ?? []).map((f) => f.key);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('an edit is drawn first and validated after while the validator is slow', async () => {
    slowClock();
    // Two slow runs in a row tell that edits are slow (one alone may be the machine's).
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    s().updateLink('dci-s0-s1-0', { distanceKm: 901 });
    s().updateLink('dci-s0-s1-0', { distanceKm: 902 });
    const edited = s().design;
    expect(shown()).not.toBe(edited);
    await nextTask();
    expect(shown()).toBe(edited);
  });

  it('an undo to a design validated before shows its findings at once, even while slow', async () => {
    const before = s().design;
    slowClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    await nextTask();
    s().undo();
    expect(s().design).toBe(before);
    expect(shown()).toBe(before);
    s().redo();
    expect(shown()).toBe(s().design);
  });

  it('a drop is validated after the frame that shows it, however quick the validator', async () => {
    const tor = s().nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    s().onNodesChange([
      {
        type: 'position',
        id: tor.id,
        position: { x: tor.position.x + 48, y: tor.position.y },
        dragging: false,
      },
    ]);
    s().finishDrag([tor.id]);
    settleDrop(); // The frame that shows the drop is past.
    const dropped = s().design;
    expect(dropped.nodes.find((n) => n.id === tor.id)?.position.x).toBe(tor.position.x + 48);
    expect(shown()).not.toBe(dropped);
    await nextTask();
    expect(shown()).toBe(dropped);
  });

  it('an edit of a design whose first run was slow is validated in its task once a rehearsal finds edits quick', async () => {
    // The run of a design just opened builds everything, with the rules not yet compiled.
    // Its edits are quick: the rehearsal at idle tells so.
    await openSlowlyThenQuick();
    await idleMoments();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
  });

  it('a rehearsal waits while a button is held on the page (a drag), and runs after its release', async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    try {
      // Pressed before the rehearsal the opening plans can run.
      await openSlowlyThenQuick(() => page.dispatchEvent(new Event('pointerdown')));
      await idleMoments();
      // Still no rehearsal: an edit is drawn first, as the slow opening said.
      s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
      expect(shown()).not.toBe(s().design);
      await nextTask();
      await openSlowlyThenQuick();
      page.dispatchEvent(new Event('pointerup'));
      await idleMoments();
      s().updateLink('dci-s0-s1-0', { distanceKm: 901 });
      expect(shown()).toBe(s().design);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('edits of a design whose rehearsals stay slow are still drawn first', async () => {
    await openSlowly();
    await idleMoments();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    const edited = s().design;
    expect(shown()).not.toBe(edited);
    await nextTask();
    expect(shown()).toBe(edited);
  });

  it('a rehearsal leaves the findings as a full run of the rules gives them', async () => {
    await openSlowlyThenQuick();
    const opened = s().design;
    const before = findingsFor(opened);
    await idleMoments();
    // The design shown keeps its findings (the rehearsal's are dropped)…
    expect(findingsFor(opened)).toBe(before);
    // …and the next edit, validated from the same validation, reads as a full run.
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    const read = (fs: readonly { key: string; message: string }[]) =>
      fs.map((f) => `${f.key} ${f.message}`);
    expect(read(findingsFor(s().design).all)).toEqual(read(runRules(s().design)));
  });

  it('slow edits are not rehearsed: the next edit is drawn first, as their runs said', async () => {
    s().updateLink('dci-s0-s1-0', { distanceKm: 800 });
    await nextTask();
    slowClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    await nextTask();
    s().updateLink('dci-s0-s1-0', { distanceKm: 950 });
    await nextTask();
    turnQuick();
    await idleMoments();
    s().updateLink('dci-s0-s1-0', { distanceKm: 1000 });
    expect(shown()).not.toBe(s().design);
  });

  it('an edit whose runs take 40 ms is validated in its task: under a long task, not split', async () => {
    quickClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 800 });
    // Every reading of the clock 40 ms after the last: each run of the rules takes 40 ms.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 40));
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    s().updateLink('dci-s0-s1-0', { distanceKm: 1000 });
    s().updateLink('dci-s0-s1-0', { distanceKm: 1100 });
    expect(shown()).toBe(s().design);
  });

  it('one slow run among quick ones leaves the next edit validated in its task', async () => {
    // On a shared machine one run can take several times what the rules cost (a garbage
    // collection, another process): the lower of the last two runs tells what edits cost.
    quickClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 800 });
    expect(shown()).toBe(s().design);
    slowClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    turnQuick();
    s().updateLink('dci-s0-s1-0', { distanceKm: 1000 });
    expect(shown()).toBe(s().design);
    // A second slow run in a row: edits are slow now, and the next one is drawn first.
    slowClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 1100 });
    s().updateLink('dci-s0-s1-0', { distanceKm: 1200 });
    turnQuick();
    s().updateLink('dci-s0-s1-0', { distanceKm: 1300 });
    expect(shown()).not.toBe(s().design);
    await nextTask();
    expect(shown()).toBe(s().design);
  });

  it('an edit calls off the rehearsal its design’s opening planned: its own run tells', async () => {
    // A slow opening plans a rehearsal at the next idle moment…
    await openSlowly();
    // …but a slow edit is validated first, and its run is what edits cost.
    s().updateLink('dci-s0-s1-0', { distanceKm: 800 });
    await nextTask();
    expect(shown()).toBe(s().design);
    turnQuick();
    await idleMoments();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).not.toBe(s().design);
  });

  it('a delete is an edit, not an opening: it plans no rehearsal of its design’s edits', async () => {
    await openSlowly();
    s().updateLink('dci-s0-s1-0', { distanceKm: 800 });
    await nextTask();
    // A delete rebuilds every list of the design (it scrubs references to what went)…
    s().select(['s0-t1', 's0-c1-0']);
    const before = s().design;
    s().deleteSelection();
    expect(s().design.segments).not.toBe(before.segments);
    expect(s().design.workloads).not.toBe(before.workloads);
    await nextTask();
    expect(shown()).toBe(s().design);
    // …but its slow run is what edits cost: no rehearsal at idle says otherwise.
    turnQuick();
    await idleMoments();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).not.toBe(s().design);
  });

  it('an edit that adds or removes elements is timed apart from an edit of a property', async () => {
    // A slow delete (it rebuilds the index and graph an edit of a property takes as they were)…
    slowClock();
    s().select(['s0-t1']);
    s().deleteSelection();
    await nextTask();
    turnQuick();
    // …leaves an edit of a link's distance validated in its task, as it was quick before…
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    // …and the next delete drawn first, validated just after.
    s().select(['s0-t2']);
    s().deleteSelection();
    const deleted = s().design;
    expect(shown()).not.toBe(deleted);
    // The counts on screen say they are the previous design's (the toolbar's aria-busy).
    expect(useValidated.getState().current).toBe(false);
    await nextTask();
    expect(shown()).toBe(deleted);
    expect(useValidated.getState().current).toBe(true);
  });

  it('a design opened slowly has a delete rehearsed too: until then a delete is drawn first', async () => {
    await openSlowlyThenQuick();
    // One idle moment: the rehearsal of a link's edit finds edits of a property quick…
    await oneIdleMoment();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    s().undo();
    await nextTask();
    // …while a delete is not known to be: it is drawn first.
    s().select(['s0-t1']);
    s().deleteSelection();
    expect(shown()).not.toBe(s().design);
    await nextTask();
    expect(shown()).toBe(s().design);
  });

  it('a delete is drawn first and validated just after, however quick the validator', async () => {
    await openSlowlyThenQuick();
    await idleMoments();
    // Edits of a property are quick now, and validated in their task…
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    // …but a delete has nodes and links to take off the canvas first.
    s().select(['s0-t1']);
    s().deleteSelection();
    const deleted = s().design;
    expect(shown()).not.toBe(deleted);
    // The counts on screen say they are the previous design's (the toolbar's aria-busy).
    expect(useValidated.getState().current).toBe(false);
    await nextTask();
    expect(shown()).toBe(deleted);
    expect(useValidated.getState().current).toBe(true);
    // Its undo goes back to a design validated before: its findings at once.
    s().undo();
    expect(shown()).toBe(s().design);
  });

  it('a paste is drawn first and validated just after, however quick the validator', async () => {
    quickClock();
    s().updateLink('dci-s0-s1-0', { distanceKm: 900 });
    expect(shown()).toBe(s().design);
    // Ctrl+V of a copied ToR (app/tools.ts): one commit of the design with its copy.
    const copied = pasteInto(s().design, { design: s().design, ids: ['s0-t1'] }, { x: 32, y: 32 });
    if (!copied) throw new Error('nothing pasted');
    s().commit(copied.design);
    const pasted = s().design;
    expect(pasted.nodes.length).toBe(shown().nodes.length + 1);
    await nextTask();
    expect(shown()).toBe(pasted);
  });
});
