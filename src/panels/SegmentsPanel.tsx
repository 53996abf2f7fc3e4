/**
 * The design-wide list of segments (VLAN / L2 networks): what each one is, where its gateway and
 * ingress are, and which DCI links stretch it. Every edit is one undoable store call.
 */
import { Cable, Network, Plus, Server, Trash2 } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { ListItem } from './ListItem';
import { L2_EXTENSION_INFO, whyCarriesNoL2 } from '../model/catalog';
import { newId } from '../model/defaults';
import { siteIdOf } from '../model/edits';
import {
  segmentSchema,
  SUBNET_MAX_CHARS,
  type DciLink,
  type Design,
  type Segment,
  type Site,
} from '../model/schema';
import {
  addSegment,
  patchSegment,
  setExtendedBy,
  setGatewayMode,
  setIngressMode,
  setIngressSite,
  type GatewayMode,
  type IngressMode,
} from '../model/segments';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { notify, useUi } from '../store/ui';
import {
  buttonClass,
  FieldError,
  inputClass,
  ItemEditor,
  removeListItem,
  MultiCheckField,
  NumberField,
  primaryButtonClass,
  Row,
  SelectField,
  TextField,
  typedInputProps,
  useTypedText,
  type Attempt,
} from './fields';
import { isCidr } from '../model/validation';
import { FIELD_NAMES, GATEWAY_MODE_LABELS, INGRESS_MODE_LABELS } from '../model/fieldNames';
import { labelOf } from '../model/labels';
import { agree, figureText, plural } from '../model/plural';

const GATEWAY_MODES: readonly { value: GatewayMode; label: string; help: string }[] = [
  {
    value: 'centralized',
    label: GATEWAY_MODE_LABELS.centralized,
    help: 'One gateway at one site: VMs running elsewhere send egress traffic across the DCI to it.',
  },
  {
    value: 'per-site',
    label: GATEWAY_MODE_LABELS['per-site'],
    help: 'A local gateway at each ticked site, HSRP/VRRP filtered on the DCI so each site routes locally.',
  },
  {
    value: 'anycast',
    label: GATEWAY_MODE_LABELS.anycast,
    help: 'A distributed gateway wherever the segment reaches: every leaf answers for the same address.',
  },
];

const INGRESS_MODES: readonly { value: IngressMode; label: string; help: string }[] = [
  {
    value: 'single-site',
    label: INGRESS_MODE_LABELS['single-site'],
    help: 'Inbound traffic enters at one site only: after a move it crosses the DCI to reach the VM.',
  },
  {
    value: 'gslb',
    label: INGRESS_MODE_LABELS.gslb,
    help: 'Global load balancing answers DNS with the site where the service runs.',
  },
  {
    value: 'lisp',
    label: INGRESS_MODE_LABELS.lisp,
    help: 'LISP tracks where each host is and routes inbound traffic to its current site.',
  },
  {
    value: 'host-routes',
    label: INGRESS_MODE_LABELS['host-routes'],
    help: 'The site where a VM runs advertises its host route and attracts its traffic.',
  },
];

function sitesOf(design: Design): Site[] {
  return design.nodes.filter((n): n is Site => n.kind === 'site');
}

/** "DC1 ↔ DC2": the sites a DCI link joins (it may attach to a border, a spine or the site). */
function linkEnds(design: Design, link: DciLink): string {
  const end = (id: string) => labelOf(design, siteIdOf(design, id) ?? id);
  return `${end(link.source)} ↔ ${end(link.target)}`;
}

function gatewaySummary(design: Design, segment: Segment): string {
  switch (segment.gatewayMode) {
    case 'centralized': {
      const site = segment.gatewaySiteIds[0];
      return site === undefined ? 'gateway: no site' : `gateway at ${labelOf(design, site)}`;
    }
    case 'per-site':
      return segment.gatewaySiteIds.length === 0
        ? 'per-site gateway: no site'
        : `gateways at ${segment.gatewaySiteIds.map((s) => labelOf(design, s)).join(', ')}`;
    case 'anycast':
      return 'anycast gateway';
  }
}

/** Apply a segment edit to the design as it is in the store now (not as it was at render). */
function edit(change: (design: Design) => Design): void {
  useStudio.getState().apply(change);
}

function addNewSegment(): void {
  const state = useStudio.getState();
  if (state.readOnly) return;
  const id = newId('seg');
  const next = addSegment(state.design, id);
  if (next === null) {
    notify('warning', 'Every VLAN id from 1 to 4094 is in use: delete a segment first.');
    return;
  }
  state.commit(next);
  useUi.getState().focusItem(id, true);
}

