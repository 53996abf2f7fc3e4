import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { KIND_LABELS } from '../model/defaults';
import type { Workload } from '../model/schema';
import type { Finding } from '../rules/types';
import { deviceSubtitle } from '../render/text';
import { useElementFindings, worstSeverity } from '../store/findings';
import { CENTER_HANDLE, type FlowNode } from '../store/flow';
import { workloadsByCluster } from '../store/selectors';
import { useStudio } from '../store/studio';
import { FindingBadge } from './Badge';
import { CanvasFlags, CONNECTING, FAR, NAMED } from './canvasFlags';
import { FAR_COLORS, installKindIconStyles, kindIconClass } from './kindIconStyles';
import { FAILED, HIGHLIGHTED, HOVERED, SOLE, useMarks } from './marks';
import { plural } from '../model/plural';

installKindIconStyles();

const EMPTY: readonly Workload[] = [];
const MAX_CHIPS = 3;

function WorkloadChips({ clusterId }: { clusterId: string }) {
  const mine = useStudio((s) => workloadsByCluster(s.design.workloads).get(clusterId) ?? EMPTY);
  if (mine.length === 0) return null;
  const shown = mine.slice(0, MAX_CHIPS);
  const vmCount = mine.reduce((sum, w) => sum + w.count, 0);
  return (
    <div
      className="absolute -bottom-3 left-2 flex max-w-[calc(100%-16px)] gap-1"
      data-testid={`chips.${clusterId}`}
    >
      {shown.map((w) => (
        <span
          key={w.id}
          data-testid={`chip.${w.id}`}
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData('application/x-dci-workload', w.id);
            event.dataTransfer.effectAllowed = 'move';
            event.stopPropagation();
          }}
          title={`${w.name}${w.count > 1 ? ` (${w.count} VMs)` : ''} · ${w.memoryGB} GB`}
          className="nodrag max-w-20 cursor-grab truncate rounded-full border border-emerald-300 bg-emerald-50 px-1.5 text-[10px] leading-4 font-medium text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {w.name || w.id}
        </span>
      ))}
      {mine.length > MAX_CHIPS && (
        <span
          className="rounded-full border border-slate-300 bg-white px-1.5 text-[10px] leading-4 font-medium text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300"
          title={`${plural(mine.length, 'workload')}, ${plural(vmCount, 'VM')}`}
        >
          +{mine.length - MAX_CHIPS}
        </span>
      )}
    </div>
  );
}

export { FAR_ZOOM } from './canvasFlags';

const SIDES = [
  ['top', Position.Top],
  ['left', Position.Left],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
] as const;

/**
 * The marker of a node's centre, its first handle (CENTER_HANDLE, flow.ts): React Flow places the
 * ends of its links, which name no handle, there. Inert like the side markers below, and first
 * in the node, where React Flow takes a link's handle from when the link names none.
 */
export const CENTER_MARKER = (
  <span
    aria-hidden
    className="react-flow__handle react-flow__handle-top source handle-marker handle-center"
    data-handleid={CENTER_HANDLE}
    data-handlepos={Position.Top}
  />
);

/**
 * The four connection handles, drawn only while the device is hovered or the one selected, or
 * a connection is being drawn: each <Handle> subscribes to React Flow's store, and 4 of them on
 * every card made a drag re-run thousands of selectors and a pan hit-test them all.
 */
function DeviceHandles() {
  return (
    <>
      {CENTER_MARKER}
      {SIDES.map(([id, position]) => (
        <Handle key={id} type="source" position={position} id={id} />
      ))}
    </>
  );
}

/**
 * In their place, inert markers where the handles sit: React Flow measures a node's handles
 * from the DOM when it mounts, and links attach to what it finds. Plain, hidden, not hit; one
 * element for every card, so a card that re-renders (selected, say) does not re-render them.
 */
