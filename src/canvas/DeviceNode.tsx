import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { KIND_LABELS } from '../model/defaults';
import type { Workload } from '../model/schema';
import { deviceSubtitle } from '../render/text';
import { useFindings } from '../store/findings';
import type { FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { useScenario } from '../store/scenario';
import { useUi } from '../store/ui';
import { FindingBadge } from './Badge';
import { KIND_COLORS, KIND_ICONS } from './icons';

const EMPTY: readonly Workload[] = [];
const MAX_CHIPS = 3;

function WorkloadChips({ clusterId }: { clusterId: string }) {
  const workloads = useStudio((s) => s.design.workloads);
  const mine = workloads.length === 0 ? EMPTY : workloads.filter((w) => w.clusterId === clusterId);
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
          title={`${mine.length} workloads, ${vmCount} VMs`}
        >
          +{mine.length - MAX_CHIPS}
        </span>
      )}
    </div>
  );
}

function DeviceNodeView({ id, data }: NodeProps<FlowNode>) {
  const element = data.element;
  const findings = useFindings().byElement.get(id) ?? [];
  const highlighted = useUi((s) => s.highlightPath?.includes(id) ?? false);
  const failed = useScenario(
    (s) =>
      s.failed.includes(id) || s.failed.includes(element.kind === 'site' ? '' : element.parentId),
  );
  const Icon = KIND_ICONS[element.kind];
  return (
    <div
      data-testid={`node.${id}`}
      data-kind={element.kind}
      className={`device-card relative flex h-full w-full items-center gap-2 rounded-lg border border-slate-300 bg-white px-2.5 shadow-sm dark:border-slate-600 dark:bg-slate-800 ${highlighted ? 'node-highlight' : ''} ${failed ? 'node-failed' : ''}`}
      data-failed={failed || undefined}
    >
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Left} id="left" />
      <Handle type="source" position={Position.Right} id="right" />
      <span
        className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-slate-100 dark:bg-slate-700 ${KIND_COLORS[element.kind]}`}
      >
        <Icon aria-hidden className="h-[18px] w-[18px]" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="truncate text-[13px] leading-4 font-semibold text-slate-800 dark:text-slate-100">
          {element.label || KIND_LABELS[element.kind]}
        </div>
        <div className="truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400">
          {deviceSubtitle(element)}
        </div>
      </div>
      <span className="absolute -top-2.5 -right-2.5">
        <FindingBadge findings={findings} elementId={id} />
      </span>
      {element.kind === 'cluster' && <WorkloadChips clusterId={id} />}
      <Handle type="source" position={Position.Bottom} id="bottom" />
    </div>
  );
}

export const DeviceNode = memo(DeviceNodeView);
