import { useReactFlow } from '@xyflow/react';
import { ArrowRight, Check, FlaskConical, Play, Unplug, X, Zap } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { Design, DesignNode } from '../model/schema';
import type { Finding } from '../rules/types';
import type { FailureImpact, SweepRow } from '../rules/whatif/failure';
import type { MoveSimulation } from '../rules/whatif/move';
import type { FlowEdge, FlowNode } from '../store/flow';
import { useScenario } from '../store/scenario';
import {
  evacuationFor,
  failureImpactFor,
  moveSimulationFor,
  runSweepAsync,
  survivingGraphFor,
} from '../store/scenarioResults';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { notify, useUi } from '../store/ui';
import { buttonClass, inputClass, primaryButtonClass, Section } from './fields';
import { applyMove, discardMove, startMove } from '../app/whatifActions';
import { labelOf } from '../model/labels';
import { SEVERITY_META } from './findingParts';
import { focusFinding } from './focus';
import { agree, bandwidthText, countText, figureText, plural, secondsText } from '../model/plural';

function siteOfCluster(design: Design, clusterId: string): string {
  const c = design.nodes.find((n) => n.id === clusterId);
  return c && c.kind !== 'site' ? labelOf(design, c.parentId) : '';
}

function MiniFinding({
  finding,
  tone,
}: {
  finding: Finding;
  tone: 'added' | 'resolved' | 'plain';
}) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const meta = SEVERITY_META[finding.severity];
  const Icon = meta.icon;
  return (
    <li data-testid={`whatif.finding.${tone}`} data-rule={finding.ruleId}>
      <button
        type="button"
        onClick={() => focusFinding(finding, flow)}
        className={`flex w-full items-start gap-2 rounded px-2 py-1 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${tone === 'added' ? 'bg-amber-50 dark:bg-amber-950/30' : ''}`}
      >
        <Icon
          className={`mt-0.5 h-3.5 w-3.5 shrink-0 ${meta.text}`}
          aria-label={finding.severity}
        />
        <span
          className={
            tone === 'resolved'
              ? 'text-slate-500 line-through dark:text-slate-400'
              : 'text-slate-800 dark:text-slate-200'
          }
        >
          <span className="mr-1 font-mono text-[10px] font-semibold">{finding.ruleId}</span>
          {finding.message}
        </span>
      </button>
    </li>
  );
}

function Stat({
  label,
  value,
  warn,
  testId,
}: {
  label: string;
  value: ReactNode;
  warn?: boolean;
  testId?: string;
}) {
  return (
    <div
      className="rounded-md border border-slate-200 px-2 py-1 dark:border-slate-700"
      data-testid={testId}
    >
      <div className="text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {label}
      </div>
      <div
        className={`text-sm font-semibold tabular-nums ${warn ? 'text-amber-700' : 'text-slate-800 dark:text-slate-100'}`}
      >
        {value}
      </div>
    </div>
  );
}

