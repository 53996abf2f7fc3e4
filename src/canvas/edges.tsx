import {
  BaseEdge,
  EdgeLabelRenderer,
  getStraightPath,
  useStore as useFlowStore,
  type EdgeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useCallback, type CSSProperties, type ReactNode } from 'react';
import type { DciLink } from '../model/schema';
import { bundleOffset, bundleSpacing, offsetCurve, type BundlePlace } from '../model/parallel';
import type { Link } from '../model/schema';
import { dciFigures, dciTransport, limitFinding, limitText } from '../render/text';
import { useDrawnPath } from './drawnPath';
import type { Box } from '../render/types';
import { useElementFindings, worstSeverity } from '../store/findings';
import { DEVICE_ENDS, facingEnds, type FlowEdge, type FlowEdgeData } from '../store/flow';
import { useLink } from '../store/linkWatch';
import { useStudio } from '../store/studio';
import { useRoute } from './routeStore';
import { diffClass, FAILED, HIGHLIGHTED, useMarks } from './marks';
import { followCanvasSelection } from './follow';
import { canvasStroke, LINK_STYLES, linkStyleId } from '../render/linkStyle';
import { labelNearView } from './labelView';
import { countText } from '../model/plural';

/** The size a DCI link's label takes (about) while the router loads. */
const DCI_LABEL_PX = { width: 184, height: 64 } as const;
/** Between parallel fabric links, which carry no label. */
const FABRIC_SPACING_PX = 14;

type Ends = ReturnType<typeof facingEnds>;

/**
 * The ends of a link's line before its route: React Flow gives each end's centre (the edge
 * names no handle, flow.ts), the line leaves and enters by the sides that face each other.
 */
const facing = (sx: number, sy: number, tx: number, ty: number, data: FlowEdgeData | undefined) =>
  facingEnds({ x: sx, y: sy }, { x: tx, y: ty }, data?.ends ?? DEVICE_ENDS);

/**
 * What a link looks like until its route arrives from the router (the first moments after a
 * load): a straight line, or for parallel links a curve pushed aside by its bundle offset.
 */
function provisionalPath(
  { source: a, target: b }: Ends,
  link: Pick<Link, 'id' | 'source' | 'target'> | undefined,
  bundle: BundlePlace | undefined,
  spacingPx: number,
): { path: string; x: number; y: number } {
  const offset = link && bundle && bundle.count > 1 ? bundleOffset(link, bundle, spacingPx) : 0;
  if (offset === 0) {
    const [path, x, y] = getStraightPath({
      sourceX: a.x,
      sourceY: a.y,
      targetX: b.x,
      targetY: b.y,
    });
    return { path, x, y };
  }
  const curve = offsetCurve(a.x, a.y, b.x, b.y, offset);
  return { path: curve.path, x: curve.labelX, y: curve.labelY };
}

