/**
 * The one command table: the toolbar, the keyboard and the tests all use it (STYLE.md §7).
 * A command is data: id, label, shortcuts, when it is enabled, and what it does.
 */
import { roomHistory } from '../collab/history';
import { selectedIds, useStudio } from '../store/studio';
import { dropTypedAhead, expectTyping, typeAhead } from '../store/typeAhead';
import { notify, useUi } from '../store/ui';
import { useView } from '../store/view';
import { removalOf } from '../model/edits';
import type { CanvasView } from './view';
import type { DrawnLinks } from './notes';
import { arrangeableCount } from '../model/moving';
import type { Design } from '../model/schema';
import { selectedNodeCount } from '../store/selectors';

export interface CommandContext {
  fitView: () => void;
  /** Zoom to 100 %, keeping the middle of the view where it is. */
  resetZoom?: () => void;
  /** The links as the canvas draws them (a new note is placed off them). */
  drawnLinks?: () => DrawnLinks;
  /**
   * The canvas's view: a new note goes in its middle, pasted sites go into it, and it follows
   * a paste it does not show.
   */
  view?: CanvasView;
}

export interface Command {
  readonly id: string;
  readonly label: string;
  /** Key chords: `mod` is Ctrl on Windows/Linux and Cmd on macOS. */
  readonly shortcuts: readonly string[];
  readonly enabled: () => boolean;
  /**
   * `chord` is the shortcut that ran it (none from a button). A command whose code loads on
   * first use returns the promise of its run.
   */
  readonly run: (ctx: CommandContext, chord?: string) => void | Promise<void>;
}

/**
 * The editing tools (align, distribute, nudge, mesh, duplicate, copy and paste, the fabric
 * builder) load on their first use, not with the first screen; their enabled state is computed
 * here.
 */
const tools = () => import('./tools');

const editable = () => !useStudio.getState().readOnly;
const hasSelection = () => selectedIds(useStudio.getState()).length > 0;
/**
 * How many selected elements align, distribute or nudge would move: counted once per design
 * and selection (each arrange button asks, on every store update).
 */
let arranged: { design: Design; ids: readonly string[]; count: number } | null = null;
const arrangeableSelection = () => {
  const state = useStudio.getState();
  const ids = selectedIds(state);
  if (arranged?.design !== state.design || arranged.ids !== ids)
    arranged = { design: state.design, ids, count: arrangeableCount(state.design, ids) };
  return arranged.count;
};
const nodesSelected = (atLeast: number) => selectedNodeCount(useStudio.getState().nodes) >= atLeast;

