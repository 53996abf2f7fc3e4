import { Plus, Trash2, Unplug } from 'lucide-react';
import { memo, useDeferredValue } from 'react';
import {
  HYPERVISOR_PROFILE_IDS,
  HYPERVISOR_PROFILES,
  L2_EXTENSION_INFO,
  STORAGE_PRODUCT_IDS,
  TRANSPORT_INFO,
  STORAGE_PRODUCTS,
} from '../model/catalog';
import { KIND_LABELS, newId } from '../model/defaults';
import {
  ACCESS_LABELS,
  BOUNDARY_LABELS,
  choices,
  FIELD_NAMES,
  fieldProps,
  REPLICATION_LABELS,
  ROLE_LABELS,
} from '../model/fieldNames';
import { applyPatch, type LinkPatch, type NodePatch, type Patch } from '../model/edits';
import { linkRttMs } from '../model/paths';
import {
  clusterSchema,
  dciLinkSchema,
  fabricLinkSchema,
  L2_EXTENSIONS,
  settingsSchema,
  latitudeSchema,
  longitudeSchema,
  TRANSPORTS,
  type Cluster,
  type DciLink,
  type Design,
  type DesignNode,
  type Link,
  type StorageArray,
  type Volume,
} from '../model/schema';
import { KIND_ICONS, KIND_COLORS } from '../canvas/icons';
import { useScenario } from '../store/scenario';
import { selectionShown, useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { useUi } from '../store/ui';
import {
  buttonClass,
  CheckField,
  InspectorHeader,
  MultiCheckField,
  NumberField,
  Section,
  SelectField,
  TextField,
} from './fields';
import { ArrangeTools } from './ArrangeTools';
import { ElementFindings } from './ElementFindings';
import { FabricForm } from './FabricForm';
import { NoteInspector, NotesHere } from './NoteInspector';
import { ClusterEstimates } from './Estimates';
import { labelOf } from '../model/labels';
import { bandwidthText, figureText, plural } from '../model/plural';
import { command, runCommand, type CommandContext } from '../app/commands';

/** Commands run from the inspector never move the view. */
const noViewContext: CommandContext = { fitView: () => undefined };

/** One element made once: the inspector re-renders with each change of the design or selection. */
const TRASH_ICON = <Trash2 className="h-3.5 w-3.5" aria-hidden />;

function siteLabel(design: Design, node: DesignNode): string {
  return node.kind === 'site' ? node.label : labelOf(design, node.parentId);
}

export function Inspector() {
  const design = useStudio(designButPositions);
  // A selection shows here in a render of its own, after the canvas has drawn it: selected on
  // the canvas, a node's drag starts in the same task, and the node's fields mounting there made
  // it one of 44-53 ms at 3,000 elements. Until then the panel shows what it showed (its parts
  // are memoised, so that render costs nothing).
  const shown = useDeferredValue(useStudio(selectionShown));
  const readOnly = useStudio((s) => s.readOnly);
  if (shown === '')
    return (
      <DesignInspector
        name={design.name}
        settings={design.settings}
        summary={designSummary(design)}
        readOnly={readOnly}
      />
    );
  if (typeof shown === 'number') {
    return (
      <Section title={`${plural(shown, 'element')} selected`}>
        <p className="py-1 text-sm text-slate-600 dark:text-slate-400">
          Shift-click to add or remove. Delete removes them all (undoable).
        </p>
        <ArrangeTools />
        <button
          type="button"
          className={`${buttonClass} mt-2`}
          disabled={readOnly}
          onClick={() => runCommand(command('delete'), noViewContext)}
          data-testid="inspector.delete"
        >
          {TRASH_ICON} Delete selection
        </button>
      </Section>
    );
  }
  const id = shown;
  const node = design.nodes.find((n) => n.id === id);
  if (node) return <NodeInspector design={design} node={node} readOnly={readOnly} />;
  const link = design.links.find((l) => l.id === id);
  if (link) return <LinkInspector design={design} link={link} readOnly={readOnly} />;
  const note = design.notes.find((n) => n.id === id);
  if (note) return <NoteInspector design={design} note={note} readOnly={readOnly} />;
  return null;
}

function Header({ node }: { node: DesignNode }) {
  return (
    <InspectorHeader
      icon={KIND_ICONS[node.kind]}
      iconClassName={`bg-slate-100 dark:bg-slate-800 ${KIND_COLORS[node.kind]}`}
      title={node.label || KIND_LABELS[node.kind]}
      subtitle={
        <>
          {KIND_LABELS[node.kind]} · <span className="font-mono">{node.id}</span>
        </>
      }
    >
      <FailToggle id={node.id} />
    </InspectorHeader>
  );
}

/** Mark an element as failed in the what-if scenario (never an edit of the design). */
function FailToggle({ id }: { id: string }) {
  const failed = useScenario((s) => s.failed.includes(id));
  return (
    <button
      type="button"
      data-testid="inspector.fail"
      aria-pressed={failed}
      title={
        failed
          ? 'Restore it in the what-if scenario'
          : 'What if this fails? (a scenario, not an edit)'
      }
      onClick={() => {
        useScenario.getState().toggleFailed(id);
        if (!failed) useUi.getState().setTab('whatif');
      }}
      className={`ml-auto inline-flex shrink-0 items-center gap-1 rounded-md border px-2 py-1 text-xs font-medium ${
        failed
          ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
          : 'border-slate-300 text-slate-600 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800'
      }`}
    >
      <Unplug className="h-3.5 w-3.5" aria-hidden /> {failed ? 'Failed' : 'Fail'}
    </button>
  );
}

interface NodeInspectorProps {
  /** Of the design, the inspector of a node reads its nodes and segments only. */
  design: Design;
  node: DesignNode;
  readOnly: boolean;
}

/**
 * Whether a node's inspector shows the same: the same node, and the same nodes and segments
 * around it (a site's name, a cluster's peers, a firewall's segments). An edit elsewhere (a DCI
 * link's distance, with the dragged device still selected) re-renders none of its fields; its
 * findings and notes subscribe on their own.
 */
export function sameNodeInspectorProps(a: NodeInspectorProps, b: NodeInspectorProps): boolean {
  return (
    a.node === b.node &&
    a.readOnly === b.readOnly &&
    a.design.nodes === b.design.nodes &&
    a.design.segments === b.design.segments
  );
}

const NodeInspector = memo(function NodeInspector({ design, node, readOnly }: NodeInspectorProps) {
  const update = (patch: NodePatch) => useStudio.getState().updateElement(node.id, patch);
  const d = readOnly;
  return (
    <div data-testid="inspector" data-element={node.id}>
      <Header node={node} />
      <Section title="Properties">
        <TextField
          label={FIELD_NAMES.node.label.label}
          value={node.label}
          testId="field.label"
          disabled={d}
          onCommit={(v) => update({ label: v })}
        />
        {node.kind !== 'site' && (
          <div className="py-1 text-xs text-slate-500 dark:text-slate-400">
            In site{' '}
            <span className="font-medium text-slate-700 dark:text-slate-300">
              {siteLabel(design, node)}
            </span>
          </div>
        )}
        {node.kind === 'site' && (
          <>
            <SelectField
              label={FIELD_NAMES.site.role.label}
              value={node.role}
              testId="field.role"
              disabled={d}
              options={choices(ROLE_LABELS)}
              onCommit={(role) => update({ role })}
            />
            <NumberField
              {...fieldProps(FIELD_NAMES.location.lat)}
              value={node.location?.lat}
              optional
              placeholder="optional"
              schema={latitudeSchema}
              testId="field.lat"
              disabled={d}
              onCommit={(lat) =>
                update(
                  lat === undefined
                    ? { location: undefined }
                    : { location: { lat, lon: node.location?.lon ?? 0 } },
                )
              }
            />
            <NumberField
              {...fieldProps(FIELD_NAMES.location.lon)}
              value={node.location?.lon}
              optional
              placeholder="optional"
              schema={longitudeSchema}
              testId="field.lon"
              disabled={d}
              onCommit={(lon) =>
                update(
                  lon === undefined
                    ? { location: undefined }
                    : { location: { lat: node.location?.lat ?? 0, lon } },
                )
              }
            />
          </>
        )}
        {node.kind === 'tor' && (
          <>
            <SelectField
              label={FIELD_NAMES.tor.boundary.label}
              value={node.boundary}
              testId="field.boundary"
              disabled={d}
              options={choices(BOUNDARY_LABELS)}
              onCommit={(boundary) => update({ boundary })}
            />
            <CheckField
              label={FIELD_NAMES.tor.overlay.label}
              checked={node.overlay}
              testId="field.overlay"
              disabled={d}
              description="overlay carries segments at L2"
              onCommit={(overlay) => update({ overlay })}
            />
            <CheckField
              label={FIELD_NAMES.tor.anycastGateway.label}
              checked={node.anycastGateway}
              testId="field.anycastGateway"
              disabled={d}
              onCommit={(anycastGateway) => update({ anycastGateway })}
            />
          </>
        )}
        {node.kind === 'cluster' && <ClusterFields design={design} node={node} readOnly={d} />}
        {node.kind === 'array' && <ArrayFields design={design} node={node} readOnly={d} />}
        {node.kind === 'firewall' && (
          <>
            <CheckField
              label={FIELD_NAMES.firewall.stateful.label}
              checked={node.stateful}
              testId="field.stateful"
              disabled={d}
              onCommit={(stateful) => update({ stateful })}
            />
            <CheckField
              label={FIELD_NAMES.firewall.stateSynced.label}
              checked={node.stateSynced}
              testId="field.stateSynced"
              disabled={d}
              description="shares state with its peer site"
              onCommit={(stateSynced) => update({ stateSynced })}
            />
            <MultiCheckField
              label={FIELD_NAMES.firewall.segmentIds.label}
              values={node.segmentIds}
              options={design.segments.map((s) => ({
                value: s.id,
                label: s.name || s.id,
                hint: `VLAN ${s.vlanId}`,
              }))}
              testId="field.segmentIds"
              disabled={d}
              empty="No segments yet (Segments tab)."
              onCommit={(segmentIds) => update({ segmentIds })}
            />
          </>
        )}
        {node.kind === 'witness' && (
          <MultiCheckField
            label={FIELD_NAMES.witness.arbitrates.label}
            values={node.arbitrates}
            options={design.nodes
              .filter(
                (n) =>
                  n.kind === 'array' || (n.kind === 'cluster' && n.stretchPeerId !== undefined),
              )
              .map((n) => ({
                value: n.id,
                label: n.label || n.id,
                hint: `${KIND_LABELS[n.kind]} · ${siteLabel(design, n)}`,
              }))}
            testId="field.arbitrates"
            disabled={d}
            empty="No arrays or stretched clusters yet."
            onCommit={(arbitrates) => update({ arbitrates })}
          />
        )}
      </Section>
      {node.kind === 'site' && <FabricForm key={node.id} siteId={node.id} disabled={d} />}
      {node.kind === 'cluster' && <ClusterEstimates cluster={node} />}
      <ElementFindings elementId={node.id} />
      <NotesHere elementId={node.id} readOnly={readOnly} />
    </div>
  );
}, sameNodeInspectorProps);

function ClusterFields({
  design,
  node,
  readOnly,
}: {
  design: Design;
  node: Cluster;
  readOnly: boolean;
}) {
  const update = (patch: NodePatch<'cluster'>) =>
    useStudio.getState().updateElement(node.id, patch);
  const peers = design.nodes.filter(
    (n) => n.kind === 'cluster' && n.id !== node.id && n.parentId !== node.parentId,
  );
  const profile = HYPERVISOR_PROFILES[node.profile];
  return (
    <>
      <SelectField
        label={FIELD_NAMES.cluster.profile.label}
        value={node.profile}
        testId="field.profile"
        disabled={readOnly}
        options={HYPERVISOR_PROFILE_IDS.map((p) => ({
          value: p,
          label: HYPERVISOR_PROFILES[p].label,
        }))}
        onCommit={(profile) => update({ profile })}
      />
      <p className="pb-1 pl-[8rem] text-[11px] text-slate-500 dark:text-slate-400">
        {profile.maxRttMs ? `Migration RTT ≤ ${profile.maxRttMs.value} ms` : 'No hard RTT limit'}
        {profile.bandwidthPerMigrationGbps
          ? ` · ${bandwidthText(profile.bandwidthPerMigrationGbps.value)} per migration`
          : ''}
        {profile.routedVmkernel === 'not-supported' ? ' · vmkernel must stay L2' : ''}
      </p>
      <NumberField
        label={FIELD_NAMES.cluster.hosts.label}
        value={node.hosts}
        schema={clusterSchema.shape.hosts}
        testId="field.hosts"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ hosts: v })}
      />
      <NumberField
        {...fieldProps(FIELD_NAMES.cluster.vswitchPortsPerHost)}
        value={node.vswitchPortsPerHost}
        schema={clusterSchema.shape.vswitchPortsPerHost}
        testId="field.vswitchPortsPerHost"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ vswitchPortsPerHost: v })}
      />
      <CheckField
        label={FIELD_NAMES.cluster.vmkRouted.label}
        checked={node.vmkRouted}
        testId="field.vmkRouted"
        disabled={readOnly}
        description="vMotion on its own L3 stack"
        onCommit={(vmkRouted) => update({ vmkRouted })}
      />
      <NumberField
        {...fieldProps(FIELD_NAMES.cluster.vmotionNicGbps)}
        value={node.vmotionNicGbps}
        schema={clusterSchema.shape.vmotionNicGbps}
        testId="field.vmotionNicGbps"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ vmotionNicGbps: v })}
      />
      <NumberField
        label={FIELD_NAMES.cluster.concurrentMigrations.label}
        value={node.concurrentMigrations}
        schema={clusterSchema.shape.concurrentMigrations}
        testId="field.concurrentMigrations"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ concurrentMigrations: v })}
      />
      <SelectField
        label={FIELD_NAMES.cluster.stretchPeerId.label}
        value={node.stretchPeerId ?? ''}
        testId="field.stretchPeerId"
        disabled={readOnly}
        options={[
          { value: '', label: FIELD_NAMES.cluster.stretchPeerId.none },
          ...peers.map((p) => ({
            value: p.id,
            label: `${p.label || p.id} (${siteLabel(design, p)})`,
          })),
        ]}
        onCommit={(v) => update(v === '' ? { stretchPeerId: undefined } : { stretchPeerId: v })}
      />
    </>
  );
}

