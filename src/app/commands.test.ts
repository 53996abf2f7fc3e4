import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { useStudio } from '../store/studio';
import { dropTypedAhead, typedAhead } from '../store/typeAhead';
import { useUi } from '../store/ui';
import { useView } from '../store/view';
import {
  COMMANDS,
  commandsSettled,
  displayChord,
  handleKeydown,
  matches,
  runCommand,
} from './commands';

/** A keydown as the browser would send it (only the fields the table reads). */
function key(
  k: string,
  mods: { ctrl?: boolean; shift?: boolean; meta?: boolean; alt?: boolean; code?: string } = {},
): KeyboardEvent {
  let prevented = false;
  return {
    key: k,
    code: mods.code ?? '',
    ctrlKey: mods.ctrl ?? false,
    shiftKey: mods.shift ?? false,
    metaKey: mods.meta ?? false,
    altKey: mods.alt ?? false,
    target: null,
    stopPropagation: () => undefined,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  } as unknown as KeyboardEvent;
}

const ctx = { fitView: () => undefined };

/** A key pressed, and what it started finished (the editing tools load on first use). */
async function press(event: KeyboardEvent): Promise<boolean> {
  const handled = handleKeydown(event, ctx);
  await commandsSettled();
  return handled;
}

beforeEach(() => {
  useStudio
    .getState()
    .replaceDesign(new DesignBuilder('cmd').site('a', 'A').spine('s1', 'a').build());
  useUi.setState({ dialog: null });
});

describe('The command table', () => {
  it('has one entry per id, each with a label', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) expect(c.label.length).toBeGreaterThan(0);
  });

  it('matches chords exactly: Ctrl+Z is undo, Ctrl+Shift+Z and Ctrl+Y are redo', () => {
    expect(matches('mod+z', key('z', { ctrl: true }))).toBe(true);
    expect(matches('mod+z', key('z', { ctrl: true, shift: true }))).toBe(false);
    expect(matches('mod+shift+z', key('Z', { ctrl: true, shift: true }))).toBe(true);
    expect(matches('ctrl+y', key('y', { ctrl: true }))).toBe(true);
    expect(matches('delete', key('Delete', { ctrl: true }))).toBe(false);
    expect(displayChord('mod+shift+z')).toBe('Ctrl+Shift+Z');
  });

  it('routes a shortcut to its command: Ctrl+Z undoes the last edit, Ctrl+Y redoes it', () => {
    useStudio.getState().rename('renamed');
    expect(handleKeydown(key('z', { ctrl: true }), ctx)).toBe(true);
    expect(useStudio.getState().design.name).toBe('cmd');
    handleKeydown(key('y', { ctrl: true }), ctx);
    expect(useStudio.getState().design.name).toBe('renamed');
  });

  it('deletes the selection with Delete, and does nothing in view-only mode', () => {
    useStudio.getState().select(['s1']);
    handleKeydown(key('Delete'), ctx);
    expect(useStudio.getState().design.nodes.map((n) => n.id)).toEqual(['a']);
    useStudio
      .getState()
      .replaceDesign(new DesignBuilder('ro').site('a', 'A').spine('s1', 'a').build(), {
        readOnly: true,
      });
    useStudio.getState().select(['s1']);
    handleKeydown(key('Delete'), ctx);
    expect(useStudio.getState().design.nodes).toHaveLength(2);
  });

  it('keys pressed while a command still loads its code act after it, in the order pressed', async () => {
    // Ctrl+C then Ctrl+V at once: the paste must see what the copy put on the clipboard.
    useStudio.getState().select(['s1']);
    expect(handleKeydown(key('c', { ctrl: true }), ctx)).toBe(true);
    expect(handleKeydown(key('v', { ctrl: true }), ctx)).toBe(true);
    await commandsSettled();
    expect(useStudio.getState().design.nodes).toHaveLength(3);
    // Ctrl+D then Ctrl+Z at once: the undo takes the duplicate back, not the paste before it.
    expect(handleKeydown(key('d', { ctrl: true }), ctx)).toBe(true);
    expect(handleKeydown(key('z', { ctrl: true }), ctx)).toBe(true);
    await commandsSettled();
    expect(useStudio.getState().design.nodes).toHaveLength(3);
  });

  it('says so in a toast when a command fails, such as its code not loading', async () => {
    useUi.setState({ toasts: [] });
    runCommand(
      {
        id: 'lazy',
        label: 'Align left edges…',
        shortcuts: [],
        enabled: () => true,
        run: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
      },
      ctx,
    );
    await commandsSettled();
    expect(useUi.getState().toasts.at(-1)?.text).toBe(
      'Align left edges failed (Failed to fetch dynamically imported module). Reload the studio and try again.',
    );
  });

  it('N: what is typed while the note is placed is its text, not shortcuts', async () => {
    useStudio.setState({ readOnly: false });
    expect(handleKeydown(key('n'), ctx)).toBe(true);
    // Typed before the note's code is there: an "n" adds no second note, Backspace deletes
    // nothing.
    for (const k of ['n', 'o', 't', 'Backspace', 'e'])
      expect(handleKeydown(key(k), ctx)).toBe(true);
    await commandsSettled();
    expect(useStudio.getState().design.notes).toHaveLength(1);
    expect(useStudio.getState().design.nodes).toHaveLength(2);
    expect(typedAhead()).toBe('noe');
    dropTypedAhead();
  });

  it('N whose code does not load gives the keys back to the canvas', async () => {
    vi.doMock('./notes', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    try {
      handleKeydown(key('n'), ctx);
      await commandsSettled();
      expect(useStudio.getState().design.notes).toHaveLength(0);
      expect(typedAhead()).toBe('');
      expect(handleKeydown(key('Delete'), ctx)).toBe(false);
    } finally {
      vi.doUnmock('./notes');
    }
  });

  it('opens the shortcut list with ?', () => {
    handleKeydown(key('?', { shift: true }), ctx);
    expect(useUi.getState().dialog).toBe('help');
  });
});