/** Arrow keys: one grid step, or NUDGE_FAR_STEPS with Shift. */
function nudge(id: string, label: string, key: string, x: number, y: number): Command {
  return {
    id,
    label,
    shortcuts: [key, `shift+${key}`],
    enabled: () =>
      editable() &&
      (arrangeableSelection() > 0 || useStudio.getState().noteNodes.some((n) => n.selected)),
    run: async (_ctx, chord) => {
      const { nudgeSelection, NUDGE_FAR_STEPS } = await tools();
      const steps = chord?.startsWith('shift+') ? NUDGE_FAR_STEPS : 1;
      nudgeSelection(x * steps, y * steps);
    },
  };
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['mod+z'],
    // In a live room: this user's own edits only (the room's per-user history).
    enabled: () =>
      editable() &&
      (roomHistory.current ? roomHistory.current.canUndo() : useStudio.getState().past.length > 0),
    run: () => (roomHistory.current ? roomHistory.current.undo() : useStudio.getState().undo()),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['mod+shift+z', 'ctrl+y'],
    enabled: () =>
      editable() &&
      (roomHistory.current
        ? roomHistory.current.canRedo()
        : useStudio.getState().future.length > 0),
    run: () => (roomHistory.current ? roomHistory.current.redo() : useStudio.getState().redo()),
  },
  {
    id: 'delete',
    label: 'Delete selection',
    shortcuts: ['delete', 'backspace'],
    enabled: () => editable() && hasSelection(),
    run: (ctx) => deleteWithUndo(ctx),
  },
  {
    id: 'copy',
    label: 'Copy',
    shortcuts: ['mod+c'],
    enabled: () => useStudio.getState().nodes.some((n) => n.selected),
    run: async () => (await tools()).copySelection(),
  },
  {
    id: 'paste',
    label: 'Paste',
    shortcuts: ['mod+v'],
    enabled: () => editable() && useStudio.getState().clipboard !== null,
    run: async (ctx) => (await tools()).pasteClipboard(ctx.view),
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shortcuts: ['mod+d'],
    enabled: () => editable() && nodesSelected(1),
    run: async () => (await tools()).duplicateSelection(),
  },
  {
    id: 'select-all',
    label: 'Select all',
    shortcuts: ['mod+a'],
    enabled: () => useStudio.getState().nodes.length > 0,
    run: () => useStudio.getState().selectAll(),
  },
  {
    id: 'find',
    label: 'Find an element by name',
    shortcuts: ['mod+f'],
    enabled: () => true,
    run: () => useView.getState().setFindOpen(true),
  },
  {
    id: 'add-note',
    label: 'Add note',
    shortcuts: ['n'],
    enabled: editable,
    // Placing a note loads on first use (it measures the drawing): off the first screen. What
    // is typed meanwhile is the note's text (store/typeAhead.ts).
    run: async (ctx) => {
      expectTyping();
      const notes = await import('./notes').catch((error: unknown) => {
        dropTypedAhead();
        throw error;
      });
      notes.addNoteInView(ctx.view, ctx.drawnLinks?.());
    },
  },
  {
    id: 'fit-view',
    label: 'Fit view',
    shortcuts: ['shift+1'],
    enabled: () => true,
    run: (ctx) => ctx.fitView(),
  },
  {
    id: 'zoom-100',
    label: 'Zoom to 100 %',
    shortcuts: ['shift+0'],
    enabled: () => true,
    run: (ctx) => ctx.resetZoom?.(),
  },
  {
    id: 'fabric',
    label: 'Build a leaf-spine fabric…',
    shortcuts: [],
    enabled: editable,
    run: async () => (await tools()).openFabricBuilder(),
  },
  {
    id: 'mesh',
    label: 'Connect selection as a full mesh',
    shortcuts: ['shift+m'],
    enabled: () => editable() && nodesSelected(2),
    run: async () => (await tools()).meshSelection(),
  },
  ...(
    [
      ['left', 'Align left edges', 'alt+a'],
      ['center', 'Align centres', 'alt+h'],
      ['right', 'Align right edges', 'alt+d'],
      ['top', 'Align top edges', 'alt+w'],
      ['middle', 'Align middles', 'alt+v'],
      ['bottom', 'Align bottom edges', 'alt+s'],
    ] as const
  ).map(([edge, label, key]): Command => ({
    id: `align-${edge}`,
    label,
    shortcuts: [key],
    enabled: () => editable() && arrangeableSelection() >= 2,
    run: async () => (await tools()).alignSelection(edge),
  })),
  {
    id: 'distribute-horizontal',
    label: 'Distribute horizontally',
    shortcuts: ['alt+shift+h'],
    enabled: () => editable() && arrangeableSelection() >= 3,
    run: async () => (await tools()).distributeSelection('horizontal'),
  },
  {
    id: 'distribute-vertical',
    label: 'Distribute vertically',
    shortcuts: ['alt+shift+v'],
    enabled: () => editable() && arrangeableSelection() >= 3,
    run: async () => (await tools()).distributeSelection('vertical'),
  },
  nudge('nudge-left', 'Nudge left (Shift: 10 steps)', 'arrowleft', -1, 0),
  nudge('nudge-right', 'Nudge right (Shift: 10 steps)', 'arrowright', 1, 0),
  nudge('nudge-up', 'Nudge up (Shift: 10 steps)', 'arrowup', 0, -1),
  nudge('nudge-down', 'Nudge down (Shift: 10 steps)', 'arrowdown', 0, 1),
  {
    id: 'toggle-palette',
    label: 'Show or hide the palette',
    shortcuts: [],
    enabled: () => true,
    run: () => useView.getState().togglePalette(),
  },
  {
    id: 'toggle-sidebar',
    label: 'Show or hide the side panel',
    shortcuts: [],
    enabled: () => true,
    run: () => useView.getState().toggleSidebar(),
  },
  {
    id: 'new-design',
    label: 'New design…',
    shortcuts: [],
    enabled: () => true,
    run: () => useUi.getState().openDialog('new'),
  },
  {
    id: 'templates',
    label: 'New from template…',
    shortcuts: [],
    enabled: () => true,
    run: () => useUi.getState().openDialog('templates'),
  },
  {
    id: 'open',
    label: 'Open…',
    shortcuts: ['mod+o'],
    enabled: () => true,
    // Files, links and images load on first use.
    run: async () => (await import('./importExport')).pickFileToOpen(),
  },
  {
    id: 'recent',
    label: 'Recent designs…',
    shortcuts: [],
    enabled: () => true,
    run: () => useUi.getState().openDialog('recent'),
  },
  {
    id: 'save-file',
    label: 'Save design file',
    shortcuts: ['mod+s'],
    enabled: () => true,
    run: async () => (await import('./importExport')).downloadDesignFile(),
  },
  {
    id: 'copy-link',
    label: 'Copy link…',
    shortcuts: [],
    enabled: () => true,
    run: () => useUi.getState().openDialog('share'),
  },
  {
    id: 'export',
    label: 'Export…',
    shortcuts: ['mod+shift+e'],
    enabled: () => true,
    run: () => useUi.getState().openDialog('export'),
  },
  {
    id: 'tidy',
    label: 'Tidy up',
    shortcuts: [],
    enabled: () => editable() && !useUi.getState().tidying,
    run: async () => (await import('./tidy')).tidyUp(),
  },
  {
    id: 'compare',
    label: 'Compare…',
    shortcuts: [],
    enabled: () => true,
    run: () => useUi.getState().openDialog('compare'),
  },
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    shortcuts: ['?'],
    enabled: () => true,
    run: () => useUi.getState().openDialog('help'),
  },
];