function ArrayFields({
  design,
  node,
  readOnly,
}: {
  design: Design;
  node: StorageArray;
  readOnly: boolean;
}) {
  const update = (patch: NodePatch<'array'>) => useStudio.getState().updateElement(node.id, patch);
  const sites = design.nodes.filter((n) => n.kind === 'site');
  const arrays = design.nodes.filter((n) => n.kind === 'array' && n.id !== node.id);
  const setVolume = (id: string, patch: Patch<Volume>) =>
    update({ volumes: node.volumes.map((v) => (v.id === id ? applyPatch(v, patch) : v)) });
  const product = STORAGE_PRODUCTS[node.product];
  return (
    <>
      <SelectField
        label={FIELD_NAMES.array.product.label}
        value={node.product}
        testId="field.product"
        disabled={readOnly}
        options={STORAGE_PRODUCT_IDS.map((p) => ({ value: p, label: STORAGE_PRODUCTS[p].label }))}
        onCommit={(productId) => update({ product: productId })}
      />
      <p className="pb-1 pl-[8rem] text-[11px] text-slate-500 dark:text-slate-400">
        {product.behaviour}
        {product.syncMaxRttMs ? ` · sync ≤ ${product.syncMaxRttMs.value} ms` : ''}
        {product.needsWitness ? ' · needs a witness' : ''}
      </p>
      <SelectField
        label={FIELD_NAMES.array.access.label}
        value={node.access}
        testId="field.access"
        disabled={readOnly}
        options={choices(ACCESS_LABELS)}
        onCommit={(access) => update({ access })}
      />
      <CheckField
        label={FIELD_NAMES.array.nodeRedundancy.label}
        checked={node.nodeRedundancy}
        testId="field.nodeRedundancy"
        disabled={readOnly}
        description="at this site"
        onCommit={(nodeRedundancy) => update({ nodeRedundancy })}
      />
      <div className="mt-2 flex items-center justify-between">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
          {FIELD_NAMES.array.volumes.label}
        </span>
        <button
          type="button"
          className={buttonClass}
          disabled={readOnly}
          data-testid="volume.add"
          onClick={() =>
            update({
              volumes: [
                ...node.volumes,
                {
                  id: newId('vol'),
                  name: `ds-${node.volumes.length + 1}`,
                  preferredSiteId: node.parentId,
                  replication: 'none',
                },
              ],
            })
          }
        >
          <Plus className="h-3.5 w-3.5" aria-hidden /> Volume
        </button>
      </div>
      {node.volumes.length === 0 && (
        <p className="py-1 text-xs text-slate-500 italic dark:text-slate-400">No volumes yet.</p>
      )}
      {node.volumes.map((v) => (
        <div
          key={v.id}
          className="mt-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
          data-testid={`volume.${v.id}`}
        >
          <div className="flex items-center justify-between">
            <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{v.id}</span>
            <button
              type="button"
              aria-label={`Remove volume ${v.name}`}
              className="text-slate-400 hover:text-red-600"
              disabled={readOnly}
              onClick={() => update({ volumes: node.volumes.filter((x) => x.id !== v.id) })}
            >
              <Trash2 className="h-3.5 w-3.5" />
            </button>
          </div>
          <TextField
            label={FIELD_NAMES.volume.name.label}
            value={v.name}
            testId={`volume.${v.id}.name`}
            disabled={readOnly}
            required
            onCommit={(name) => setVolume(v.id, { name })}
          />
          <SelectField
            label={FIELD_NAMES.volume.preferredSiteId.label}
            value={v.preferredSiteId ?? ''}
            testId={`volume.${v.id}.preferredSiteId`}
            disabled={readOnly}
            options={[
              { value: '', label: '—' },
              ...sites.map((s) => ({ value: s.id, label: s.label || s.id })),
            ]}
            onCommit={(id) => setVolume(v.id, { preferredSiteId: id === '' ? undefined : id })}
          />
          <SelectField
            label={FIELD_NAMES.volume.replication.label}
            value={v.replication}
            testId={`volume.${v.id}.replication`}
            disabled={readOnly}
            options={choices(REPLICATION_LABELS)}
            onCommit={(replication) => setVolume(v.id, { replication })}
          />
          <SelectField
            label={FIELD_NAMES.volume.peerArrayId.label}
            value={v.peerArrayId ?? ''}
            testId={`volume.${v.id}.peerArrayId`}
            disabled={readOnly}
            options={[
              { value: '', label: '—' },
              ...arrays.map((a) => ({
                value: a.id,
                label: `${a.label || a.id} (${siteLabel(design, a)})`,
              })),
            ]}
            onCommit={(id) => setVolume(v.id, { peerArrayId: id === '' ? undefined : id })}
          />
        </div>
      ))}
    </>
  );
}