function DciEdgeView({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<FlowEdge>) {
  const settings = useStudio((s) => s.design.settings);
  const link = useLink(id);
  const findings = useElementFindings(id);
  const route = useRoute(id);
  const drawn = useDrawnPath(route);
  const marks = useMarks(id);
  const highlighted = (marks & HIGHLIGHTED) !== 0;
  const failed = (marks & FAILED) !== 0;
  if (!link || link.kind !== 'dci') return null;
  const worst = worstSeverity(findings);
  const limit = limitFinding(findings);
  const broken = limit !== undefined && limit.severity === 'error';
  // "L3 only" is told by colour and width (linkStyle.ts), as in the legend and the exports.
  const look = linkStyleId({ kind: 'dci', l3Only: link.l2Extension === 'none', broken });
  const stroke =
    worst === 'warning' && limit && !broken ? 'var(--color-warning)' : canvasStroke(look);
  const figure = limit ? limitText(limit) : null;
  // The straight or bundled line of the moments before the route arrives (and where the route
  // has no label box, the label's place on it).
  const ends = route?.label ? null : facing(sourceX, sourceY, targetX, targetY, data);
  const provisional = ends
    ? provisionalPath(
        ends,
        link,
        data?.bundle,
        bundleSpacing(
          ends.target.x - ends.source.x,
          ends.target.y - ends.source.y,
          DCI_LABEL_PX.width,
          DCI_LABEL_PX.height,
        ),
      )
    : null;
  const path = drawn ?? provisional?.path ?? '';
  const box: Box = route?.label?.box ?? {
    x: (provisional?.x ?? 0) - DCI_LABEL_PX.width / 2,
    y: (provisional?.y ?? 0) - DCI_LABEL_PX.height / 2,
    ...DCI_LABEL_PX,
  };
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        // Its width, plain, selected or highlighted, is the `.dci-path` style sheet (index.css),
        // from the width its look gives: a selection, or a select-all, re-renders no DCI link.
        className={highlighted ? 'dci-path edge-highlight' : 'dci-path'}
        style={
          {
            stroke: failed ? '#dc2626' : highlighted ? '#f59e0b' : stroke,
            opacity: failed ? 0.55 : 1,
            strokeDasharray: failed ? '3 6' : undefined,
            '--dci-width': `${LINK_STYLES[look].widthPx}px`,
          } as CSSProperties
        }
        interactionWidth={24}
      />
      <LabelNearView box={box}>
        <DciLabel
          id={id}
          link={link}
          centerX={box.x + box.width / 2}
          centerY={box.y + box.height / 2}
          width={box.width}
          figures={dciFigures(link, settings)}
          figure={figure}
          broken={broken}
          failed={failed}
          findingCount={findings.length}
          worst={worst}
          diff={diffClass(marks)}
        />
      </LabelNearView>
    </>
  );
}

/**
 * A DCI label, drawn in React Flow's label layer while it is near the view (labelView.ts): one
 * selector per drawn DCI link, which re-renders it only when it comes near or goes away.
 */
function LabelNearView({ box, children }: { box: Box; children: ReactNode }) {
  const { x, y, width, height } = box;
  const near = useFlowStore(
    useCallback(
      (s: ReactFlowState) => labelNearView({ x, y, width, height }, s),
      [x, y, width, height],
    ),
  );
  return near ? <EdgeLabelRenderer>{children}</EdgeLabelRenderer> : null;
}

/** Memoised: a re-render of its edge (selection, findings elsewhere) redraws no label. */
const DciLabel = memo(function DciLabel({
  id,
  link,
  centerX,
  centerY,
  width,
  figures,
  figure,
  broken,
  failed,
  findingCount,
  worst,
  diff,
}: {
  id: string;
  link: DciLink;
  /** The middle and width of the box the geometry placed (plain numbers, for the memo). */
  centerX: number;
  centerY: number;
  width: number;
  figures: string;
  figure: string | null;
  broken: boolean;
  failed: boolean;
  findingCount: number;
  worst: string | null;
  /** Its comparison mark's class (marks.ts `diffClass`), or ''. */
  diff: string;
}) {
  // Its ring when its link is selected: read here, so that a selection redraws the label only.
  const selected = useFlowStore((s: ReactFlowState) => s.edgeLookup.get(id)?.selected === true);
  return (
    <div
      data-testid={`edge-label.${id}`}
      // The box the geometry placed (clear of devices and other labels), centred on it.
      style={{
        transform: `translate(-50%, -50%) translate(${centerX}px, ${centerY}px)`,
        minWidth: width,
      }}
      className={`nodrag nopan pointer-events-auto absolute flex flex-col items-center rounded-md border px-2 py-1 text-[11px] leading-4 whitespace-nowrap shadow-sm ${
        broken
          ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
          : 'border-teal-200 bg-white text-slate-700 dark:border-teal-800 dark:bg-slate-900 dark:text-slate-200'
      } ${selected ? 'ring-2 ring-teal-600' : ''} ${diff}`}
      onClick={() => {
        useStudio.getState().select([id]);
        followCanvasSelection();
      }}
    >
      {link.label && <span className="max-w-[11rem] truncate font-semibold">{link.label}</span>}
      <span className={link.label ? '' : 'font-semibold'}>{figures}</span>
      <span className="text-[10px] text-slate-600 dark:text-slate-400">{dciTransport(link)}</span>
      {failed && (
        <span
          data-testid={`edge-failed.${id}`}
          className="font-bold text-red-600 dark:text-red-400"
        >
          ✕ failed (what-if)
        </span>
      )}
      {figure && (
        <span
          data-testid={`edge-limit.${id}`}
          className="font-semibold text-red-700 dark:text-red-300"
        >
          {figure}
        </span>
      )}
      {findingCount > 0 && (
        <span data-testid={`badge.${id}`} data-severity={worst} className="sr-only">
          {countText(findingCount)}
        </span>
      )}
    </div>
  );
});

