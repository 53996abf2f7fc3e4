import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFindings } from '../store/findings';
import type { FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { useScenario } from '../store/scenario';
import { useUi } from '../store/ui';
import { FindingBadge } from './Badge';
import { KIND_ICONS } from './icons';

const ROLE_LABELS = { dc: 'Data center', witness: 'Witness site', cloud: 'Cloud' } as const;

function SiteNodeView({ id, data, selected }: NodeProps<FlowNode>) {
  const site = data.element;
  const findings = useFindings().byElement.get(id) ?? [];
  const highlighted = useUi((s) => s.highlightPath?.includes(id) ?? false);
  const failed = useScenario((s) => s.failed.includes(id));
  const readOnly = useStudio((s) => s.readOnly);
  const alone = useStudio((s) => s.nodes.reduce((n, x) => (x.selected ? n + 1 : n), 0) === 1);
  const counts = useStudio((s) =>
    s.design.nodes.reduce((sum, n) => (n.kind !== 'site' && n.parentId === id ? sum + 1 : sum), 0),
  );
  if (site.kind !== 'site') return null;
  const Icon = KIND_ICONS.site;
  return (
    <div
      data-testid={`node.${id}`}
      data-kind="site"
      data-failed={failed || undefined}
      className={`site-box h-full w-full rounded-[14px] border-2 border-dashed ${highlighted ? 'node-highlight' : ''} ${failed ? 'site-failed' : ''} ${
        site.role === 'witness'
          ? 'border-violet-400/70'
          : site.role === 'cloud'
            ? 'border-sky-400/70'
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
      <div className="site-drag-handle flex cursor-grab items-center gap-2 rounded-t-[12px] px-3 py-2 active:cursor-grabbing">
        <Icon aria-hidden className="h-4 w-4 text-slate-500 dark:text-slate-400" />
        <span className="truncate text-sm font-semibold text-slate-800 dark:text-slate-100">
          {site.label || 'Unnamed site'}
        </span>
        <span className="rounded bg-slate-200/80 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-600 dark:bg-slate-700/80 dark:text-slate-300">
          {ROLE_LABELS[site.role]}
        </span>
        <span className="text-[11px] text-slate-500 dark:text-slate-400">{counts} devices</span>
        <span className="ml-auto">
          <FindingBadge findings={findings} elementId={id} />
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