function MoveSection({ design }: { design: Design }) {
  const move = useScenario((s) => s.move);
  const readOnly = useStudio((s) => s.readOnly);
  const [workloadId, setWorkloadId] = useState(design.workloads[0]?.id ?? '');
  const workload = design.workloads.find((w) => w.id === workloadId) ?? design.workloads[0];
  const clusters = design.nodes.filter((n) => n.kind === 'cluster' && n.id !== workload?.clusterId);
  const [targetId, setTargetId] = useState('');
  const target =
    clusters.find((c) => c.id === targetId) ??
    clusters.find((c) => workload?.mobilityTargetIds.includes(c.id)) ??
    clusters[0];
  const sim = move ? moveSimulationFor(design, move) : null;

  // Animate the trombones a move creates.
  const trombonePaths = sim?.ok ? sim.tromboneFindings.flatMap((f) => f.path ?? []) : [];
  const pathKey = trombonePaths.join(' ');
  useEffect(() => {
    if (pathKey) useUi.getState().setHighlightPath(pathKey.split(' '));
  }, [pathKey]);

  return (
    <Section title="Move a workload">
      {design.workloads.length === 0 ? (
        <p className="py-1 text-xs text-slate-500 italic dark:text-slate-400">
          No workloads yet (Workloads tab).
        </p>
      ) : (
        <div className="space-y-1.5">
          <select
            aria-label="Workload to move"
            data-testid="whatif.move.workload"
            className={inputClass}
            value={workload?.id ?? ''}
            onChange={(e) => setWorkloadId(e.target.value)}
          >
            {design.workloads.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} — on {labelOf(design, w.clusterId)} ({siteOfCluster(design, w.clusterId)})
              </option>
            ))}
          </select>
          <div className="flex items-center gap-1.5">
            <ArrowRight className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
            <select
              aria-label="Target host cluster"
              data-testid="whatif.move.target"
              className={inputClass}
              value={target?.id ?? ''}
              onChange={(e) => setTargetId(e.target.value)}
            >
              {/* Its mobility targets first, apart: a " · target" after each name was cut off
                  by the narrow select. */}
              {targetGroups(clusters, workload?.mobilityTargetIds ?? []).map(
                ({ label, members }) =>
                  label === null ? (
                    members.map((c) => clusterOption(design, c))
                  ) : (
                    <optgroup key={label} label={label}>
                      {members.map((c) => clusterOption(design, c))}
                    </optgroup>
                  ),
              )}
            </select>
            <button
              type="button"
              className={buttonClass}
              data-testid="whatif.move.simulate"
              disabled={!workload || !target}
              onClick={() => workload && target && startMove(workload.id, target.id)}
            >
              <Play className="h-3.5 w-3.5" aria-hidden /> Simulate
            </button>
          </div>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            Or drag a workload chip onto another host cluster on the canvas.
          </p>
        </div>
      )}
      {sim && !sim.ok && <p className="mt-2 text-xs text-red-600">{sim.reason.message}</p>}
      {sim?.ok && <MoveResult design={design} sim={sim} readOnly={readOnly} />}
    </Section>
  );
}

function clusterOption(design: Design, cluster: DesignNode) {
  return (
    <option key={cluster.id} value={cluster.id}>
      {cluster.label || cluster.id} ({siteOfCluster(design, cluster.id)})
    </option>
  );
}

/**
 * The clusters a workload could be moved to: its mobility targets, then the others, each under
 * a heading when there are both; one list without headings otherwise.
 */
function targetGroups<T extends { readonly id: string }>(
  clusters: readonly T[],
  targetIds: readonly string[],
): { label: string | null; members: T[] }[] {
  const targets = clusters.filter((c) => targetIds.includes(c.id));
  const others = clusters.filter((c) => !targetIds.includes(c.id));
  if (targets.length === 0 || others.length === 0) return [{ label: null, members: [...clusters] }];
  return [
    { label: 'Mobility targets', members: targets },
    { label: 'Other host clusters', members: others },
  ];
}

