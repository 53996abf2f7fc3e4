import { Check, FlaskConical, Unplug, X, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useScenario } from '../store/scenario';
import { moveSimulationFor } from '../store/scenarioResults';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { useUi } from '../store/ui';
import { buttonClass, primaryButtonClass } from './fields';
import { applyMove, discardMove } from '../app/whatifActions';
import { labelOf } from '../model/labels';

const MOVE_TONE =
  'border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100';
const FAILURE_TONE =
  'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100';

/** One line of the banner: a rounded pill in its tone, its icon, its text and its buttons. */
function Pill({ tone, Icon, children }: { tone: string; Icon: LucideIcon; children: ReactNode }) {
  return (
    <div
      className={`pointer-events-auto flex items-center gap-2 rounded-full border py-1 pr-1 pl-3 text-xs shadow-md ${tone}`}
    >
      <Icon className="h-3.5 w-3.5" aria-hidden />
      {children}
    </div>
  );
}

/** Opens the What-if tab, where the scenario's details are. */
function DetailsButton() {
  return (
    <button
      type="button"
      className={`${buttonClass} !rounded-full`}
      onClick={() => useUi.getState().setTab('whatif')}
    >
      Details
    </button>
  );
}

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
      className="pointer-events-none absolute top-3 left-1/2 z-10 flex w-max max-w-[calc(100%-1.5rem)] -translate-x-1/2 flex-col items-center gap-2"
      data-testid="scenario-banner"
    >
      {sim?.ok && (
        <Pill tone={MOVE_TONE} Icon={FlaskConical}>
          <span>
            What-if: <strong>{labelOf(design, sim.workloadId)}</strong> →{' '}
            {labelOf(design, sim.targetClusterId)} · {sim.added.length} new, {sim.resolved.length}{' '}
            resolved
          </span>
          <DetailsButton />
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
        </Pill>
      )}
      {failed.length > 0 && (
        <Pill tone={FAILURE_TONE} Icon={Unplug}>
          <span>
            What-if failure: <strong>{failed.map((id) => labelOf(design, id)).join(', ')}</strong>
          </span>
          <DetailsButton />
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
        </Pill>
      )}
    </div>
  );
}
