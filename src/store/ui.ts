/**
 * Transient UI state that never reaches a design: toasts, theme, open dialogs, the sidebar tab.
 */
import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'warning' | 'error';
export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}
export interface Toast {
  /**
   * A string, as every other id in the studio is: a toast's id was its first number-valued `id`,
   * and V8 then took a whole family of objects whose first field is `id` (elements, links, flow
   * nodes) for holding anything there, and threw away the compiled code of the rules and the
   * canvas that had taken those ids for strings, inside the first delete (its "Undo" toast):
   * 44 functions (--trace-deopt, "dependent field representation changed").
   */
  readonly id: string;
  readonly kind: ToastKind;
  readonly text: string;
  /** A button on the toast ("Undo"): running it dismisses the toast. */
  readonly action?: ToastAction;
}

export type Theme = 'light' | 'dark' | 'system';
export type SidebarTab = 'inspect' | 'segments' | 'workloads' | 'findings' | 'whatif';
export type Dialog =
  null | 'help' | 'new' | 'templates' | 'share' | 'export' | 'recent' | 'rule' | 'compare';

/**
 * What the Compare dialog marked on the canvas: the open design's elements that the other
 * version changes, or lacks (added since it, or removed in it), by the ids the canvas draws.
 */
export interface CompareMarks {
  /** The other version: its file name, or "the pasted link". */
  readonly against: string;
  readonly changed: readonly string[];
  /** In the open design only, which is the later version. */
  readonly added: readonly string[];
  /** In the open design only, which is the earlier version. */
  readonly removed: readonly string[];
  /**
   * In the other version only: removed since it when it is the earlier version (`otherFirst`),
   * added in it when it is the later. The open design has nothing to outline for them: the
   * banner counts them, the Compare dialog lists them.
   */
  readonly otherOnly: readonly string[];
  /**
   * `otherOnly` counted as the banner says it: the sites and devices, drawn as ghosts where they
   * stood ("1 device"), and the rest, not drawn ("4 links", "1 workload").
   */
  readonly otherOnlyCounts: {
    readonly ghosts: readonly string[];
    readonly undrawn: readonly string[];
  };
  /** Whether the other version is the earlier one. */
  readonly otherFirst: boolean;
  /**
   * The segments that differ, as the lists above: not drawn on the canvas, they are marked in
   * the Segments tab's list (those of the other version only, in the Compare dialog's).
   */
  readonly segments: {
    readonly changed: readonly string[];
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly otherOnly: readonly string[];
  };
  /** Whether the design settings (the latency model) differ: not drawn either. */
  readonly settings: boolean;
}

export interface UiState {
  toasts: Toast[];
  theme: Theme;
  tab: SidebarTab;
  /** The tab the inspector replaced when the user selected on the canvas (followSelection). */
  tabBeforeSelection: SidebarTab | null;
  dialog: Dialog;
  /** The rule whose explanation is open. */
  ruleId: string | null;
  /** A workload or segment focused in its list. */
  focusedItem: string | null;
  /** The item just added (its Add button): its editor opens with its name ready to type over. */
  freshItem: string | null;
  /** Ordered node/link ids of a path to animate on the canvas (a trombone). */
  highlightPath: readonly string[] | null;
  compareMarks: CompareMarks | null;
  /** A Recent designs entry (its id) the Compare dialog opens comparing with. */
  compareFrom: string | null;
  /** The autosaved design has been restored (or there was none): until then, no empty-state. */
  booted: boolean;
  /** The canvas has drawn the design the page opened with: the side panels render after it. */
  canvasDrawn: boolean;
  /** The side panel has drawn its tab after that (Sidebar.tsx): idle work may start then. */
  panelsDrawn: boolean;
  /** Bumped to ask the canvas to fit the view once the nodes are measured (after a load). */
  fitRequest: number;
  /** Tidy up is laying the design out (app/tidy.ts): its button spins and it cannot rerun. */
  tidying: boolean;
  requestFit: () => void;
  setTheme: (theme: Theme) => void;
  setTab: (tab: SidebarTab) => void;
  /**
   * The panel follows what the user selects on the canvas: a selection shows the inspector
   * (unless the user is typing in the open tab, which would lose their text from view), and
   * clearing it goes back to the tab the inspector replaced.
   */
  followSelection: (selected: boolean, typingInPanel: boolean) => void;
  openDialog: (dialog: Dialog) => void;
  showRule: (ruleId: string) => void;
  /** Open the editor of a workload or segment (none: close it); `fresh` for one just added. */
  focusItem: (id: string | null, fresh?: boolean) => void;
  setHighlightPath: (path: readonly string[] | null) => void;
  setCompareMarks: (marks: CompareMarks | null) => void;
  /** Open the Compare dialog on a Recent designs entry. */
  compareWithRecent: (id: string) => void;
  dismiss: (id: string) => void;
}

