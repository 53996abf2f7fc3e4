import { Check, FlaskConical, Unplug, X } from 'lucide-react';
import { useScenario } from '../store/scenario';
import { moveSimulationFor } from '../store/scenarioResults';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { useUi } from '../store/ui';
import { buttonClass, primaryButtonClass } from './fields';
import { applyMove, discardMove } from '../app/whatifActions';
import { labelOf } from '../model/labels';

/** Over the canvas while a what-if scenario is active: it is a scenario, not the design. */
export function ScenarioBanner() {
  const move = useScenario((s) => s.move);
  const failed = useScenario((s) => s.failed);
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  if (!move && failed.length === 0) return null;
  const sim = move ? moveSimulationFor(design, move) : null;
  return (
    <div
      className="pointer-events-none absolute top-3 left-1/2 z-10 flex -translate-x-1/2 flex-col items-center gap-2"
      data-testid="scenario-banner"
    >
      {sim?.ok && (
        <div className="pointer-events-auto flex items-center gap-2 rounded-full border border-violet-300 bg-violet-50 py-1 pr-1 pl-3 text-xs text-violet-900 shadow-md dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100">
          <FlaskConical className="h-3.5 w-3.5" aria-hidden />
          <span>
            What-if: <strong>{labelOf(design, sim.workloadId)}</strong> →{' '}
            {labelOf(design, sim.targetClusterId)} · {sim.added.length} new, {sim.resolved.length}{' '}
            resolved
          </span>
          <button
            type="button"
            className={`${buttonClass} !rounded-full`}
            onClick={() => useUi.getState().setTab('whatif')}
          >
            Details
          </button>
          <button
            type="button"
            className={`${buttonClass} !rounded-full`}
            onClick={discardMove}
            data-testid="banner.move.discard"
          >
            <X className="h-3 w-3" aria-hidden /> Discard
          </button>
          <button
            type="button"
            className={`${primaryButtonClass} !rounded-full !py-1 !text-xs`}
            disabled={readOnly}
            onClick={() => applyMove(sim)}
            data-testid="banner.move.apply"
          >
            <Check className="h-3 w-3" aria-hidden /> Apply
          </button>
        </div>
      )}
      {failed.length > 0 && (
        <div className="pointer-events-auto flex items-center gap-2 rounded-full border border-red-300 bg-red-50 py-1 pr-1 pl-3 text-xs text-red-900 shadow-md dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <Unplug className="h-3.5 w-3.5" aria-hidden />
          <span>
            What-if failure: <strong>{failed.map((id) => labelOf(design, id)).join(', ')}</strong>
          </span>
          <button
            type="button"
            className={`${buttonClass} !rounded-full`}
            onClick={() => useUi.getState().setTab('whatif')}
          >
            Details
          </button>
          <button
            type="button"
            className={`${buttonClass} !rounded-full`}
            data-testid="banner.fail.restore"
            onClick={() => {
              useScenario.getState().setFailed([]);
              useUi.getState().setHighlightPath(null);
            }}
          >
            Restore all
          </button>
        </div>
      )}
    </div>
  );
}