function LinkInspector({
  design,
  link,
  readOnly,
}: {
  design: Design;
  link: Link;
  readOnly: boolean;
}) {
  const update = (patch: LinkPatch) => useStudio.getState().updateLink(link.id, patch);
  const schema = link.kind === 'dci' ? dciLinkSchema : fabricLinkSchema;
  return (
    <div data-testid="inspector" data-element={link.id}>
      <InspectorHeader
        title={link.label || (link.kind === 'dci' ? 'DCI link' : 'Fabric link')}
        subtitle={`${link.kind === 'dci' ? 'DCI link' : 'Fabric link'} · ${labelOf(design, link.source)} ↔ ${labelOf(design, link.target)}`}
      >
        <FailToggle id={link.id} />
      </InspectorHeader>
      <Section title="Properties">
        <TextField
          label={FIELD_NAMES.link.label.label}
          value={link.label ?? ''}
          testId="field.label"
          disabled={readOnly}
          onCommit={(v) => update(v === '' ? { label: undefined } : { label: v })}
        />
        {link.kind === 'dci' && <DciFields design={design} link={link} readOnly={readOnly} />}
        <NumberField
          {...fieldProps(FIELD_NAMES.link.bandwidthGbps)}
          value={link.bandwidthGbps}
          schema={schema.shape.bandwidthGbps}
          testId="field.bandwidthGbps"
          disabled={readOnly}
          onCommit={(v) => v !== undefined && update({ bandwidthGbps: v })}
        />
        <NumberField
          {...fieldProps(FIELD_NAMES.link.rttMs)}
          value={link.rttMs}
          optional
          placeholder={`estimated ${figureText(linkRttMs(applyPatch<Link>(link, { rttMs: undefined }), design.settings))} ms`}
          schema={schema.shape.rttMs}
          testId="field.rttMs"
          disabled={readOnly}
          hint="Leave empty to estimate from distance (0.01 ms/km + hop allowance)"
          onCommit={(v) => update(v === undefined ? { rttMs: undefined } : { rttMs: v })}
        />
      </Section>
      <ElementFindings elementId={link.id} />
      <NotesHere elementId={link.id} readOnly={readOnly} />
    </div>
  );
}