/**
 * Delete the selection. When that takes more than the one element the user pointed at (a site
 * and its devices, a device and its links, several elements), say what went, with Undo. The
 * deletion is immediate; the words for the toast load on first use.
 */
async function deleteWithUndo(ctx: CommandContext): Promise<void> {
  const state = useStudio.getState();
  const removal = removalOf(state.design, selectedIds(state));
  state.deleteSelection();
  if (useStudio.getState().design === state.design) return;
  const count =
    removal.sites.length + removal.devices.length + removal.links.length + removal.notes.length;
  // One element going says nothing, unless notes that pointed at it are left pointing nowhere.
  if (count <= 1 && removal.unpointed.length === 0) return;
  const deleted = useStudio.getState().design;
  const { removalText } = await import('../model/labels');
  // Its Undo offers to take back this delete only: once the design moves on (an undo by any
  // means, another edit), the toast goes, or is never shown.
  if (useStudio.getState().design !== deleted) return;
  const toast = notify('info', removalText(removal), {
    label: 'Undo',
    run: () => {
      const undo = command('undo');
      if (undo.enabled()) void undo.run(ctx);
    },
  });
  const stop = useStudio.subscribe((s) => {
    if (s.design === deleted) return;
    stop();
    useUi.getState().dismiss(toast);
  });
}

