import { useMemo } from 'react';
import type { Cluster, Design } from '../model/schema';
import { bandwidthText, figureText, plural, secondsText } from '../model/plural';
import { buildGraph, type DesignGraph } from '../rules/graph';
import { estimateMove } from '../rules/migration';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { Section } from './fields';

let memo: { design: Design; graph: DesignGraph } | null = null;
/** One graph per design, shared by every estimate shown. */
function graphFor(design: Design): DesignGraph {
  if (memo?.design !== design) memo = { design, graph: buildGraph(design) };
  return memo.graph;
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
  const design = useStudio(designButPositions);
  const workload = design.workloads.find((w) => w.id === workloadId);
  const rows = useMemo(() => estimatesFor(design, workloadId), [design, workloadId]);
  if (!workload) return null;
  if (rows.length === 0)
    return (
      <p className="py-1 text-xs text-slate-500 italic dark:text-slate-400">
        No mobility targets: nothing to estimate.
      </p>
    );
  return (
    <ul className="space-y-1.5" data-testid={`estimates.${workloadId}`}>
      {rows.map(({ targetId, targetLabel, estimate }) => {
        const slow =
          estimate !== null &&
          (!estimate.converges || estimate.downtimeS > workload.downtimeToleranceS);
        return (
          <li
            key={targetId}
            className="rounded-md border border-slate-200 px-2 py-1 text-xs dark:border-slate-700"
            data-testid={`estimate.${workloadId}.${targetId}`}
          >
            <div
              className="truncate font-medium text-slate-700 dark:text-slate-200"
              title={targetLabel}
            >
              → {targetLabel}
            </div>
            {estimate ? (
              <dl className="mt-0.5 grid grid-cols-[auto_1fr_auto_1fr] gap-x-2 text-[11px] tabular-nums">
                <dt className="text-slate-500 dark:text-slate-400">RTT</dt>
                <dd>{figureText(estimate.rttMs)} ms</dd>
                <dt className="text-slate-500 dark:text-slate-400">Bandwidth</dt>
                <dd title={`limited by ${estimate.limitedBy}`}>
                  {bandwidthText(estimate.effectiveGbps)}{' '}
                  <span className="text-slate-500 dark:text-slate-400">({estimate.limitedBy})</span>
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">Rounds</dt>
                <dd>{estimate.converges ? estimate.rounds : '—'}</dd>
                <dt className="text-slate-500 dark:text-slate-400">Total</dt>
                <dd className={estimate.converges ? '' : 'font-semibold text-amber-700'}>
                  {estimate.converges ? secondsText(estimate.totalTimeS) : 'never converges'}
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">Downtime</dt>
                <dd className={slow ? 'font-semibold text-amber-700' : ''}>
                  {estimate.converges ? secondsText(estimate.downtimeS) : '—'}
                </dd>
                <dt className="text-slate-500 dark:text-slate-400">Sent</dt>
                <dd>
                  {Number.isFinite(estimate.dataSentGb)
                    ? `${figureText(estimate.dataSentGb / 8)} GB`
                    : '—'}
                </dd>
              </dl>
            ) : (
              <p className="text-red-600">Unreachable: no network path joins the clusters.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** For a host cluster: the estimates of every workload that runs on it. */
export function ClusterEstimates({ cluster }: { cluster: Cluster }) {
  const workloads = useStudio((s) => s.design.workloads);
  const mine = workloads.filter((w) => w.clusterId === cluster.id);
  return (
    <Section title={`Workloads (${mine.length}) · migration estimates`}>
      {mine.length === 0 && (
        <p className="py-1 text-xs text-slate-500 italic dark:text-slate-400">
          No workloads run here. Add them in the Workloads tab.
        </p>
      )}
      {mine.map((w) => (
        <div key={w.id} className="py-1">
          <div className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {w.name || w.id}{' '}
            <span className="font-normal text-slate-500 dark:text-slate-400">
              · {figureText(w.memoryGB)} GB · {figureText(w.dirtyRateMBps)} MB/s dirty
              {w.writeRateMBps > 0 ? ` · ${figureText(w.writeRateMBps)} MB/s written` : ''}
              {w.count > 1 ? ` · ${plural(w.count, 'VM')}` : ''}
            </span>
          </div>
          <WorkloadEstimates workloadId={w.id} />
        </div>
      ))}
    </Section>
  );
}