function DciFields({
  design,
  link,
  readOnly,
}: {
  design: Design;
  link: DciLink;
  readOnly: boolean;
}) {
  const update = (patch: LinkPatch<'dci'>) => useStudio.getState().updateLink(link.id, patch);
  const stp = L2_EXTENSION_INFO[link.l2Extension].stpIsolation === 'with-bpdu-filter';
  return (
    <>
      <SelectField
        label={FIELD_NAMES.dci.transport.label}
        value={link.transport}
        testId="field.transport"
        disabled={readOnly}
        options={TRANSPORTS.map((t) => ({ value: t, label: TRANSPORT_INFO[t].label }))}
        onCommit={(transport) => update({ transport })}
      />
      <SelectField
        label={FIELD_NAMES.dci.l2Extension.label}
        value={link.l2Extension}
        testId="field.l2Extension"
        disabled={readOnly}
        options={L2_EXTENSIONS.map((t) => ({ value: t, label: L2_EXTENSION_INFO[t].label }))}
        onCommit={(l2Extension) => update({ l2Extension })}
      />
      {stp && (
        <CheckField
          label={FIELD_NAMES.dci.bpduFilter.label}
          checked={link.bpduFilter}
          testId="field.bpduFilter"
          disabled={readOnly}
          description="isolates spanning tree per site"
          onCommit={(bpduFilter) => update({ bpduFilter })}
        />
      )}
      <NumberField
        {...fieldProps(FIELD_NAMES.dci.distanceKm)}
        value={link.distanceKm}
        schema={dciLinkSchema.shape.distanceKm}
        testId="field.distanceKm"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ distanceKm: v })}
      />
      <NumberField
        {...fieldProps(FIELD_NAMES.dci.mtu)}
        value={link.mtu}
        schema={dciLinkSchema.shape.mtu}
        testId="field.mtu"
        disabled={readOnly}
        onCommit={(v) => v !== undefined && update({ mtu: v })}
      />
      <MultiCheckField
        label={FIELD_NAMES.dci.extendedSegmentIds.label}
        values={link.extendedSegmentIds}
        options={design.segments.map((s) => ({
          value: s.id,
          label: s.name || s.id,
          hint: `VLAN ${s.vlanId}`,
        }))}
        testId="field.extendedSegmentIds"
        disabled={readOnly}
        empty="No segments yet (Segments tab)."
        onCommit={(extendedSegmentIds) => update({ extendedSegmentIds })}
      />
    </>
  );
}

