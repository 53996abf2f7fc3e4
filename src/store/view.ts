/**
 * What the user chose to see around the canvas: the side panels open or folded to a rail
 * (remembered in this browser), and the find box. Never part of a design.
 */
import { create } from 'zustand';

const PANELS_KEY = 'dci-studio:panels';

export interface ViewState {
  /** The palette on the left is folded to a thin rail. */
  paletteCollapsed: boolean;
  /** The panel on the right (inspector, lists, findings) is folded to a thin rail. */
  sidebarCollapsed: boolean;
  /** The find box (Ctrl+F) is open. */
  findOpen: boolean;
  /** What is typed in the find box: kept here, so what is typed while its code loads counts. */
  findQuery: string;
  togglePalette: () => void;
  toggleSidebar: () => void;
  /** Open the right panel if it is folded (a tool that shows something there). */
  showSidebar: () => void;
  /** Open the find box empty, or close it. */
  setFindOpen: (open: boolean) => void;
  setFindQuery: (query: string) => void;
  /** The site whose fabric form should take the focus (the Build a fabric command). */
  fabricFormFor: string | null;
  requestFabricForm: (siteId: string | null) => void;
}

/**
 * Narrower than this (px), a window first shows the palette folded, and the sidebar is narrower
 * (Tailwind's `lg` breakpoint, which Sidebar.tsx's width follows; view.test.ts fails when the
 * two part). With both panels open, a 900 px window left the canvas 305 px wide: a design
 * shrank to unreadable boxes, and the minimap covered a third of it.
 */
export const NARROW_WINDOW_PX = 1024;

type Panels = Pick<ViewState, 'paletteCollapsed' | 'sidebarCollapsed'>;

/**
 * The panels a page starts with: as the user last left them in this browser (`saved`, the
 * remembered text), else both open, but the palette folded in a narrow window.
 */
export function initialPanels(saved: string | null, windowWidth: number | undefined): Panels {
  try {
    const parsed = JSON.parse(saved ?? 'null') as unknown;
    if (parsed && typeof parsed === 'object') {
      const { palette, sidebar } = parsed as { palette?: unknown; sidebar?: unknown };
      return { paletteCollapsed: palette === true, sidebarCollapsed: sidebar === true };
    }
  } catch {
    // Unreadable: as if nothing was remembered.
  }
  const narrow = windowWidth !== undefined && windowWidth < NARROW_WINDOW_PX;
  return { paletteCollapsed: narrow, sidebarCollapsed: false };
}

function remembered(): Panels {
  let saved: string | null = null;
  try {
    saved = globalThis.localStorage?.getItem(PANELS_KEY) ?? null;
  } catch {
    // Unavailable storage: nothing remembered.
  }
  return initialPanels(saved, globalThis.innerWidth);
}

function remember(state: Panels): void {
  try {
    globalThis.localStorage?.setItem(
      PANELS_KEY,
      JSON.stringify({ palette: state.paletteCollapsed, sidebar: state.sidebarCollapsed }),
    );
  } catch {
    // Not remembered; the choice still holds in this tab.
  }
}

export const useView = create<ViewState>()((set, get) => ({
  ...remembered(),
  findOpen: false,
  findQuery: '',
  togglePalette: () => {
    set({ paletteCollapsed: !get().paletteCollapsed });
    remember(get());
  },
  toggleSidebar: () => {
    set({ sidebarCollapsed: !get().sidebarCollapsed });
    remember(get());
  },
  showSidebar: () => {
    if (!get().sidebarCollapsed) return;
    set({ sidebarCollapsed: false });
    remember(get());
  },
  setFindOpen: (findOpen) => set(findOpen ? { findOpen, findQuery: '' } : { findOpen }),
  setFindQuery: (findQuery) => set({ findQuery }),
  fabricFormFor: null,
  requestFabricForm: (fabricFormFor) => set({ fabricFormFor }),
}));
