import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  Copy,
  Waypoints,
} from 'lucide-react';
import { memo, useDeferredValue, type ReactElement } from 'react';
import { command, displayChord, runCommand, type CommandContext } from '../app/commands';
import type { FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { buttonClass } from './fields';

/*
 * Each button's icon is one element made once: the buttons re-render whenever the selection or
 * the design changes (to say what is enabled), and React then skips the icons, which are the
 * same; drawn anew, each of the ten re-ran lucide's class and attribute merging every time.
 */
const ALIGN: readonly [string, ReactElement][] = [
  ['align-left', <AlignStartVertical className="h-4 w-4" aria-hidden />],
  ['align-center', <AlignCenterVertical className="h-4 w-4" aria-hidden />],
  ['align-right', <AlignEndVertical className="h-4 w-4" aria-hidden />],
  ['align-top', <AlignStartHorizontal className="h-4 w-4" aria-hidden />],
  ['align-middle', <AlignCenterHorizontal className="h-4 w-4" aria-hidden />],
  ['align-bottom', <AlignEndHorizontal className="h-4 w-4" aria-hidden />],
  ['distribute-horizontal', <AlignHorizontalDistributeCenter className="h-4 w-4" aria-hidden />],
  ['distribute-vertical', <AlignVerticalDistributeCenter className="h-4 w-4" aria-hidden />],
];

const OTHERS: readonly [string, ReactElement, string][] = [
  ['mesh', <Waypoints className="h-3.5 w-3.5" aria-hidden />, 'Connect as full mesh'],
  ['duplicate', <Copy className="h-3.5 w-3.5" aria-hidden />, 'Duplicate'],
];

// The inspector has no view to fit; none of these commands needs one.
const NO_VIEW: CommandContext = { fitView: () => undefined };

function title(id: string): string {
  const cmd = command(id);
  const chord = cmd.shortcuts[0];
  return chord ? `${cmd.label} (${displayChord(chord)})` : cmd.label;
}

/** Align, distribute, mesh and duplicate for a multiple selection, in the inspector. */
export function ArrangeTools() {
  // Re-render when the selection or the design changes, as that decides what is enabled: in a
  // render of its own after the canvas has drawn the change (as the inspector's selection,
  // Inspector.tsx). With a multiple selection shown, bench:ui's paste of 30 devices rendered
  // these ten buttons, each asking its command, inside the paste's first frame.
  const nodes = useDeferredValue(useStudio((s) => s.nodes));
  const readOnly = useDeferredValue(useStudio((s) => s.readOnly));
  return <ArrangeButtons nodes={nodes} readOnly={readOnly} />;
}

/**
 * The buttons, drawn again only when the deferred selection or design comes: each asks its
 * command whether it is enabled, from the store as it is then.
 */
const ArrangeButtons = memo(function ArrangeButtons(_: {
  nodes: readonly FlowNode[];
  readOnly: boolean;
}) {
  return (
    <div className="flex flex-col gap-2 pt-2" data-testid="arrange">
      <div
        className="flex flex-wrap items-center gap-1"
        role="group"
        aria-label="Align and distribute"
      >
        {ALIGN.map(([id, icon], i) => {
          const cmd = command(id);
          return (
            <button
              key={id}
              type="button"
              aria-label={cmd.label}
              title={title(id)}
              data-testid={`arrange.${id}`}
              disabled={!cmd.enabled()}
              onClick={() => runCommand(cmd, NO_VIEW)}
              className={`inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 shadow-xs hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 ${i === 3 || i === 6 ? 'ml-2' : ''}`}
            >
              {icon}
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-1.5">
        {OTHERS.map(([id, icon, label]) => (
          <button
            key={id}
            type="button"
            title={title(id)}
            data-testid={`arrange.${id}`}
            disabled={!command(id).enabled()}
            onClick={() => runCommand(command(id), NO_VIEW)}
            className={buttonClass}
          >
            {icon} {label}
          </button>
        ))}
      </div>
    </div>
  );
});
