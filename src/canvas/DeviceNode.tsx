import { Handle, Position, useStoreApi, type NodeProps } from '@xyflow/react';
import { memo, useContext, useLayoutEffect } from 'react';
import { KIND_LABELS } from '../model/defaults';
import type { Workload } from '../model/schema';
import type { Finding } from '../rules/types';
import {
  CARD_SUBTITLE_FONTS_PX,
  cardName,
  cardSubtitle,
  FAR_NAME_FONTS_PX,
  farNameFont,
  type CardName,
} from '../render/cardText';
import { deviceSubtitles } from '../render/text';
import { useElementFindings, worstSeverity } from '../store/findings';
import { CENTER_HANDLE, type FlowNode } from '../store/flow';
import { workloadsByCluster } from '../store/selectors';
import { useStudio } from '../store/studio';
import { FindingBadge } from './Badge';
import { chipsShown, moreChipText } from './chips';
import { CanvasFlags, CONNECTING, FAR, NAMED } from './canvasFlags';
import { FAR_COLORS, installKindIconStyles, kindIconClass } from './kindIconStyles';
import { diffClass, FAILED, HIGHLIGHTED, HOVERED, SOLE, useAnyMarks, useMarks } from './marks';
import { figureText, plural } from '../model/plural';

installKindIconStyles();

const EMPTY: readonly Workload[] = [];
const chipName = (w: Workload) => w.name || w.id;

function WorkloadChips({ clusterId }: { clusterId: string }) {
  const mine = useStudio((s) => workloadsByCluster(s.design.workloads).get(clusterId) ?? EMPTY);
  if (mine.length === 0) return null;
  const shown = mine.slice(0, chipsShown(mine.map(chipName)));
  const vmCount = mine.reduce((sum, w) => sum + w.count, 0);
  return (
    <div
      className="absolute -bottom-3 left-2 flex max-w-[calc(100%-16px)] gap-1"
      data-testid={`chips.${clusterId}`}
    >
      {shown.map((w) => (
        <WorkloadChip key={w.id} workload={w} />
      ))}
      {mine.length > shown.length && (
        <MoreChip
          clusterId={clusterId}
          hidden={mine.slice(shown.length)}
          vmCount={vmCount}
          total={mine.length}
        />
      )}
    </div>
  );
}

/** A workload's chip, outlined when the Compare dialog marked the workload (marks.ts). */
function WorkloadChip({ workload: w }: { workload: Workload }) {
  const diff = diffClass(useMarks(w.id));
  return (
    <span
      data-testid={`chip.${w.id}`}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-dci-workload', w.id);
        event.dataTransfer.effectAllowed = 'move';
        event.stopPropagation();
      }}
      title={`${w.name}${w.count > 1 ? ` (${plural(w.count, 'VM')})` : ''} · ${figureText(w.memoryGB)} GB`}
      className={`chip nodrag max-w-20 cursor-grab truncate rounded-full border border-emerald-300 bg-emerald-50 px-1 text-[10px] leading-4 font-medium text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200 ${diff}`}
    >
      {chipName(w)}
    </span>
  );
}

