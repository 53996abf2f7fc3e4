import { beforeEach, describe, expect, it } from 'vitest';
import { notify, useUi } from './ui';

const ui = () => useUi.getState();

describe('The sidebar follows the selection', () => {
  beforeEach(() => useUi.setState({ tab: 'inspect', tabBeforeSelection: null }));

  it('a selection on the canvas shows the inspector instead of the findings', () => {
    ui().setTab('findings');
    ui().followSelection(true, false);
    expect(ui().tab).toBe('inspect');
  });
  it('clearing the selection goes back to the tab the inspector replaced', () => {
    ui().setTab('findings');
    ui().followSelection(true, false);
    ui().followSelection(true, false);
    ui().followSelection(false, false);
    expect(ui().tab).toBe('findings');
  });
  it('stays on the tab where the user is typing', () => {
    ui().setTab('segments');
    ui().followSelection(true, true);
    expect(ui().tab).toBe('segments');
  });
  it('clearing a selection made on the inspector stays on the inspector', () => {
    ui().followSelection(true, false);
    ui().followSelection(false, false);
    expect(ui().tab).toBe('inspect');
  });
  it('a tab the user picks is not taken back when the selection clears', () => {
    ui().setTab('findings');
    ui().followSelection(true, false);
    ui().setTab('workloads');
    ui().followSelection(false, false);
    expect(ui().tab).toBe('workloads');
  });
});

describe('Toasts', () => {
  beforeEach(() => useUi.setState({ toasts: [] }));

  it('each has an id of its own, dismissed alone', () => {
    const first = notify('info', 'one');
    const second = notify('warning', 'two');
    expect(first).not.toBe(second);
    ui().dismiss(first);
    expect(ui().toasts.map((t) => t.text)).toEqual(['two']);
  });
  it('ids are strings, as every other id in the studio is', () => {
    // A number here made V8 generalize the `id` field that elements, links and flow nodes share
    // a hidden class family with, and throw away the rules' and the canvas's compiled code
    // inside the first delete (its "Undo" toast): see Toast in ui.ts.
    expect(typeof notify('info', 'three')).toBe('string');
  });
});
