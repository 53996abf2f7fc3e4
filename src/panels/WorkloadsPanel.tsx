/**
 * The workloads (a VM or a group of like VMs), grouped by the site of their host cluster: what
 * each one is, where it runs, and where it may live-migrate to. Every edit is one undoable
 * store call.
 */
import { LocateFixed, Plus, Server, Trash2 } from 'lucide-react';
import { WorkloadEstimates } from './Estimates';
import { startMove } from '../app/whatifActions';
import { ListItem } from './ListItem';
import { createWorkload, newId } from '../model/defaults';
import {
  workloadSchema,
  type Cluster,
  type Design,
  type StorageArray,
  type Workload,
} from '../model/schema';
import { selectedIds, useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { useUi } from '../store/ui';
import {
  buttonClass,
  ItemEditor,
  removeListItem,
  MultiCheckField,
  NumberField,
  primaryButtonClass,
  SelectField,
  TextField,
} from './fields';
import { nextFreeName } from '../model/validation';
import { writeRateStatus } from '../rules/bw-replication';
import { labelOf } from '../model/labels';
import { FIELD_NAMES, fieldProps } from '../model/fieldNames';
import { countText, figureText, plural } from '../model/plural';

function clustersOf(design: Design): Cluster[] {
  return design.nodes.filter((n): n is Cluster => n.kind === 'cluster');
}

/** "cluster-1 (DC1)": how a host cluster is named wherever one is chosen. */
function clusterLabel(design: Design, cluster: Cluster): string {
  return `${cluster.label || cluster.id} (${labelOf(design, cluster.parentId)})`;
}

/** Apply a change to the workload as it is in the store now (not as it was at render). */
/** The workload's figures the editor shows as number fields. */
type NumericField = 'count' | 'memoryGB' | 'dirtyRateMBps' | 'writeRateMBps' | 'downtimeToleranceS';

function patchWorkload(id: string, change: (workload: Workload) => Workload): void {
  const state = useStudio.getState();
  const current = state.design.workloads.find((w) => w.id === id);
  if (current) state.upsertWorkload(change(current));
}

function withDatastore(workload: Workload, datastoreId: string | undefined): Workload {
  const { datastoreId: _, ...rest } = workload;
  return datastoreId === undefined ? rest : { ...rest, datastoreId };
}

function addWorkload(): void {
  const state = useStudio.getState();
  if (state.readOnly) return;
  const clusters = clustersOf(state.design);
  // The cluster selected on the canvas, else the first: "select a cluster, add a workload".
  const selected = new Set(selectedIds(state));
  const cluster = clusters.find((c) => selected.has(c.id)) ?? clusters[0];
  if (!cluster) return;
  const id = newId('wl');
  const name = nextFreeName(
    'workload',
    state.design.workloads.map((w) => w.name),
    state.design.workloads.length + 1,
  );
  state.upsertWorkload(createWorkload(id, name, cluster.id));
  useUi.getState().focusItem(id, true);
}

interface Group {
  readonly key: string;
  readonly title: string;
  readonly workloads: Workload[];
}

/** Workloads by the site of their cluster, sites in design order, names in natural order. */
function groupBySite(design: Design): Group[] {
  const clusterSite = new Map(clustersOf(design).map((c) => [c.id, c.parentId]));
  const bySite = new Map<string, Workload[]>();
  for (const w of design.workloads) {
    const key = clusterSite.get(w.clusterId) ?? '';
    bySite.set(key, [...(bySite.get(key) ?? []), w]);
  }
  const order = design.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
  const keys = [...bySite.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  });
  return keys.map((key) => ({
    key,
    title: key === '' ? 'No host cluster' : labelOf(design, key),
    workloads: (bySite.get(key) ?? []).sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { numeric: true }),
    ),
  }));
}

function vms(n: number): string {
  return plural(n, 'VM');
}

