import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  getStraightPath,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import { L2_EXTENSION_INFO, TRANSPORT_INFO } from '../model/catalog';
import { bundleOffset, bundleSpacing, offsetCurve } from '../model/parallel';
import { linkRttMs } from '../model/paths';
import type { Finding } from '../rules/types';
import { useElementFindings, worstSeverity } from '../store/findings';
import type { FlowEdge } from '../store/flow';
import { useStudio } from '../store/studio';
import { useScenario } from '../store/scenario';
import { useUi } from '../store/ui';

const SEVERITY_STROKE = { error: '#dc2626', warning: '#d97706', info: '#2563eb' } as const;
/** The size a DCI link's label takes (about; its text is truncated at 11rem). */
const DCI_LABEL_PX = { width: 184, height: 64 } as const;
/** Between parallel fabric links, which carry no label. */
const FABRIC_SPACING_PX = 14;

function fmtNumber(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1).replace(/\.0$/, '');
  return n.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}

/**
 * "12.4 ms > 10 ms" from a finding that measured something against a limit; the sign follows
 * the figures ("1 Gb/s < 2 Gb/s" for a bottleneck, "28 Gb/s > 10 Gb/s" for a demand).
 */
function limitText(f: Finding): string | null {
  if (f.measured === undefined || f.limit === undefined) return null;
  const unit = f.unit ? ` ${f.unit}` : '';
  return `${fmtNumber(f.measured)}${unit} ${f.measured < f.limit ? '<' : '>'} ${fmtNumber(f.limit)}${unit}`;
}

function DciEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
}: EdgeProps<FlowEdge>) {
  const settings = useStudio((s) => s.design.settings);
  const findings = useElementFindings(id);
  const highlighted = useUi((s) => s.highlightPath?.includes(id) ?? false);
  const failed = useScenario((s) => s.failed.includes(id));
  const link = data?.link;
  // Parallel links are drawn apart, far enough for their labels not to overlap.
  const offset =
    link && data.bundle.count > 1
      ? bundleOffset(
          link,
          data.bundle,
          bundleSpacing(
            targetX - sourceX,
            targetY - sourceY,
            DCI_LABEL_PX.width,
            DCI_LABEL_PX.height,
          ),
        )
      : 0;
  const curve = offset === 0 ? null : offsetCurve(sourceX, sourceY, targetX, targetY, offset);
  const [path, labelX, labelY] = curve
    ? [curve.path, curve.labelX, curve.labelY]
    : getBezierPath({
        sourceX,
        sourceY,
        targetX,
        targetY,
        sourcePosition,
        targetPosition,
        curvature: 0.15,
      });
  if (!link || link.kind !== 'dci') return null;
  const worst = worstSeverity(findings);
  const limitFinding =
    findings.find(
      (f) => (f.ruleId.startsWith('LAT') || f.ruleId.startsWith('BW')) && f.severity === 'error',
    ) ?? findings.find((f) => f.ruleId.startsWith('LAT') || f.ruleId.startsWith('BW'));
  const broken = limitFinding !== undefined && limitFinding.severity === 'error';
  // "L3 only" is told by colour and width: a dash costs more to paint than it says.
  const l3Only = link.l2Extension === 'none';
  const stroke = broken
    ? SEVERITY_STROKE.error
    : worst === 'warning' && limitFinding
      ? SEVERITY_STROKE.warning
      : l3Only
        ? 'var(--edge-dci-l3)'
        : 'var(--edge-dci)';
  const rtt = linkRttMs(link, settings);
  const figure = limitFinding ? limitText(limitFinding) : null;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={highlighted ? 'edge-highlight' : ''}
        style={{
          stroke: failed ? '#dc2626' : highlighted ? '#f59e0b' : stroke,
          opacity: failed ? 0.55 : 1,
          strokeWidth: selected || highlighted ? 4.5 : l3Only ? 2 : 3,
          strokeDasharray: failed ? '3 6' : undefined,
        }}
        interactionWidth={24}
      />
      <EdgeLabelRenderer>
        <div
          data-testid={`edge-label.${id}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          className={`nodrag nopan pointer-events-auto absolute flex flex-col items-center rounded-md border px-2 py-1 text-[11px] leading-4 shadow-sm ${
            broken
              ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
              : 'border-teal-200 bg-white text-slate-700 dark:border-teal-800 dark:bg-slate-900 dark:text-slate-200'
          } ${selected ? 'ring-2 ring-teal-600' : ''}`}
          onClick={() => useStudio.getState().select([id])}
        >
          {link.label && <span className="max-w-[11rem] truncate font-semibold">{link.label}</span>}
          <span className={link.label ? '' : 'font-semibold'}>
            {fmtNumber(link.distanceKm)} km · {fmtNumber(rtt)} ms
            {link.rttMs === undefined ? '' : ' (set)'} · {fmtNumber(link.bandwidthGbps)} Gb/s
          </span>
          <span className="text-[10px] text-slate-500 dark:text-slate-400">
            {TRANSPORT_INFO[link.transport].label}
            {link.l2Extension !== 'none'
              ? ` · ${L2_EXTENSION_INFO[link.l2Extension].label} · ${link.extendedSegmentIds.length} seg`
              : ' · L3 only'}
          </span>
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
          {findings.length > 0 && (
            <span data-testid={`badge.${id}`} data-severity={worst} className="sr-only">
              {findings.length}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

function FabricEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  selected,
  data,
}: EdgeProps<FlowEdge>) {
  const highlighted = useUi((s) => s.highlightPath?.includes(id) ?? false);
  const offset =
    data && data.bundle.count > 1 ? bundleOffset(data.link, data.bundle, FABRIC_SPACING_PX) : 0;
  const [path] =
    offset === 0
      ? getStraightPath({ sourceX, sourceY, targetX, targetY })
      : [offsetCurve(sourceX, sourceY, targetX, targetY, offset).path];
  return (
    <BaseEdge
      id={id}
      path={path}
      className={highlighted ? 'edge-highlight' : ''}
      style={{
        stroke: highlighted ? '#f59e0b' : selected ? 'var(--color-accent)' : 'var(--edge-fabric)',
        strokeWidth: highlighted ? 3.5 : selected ? 2.5 : 1.25,
      }}
      interactionWidth={14}
    />
  );
}

export const DciEdge = memo(DciEdgeView);
export const FabricEdge = memo(FabricEdgeView);