const THEME_KEY = 'dci-studio:theme';

function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') return saved;
  } catch {
    // Storage may be unavailable (private mode); follow the system.
  }
  return 'system';
}

let toastId = 0;

export const useUi = create<UiState>()((set) => ({
  toasts: [],
  theme: initialTheme(),
  tab: 'inspect',
  tabBeforeSelection: null,
  dialog: null,
  ruleId: null,
  focusedItem: null,
  freshItem: null,
  highlightPath: null,
  compareMarks: null,
  compareFrom: null,
  booted: false,
  canvasDrawn: false,
  panelsDrawn: false,
  tidying: false,
  fitRequest: 0,
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // Not persisted; the choice still applies to this tab.
    }
    set({ theme });
  },
  setTab: (tab) => set({ tab, tabBeforeSelection: null }),
  followSelection: (selected, typingInPanel) =>
    set((s) => {
      if (selected && s.tab !== 'inspect' && !typingInPanel)
        return { tab: 'inspect', tabBeforeSelection: s.tab };
      if (!selected && s.tab === 'inspect' && s.tabBeforeSelection !== null)
        return { tab: s.tabBeforeSelection, tabBeforeSelection: null };
      return s;
    }),
  openDialog: (dialog) => set({ dialog }),
  showRule: (ruleId) => set({ dialog: 'rule', ruleId }),
  focusItem: (focusedItem, fresh = false) =>
    set({ focusedItem, freshItem: fresh ? focusedItem : null }),
  setHighlightPath: (highlightPath) => set({ highlightPath }),
  setCompareMarks: (compareMarks) => set({ compareMarks }),
  compareWithRecent: (compareFrom) => set({ dialog: 'compare', compareFrom }),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Show a short message, with an optional action button; it goes away by itself. Returns its id. */
export function notify(kind: ToastKind, text: string, action?: ToastAction): string {
  const id = `toast-${++toastId}`;
  const toast: Toast = action ? { id, kind, text, action } : { id, kind, text };
  useUi.setState((s) => ({ toasts: [...s.toasts.slice(-3), toast] }));
  // Warnings, errors and offers to undo stay long enough to read and act on.
  setTimeout(
    () => useUi.getState().dismiss(id),
    kind === 'error' || kind === 'warning' || action ? 8000 : 4000,
  );
  return id;
}

/** Run `then` once `flag` is true: at once if it is. Returns a cancel. */
function whenFlag(flag: 'canvasDrawn' | 'panelsDrawn', then: () => void): () => void {
  if (useUi.getState()[flag]) {
    then();
    return () => {};
  }
  const stop = useUi.subscribe((s) => {
    if (!s[flag]) return;
    stop();
    then();
  });
  return stop;
}

/**
 * Run `then` once the canvas has drawn the design the page opened with (`canvasDrawn`, set by
 * Canvas.tsx): at once if it has. What the first drawing does not need waits for this, so its
 * requests and work stay out of the task that draws the nodes. Returns a cancel.
 */
export const whenCanvasDrawn = (then: () => void): (() => void) => whenFlag('canvasDrawn', then);

/**
 * Run `then` once the side panel has drawn its tab too (`panelsDrawn`, Sidebar.tsx): for work
 * that only speeds up what comes later. Begun once the canvas had drawn, an idle callback ran
 * while the inspector's chunk was on its way and held the panel up.
 */
export const whenPanelsDrawn = (then: () => void): (() => void) => whenFlag('panelsDrawn', then);