function MoveResult({
  design,
  sim,
  readOnly,
}: {
  design: Design;
  sim: MoveSimulation;
  readOnly: boolean;
}) {
  const w = design.workloads.find((x) => x.id === sim.workloadId);
  const e = sim.estimate;
  const tolerance = w?.downtimeToleranceS ?? 2;
  return (
    <div
      className="mt-3 rounded-lg border border-violet-300 bg-violet-50/60 p-2.5 dark:border-violet-800 dark:bg-violet-950/30"
      data-testid="whatif.move.result"
    >
      <div className="mb-2 flex items-center gap-1.5 text-xs font-semibold text-violet-900 dark:text-violet-200">
        <FlaskConical className="h-3.5 w-3.5" aria-hidden /> Scenario: {w?.name}{' '}
        {labelOf(design, sim.fromClusterId)} → {labelOf(design, sim.targetClusterId)} (
        {siteOfCluster(design, sim.targetClusterId)})
      </div>
      {e ? (
        <div className="grid grid-cols-3 gap-1.5" data-testid="whatif.move.estimate">
          <Stat
            label="Converges"
            value={e.converges ? 'yes' : 'no'}
            warn={!e.converges}
            testId="whatif.estimate.converges"
          />
          <Stat label="Rounds" value={e.converges ? e.rounds : '—'} />
          <Stat
            label="Total time"
            value={secondsText(e.totalTimeS)}
            testId="whatif.estimate.total"
          />
          <Stat
            label="Downtime"
            value={e.converges ? secondsText(e.downtimeS) : '—'}
            warn={!e.converges || e.downtimeS > tolerance}
          />
          <Stat label="Bandwidth" value={bandwidthText(e.effectiveGbps)} />
          <Stat label="RTT" value={`${figureText(e.rttMs)} ms`} />
        </div>
      ) : (
        <p className="text-xs text-red-600">
          No network path joins the two clusters: the move cannot happen.
        </p>
      )}
      <h4 className="mt-3 mb-1 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        New findings ({sim.added.length})
        {sim.tromboneFindings.length > 0
          ? ` · ${plural(sim.tromboneFindings.length, 'trombone path')} on the canvas`
          : ''}
      </h4>
      {sim.added.length === 0 ? (
        <p className="px-2 text-xs text-emerald-700 dark:text-emerald-400">
          None: the move adds no finding.
        </p>
      ) : (
        <ul>
          {sim.added.map((f) => (
            <MiniFinding key={f.key} finding={f} tone="added" />
          ))}
        </ul>
      )}
      <h4 className="mt-2 mb-1 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        Resolved ({sim.resolved.length})
      </h4>
      {sim.resolved.length === 0 ? (
        <p className="px-2 text-xs text-slate-500 dark:text-slate-400">None.</p>
      ) : (
        <ul>
          {sim.resolved.map((f) => (
            <MiniFinding key={f.key} finding={f} tone="resolved" />
          ))}
        </ul>
      )}
      <div className="mt-3 flex justify-end gap-2">
        <button
          type="button"
          className={buttonClass}
          data-testid="whatif.move.discard"
          onClick={() => discardMove()}
        >
          <X className="h-3.5 w-3.5" aria-hidden /> Discard
        </button>
        <button
          type="button"
          className={primaryButtonClass}
          data-testid="whatif.move.apply"
          disabled={readOnly}
          onClick={() => applyMove(sim)}
        >
          <Check className="h-4 w-4" aria-hidden /> Apply move
        </button>
      </div>
    </div>
  );
}