/** The "+3" chip of the workloads with no room for a chip: outlined when one of them is marked. */
function MoreChip({
  clusterId,
  hidden,
  vmCount,
  total,
}: {
  clusterId: string;
  hidden: readonly Workload[];
  vmCount: number;
  total: number;
}) {
  const diff = diffClass(useAnyMarks(hidden.map((w) => w.id)));
  return (
    <span
      data-testid={`chips.more.${clusterId}`}
      className={`chip shrink-0 rounded-full border border-slate-300 bg-white px-1 text-[10px] leading-4 font-medium text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300 ${diff}`}
      title={`${plural(total, 'workload')}, ${plural(vmCount, 'VM')}`}
    >
      {moreChipText(hidden.length)}
    </span>
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
 * ends of its links, which name no handle, there. Inert, and first in the node, where React Flow
 * takes a link's handle from when the link names none. A card without its live handles
 * (DeviceHandles) has this marker alone: the handles a node declares (flow.ts) place its links
 * and connections, and React Flow's measure of the node as it mounts finds the centre, where its
 * links end. Four more inert markers on every card, for the sides, were a quarter of the page's
 * elements at 1,000 elements (1,332 of 5,374), each styled, laid out and measured as the design
 * opened.
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
 *
 * `measure`: React Flow measures a node's handles from the page when it mounts (its resize
 * observer), and that measure, which found only the centre marker, stands until the node
 * changes; a connection starts only from a handle it knows. So a card that shows its handles
 * for the pointer (hovered, or the one selected) has them measured as they come, unless React
 * Flow knows them. Not while a connection is drawn: every card in view shows them then, and each
 * measure is a store update. React Flow's useUpdateNodeInternals asks the same a frame later
 * (requestAnimationFrame) and with the id unescaped in its selector; here it is asked before
 * the card is painted with its handles, for any id.
 */
function DeviceHandles({ id, measure }: { id: string; measure: boolean }) {
  const flow = useStoreApi();
  useLayoutEffect(() => {
    if (!measure) return;
    const { domNode, nodeLookup, updateNodeInternals } = flow.getState();
    // Known already (measured with them, or the declared ones since the node last changed): a
    // measure is a store update, and a pan passes the pointer over card after card.
    const sides = nodeLookup.get(id)?.internals.handleBounds?.source;
    if (sides?.some((handle) => handle.id === SIDES[0][0])) return;
    const nodeElement = domNode?.querySelector<HTMLDivElement>(
      `.react-flow__node[data-id="${CSS.escape(id)}"]`,
    );
    if (nodeElement) updateNodeInternals(new Map([[id, { id, nodeElement, force: true }]]));
  }, [flow, id, measure]);
  return (
    <>
      {CENTER_MARKER}
      {SIDES.map(([side, position]) => (
        <Handle key={side} type="source" position={position} id={side} />
      ))}
    </>
  );
}

/** The name's sizes (cardText.ts) as Tailwind classes, written out whole for its scanner. */
const NAME_FONT_CLASS: Record<CardName['fontPx'], string> = {
  13: 'text-[13px]',
  12: 'text-[12px]',
  11: 'text-[11px]',
};

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
  const label = element.label || KIND_LABELS[element.kind];
  const name = cardName(label);
  const cut = name.text !== label;
  const subtitles = deviceSubtitles(element);
  const subtitle = cardSubtitle(subtitles);
  return (
    <>
      <span
        aria-hidden
        className={`h-8 w-8 shrink-0 rounded-md bg-slate-100 dark:bg-slate-700 ${kindIconClass(element.kind)}`}
      />
      {/* Name and subtitle are two lines of one clipped block: one clip per card rather than
          one per line, which a pan re-layerizes every frame. The name comes fitted to the card
          (cardText.ts, as in the exports); the clip cuts with an ellipsis a line the browser's
          font draws wider than its estimate, and the subtitle. The name is top-aligned so its
          larger font does not make its line taller. */}
      <div
        className="min-w-0 flex-1 truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400"
        title={`${label}\n${subtitles[0]}`}
      >
        <span
          className={`align-top font-semibold text-slate-800 dark:text-slate-100 ${NAME_FONT_CLASS[name.fontPx]}`}
          data-testid={`node-name.${id}`}
          aria-hidden={cut || undefined}
        >
          {name.text}
        </span>
        {/* A cut name is read, and found by a search of the page, whole. */}
        {cut && <span className="sr-only">{label}</span>}
        <br />
        {subtitle.fontPx === CARD_SUBTITLE_FONTS_PX[0] ? (
          subtitle.text
        ) : (
          <span className="text-[10px]">{subtitle.text}</span>
        )}
      </div>
      <FindingBadge findings={findings} elementId={id} className="absolute -top-2.5 -right-2.5" />
      {element.kind === 'cluster' && <WorkloadChips clusterId={id} />}
    </>
  );
});

/** A box's name zoomed out, at a size its longest word fits at (cardText.ts). */
function FarName({ name }: { name: string }) {
  const fontPx = farNameFont(name);
  return (
    <span
      className="device-far-name"
      style={
        fontPx === FAR_NAME_FONTS_PX[0]
          ? undefined
          : { fontSize: fontPx, lineHeight: `${fontPx}px` }
      }
    >
      {name}
    </span>
  );
}

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
  const pointed = (marks & HOVERED) !== 0 || alone;
  const handles = pointed || connecting;
  const state = `${highlighted ? 'node-highlight' : ''} ${failed ? 'node-failed' : ''} ${diffClass(marks)}`;
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
        {handles ? <DeviceHandles id={id} measure={pointed} /> : CENTER_MARKER}
        {(flags & NAMED) !== 0 && <FarName name={name} />}
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
      {handles ? <DeviceHandles id={id} measure={pointed} /> : CENTER_MARKER}
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