export function SegmentsPanel() {
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  const focused = useUi((s) => s.focusedItem);
  const segments = [...design.segments].sort(
    (a, b) => a.vlanId - b.vlanId || a.name.localeCompare(b.name, undefined, { numeric: true }),
  );
  const full = design.segments.length >= 4094;

  return (
    <div data-testid="segments">
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Segments</h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            VLAN / L2 networks a VM keeps its address on when it moves.
          </p>
        </div>
        <button
          type="button"
          className={`${primaryButtonClass} shrink-0`}
          data-testid="segments.add"
          disabled={readOnly || full}
          title={
            readOnly
              ? 'This design is view-only.'
              : full
                ? 'Every VLAN id is in use.'
                : 'Add a segment on the next free VLAN id'
          }
          onClick={addNewSegment}
        >
          <Plus className="h-4 w-4" aria-hidden /> Add segment
        </button>
      </div>
      {segments.length === 0 ? (
        <div
          className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400"
          data-testid="segments.empty"
        >
          <Network className="mb-2 h-5 w-5 text-slate-400" aria-hidden />
          <p className="font-medium text-slate-800 dark:text-slate-200">No segments yet.</p>
          <p className="mt-1 text-xs">
            Add one for each VLAN your workloads live on. Then tick it on the workloads that use it
            and on the DCI links that stretch it between sites: the validator checks it reaches
            every site a VM may move to.
          </p>
        </div>
      ) : (
        <ul>
          {segments.map((segment) => (
            <SegmentItem
              key={segment.id}
              design={design}
              segment={segment}
              expanded={focused === segment.id}
              readOnly={readOnly}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function SegmentItem({
  design,
  segment,
  expanded,
  readOnly,
}: {
  design: Design;
  segment: Segment;
  expanded: boolean;
  readOnly: boolean;
}) {
  const users = design.workloads.filter((w) => w.segmentIds.includes(segment.id));
  const extendedBy = design.links.filter(
    (l): l is DciLink => l.kind === 'dci' && l.extendedSegmentIds.includes(segment.id),
  );
  const sameVlan = design.segments.filter(
    (s) => s.id !== segment.id && s.vlanId === segment.vlanId,
  );
  return (
    <ListItem
      id={segment.id}
      testId={`segment.${segment.id}`}
      name={segment.name}
      expanded={expanded}
      tag={
        <span
          className={`shrink-0 font-mono text-xs ${
            sameVlan.length > 0
              ? 'text-amber-700 dark:text-amber-400'
              : 'text-slate-500 dark:text-slate-400'
          }`}
          title={sameVlan.length > 0 ? 'Another segment uses this VLAN id' : undefined}
        >
          VLAN {segment.vlanId}
        </span>
      }
      summary={
        <div className="mt-0.5 flex min-w-0 flex-wrap gap-x-1.5 text-xs text-slate-500 dark:text-slate-400">
          <span className="font-mono">{segment.subnet || 'no subnet'}</span>
          <span aria-hidden>·</span>
          <span className="truncate">{gatewaySummary(design, segment)}</span>
        </div>
      }
      aside={
        <div className="flex shrink-0 items-center gap-2 pt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
          <span
            className="inline-flex items-center gap-0.5"
            title={`${users.length} workload${users.length === 1 ? ' uses' : 's use'} it`}
            data-testid={`segment.${segment.id}.workloadCount`}
          >
            <Server className="h-3.5 w-3.5" aria-hidden />
            {users.length}
          </span>
          <span
            className="inline-flex items-center gap-0.5"
            title={`Extended over ${plural(extendedBy.length, 'DCI link')}`}
            data-testid={`segment.${segment.id}.linkCount`}
          >
            <Cable className="h-3.5 w-3.5" aria-hidden />
            {extendedBy.length}
          </span>
        </div>
      }
      editor={(editorId) => (
        <SegmentEditor
          id={editorId}
          design={design}
          segment={segment}
          readOnly={readOnly}
          users={users.length}
          usersVms={users.reduce((sum, w) => sum + w.count, 0)}
          sameVlan={sameVlan}
        />
      )}
    />
  );
}

function Hint({ children, tone = 'muted' }: { children: ReactNode; tone?: 'muted' | 'warn' }) {
  return (
    <p
      className={`pb-1 pl-[8rem] text-[11px] ${
        tone === 'warn'
          ? 'text-amber-700 dark:text-amber-400'
          : 'text-slate-500 dark:text-slate-400'
      }`}
    >
      {children}
    </p>
  );
}

function SegmentEditor({
  id,
  design,
  segment,
  readOnly,
  users,
  usersVms,
  sameVlan,
}: {
  id: string;
  design: Design;
  segment: Segment;
  readOnly: boolean;
  users: number;
  usersVms: number;
  sameVlan: readonly Segment[];
}) {
  const [confirming, setConfirming] = useState(false);
  const sid = segment.id;
  const t = (field: string) => `segment.${sid}.${field}`;
  const patch = (change: (s: Segment) => Segment) => edit((d) => patchSegment(d, sid, change));
  const sites = sitesOf(design);
  const siteOptions = sites.map((s) => ({
    value: s.id,
    label: s.label || s.id,
    ...(s.role === 'dc' ? {} : { hint: s.role }),
  }));
  const dciLinks = design.links.filter((l): l is DciLink => l.kind === 'dci');
  const extendedIds = dciLinks.filter((l) => l.extendedSegmentIds.includes(sid)).map((l) => l.id);
  const gatewayHelp = GATEWAY_MODES.find((m) => m.value === segment.gatewayMode)?.help;
  const ingressHelp = INGRESS_MODES.find((m) => m.value === segment.ingressMode)?.help;
  const centralSite = segment.gatewaySiteIds[0] ?? '';

  const setExtended = (next: string[]) => {
    // MultiCheckField reports the whole set; one box changed, so one link is edited.
    const after = new Set(next);
    const toggled = dciLinks.find((l) => extendedIds.includes(l.id) !== after.has(l.id));
    if (toggled) edit((d) => setExtendedBy(d, sid, toggled.id, after.has(toggled.id)));
  };

  const remove = () =>
    removeListItem('segment', segment.name || sid, () => useStudio.getState().removeSegment(sid));

  return (
    <ItemEditor id={id} testId={t('editor')}>
      <TextField
        label={FIELD_NAMES.segment.name.label}
        value={segment.name}
        testId={t('name')}
        disabled={readOnly}
        required
        onCommit={(name) => patch((s) => ({ ...s, name }))}
      />
      <NumberField
        label={FIELD_NAMES.segment.vlanId.label}
        value={segment.vlanId}
        schema={segmentSchema.shape.vlanId}
        testId={t('vlanId')}
        disabled={readOnly}
        hint="802.1Q VLAN id, 1–4094"
        placeholder="1–4094"
        onCommit={(v) => v !== undefined && patch((s) => ({ ...s, vlanId: v }))}
      />
      {sameVlan.length > 0 && (
        <Hint tone="warn">
          Also used by {sameVlan.map((s) => s.name || s.id).join(', ')}: two segments on one VLAN id
          are one L2 domain wherever both reach.
        </Hint>
      )}
      <SubnetField
        value={segment.subnet}
        testId={t('subnet')}
        disabled={readOnly}
        onCommit={(subnet) => patch((s) => ({ ...s, subnet }))}
      />

      <SelectField
        label={FIELD_NAMES.segment.gatewayMode.label}
        value={segment.gatewayMode}
        options={GATEWAY_MODES}
        testId={t('gatewayMode')}
        disabled={readOnly}
        onCommit={(mode) => edit((d) => setGatewayMode(d, sid, mode))}
      />
      {gatewayHelp && <Hint>{gatewayHelp}</Hint>}
      {segment.gatewayMode === 'centralized' &&
        (sites.length === 0 ? (
          <Hint tone="warn">No sites yet: draw one on the canvas to place the gateway.</Hint>
        ) : (
          <>
            <SelectField
              label="Gateway site"
              value={centralSite}
              options={[
                ...(centralSite === '' ? [{ value: '', label: '— choose a site —' }] : []),
                ...(centralSite !== '' && !sites.some((s) => s.id === centralSite)
                  ? [{ value: centralSite, label: `${centralSite} (missing)` }]
                  : []),
                ...siteOptions,
              ]}
              testId={t('gatewaySiteId')}
              disabled={readOnly}
              onCommit={(site) =>
                patch((s) => ({ ...s, gatewaySiteIds: site === '' ? [] : [site] }))
              }
            />
            {centralSite === '' && (
              <Hint tone="warn">No gateway site: choose where the segment is routed.</Hint>
            )}
          </>
        ))}
      {segment.gatewayMode === 'per-site' && (
        <MultiCheckField
          label={FIELD_NAMES.segment.gatewaySiteIds.label}
          values={segment.gatewaySiteIds}
          options={siteOptions}
          testId={t('gatewaySiteIds')}
          disabled={readOnly}
          empty="No sites yet: draw one on the canvas."
          onCommit={(gatewaySiteIds) => patch((s) => ({ ...s, gatewaySiteIds }))}
        />
      )}

      <SelectField
        label={FIELD_NAMES.segment.ingressMode.label}
        value={segment.ingressMode}
        options={INGRESS_MODES}
        testId={t('ingressMode')}
        disabled={readOnly}
        onCommit={(mode) => edit((d) => setIngressMode(d, sid, mode))}
      />
      {ingressHelp && <Hint>{ingressHelp}</Hint>}
      {segment.ingressMode === 'single-site' && sites.length > 0 && (
        <SelectField
          label={FIELD_NAMES.segment.ingressSiteId.label}
          value={segment.ingressSiteId ?? ''}
          options={[
            ...(segment.ingressSiteId === undefined
              ? [{ value: '', label: '— choose a site —' }]
              : []),
            ...(segment.ingressSiteId !== undefined &&
            !sites.some((s) => s.id === segment.ingressSiteId)
              ? [{ value: segment.ingressSiteId, label: `${segment.ingressSiteId} (missing)` }]
              : []),
            ...siteOptions,
          ]}
          testId={t('ingressSiteId')}
          disabled={readOnly}
          onCommit={(site) => edit((d) => setIngressSite(d, sid, site === '' ? undefined : site))}
        />
      )}

      <MultiCheckField
        label="Extended over"
        values={extendedIds}
        options={dciLinks.map((l) => ({
          value: l.id,
          label: l.label ? `${l.label} (${linkEnds(design, l)})` : linkEnds(design, l),
          hint:
            whyCarriesNoL2(l) ??
            `${L2_EXTENSION_INFO[l.l2Extension].label} · ${figureText(l.distanceKm)} km`,
        }))}
        testId={t('links')}
        disabled={readOnly}
        empty="No DCI links yet: connect two sites on the canvas."
        onCommit={setExtended}
      />

      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{sid}</span>
        {!confirming && (
          <button
            type="button"
            className={`${buttonClass} hover:border-red-300 hover:text-red-700 dark:hover:text-red-400`}
            data-testid={t('delete')}
            disabled={readOnly}
            onClick={() => (users > 0 ? setConfirming(true) : remove())}
          >
            <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete segment
          </button>
        )}
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-label="Delete segment"
          data-testid={t('delete.confirmation')}
          className="mt-2 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          <p>
            {plural(users, 'workload')} ({plural(usersVms, 'VM')}) {agree(users, 'uses', 'use')}{' '}
            this segment. Deleting it removes it from them
            {extendedIds.length > 0 ? ` and from ${plural(extendedIds.length, 'DCI link')}` : ''}.
          </p>
          <div className="mt-2 flex justify-end gap-2">
            <button
              type="button"
              className={buttonClass}
              data-testid={t('delete.cancel')}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="inline-flex items-center gap-1.5 rounded-md bg-red-700 px-2.5 py-1 text-xs font-medium text-white shadow-xs hover:bg-red-800 disabled:opacity-50"
              data-testid={t('delete.confirm')}
              disabled={readOnly}
              onClick={remove}
            >
              <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete anyway
            </button>
          </div>
        </div>
      )}
    </ItemEditor>
  );
}

/**
 * The subnet: free text that must look like an IPv4 or IPv6 CIDR; empty means "not set yet".
 * Like the fields in fields.tsx, a bad value keeps the previous one and says why inline.
 */
function SubnetField({
  value,
  testId,
  disabled,
  onCommit,
}: {
  value: string;
  testId: string;
  disabled: boolean;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const field = useTypedText(value, { showErrors: false });
  const max = SUBNET_MAX_CHARS;
  const kept = value === '' ? 'kept it empty' : `kept ${value}`;

  const tryCommit = (typed: string): Attempt => {
    const trimmed = typed.trim();
    if (trimmed !== '' && (trimmed.length > max || !isCidr(trimmed)))
      return {
        ok: false,
        error: `“${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}” is not an IPv4 or IPv6 CIDR (e.g. 10.1.10.0/24, 2001:db8:10::/64) — ${kept}`,
      };
    if (trimmed !== value) onCommit(trimmed);
    return { ok: true, valueText: trimmed };
  };

  return (
    <Row label={FIELD_NAMES.segment.subnet.label} htmlFor={id} hint="IPv4 or IPv6 in CIDR notation">
      <input
        id={id}
        data-testid={testId}
        className={`${inputClass} font-mono`}
        disabled={disabled}
        placeholder="10.1.10.0/24"
        spellCheck={false}
        autoComplete="off"
        {...typedInputProps(field, tryCommit, `${id}-error`)}
      />
      <FieldError id={`${id}-error`} testId={testId} error={field.error} />
    </Row>
  );
}