export function WorkloadsPanel() {
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  const focused = useUi((s) => s.focusedItem);
  const clusters = clustersOf(design);
  const noCluster = clusters.length === 0;
  const groups = groupBySite(design);
  const totalVms = design.workloads.reduce((sum, w) => sum + w.count, 0);

  return (
    <div data-testid="workloads">
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Workloads</h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {design.workloads.length === 0
              ? 'VMs or groups of VMs, and where they may move.'
              : `${plural(design.workloads.length, 'workload')} · ${vms(totalVms)}`}
          </p>
        </div>
        <button
          type="button"
          className={`${primaryButtonClass} shrink-0`}
          data-testid="workloads.add"
          disabled={readOnly || noCluster}
          aria-describedby={
            noCluster && design.workloads.length === 0 ? 'workloads-need-cluster' : undefined
          }
          title={
            readOnly
              ? 'This design is view-only.'
              : noCluster
                ? 'Add a host cluster first: a workload runs on one.'
                : 'Add a workload on the selected host cluster (or the first one)'
          }
          onClick={addWorkload}
        >
          <Plus className="h-4 w-4" aria-hidden /> Add workload
        </button>
      </div>

      {design.workloads.length === 0 && (
        <div
          className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400"
          data-testid="workloads.empty"
        >
          <Server className="mb-2 h-5 w-5 text-slate-400" aria-hidden />
          {noCluster ? (
            <>
              <p className="font-medium text-slate-800 dark:text-slate-200">No host cluster yet.</p>
              <p id="workloads-need-cluster" className="mt-1 text-xs">
                A workload runs on a host cluster. Draw a site, drop a host cluster into it from the
                palette, then come back here to add workloads.
              </p>
            </>
          ) : (
            <>
              <p className="font-medium text-slate-800 dark:text-slate-200">No workloads yet.</p>
              <p className="mt-1 text-xs">
                Add one (it lands on the selected host cluster), give it memory and a dirty rate,
                and tick the clusters it may live-migrate to: the validator checks every move.
              </p>
            </>
          )}
        </div>
      )}

      {groups.map((group) => (
        <section key={group.key} aria-label={`Workloads in ${group.title}`}>
          <h3 className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-4 py-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
            <span className="truncate">{group.title}</span>
            <span className="font-normal tracking-normal normal-case">
              {vms(group.workloads.reduce((sum, w) => sum + w.count, 0))}
            </span>
          </h3>
          <ul>
            {group.workloads.map((w) => (
              <WorkloadItem
                key={w.id}
                design={design}
                workload={w}
                expanded={focused === w.id}
                readOnly={readOnly}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function WorkloadItem({
  design,
  workload,
  expanded,
  readOnly,
}: {
  design: Design;
  workload: Workload;
  expanded: boolean;
  readOnly: boolean;
}) {
  const cluster = clustersOf(design).find((c) => c.id === workload.clusterId);
  const targets = workload.mobilityTargetIds.length;
  return (
    <ListItem
      id={workload.id}
      testId={`workload.${workload.id}`}
      name={workload.name}
      expanded={expanded}
      tag={
        <span className="shrink-0 rounded bg-slate-100 px-1 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          ×{countText(workload.count)}
        </span>
      }
      summary={
        <div className="mt-0.5 truncate text-xs text-slate-500 dark:text-slate-400">
          {cluster ? clusterLabel(design, cluster) : `missing cluster ${workload.clusterId}`}
          {' · '}
          {targets === 0 ? 'no mobility target' : plural(targets, 'target')}
        </div>
      }
      aside={
        <span
          className="shrink-0 pt-0.5 text-xs text-slate-500 tabular-nums dark:text-slate-400"
          title="Memory per VM"
        >
          {figureText(workload.memoryGB)} GB
        </span>
      }
      editor={(editorId) => (
        <WorkloadEditor id={editorId} design={design} workload={workload} readOnly={readOnly} />
      )}
    />
  );
}

function volumeOptions(design: Design): { value: string; label: string }[] {
  return design.nodes
    .filter((n): n is StorageArray => n.kind === 'array')
    .flatMap((array) =>
      array.volumes.map((v) => ({
        value: v.id,
        label: `${v.name || v.id} — ${array.label || array.id} (${labelOf(design, array.parentId)})`,
      })),
    );
}

function WorkloadEditor({
  id,
  design,
  workload,
  readOnly,
}: {
  id: string;
  design: Design;
  workload: Workload;
  readOnly: boolean;
}) {
  const wid = workload.id;
  const t = (field: string) => `workload.${wid}.${field}`;
  const patch = (change: (w: Workload) => Workload) => patchWorkload(wid, change);
  /** One of the workload's figures, checked against its schema. */
  const number = (key: NumericField, hint: string) => (
    <NumberField
      {...fieldProps(FIELD_NAMES.workload[key])}
      value={workload[key]}
      schema={workloadSchema.shape[key]}
      testId={t(key)}
      disabled={readOnly}
      hint={hint}
      onCommit={(v) => v !== undefined && patch((w) => ({ ...w, [key]: v }))}
    />
  );
  const clusters = clustersOf(design);
  const own = clusters.find((c) => c.id === workload.clusterId);
  const volumes = volumeOptions(design);
  const datastore = workload.datastoreId ?? '';

  const remove = () =>
    removeListItem('workload', workload.name || wid, () =>
      useStudio.getState().removeWorkload(wid),
    );

  return (
    <ItemEditor id={id} testId={t('editor')}>
      <TextField
        label={FIELD_NAMES.workload.name.label}
        value={workload.name}
        testId={t('name')}
        disabled={readOnly}
        required
        onCommit={(name) => patch((w) => ({ ...w, name }))}
      />
      {number('count', 'How many like VMs this workload stands for')}
      <SelectField
        label={FIELD_NAMES.workload.clusterId.label}
        value={workload.clusterId}
        options={[
          ...(own ? [] : [{ value: workload.clusterId, label: `${workload.clusterId} (missing)` }]),
          ...clusters.map((c) => ({ value: c.id, label: clusterLabel(design, c) })),
        ]}
        testId={t('clusterId')}
        disabled={readOnly}
        // Its own cluster is where it runs, not a place to move to.
        onCommit={(clusterId) =>
          patch((w) => ({
            ...w,
            clusterId,
            mobilityTargetIds: w.mobilityTargetIds.filter((c) => c !== clusterId),
          }))
        }
      />
      {number('memoryGB', 'Memory per VM: what pre-copy sends')}
      {number(
        'dirtyRateMBps',
        'Memory the VM rewrites per second while it runs; a move converges only if the link outruns it',
      )}
      {number('writeRateMBps', 'Data each VM writes to its datastore per second; 0 = unknown')}
      <p
        className="pb-1 pl-[8rem] text-[11px] text-slate-500 dark:text-slate-400"
        data-testid={t('writeRateStatus')}
      >
        {writeRateStatus(design, workload)}
      </p>
      {number('downtimeToleranceS', 'The longest pause at switchover the workload accepts')}
      <p className="pb-1 pl-[8rem] text-[11px] text-slate-500 dark:text-slate-400">
        A move within about two seconds keeps TCP sessions up.
      </p>
      <MultiCheckField
        label={FIELD_NAMES.workload.segmentIds.label}
        values={workload.segmentIds}
        options={design.segments.map((s) => ({
          value: s.id,
          label: s.name || s.id,
          hint: `VLAN ${s.vlanId}`,
        }))}
        testId={t('segmentIds')}
        disabled={readOnly}
        empty="No segments yet: add them in the Segments tab."
        onCommit={(segmentIds) => patch((w) => ({ ...w, segmentIds }))}
      />
      <SelectField
        label={FIELD_NAMES.workload.datastoreId.label}
        value={datastore}
        options={[
          { value: '', label: volumes.length === 0 ? 'None (no volumes yet)' : 'None' },
          ...(datastore !== '' && !volumes.some((v) => v.value === datastore)
            ? [{ value: datastore, label: `${datastore} (missing)` }]
            : []),
          ...volumes,
        ]}
        testId={t('datastoreId')}
        disabled={readOnly}
        onCommit={(v) => patch((w) => withDatastore(w, v === '' ? undefined : v))}
      />
      <MultiCheckField
        label={FIELD_NAMES.workload.mobilityTargetIds.label}
        values={workload.mobilityTargetIds}
        options={clusters
          .filter((c) => c.id !== workload.clusterId)
          .map((c) => ({
            value: c.id,
            label: c.label || c.id,
            hint:
              own && c.parentId === own.parentId
                ? `${labelOf(design, c.parentId)} · same site`
                : labelOf(design, c.parentId),
          }))}
        testId={t('targets')}
        disabled={readOnly}
        empty="No other host cluster yet: add one in this site (rack to rack) or in another."
        onCommit={(mobilityTargetIds) => patch((w) => ({ ...w, mobilityTargetIds }))}
      />

      <div className="mt-2">
        <div className="mb-0.5 text-xs font-medium text-slate-600 dark:text-slate-400">
          Migration estimate (pre-copy, docs/rules.md)
        </div>
        <WorkloadEstimates workloadId={workload.id} />
      </div>

      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{wid}</span>
        <div className="flex gap-2">
          <button
            type="button"
            className={buttonClass}
            data-testid={t('show')}
            disabled={!own}
            title="Select its host cluster on the canvas"
            onClick={() => useStudio.getState().select([workload.clusterId])}
          >
            <LocateFixed className="h-3.5 w-3.5" aria-hidden /> Show on canvas
          </button>
          <MoveToMenu workloadId={workload.id} />
          <button
            type="button"
            className={`${buttonClass} hover:border-red-300 hover:text-red-700 dark:hover:text-red-400`}
            data-testid={t('delete')}
            disabled={readOnly}
            onClick={remove}
          >
            <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete
          </button>
        </div>
      </div>
    </ItemEditor>
  );
}

/** "Move to…": a what-if move of this workload, shown as a scenario (What-if tab). */
function MoveToMenu({ workloadId }: { workloadId: string }) {
  const design = useStudio(designButPositions);
  const workload = design.workloads.find((w) => w.id === workloadId);
  const clusters = design.nodes.filter((n) => n.kind === 'cluster' && n.id !== workload?.clusterId);
  if (!workload || clusters.length === 0) return null;
  return (
    <select
      aria-label={`Move ${workload.name} to… (what-if)`}
      data-testid={`workload.${workloadId}.moveTo`}
      className={`${buttonClass} !pr-1`}
      value=""
      onChange={(e) => e.target.value && startMove(workloadId, e.target.value)}
    >
      <option value="">Move to… (what-if)</option>
      {clusters.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
          {workload.mobilityTargetIds.includes(c.id) ? ' · mobility target' : ''}
        </option>
      ))}
    </select>
  );
}