const kindCounts = new WeakMap<readonly DesignNode[], ReadonlyMap<string, number>>();
const dciCounts = new WeakMap<readonly Link[], number>();

/**
 * What the design inspector says of the design ("4 sites · 1,200 devices · …"): counted once
 * per nodes and links array, so an edit of a property counts nothing and reads the same text.
 */
export function designSummary(design: Design): string {
  let kinds = kindCounts.get(design.nodes);
  if (!kinds) {
    const counted = new Map<string, number>();
    for (const n of design.nodes) counted.set(n.kind, (counted.get(n.kind) ?? 0) + 1);
    kindCounts.set(design.nodes, counted);
    kinds = counted;
  }
  let dci = dciCounts.get(design.links);
  if (dci === undefined) {
    dci = design.links.filter((l) => l.kind === 'dci').length;
    dciCounts.set(design.links, dci);
  }
  const sites = kinds.get('site') ?? 0;
  return [
    plural(sites, 'site'),
    plural(design.nodes.length - sites, 'device'),
    plural(dci, 'DCI link'),
    plural(design.segments.length, 'segment'),
    plural(design.workloads.length, 'workload'),
    ...(design.notes.length > 0 ? [plural(design.notes.length, 'note')] : []),
  ].join(' · ');
}

/**
 * The design's own fields, shown while nothing is selected: memoised on what it shows (its
 * name, settings and summary), so an edit of an element re-renders none of its fields.
 */