function FailureSection({ design }: { design: Design }) {
  const failed = useScenario((s) => s.failed);
  const impact = failed.length > 0 ? failureImpactFor(design, failed) : null;
  const dciLinks = design.links.filter((l) => l.kind === 'dci');
  const sites = design.nodes.filter((n) => n.kind === 'site');
  return (
    <Section title="Fail a link or a site">
      <div className="flex items-center gap-1.5">
        <select
          aria-label="Element to fail"
          data-testid="whatif.fail.pick"
          className={inputClass}
          value=""
          onChange={(e) => {
            if (e.target.value) useScenario.getState().toggleFailed(e.target.value);
          }}
        >
          <option value="">Fail a DCI link or a site…</option>
          <optgroup label="DCI links">
            {dciLinks.map((l) => (
              <option key={l.id} value={l.id} disabled={failed.includes(l.id)}>
                {labelOf(design, l.id)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Sites">
            {sites.map((s) => (
              <option key={s.id} value={s.id} disabled={failed.includes(s.id)}>
                {s.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">
        Any device, link or site can also be failed from its inspector.
      </p>
      {failed.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-1" data-testid="whatif.failed">
          {failed.map((id) => (
            <span
              key={id}
              className="inline-flex items-center gap-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              <Unplug className="h-3 w-3" aria-hidden /> {labelOf(design, id)}
              <button
                type="button"
                aria-label={`Restore ${labelOf(design, id)}`}
                onClick={() => useScenario.getState().toggleFailed(id)}
                className="hover:text-red-950"
              >
                <X className="h-3 w-3" />
              </button>
            </span>
          ))}
          <button
            type="button"
            className="text-xs text-slate-500 underline dark:text-slate-400"
            data-testid="whatif.fail.clear"
            onClick={() => useScenario.getState().setFailed([])}
          >
            restore all
          </button>
        </div>
      )}
      {impact && <FailureResult design={design} impact={impact} failed={failed} />}
    </Section>
  );
}

function EffectsList({
  design,
  impact,
  failed,
}: {
  design: Design;
  impact: Pick<FailureImpact, 'effects'>;
  failed: readonly string[];
}) {
  const { effects } = impact;
  const items: {
    key: string;
    tone: 'error' | 'warning' | 'info';
    text: string;
    path?: string[];
  }[] = [];
  const graph = survivingGraphFor(design, failed);
  for (const r of effects.rttChanges) {
    const path = graph.path(r.siteA, r.siteB)?.path;
    items.push({
      key: `rtt-${r.siteA}-${r.siteB}`,
      tone: r.broken ? 'error' : 'info',
      text: `RTT ${labelOf(design, r.siteA)} ↔ ${labelOf(design, r.siteB)}: ${figureText(r.beforeMs)} → ${figureText(r.afterMs)} ms over the surviving path${r.limit ? (r.broken ? ` — over the ${figureText(r.limit.valueMs)} ms limit of ${r.limit.what}` : ` (limit ${figureText(r.limit.valueMs)} ms)`) : ''}`,
      ...(path ? { path: [...path] } : {}),
    });
  }
  for (const [a, b] of effects.disconnected)
    items.push({
      key: `cut-${a}-${b}`,
      tone: 'error',
      text: `${labelOf(design, a)} and ${labelOf(design, b)} are cut apart`,
    });
  for (const s of effects.segmentReachLost)
    items.push({
      key: `seg-${s.segmentId}`,
      tone: 'warning',
      text: `Segment ${labelOf(design, s.segmentId)} loses L2 reach between ${s.sitePairs.map(([a, b]) => `${labelOf(design, a)} and ${labelOf(design, b)}`).join(', ')}`,
    });
  for (const w of effects.witnessesUnreachable)
    items.push({
      key: `wit-${w.witnessId}-${w.siteId}`,
      tone: 'warning',
      text: `Witness ${labelOf(design, w.witnessId)} is unreachable from ${labelOf(design, w.siteId)}${w.reason === 'witness-failed' ? ' (it failed)' : ''}`,
    });
  for (const s of effects.stretched)
    if (s.severity) items.push({ key: `str-${s.a}-${s.b}`, tone: s.severity, text: s.message });
  if (items.length === 0)
    return (
      <p className="px-1 text-xs text-emerald-700 dark:text-emerald-400">
        No loss of reach, quorum or latency.
      </p>
    );
  return (
    <ul className="space-y-0.5" data-testid="whatif.effects">
      {items.map((it) => {
        const meta = SEVERITY_META[it.tone];
        const Icon = meta.icon;
        return (
          <li key={it.key} data-testid={`whatif.effect.${it.key.split('-')[0]}`}>
            <button
              type="button"
              disabled={!it.path}
              onClick={() => it.path && useUi.getState().setHighlightPath(it.path)}
              className="flex w-full items-start gap-1.5 rounded px-1 py-0.5 text-left text-xs enabled:hover:bg-slate-100 dark:enabled:hover:bg-slate-800"
            >
              <Icon className={`mt-0.5 h-3.5 w-3.5 shrink-0 ${meta.text}`} aria-label={it.tone} />
              <span className="text-slate-800 dark:text-slate-200">{it.text}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function FailureResult({
  design,
  impact,
  failed,
}: {
  design: Design;
  impact: FailureImpact;
  failed: readonly string[];
}) {
  // Show the surviving path of the first RTT change: the backup route the traffic now takes.
  const first = impact.effects.rttChanges[0];
  const pathKey = first
    ? (survivingGraphFor(design, failed).path(first.siteA, first.siteB)?.path ?? []).join(' ')
    : '';
  useEffect(() => {
    useUi.getState().setHighlightPath(pathKey ? pathKey.split(' ') : null);
  }, [pathKey]);
  return (
    <div
      className="mt-3 rounded-lg border border-red-200 bg-red-50/50 p-2.5 dark:border-red-900 dark:bg-red-950/20"
      data-testid="whatif.fail.result"
    >
      <div className="mb-1 text-xs font-semibold text-red-900 dark:text-red-200">
        With {failed.map((id) => labelOf(design, id)).join(', ')} down: +
        {plural(impact.counts.error, 'error')}, +{plural(impact.counts.warning, 'warning')}
      </div>
      <EffectsList design={design} impact={impact} failed={failed} />
      {impact.added.length > 0 && (
        <>
          <h4 className="mt-2 mb-1 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            New findings ({impact.added.length})
          </h4>
          <ul>
            {impact.added.map((f) => (
              <MiniFinding key={f.key} finding={f} tone="added" />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function sweepSummary(design: Design, row: SweepRow): string {
  const parts: string[] = [];
  const e = row.effects;
  if (e.disconnected.length) parts.push(`${plural(e.disconnected.length, 'site pair')} cut`);
  const broken = e.rttChanges.filter((r) => r.broken);
  if (broken.length)
    parts.push(
      broken
        .map(
          (r) =>
            `RTT ${labelOf(design, r.siteA)}↔${labelOf(design, r.siteB)} ${figureText(r.afterMs)} ms > ${r.limit ? figureText(r.limit.valueMs) : '?'} ms`,
        )
        .join('; '),
    );
  if (e.segmentReachLost.length)
    parts.push(
      `${plural(e.segmentReachLost.length, 'segment')} ${agree(e.segmentReachLost.length, 'loses', 'lose')} L2 reach`,
    );
  if (e.witnessesUnreachable.length) parts.push('witness unreachable');
  const bad = e.stretched.filter((s) => s.severity === 'error');
  if (bad.length) parts.push(bad.map((s) => s.after.replace(/-/g, ' ')).join(', '));
  return parts.join(' · ') || 'survives';
}

function SweepSection({ design }: { design: Design }) {
  const sweep = useScenario((s) => s.sweep);
  const [running, setRunning] = useState(false);
  const fresh = sweep && sweep.design === design ? sweep : null;
  const run = () => {
    setRunning(true);
    runSweepAsync(useStudio.getState().design)
      .then((sweep) => useScenario.getState().setSweep(sweep))
      .catch((error: unknown) =>
        notify(
          'error',
          `The failure sweep stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => setRunning(false));
  };
  return (
    <Section
      title="Check every single failure"
      actions={
        <button
          type="button"
          className={buttonClass}
          data-testid="whatif.sweep.run"
          disabled={running || design.nodes.length === 0}
          onClick={run}
        >
          <Zap className="h-3.5 w-3.5" aria-hidden />{' '}
          {running ? 'Checking…' : fresh ? 'Re-run' : 'Run'}
        </button>
      }
    >
      <p className="text-[11px] text-slate-500 dark:text-slate-400">
        Fails each DCI link and each site in turn, and lists what each failure breaks — a table for
        the design review.
      </p>
      {sweep && !fresh && (
        <p className="mt-1 text-[11px] text-amber-700">The design changed since the last run.</p>
      )}
      {sweep && (
        <table className="mt-2 w-full text-xs" data-testid="whatif.sweep.table">
          <thead>
            <tr className="text-left text-[10px] tracking-wide text-slate-500 uppercase dark:text-slate-400">
              <th className="py-1 font-medium">Failure</th>
              <th className="py-1 pl-2 text-right font-medium">Err</th>
              <th className="py-1 pl-2 text-right font-medium">Warn</th>
              <th className="py-1 pl-2 font-medium">Effect</th>
            </tr>
          </thead>
          <tbody>
            {sweep.result.rows.map((row) => (
              <tr
                key={row.failed.id}
                data-testid={`whatif.sweep.row.${row.failed.id}`}
                className="cursor-pointer border-t border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
                onClick={() => useScenario.getState().setFailed([row.failed.id])}
                title="Show this failure"
              >
                <td className="py-1 pr-1">
                  <span className="text-[10px] text-slate-500 uppercase dark:text-slate-400">
                    {row.failed.kind}
                  </span>{' '}
                  {row.failed.label}
                </td>
                <td
                  className={`py-1 text-right tabular-nums ${row.counts.error ? 'font-semibold text-red-600' : 'text-slate-500 dark:text-slate-400'}`}
                >
                  {row.counts.error}
                </td>
                <td
                  className={`py-1 text-right tabular-nums ${row.counts.warning ? 'font-semibold text-amber-700' : 'text-slate-500 dark:text-slate-400'}`}
                >
                  {row.counts.warning}
                </td>
                <td className="py-1 pl-2 text-slate-600 dark:text-slate-400">
                  {sweepSummary(sweep.design, row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sweep && (
        <p
          className="mt-1 text-[10px] text-slate-500 dark:text-slate-400"
          data-testid="whatif.sweep.time"
        >
          {plural(sweep.result.rows.length, 'failure')} checked in{' '}
          {sweep.ms < 1000 ? `${figureText(sweep.ms)} ms` : secondsText(sweep.ms / 1000)}
        </p>
      )}
    </Section>
  );
}

function EvacuateSection({ design }: { design: Design }) {
  const siteId = useScenario((s) => s.evacuationSiteId);
  const failed = useScenario((s) => s.failed);
  const dcSites = design.nodes.filter(
    (n) =>
      n.kind === 'site' &&
      design.workloads.some((w) => siteOfCluster(design, w.clusterId) === n.label),
  );
  const evac =
    siteId && design.nodes.some((n) => n.id === siteId)
      ? evacuationFor(design, { siteId, failed })
      : null;
  return (
    <Section title="Evacuate a site">
      <select
        aria-label="Site to evacuate"
        data-testid="whatif.evacuate.site"
        className={inputClass}
        value={siteId ?? ''}
        onChange={(e) => useScenario.getState().setEvacuationSite(e.target.value || null)}
      >
        <option value="">Choose a site with workloads…</option>
        {dcSites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      {evac && (
        <div className="mt-2" data-testid="whatif.evacuate.result">
          {failed.length > 0 && (
            <p className="mb-1 text-[11px] text-slate-500 dark:text-slate-400">
              With {failed.map((id) => labelOf(design, id)).join(', ')} down (what-if).
            </p>
          )}
          <div className="grid grid-cols-3 gap-1.5">
            <Stat
              label="VMs moved"
              value={countText(evac.totals.vmsMoved)}
              testId="whatif.evacuate.moved"
            />
            <Stat
              label="Stranded"
              value={countText(evac.totals.vmsStranded)}
              warn={evac.totals.vmsStranded > 0}
              testId="whatif.evacuate.stranded"
            />
            <Stat label="Takes" value={secondsText(evac.totals.timeS)} />
          </div>
          <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">
            {figureText(evac.totals.dataSentGb / 8)} GB over the DCI
            {evac.totals.limitedBy.kind !== 'none'
              ? `; limited by ${evac.totals.limitedBy.kind} ${labelOf(design, evac.totals.limitedBy.id)}`
              : ''}
            .
          </p>
          <ul className="mt-1 space-y-1">
            {evac.rows.map((r) => (
              <li
                key={r.workloadId}
                className="text-xs"
                data-testid={`whatif.evacuate.row.${r.workloadId}`}
              >
                <span className="font-medium">{r.name}</span>
                {r.count > 1 ? ` (${plural(r.count, 'VM')})` : ''}{' '}
                {r.targetClusterId ? (
                  <span className="text-emerald-700 dark:text-emerald-400">
                    → {labelOf(design, r.targetClusterId)} (
                    {siteOfCluster(design, r.targetClusterId)})
                    {r.estimate ? `, ${secondsText(r.estimate.totalTimeS)} each` : ''}
                  </span>
                ) : (
                  <span className="text-red-600">stranded</span>
                )}
                {!r.targetClusterId &&
                  r.reasons.map((reason, i) => (
                    <div key={i} className="pl-3 text-[11px] text-slate-500 dark:text-slate-400">
                      <span className="font-mono">{reason.code}</span> {reason.message}
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

export function WhatIfPanel() {
  const design = useStudio(designButPositions);
  return (
    <div data-testid="whatif-panel">
      <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        Ask “what happens if…” without touching the design: scenarios are shown here and on the
        canvas, and only <strong>Apply</strong> changes the design.
      </p>
      <MoveSection design={design} />
      <FailureSection design={design} />
      <EvacuateSection design={design} />
      <SweepSection design={design} />
    </div>
  );
}