/**
 * A fabric link draws nothing of its link but its two ends, which its edge carries (flow.ts
 * makes an edge's source and target its link's): so it watches no link. Each subscription is a
 * few hooks, effects and closures per drawn link, and at 3,000 elements bench:ui draws ~350
 * fabric links.
 */
function FabricEdgeView({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<FlowEdge>) {
  const marks = useMarks(id);
  const highlighted = (marks & HIGHLIGHTED) !== 0;
  const diff = diffClass(marks);
  const route = useRoute(id);
  const drawn = useDrawnPath(route);
  const path =
    drawn ??
    provisionalPath(
      facing(sourceX, sourceY, targetX, targetY, data),
      { id, source, target },
      data?.bundle,
      FABRIC_SPACING_PX,
    ).path;
  // Its stroke, plain or selected, is the `.fabric-path` style sheet below (React Flow marks a
  // selected edge's group): a selection, or a select-all, re-renders no fabric link. A
  // highlighted path is drawn over it, inline.
  return (
    <BaseEdge
      id={id}
      path={path}
      className={`${highlighted ? 'fabric-path edge-highlight' : 'fabric-path'} ${diff}`}
      style={highlighted ? HIGHLIGHTED_FABRIC : undefined}
      interactionWidth={14}
    />
  );
}

const HIGHLIGHTED_FABRIC = { stroke: '#f59e0b', strokeWidth: 3.5 } as const;

/** A fabric link's stroke, plain and selected (the second also over React Flow's focus look). */
export function fabricStyles(): string {
  const plain = `stroke:${canvasStroke('fabric')};stroke-width:${LINK_STYLES.fabric.widthPx}px`;
  return [
    `.react-flow__edge:not(.selected) .react-flow__edge-path.fabric-path{${plain}}`,
    '.react-flow__edge.selected .react-flow__edge-path.fabric-path{stroke:var(--color-accent);stroke-width:2.5px}',
  ].join('\n');
}

let fabricStylesInstalled = false;
/** Put the fabric links' style sheet in the document, once (the first fabric link does it). */
function installFabricStyles(): void {
  if (fabricStylesInstalled || typeof document === 'undefined') return;
  fabricStylesInstalled = true;
  const style = document.createElement('style');
  style.dataset['styles'] = 'fabric-links';
  style.textContent = fabricStyles();
  document.head.appendChild(style);
}
installFabricStyles();

/**
 * Closer than this (canvas px), two ends are the same: React Flow's measurement of a node's
 * handles (on mount, at the zoom of the moment) lands a few thousandths of a pixel off the
 * handles the node declares (flow.ts), which redrew every link of every node it measured.
 */
const SAME_END_PX = 0.05;
const ENDS = new Set(['sourceX', 'sourceY', 'targetX', 'targetY']);

/**
 * A link, fabric or DCI, re-renders when what it draws changes: not on a selection (CSS draws
 * it, and a DCI label reads its own), nor when its ends move by less than a twentieth of a
 * pixel (a select-all hands React Flow new nodes, whose handles it takes again from what they
 * declare: a few thousandths off the ones it measured).
 */
export function sameLinkProps(before: EdgeProps<FlowEdge>, after: EdgeProps<FlowEdge>): boolean {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  for (const key of keys) {
    if (key === 'selected') continue;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (ENDS.has(key) && typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) < SAME_END_PX) continue;
    }
    return false;
  }
  return true;
}

export const DciEdge = memo(DciEdgeView, sameLinkProps);
export const FabricEdge = memo(FabricEdgeView, sameLinkProps);