export function command(id: string): Command {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown command ${id}`);
  return found;
}

let running: Promise<void> = Promise.resolve();
/** Commands whose code is still loading: keys pressed meanwhile wait for them, in order. */
let inFlight = 0;

/**
 * Run a command from a key or a button. One whose code loads on first use finishes a little
 * later; if it fails (its code did not load), a toast says so instead of nothing happening.
 */
export function runCommand(
  cmd: Command,
  ctx: CommandContext,
  chord?: string,
): Promise<void> | undefined {
  const done = cmd.run(ctx, chord);
  if (!done) return undefined;
  inFlight++;
  const settled = done
    .finally(() => inFlight--)
    .catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      notify(
        'error',
        `${cmd.label.replace(/…$/u, '')} failed (${why}). Reload the studio and try again.`,
      );
    });
  running = Promise.all([running, settled]).then(() => undefined);
  return settled;
}

/** Resolves when every command run so far has finished (the tests wait on it). */
export function commandsSettled(): Promise<void> {
  return running;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Does the keyboard event match a chord like `mod+shift+z`? */
export function matches(chord: string, event: KeyboardEvent): boolean {
  const parts = chord.split('+');
  const key = parts[parts.length - 1] ?? '';
  const want = new Set(parts.slice(0, -1));
  const mod = isMac ? event.metaKey : event.ctrlKey;
  // `ctrl` is the Control key everywhere (Ctrl+Y); `mod` is Ctrl, or Cmd on macOS.
  if (want.has('ctrl')) {
    if (!event.ctrlKey) return false;
  } else if (want.has('mod') !== mod) return false;
  if (!want.has('mod') && !want.has('ctrl') && (event.ctrlKey || event.metaKey)) return false;
  if (want.has('alt') !== event.altKey) return false;
  if (key === '?') return event.key === '?';
  if (want.has('shift') !== event.shiftKey) return false;
  // Shift and Alt change the character a key types (Shift+1 is `!`, Alt+A is `å` on a Mac):
  // such chords name the key itself.
  if (/^[0-9]$/u.test(key) && want.has('shift')) return event.code === `Digit${key}`;
  if (/^[a-z]$/u.test(key) && want.has('alt')) return event.code === `Key${key.toUpperCase()}`;
  return event.key.toLowerCase() === key;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  shift: 'Shift',
  ctrl: 'Ctrl',
  alt: isMac ? '⌥' : 'Alt',
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
};

/** Human form of a chord for menus and the help dialog. */
export function displayChord(chord: string): string {
  return chord
    .split('+')
    .map((p) =>
      p === 'mod'
        ? isMac
          ? '⌘'
          : 'Ctrl'
        : (KEY_NAMES[p] ??
          (p.length === 1 ? p.toUpperCase() : `${p[0]?.toUpperCase() ?? ''}${p.slice(1)}`)),
    )
    .join('+');
}

function typingInField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Route a keydown to the command whose chord matches; returns true if handled. The studio's
 * chords with Ctrl/Cmd are its own even when the command is disabled (Ctrl+D with nothing
 * selected must not bookmark the page); a plain key whose command is disabled (an arrow with
 * nothing selected) is left to the page. A handled key goes no further: React Flow would move
 * the selected nodes on the arrow keys too, without an undo step.
 */
export function handleKeydown(event: KeyboardEvent, ctx: CommandContext): boolean {
  if (typingInField(event)) return false;
  if (typeAhead(event)) return true;
  if (useUi.getState().dialog !== null && event.key !== 'Escape') return false;
  for (const cmd of COMMANDS) {
    const chord = cmd.shortcuts.find((s) => matches(s, event));
    if (chord === undefined) continue;
    if (inFlight > 0) {
      // A command pressed before (Ctrl+C, Ctrl+D) is still loading its code: this key acts
      // after it, on the design it leaves (Ctrl+V pastes what was copied, Ctrl+Z undoes the
      // duplicate), as the user pressed them.
      event.preventDefault();
      event.stopPropagation?.();
      const after = running.then(() => (cmd.enabled() ? runCommand(cmd, ctx, chord) : undefined));
      running = Promise.all([running, after]).then(() => undefined);
      return true;
    }
    if (cmd.enabled()) {
      event.preventDefault();
      event.stopPropagation?.();
      runCommand(cmd, ctx, chord);
      return true;
    }
    if (/(^|\+)(mod|ctrl)\+/u.test(chord)) {
      event.preventDefault();
      return true;
    }
    return false;
  }
  return false;
}
