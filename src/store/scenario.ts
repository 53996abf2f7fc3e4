/**
 * What-if state: a hypothetical move and a set of failed elements. A scenario is never an edit
 * of the baseline design: its results are derived (scenarioResults.ts, memoized by design and scenario), and only
 * "Apply" commits a move as an ordinary, undoable edit.
 */
import { create } from 'zustand';
import type { Design } from '../model/schema';
import type { FailureSweep } from '../rules/whatif/failure';

export interface MoveRequest {
  readonly workloadId: string;
  readonly targetClusterId: string;
}

export interface ScenarioState {
  move: MoveRequest | null;
  failed: readonly string[];
  sweep: { design: Design; result: FailureSweep; ms: number } | null;
  evacuationSiteId: string | null;
  setMove: (move: MoveRequest | null) => void;
  toggleFailed: (id: string) => void;
  setFailed: (ids: readonly string[]) => void;
  setSweep: (sweep: ScenarioState['sweep']) => void;
  setEvacuationSite: (siteId: string | null) => void;
  reset: () => void;
}

export const useScenario = create<ScenarioState>()((set) => ({
  move: null,
  failed: [],
  sweep: null,
  evacuationSiteId: null,
  setMove: (move) => set({ move }),
  toggleFailed: (id) =>
    set((s) => ({
      failed: s.failed.includes(id) ? s.failed.filter((x) => x !== id) : [...s.failed, id],
    })),
  setFailed: (failed) => set({ failed }),
  setSweep: (sweep) => set({ sweep }),
  setEvacuationSite: (evacuationSiteId) => set({ evacuationSiteId }),
  reset: () => set({ move: null, failed: [], sweep: null, evacuationSiteId: null }),
}));