const DesignInspector = memo(function DesignInspector({
  name,
  settings: s,
  summary,
  readOnly,
}: {
  name: string;
  settings: Design['settings'];
  summary: string;
  readOnly: boolean;
}) {
  const set = (patch: Partial<Design['settings']>) => useStudio.getState().updateSettings(patch);
  return (
    <div data-testid="inspector" data-element="">
      <Section title="Design">
        <TextField
          label={FIELD_NAMES.design.name.label}
          value={name}
          testId="field.designName"
          disabled={readOnly}
          required
          onCommit={(name) => useStudio.getState().rename(name)}
        />
        <p className="py-1 text-xs text-slate-500 dark:text-slate-400">{summary}</p>
        <p className="py-1 text-xs text-slate-500 dark:text-slate-400">
          Select an element on the canvas to edit it. Drag from the palette to add; connect by
          dragging between handles.
        </p>
      </Section>
      <Section title="Latency model">
        <NumberField
          {...fieldProps(FIELD_NAMES.settings.dciHopAllowanceMs)}
          value={s.dciHopAllowanceMs}
          schema={settingsSchema.shape.dciHopAllowanceMs}
          testId="field.dciHopAllowanceMs"
          disabled={readOnly}
          hint="Device allowance added to each DCI link"
          onCommit={(v) => v !== undefined && set({ dciHopAllowanceMs: v })}
        />
        <NumberField
          {...fieldProps(FIELD_NAMES.settings.fabricHopAllowanceMs)}
          value={s.fabricHopAllowanceMs}
          schema={settingsSchema.shape.fabricHopAllowanceMs}
          testId="field.fabricHopAllowanceMs"
          disabled={readOnly}
          onCommit={(v) => v !== undefined && set({ fabricHopAllowanceMs: v })}
        />
        <NumberField
          {...fieldProps(FIELD_NAMES.settings.tcpWindowMB)}
          value={s.tcpWindowMB}
          schema={settingsSchema.shape.tcpWindowMB}
          testId="field.tcpWindowMB"
          disabled={readOnly}
          hint="Caps a migration stream at window / RTT"
          onCommit={(v) => v !== undefined && set({ tcpWindowMB: v })}
        />
        <NumberField
          {...fieldProps(FIELD_NAMES.settings.resumeAllowanceS)}
          value={s.resumeAllowanceS}
          schema={settingsSchema.shape.resumeAllowanceS}
          testId="field.resumeAllowanceS"
          disabled={readOnly}
          onCommit={(v) => v !== undefined && set({ resumeAllowanceS: v })}
        />
      </Section>
    </div>
  );
});
