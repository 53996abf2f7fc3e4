import { useMemo } from 'react';
import type { Cluster, Design } from '../model/schema';
import { buildGraph, type DesignGraph } from '../rules/graph';
import { estimateMove } from '../rules/migration';
import { useStudio } from '../store/studio';
import { Section } from './fields';

let memo: { design: Design; graph: DesignGraph } | null = null;
/** One graph per design, shared by every estimate shown. */
function graphFor(design: Design): DesignGraph {
  if (memo?.design !== design) memo = { design, graph: buildGraph(design) };
  return memo.graph;
}

function fmtS(s: number): string {
  if (!Number.isFinite(s)) return '∞';
  if (s >= 3600) return `${(s / 3600).toFixed(1)} h`;
  if (s >= 60) return `${(s / 60).toFixed(1)} min`;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

export interface EstimateRow {
  readonly targetId: string;
  readonly targetLabel: string;
  readonly estimate: ReturnType<typeof estimateMove>;
}

export function estimatesFor(design: Design, workloadId: string): EstimateRow[] {
  const graph = graphFor(design);
  const workload = design.workloads.find((w) => w.id === workloadId);
  if (!workload) return [];
  const from = graph.index.nodes.get(workload.clusterId);
  if (from?.kind !== 'cluster') return [];
  return workload.mobilityTargetIds.map((targetId) => {
    const to = graph.index.nodes.get(targetId);
    const site = to && to.kind !== 'site' ? graph.index.nodes.get(to.parentId) : undefined;
    return {
      targetId,
      targetLabel: `${to?.label ?? targetId}${site ? ` (${site.label})` : ''}`,
      estimate: to?.kind === 'cluster' ? estimateMove(graph, workload, from, to as Cluster) : null,
    };
  });
}

/** The §6 pre-copy estimate of one workload to each of its mobility targets. */
export function WorkloadEstimates({ workloadId }: { workloadId: string }) {
  const design = useStudio((s) => s.design);
  const workload = design.workloads.find((w) => w.id === workloadId);
  const rows = useMemo(() => estimatesFor(design, workloadId), [design, workloadId]);
  if (!workload) return null;
  if (rows.length === 0)
    return (
      <p className="py-1 text-xs text-slate-500 italic">
        No mobility targets: nothing to estimate.
      </p>
    );
  return (
    <table className="w-full text-xs" data-testid={`estimates.${workloadId}`}>
      <thead>
        <tr className="text-left text-[10px] tracking-wide text-slate-500 uppercase">
          <th className="py-1 font-medium">To</th>
          <th className="py-1 text-right font-medium">RTT</th>
          <th className="py-1 text-right font-medium">B</th>
          <th className="py-1 text-right font-medium">Rounds</th>
          <th className="py-1 text-right font-medium">Total</th>
          <th className="py-1 text-right font-medium">Down</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ targetId, targetLabel, estimate }) => (
          <tr
            key={targetId}
            className="border-t border-slate-100 dark:border-slate-800"
            data-testid={`estimate.${workloadId}.${targetId}`}
          >
            <td className="max-w-[9rem] truncate py-1 pr-1" title={targetLabel}>
              {targetLabel}
            </td>
            {estimate ? (
              <>
                <td className="py-1 text-right tabular-nums">{estimate.rttMs.toFixed(2)} ms</td>
                <td
                  className="py-1 text-right tabular-nums"
                  title={`limited by ${estimate.limitedBy}`}
                >
                  {estimate.effectiveGbps.toFixed(2)} Gb/s
                </td>
                <td className="py-1 text-right tabular-nums">
                  {estimate.converges ? estimate.rounds : '—'}
                </td>
                <td
                  className={`py-1 text-right tabular-nums ${estimate.converges ? '' : 'font-semibold text-amber-600'}`}
                >
                  {estimate.converges ? fmtS(estimate.totalTimeS) : 'never'}
                </td>
                <td
                  className={`py-1 text-right tabular-nums ${estimate.converges && estimate.downtimeS <= workload.downtimeToleranceS ? '' : 'font-semibold text-amber-600'}`}
                >
                  {estimate.converges ? fmtS(estimate.downtimeS) : '—'}
                </td>
              </>
            ) : (
              <td colSpan={5} className="py-1 text-right text-red-600">
                unreachable
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For a host cluster: the estimates of every workload that runs on it. */
export function ClusterEstimates({ cluster }: { cluster: Cluster }) {
  const workloads = useStudio((s) => s.design.workloads);
  const mine = workloads.filter((w) => w.clusterId === cluster.id);
  return (
    <Section title={`Workloads (${mine.length}) · migration estimates`}>
      {mine.length === 0 && (
        <p className="py-1 text-xs text-slate-500 italic">
          No workloads run here. Add them in the Workloads tab.
        </p>
      )}
      {mine.map((w) => (
        <div key={w.id} className="py-1">
          <div className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {w.name || w.id}{' '}
            <span className="font-normal text-slate-500">
              · {w.memoryGB} GB · {w.dirtyRateMBps} MB/s dirty
              {w.count > 1 ? ` · ${w.count} VMs` : ''}
            </span>
          </div>
          <WorkloadEstimates workloadId={w.id} />
        </div>
      ))}
    </Section>
  );
}
