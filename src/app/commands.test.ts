import { beforeEach, describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';
import { COMMANDS, displayChord, handleKeydown, matches } from './commands';

/** A keydown as the browser would send it (only the fields the table reads). */
function key(
  k: string,
  mods: { ctrl?: boolean; shift?: boolean; meta?: boolean; code?: string } = {},
): KeyboardEvent {
  let prevented = false;
  return {
    key: k,
    code: mods.code ?? '',
    ctrlKey: mods.ctrl ?? false,
    shiftKey: mods.shift ?? false,
    metaKey: mods.meta ?? false,
    altKey: false,
    target: null,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  } as unknown as KeyboardEvent;
}

const ctx = { fitView: () => undefined };

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

  it('opens the shortcut list with ?', () => {
    handleKeydown(key('?', { shift: true }), ctx);
    expect(useUi.getState().dialog).toBe('help');
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

  it('a site with its devices says what went, and its Undo brings it all back', () => {
    useStudio.getState().select(['dc1']);
    handleKeydown(key('Delete'), ctx);
    expect(useStudio.getState().design.nodes.map((n) => n.id)).toEqual(['dc2', 'b2']);
    const toast = useUi.getState().toasts.at(-1);
    expect(toast?.text).toBe('Deleted DC1 Amsterdam and 3 devices, 3 links');
    expect(toast?.action?.label).toBe('Undo');
    toast?.action?.run();
    expect(useStudio.getState().design).toEqual(site());
  });
  it('a lone device without links goes quietly', () => {
    useStudio.getState().select(['b2']);
    useStudio.getState().apply((d) => ({ ...d, links: d.links.filter((l) => l.id !== 'd1') }));
    useStudio.getState().select(['b2']);
    handleKeydown(key('Delete'), ctx);
    expect(useStudio.getState().design.nodes.some((n) => n.id === 'b2')).toBe(false);
    expect(useUi.getState().toasts).toEqual([]);
  });
  it('a device with its links is named, the links counted', () => {
    useStudio.getState().select(['s1']);
    handleKeydown(key('Delete'), ctx);
    expect(useUi.getState().toasts.at(-1)?.text).toBe('Deleted s1 and 1 link');
  });
  it('a lone device says that the note pointing at it stays, as a free note', () => {
    useStudio.getState().apply((d) => ({ ...d, links: d.links.filter((l) => l.id !== 'd1') }));
    useStudio.getState().addNote({ x: 0, y: 0 }, 'b2');
    useStudio.getState().select(['b2']);
    handleKeydown(key('Delete'), ctx);
    const toast = useUi.getState().toasts.at(-1);
    expect(toast?.text).toBe('Deleted b2. The note that pointed there stays, as a free note');
    expect(useStudio.getState().design.notes[0]?.targetId).toBeUndefined();
    toast?.action?.run();
    expect(useStudio.getState().design.notes[0]?.targetId).toBe('b2');
  });
  it('counts the notes deleted with other elements, and a lone note goes quietly', () => {
    const note = useStudio.getState().addNote({ x: 0, y: 0 }) ?? '';
    useStudio.getState().select([note]);
    handleKeydown(key('Delete'), ctx);
    expect(useStudio.getState().design.notes).toEqual([]);
    expect(useUi.getState().toasts).toEqual([]);
    const again = useStudio.getState().addNote({ x: 0, y: 0 }) ?? '';
    useStudio.getState().select([again, 's1']);
    handleKeydown(key('Delete'), ctx);
    expect(useUi.getState().toasts.at(-1)?.text).toBe('Deleted s1 and 1 link, 1 note');
  });
  it('counts the notes left pointing at nothing by a deleted link', () => {
    useStudio.getState().addNote({ x: 0, y: 0 }, 'd1');
    useStudio.getState().addNote({ x: 0, y: 50 }, 'b2');
    useStudio.getState().select(['b2']);
    handleKeydown(key('Delete'), ctx);
    expect(useUi.getState().toasts.at(-1)?.text).toBe(
      'Deleted b2 and 1 link. The 2 notes that pointed there stay, as free notes',
    );
  });
});