const HANDLE_MARKERS = (
  <>
    {CENTER_MARKER}
    {SIDES.map(([id, position]) => (
      <span
        key={id}
        aria-hidden
        className={`react-flow__handle react-flow__handle-${position} source handle-marker`}
        data-handleid={id}
        data-handlepos={position}
      />
    ))}
  </>
);

/**
 * What a card shows of its device: memoised apart from the card, so selecting (or selecting
 * all) re-renders no icon, text, badge or chips.
 */
const CardContent = memo(function CardContent({
  id,
  element,
  findings,
}: {
  id: string;
  element: FlowNode['data']['element'];
  findings: readonly Finding[];
}) {
  return (
    <>
      <span
        aria-hidden
        className={`h-8 w-8 shrink-0 rounded-md bg-slate-100 dark:bg-slate-700 ${kindIconClass(element.kind)}`}
      />
      {/* Name and subtitle are two lines of one clipped block, each cut with an ellipsis: one
          clip per card rather than one per line, which a pan re-layerizes every frame. The name
          is top-aligned so its larger font does not make its line taller. */}
      <div className="min-w-0 flex-1 truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400">
        <span className="align-top text-[13px] font-semibold text-slate-800 dark:text-slate-100">
          {element.label || KIND_LABELS[element.kind]}
        </span>
        <br />
        {deviceSubtitle(element)}
      </div>
      <FindingBadge findings={findings} elementId={id} className="absolute -top-2.5 -right-2.5" />
      {element.kind === 'cluster' && <WorkloadChips clusterId={id} />}
    </>
  );
});

function DeviceNodeView({ id, data }: NodeProps<FlowNode>) {
  const element = data.element;
  const findings = useElementFindings(id);
  // On a finding's path, failed (or in a failed site), the one selected, under the pointer:
  // one subscription, which tells this card only of its own changes.
  const marks = useMarks(id);
  const highlighted = (marks & HIGHLIGHTED) !== 0;
  const failed = (marks & FAILED) !== 0;
  const flags = useContext(CanvasFlags);
  const far = (flags & FAR) !== 0;
  const connecting = (flags & CONNECTING) !== 0;
  // The selected device shows its handles when it is the only one selected: a select-all
  // would otherwise mount four live handles on every card.
  const alone = (marks & SOLE) !== 0;
  const handles = (marks & HOVERED) !== 0 || alone || connecting;
  const state = `${highlighted ? 'node-highlight' : ''} ${failed ? 'node-failed' : ''}`;
  if (far) {
    // Zoomed out: a box in the kind's colour, its name in large type while that can be read;
    // the site's badge sums up the findings.
    const worst = worstSeverity(findings);
    const name = element.label || KIND_LABELS[element.kind];
    return (
      <div
        data-testid={`node.${id}`}
        data-kind={element.kind}
        data-failed={failed || undefined}
        title={name}
        className={`device-far flex h-full w-full items-center justify-center rounded-lg border-2 ${FAR_COLORS[element.kind]} ${worst ? `device-far-${worst}` : ''} ${state}`}
      >
        {handles ? <DeviceHandles /> : HANDLE_MARKERS}
        {(flags & NAMED) !== 0 && <span className="device-far-name">{name}</span>}
      </div>
    );
  }
  return (
    <div
      data-testid={`node.${id}`}
      data-kind={element.kind}
      className={`device-card relative flex h-full w-full items-center gap-2 rounded-lg border border-slate-300 bg-white px-2.5 dark:border-slate-600 dark:bg-slate-800 ${state}`}
      data-failed={failed || undefined}
    >
      {handles ? <DeviceHandles /> : HANDLE_MARKERS}
      <CardContent id={id} element={element} findings={findings} />
    </div>
  );
}

/**
 * A card draws its device and nothing React Flow passes besides: its selection outline is the
 * wrapper's class (index.css), its place the wrapper's transform. So a select-all, or a drag's
 * every move, re-renders no card.
 */
export const DeviceNode = memo(
  DeviceNodeView,
  (before, after) => before.id === after.id && before.data === after.data,
);