describe('The editing tools’ shortcuts', () => {
  const pos = (id: string) => useStudio.getState().design.nodes.find((n) => n.id === id)?.position;
  beforeEach(() => {
    useStudio.getState().replaceDesign(
      new DesignBuilder('tools')
        .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 1200, height: 600 })
        .spine('s1', 'a', { label: 'dc1-spine-1', position: { x: 320, y: 160 } })
        .spine('s2', 'a', { label: 'dc1-spine-2', position: { x: 640, y: 240 } })
        .tor('l1', 'a', { label: 'dc1-leaf-1', position: { x: 400, y: 400 } })
        .build(),
    );
  });

  it('names Alt chords by their key, whatever character the key types', () => {
    expect(matches('alt+a', key('å', { alt: true, code: 'KeyA' }))).toBe(true);
    expect(matches('alt+a', key('a', { code: 'KeyA' }))).toBe(false);
    expect(matches('alt+shift+h', key('H', { alt: true, shift: true, code: 'KeyH' }))).toBe(true);
    expect(matches('shift+0', key(')', { shift: true, code: 'Digit0' }))).toBe(true);
    expect(matches('arrowleft', key('ArrowLeft'))).toBe(true);
    expect(matches('arrowleft', key('ArrowLeft', { shift: true }))).toBe(false);
    expect(displayChord('shift+arrowup')).toBe('Shift+↑');
    expect(displayChord('alt+shift+h')).toBe('Alt+Shift+H');
  });

  it('arrow keys nudge the selection one grid step, ten with Shift, as one undo step', async () => {
    useStudio.getState().select(['s1']);
    expect(await press(key('ArrowRight'))).toBe(true);
    expect(pos('s1')).toEqual({ x: 336, y: 160 });
    await press(key('ArrowDown', { shift: true }));
    expect(pos('s1')).toEqual({ x: 336, y: 320 });
    await press(key('z', { ctrl: true }));
    expect(pos('s1')).toEqual({ x: 320, y: 160 });
  });

  it('arrow keys nudge a selected note too, with the elements selected beside it', async () => {
    const note = useStudio.getState().addNote({ x: 0, y: 0 }) ?? '';
    useStudio.getState().select([note]);
    expect(await press(key('ArrowRight'))).toBe(true);
    expect(useStudio.getState().design.notes[0]?.position).toEqual({ x: 16, y: 0 });
    useStudio.getState().select([note, 's1']);
    await press(key('ArrowDown'));
    expect(useStudio.getState().design.notes[0]?.position).toEqual({ x: 16, y: 16 });
    expect(pos('s1')).toEqual({ x: 320, y: 176 });
  });

  it('leaves an arrow key to the page when nothing is selected', async () => {
    const event = key('ArrowRight');
    expect(await press(event)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });

  it('keeps Ctrl+D from the browser even with nothing to duplicate', async () => {
    const event = key('d', { ctrl: true });
    expect(await press(event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    expect(useStudio.getState().design.nodes).toHaveLength(4);
  });

  it('Ctrl+D duplicates the selection with fresh names and selects the copies', async () => {
    useStudio.getState().select(['s1', 'l1']);
    await press(key('d', { ctrl: true }));
    const state = useStudio.getState();
    expect(state.design.nodes.map((n) => n.label)).toEqual([
      'DC1',
      'dc1-spine-1',
      'dc1-spine-2',
      'dc1-leaf-1',
      'dc1-spine-3',
      'dc1-leaf-2',
    ]);
    expect(state.nodes.filter((n) => n.selected).map((n) => n.data.element.label)).toEqual([
      'dc1-spine-3',
      'dc1-leaf-2',
    ]);
    state.undo();
    expect(useStudio.getState().design.nodes).toHaveLength(4);
  });

  it('Alt+A aligns the left edges, Alt+Shift+H distributes', async () => {
    useStudio.getState().select(['s1', 's2', 'l1']);
    await press(key('å', { alt: true, code: 'KeyA' }));
    expect([pos('s1')?.x, pos('s2')?.x, pos('l1')?.x]).toEqual([320, 320, 320]);
    useStudio.getState().undo();
    await press(key('H', { alt: true, shift: true, code: 'KeyH' }));
    expect([pos('s1')?.x, pos('l1')?.x, pos('s2')?.x]).toEqual([320, 480, 640]);
  });

  it('Shift+M connects the selection as a full mesh, in one undo step', async () => {
    useStudio.getState().select(['s1', 's2', 'l1']);
    await press(key('M', { shift: true }));
    expect(useStudio.getState().design.links).toHaveLength(3);
    useStudio.getState().undo();
    expect(useStudio.getState().design.links).toHaveLength(0);
  });

  it('Ctrl+F opens the find box', async () => {
    await press(key('f', { ctrl: true }));
    expect(useView.getState().findOpen).toBe(true);
    useView.getState().setFindOpen(false);
  });
});

describe('Deleting more than one element', () => {
  const site = () =>
    new DesignBuilder('del')
      .site('dc1', 'DC1 Amsterdam')
      .site('dc2', 'DC2 Rotterdam')
      .spine('s1', 'dc1')
      .spine('s2', 'dc1')
      .border('b1', 'dc1')
      .border('b2', 'dc2')
      .fabric('f1', 's1', 'b1')
      .fabric('f2', 's2', 'b1')
      .dci('d1', 'b1', 'b2')
      .build();
  beforeEach(() => {
    useStudio.getState().replaceDesign(site());
    useUi.setState({ toasts: [] });
  });

  it('a site with its devices says what went, and its Undo brings it all back', async () => {
    useStudio.getState().select(['dc1']);
    await press(key('Delete'));
    expect(useStudio.getState().design.nodes.map((n) => n.id)).toEqual(['dc2', 'b2']);
    const toast = useUi.getState().toasts.at(-1);
    expect(toast?.text).toBe('Deleted DC1 Amsterdam and 3 devices, 3 links');
    expect(toast?.action?.label).toBe('Undo');
    toast?.action?.run();
    expect(useStudio.getState().design).toEqual(site());
  });
  it("an undo by Ctrl+Z takes the delete's toast away with the delete", async () => {
    useStudio.getState().select(['dc1']);
    await press(key('Delete'));
    expect(useUi.getState().toasts.at(-1)?.action?.label).toBe('Undo');
    await press(key('z', { ctrl: true }));
    expect(useStudio.getState().design).toEqual(site());
    expect(useUi.getState().toasts).toEqual([]);
  });
  it('a lone device without links goes quietly', async () => {
    useStudio.getState().select(['b2']);
    useStudio.getState().apply((d) => ({ ...d, links: d.links.filter((l) => l.id !== 'd1') }));
    useStudio.getState().select(['b2']);
    await press(key('Delete'));
    expect(useStudio.getState().design.nodes.some((n) => n.id === 'b2')).toBe(false);
    expect(useUi.getState().toasts).toEqual([]);
  });
  it('a device with its links is named, the links counted', async () => {
    useStudio.getState().select(['s1']);
    await press(key('Delete'));
    expect(useUi.getState().toasts.at(-1)?.text).toBe('Deleted s1 and 1 link');
  });
  it('a lone device says that the note pointing at it stays, as a free note', async () => {
    useStudio.getState().apply((d) => ({ ...d, links: d.links.filter((l) => l.id !== 'd1') }));
    useStudio.getState().addNote({ x: 0, y: 0 }, 'b2');
    useStudio.getState().select(['b2']);
    await press(key('Delete'));
    const toast = useUi.getState().toasts.at(-1);
    expect(toast?.text).toBe('Deleted b2. The note that pointed there stays, as a free note');
    expect(useStudio.getState().design.notes[0]?.targetId).toBeUndefined();
    toast?.action?.run();
    expect(useStudio.getState().design.notes[0]?.targetId).toBe('b2');
  });
  it('counts the notes deleted with other elements, and a lone note goes quietly', async () => {
    const note = useStudio.getState().addNote({ x: 0, y: 0 }) ?? '';
    useStudio.getState().select([note]);
    await press(key('Delete'));
    expect(useStudio.getState().design.notes).toEqual([]);
    expect(useUi.getState().toasts).toEqual([]);
    const again = useStudio.getState().addNote({ x: 0, y: 0 }) ?? '';
    useStudio.getState().select([again, 's1']);
    await press(key('Delete'));
    expect(useUi.getState().toasts.at(-1)?.text).toBe('Deleted s1 and 1 link, 1 note');
  });
  it('counts the notes left pointing at nothing by a deleted link', async () => {
    useStudio.getState().addNote({ x: 0, y: 0 }, 'd1');
    useStudio.getState().addNote({ x: 0, y: 50 }, 'b2');
    useStudio.getState().select(['b2']);
    await press(key('Delete'));
    expect(useUi.getState().toasts.at(-1)?.text).toBe(
      'Deleted b2 and 1 link. The 2 notes that pointed there stay, as free notes',
    );
  });
});
