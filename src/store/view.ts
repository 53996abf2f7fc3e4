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

function remembered(): { paletteCollapsed: boolean; sidebarCollapsed: boolean } {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(PANELS_KEY) ?? '{}') as unknown;
    if (saved && typeof saved === 'object') {
      const { palette, sidebar } = saved as { palette?: unknown; sidebar?: unknown };
      return { paletteCollapsed: palette === true, sidebarCollapsed: sidebar === true };
    }
  } catch {
    // Unreadable or unavailable storage: both panels open.
  }
  return { paletteCollapsed: false, sidebarCollapsed: false };
}

function remember(state: Pick<ViewState, 'paletteCollapsed' | 'sidebarCollapsed'>): void {
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
