/**
 * What-if actions shared by the app, the workload editor, the banner and the What-if panel;
 * light (a type import of the engine only), so the first screen does not load the what-if engine.
 */
import type { MoveSimulation } from '../rules/whatif/move';
import { useScenario } from '../store/scenario';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { labelOf } from '../model/labels';

export { labelOf };

/** Start a what-if move (from the panel, "Move to…" or a chip dropped on a cluster). */
export function startMove(workloadId: string, targetClusterId: string): void {
  const design = useStudio.getState().design;
  const w = design.workloads.find((x) => x.id === workloadId);
  if (!w) return;
  if (w.clusterId === targetClusterId) {
    notify('info', `${w.name} already runs on ${labelOf(design, targetClusterId)}.`);
    return;
  }
  useScenario.getState().setMove({ workloadId, targetClusterId });
  useUi.getState().setTab('whatif');
}

export function discardMove(): void {
  useScenario.getState().setMove(null);
  useUi.getState().setHighlightPath(null);
}

export function applyMove(sim: MoveSimulation): void {
  useStudio.getState().commit(sim.scenario);
  discardMove();
  notify('success', 'Move applied to the design. Undo with Ctrl+Z.');
}
