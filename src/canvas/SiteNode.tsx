import {
  Handle,
  NodeResizer,
  Position,
  useStore,
  type NodeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo } from 'react';
import { findingsFor, NO_FINDINGS, useElementFindings, useValidated } from '../store/findings';
import { findingsBySite } from '../store/siteFindings';
import type { FlowNode } from '../store/flow';
import { deviceCountBySite, selectedNodeCount } from '../store/selectors';
import { useStudio } from '../store/studio';
import { useScenario } from '../store/scenario';
import { useUi } from '../store/ui';
import { FindingBadge } from './Badge';
import { FAR_ZOOM } from './DeviceNode';
import { KIND_ICONS } from './icons';
import { plural } from '../model/plural';

/**
 * Zoomed out, the header grows against the zoom (in quarter steps, so a zoom gesture re-renders
 * the few sites only now and then) to stay readable, and its badge sums up the site.
 */
const headerScale = (s: ReactFlowState) => {
  const zoom = s.transform[2];
  return zoom >= FAR_ZOOM ? 1 : Math.min(10, Math.round((0.8 / zoom) * 4) / 4);
};

const ROLE_LABELS = { dc: 'Data center', witness: 'Witness site', cloud: 'Cloud' } as const;

function SiteNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const site = data.element;
  const scale = useStore(headerScale);
  const own = useElementFindings(id);
  const all = useValidated((s) =>
    scale === 1
      ? NO_FINDINGS
      : (findingsBySite(findingsFor(s.design), s.design).get(id) ?? NO_FINDINGS),
  );
  const findings = scale === 1 ? own : all;
  const highlighted = useUi((s) => s.highlightPath?.includes(id) ?? false);
  const failed = useScenario((s) => s.failed.includes(id));
  const readOnly = useStudio((s) => s.readOnly);
  // Resize handles only when this site is the one thing selected.
  const alone = useStudio((s) => selected && selectedNodeCount(s.nodes) === 1);
  const counts = useStudio((s) => deviceCountBySite(s.design.nodes).get(id) ?? 0);
  if (site.kind !== 'site') return null;
  const Icon = KIND_ICONS.site;
  return (
    <div
      data-testid={`node.${id}`}
      data-kind="site"
      data-failed={failed || undefined}
      className={`site-box h-full w-full rounded-[14px] border-2 ${highlighted ? 'node-highlight' : ''} ${failed ? 'site-failed' : ''} ${
        site.role === 'witness'
          ? 'border-violet-300 dark:border-violet-700'
          : site.role === 'cloud'
            ? 'border-sky-300 dark:border-sky-700'
            : 'border-[var(--site-border)]'
      } bg-[var(--site-bg)]`}
    >
      <NodeResizer
        isVisible={selected && alone && !readOnly}
        minWidth={240}
        minHeight={160}
        lineClassName="!border-teal-600"
        handleClassName="!bg-teal-600 !w-2 !h-2"
        onResizeEnd={(_, p) =>
          useStudio.getState().updateElement(id, {
            width: Math.round(p.width),
            height: Math.round(p.height),
            position: { x: Math.round(p.x), y: Math.round(p.y) },
          })
        }
      />
      <div
        className="site-drag-handle flex origin-top-left cursor-grab items-center gap-2 rounded-t-[12px] px-3 py-2 active:cursor-grabbing"
        style={scale === 1 ? undefined : { transform: `scale(${scale})`, width: `${100 / scale}%` }}
      >
        <Icon aria-hidden className="h-4 w-4 text-slate-500 dark:text-slate-400" />
        <span className="truncate text-sm font-semibold text-slate-800 dark:text-slate-100">
          {site.label || 'Unnamed site'}
        </span>
        <span className="rounded bg-slate-200/80 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-600 dark:bg-slate-700/80 dark:text-slate-300">
          {ROLE_LABELS[site.role]}
        </span>
        <span className="text-[11px] text-slate-500 dark:text-slate-400">
          {plural(counts, 'device')}
        </span>
        <span className="ml-auto">
          <FindingBadge findings={findings} elementId={scale === 1 ? id : `site-summary.${id}`} />
        </span>
      </div>
      <Handle type="source" position={Position.Left} id="left" />
      <Handle type="source" position={Position.Right} id="right" />
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Bottom} id="bottom" />
    </div>
  );
}

export const SiteNode = memo(SiteNodeView);
