/**
 * The design-review report, in Markdown (for a repository or a ticket) and as a standalone,
 * print-ready HTML page (A4, no script) that a browser saves as PDF. Both render one outline
 * built from the design, its findings and migration estimates, so they always say the same.
 * Every user label is text: the renderers escape it, and the HTML forbids script by CSP too.
 */
import {
  HYPERVISOR_PROFILES,
  L2_EXTENSION_INFO,
  STORAGE_PRODUCTS,
  TRANSPORT_INFO,
} from '../model/catalog';
import { labelOf, pathText } from '../model/labels';
import { linkRttMs } from '../model/paths';
import type {
  Cluster,
  DciLink,
  Design,
  DesignNode,
  Site,
  StorageArray,
  Waiver,
} from '../model/schema';
import { xmlSafeText } from '../model/text';
import type { Finding, Severity } from '../rules/types';
import { estimateForWorkload, type MigrationEstimate } from '../rules/migration';
import { buildGraph } from '../rules/graph';
import {
  commonLabel,
  folds,
  groupFindings,
  groupSummary,
  type FindingGroup,
} from '../rules/groups';
import { RULES } from '../rules/index';
import { bandwidthText, countText, figureText, plural, secondsText } from '../model/plural';
import { noFindingsText } from '../rules/coverage';
import {
  ACCESS_LABELS,
  GATEWAY_MODE_LABELS,
  INGRESS_MODE_LABELS,
  REPLICATION_LABELS,
  ROLE_LABELS,
} from '../model/fieldNames';

/** One workload × mobility target; `estimate` is null when no path joins the two clusters. */
export interface ReportEstimate {
  readonly workloadId: string;
  readonly targetClusterId: string;
  readonly estimate: (MigrationEstimate & { readonly rttMs: number }) | null;
}

export interface ReportOptions {
  /** Shown under the title (e.g. new Date().toISOString()); absent keeps the output stable. */
  readonly generatedAt?: string;
  /** HTML only: a `data:image/png|jpeg|svg+xml;base64,…` URL of the diagram. */
  readonly diagramDataUrl?: string;
}

/** Every workload × mobility target of the design, estimated (for the report's last table). */
export function collectEstimates(design: Design): ReportEstimate[] {
  const graph = buildGraph(design);
  return design.workloads.flatMap((w) =>
    w.mobilityTargetIds.map((targetClusterId) => ({
      workloadId: w.id,
      targetClusterId,
      estimate: estimateForWorkload(design, w.id, targetClusterId, graph),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// The outline both renderers share.

type Inline = string | { readonly code: string } | { readonly strong: string };
type Text = Inline | readonly Inline[];

type Block =
  | {
      readonly type: 'heading';
      readonly level: 1 | 2 | 3 | 4;
      readonly text: Text;
      /** HTML only: colours a finding's heading. */
      readonly tone?: Severity | 'waived';
    }
  | { readonly type: 'paragraph'; readonly text: Text }
  | { readonly type: 'list'; readonly items: readonly Text[] }
  | { readonly type: 'table'; readonly head: readonly string[]; readonly rows: readonly Text[][] };

const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Information',
};
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A site's latitude or longitude: four decimals (about 11 m), no trailing zeros. */
function coordinate(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** What every part of the outline needs: the design, its findings split by waiver, and names. */
interface Facts {
  readonly design: Design;
  readonly findings: readonly Finding[];
  /** Findings not waived. */
  readonly active: readonly Finding[];
  readonly waived: readonly Finding[];
  readonly waivers: ReadonlyMap<string, Waiver>;
  readonly sites: readonly Site[];
  readonly devices: readonly Exclude<DesignNode, Site>[];
  readonly dciLinks: readonly DciLink[];
  /** The user's name for an id; '—' for none. */
  readonly nameOf: (id: string | undefined) => string;
  /** Names joined by commas; '—' for an empty list. */
  readonly namesOf: (ids: readonly string[]) => string;
  /** The name of the site a node is in (itself for a site). */
  readonly siteOf: (id: string) => string;
}

function factsOf(design: Design, findings: readonly Finding[]): Facts {
  const nameOf = (id: string | undefined) => (id === undefined ? '—' : labelOf(design, id));
  const waivers = new Map(design.waivers.map((w) => [w.findingKey, w]));
  return {
    design,
    findings,
    active: findings.filter((f) => !waivers.has(f.key)),
    waived: findings.filter((f) => waivers.has(f.key)),
    waivers,
    sites: design.nodes.filter((n): n is Site => n.kind === 'site'),
    devices: design.nodes.filter((n): n is Exclude<DesignNode, Site> => n.kind !== 'site'),
    dciLinks: design.links.filter((l): l is DciLink => l.kind === 'dci'),
    nameOf,
    namesOf: (ids) => (ids.length ? ids.map(nameOf).join(', ') : '—'),
    siteOf: (id) => {
      const node = design.nodes.find((n) => n.id === id);
      return node === undefined ? '—' : nameOf(node.kind === 'site' ? node.id : node.parentId);
    },
  };
}

function outline(
  design: Design,
  findings: readonly Finding[],
  estimates: readonly ReportEstimate[],
  options: ReportOptions,
): Block[] {
  const facts = factsOf(design, findings);
  return [
    { type: 'heading', level: 1, text: `Design review: ${design.name || 'Untitled design'}` },
    ...(options.generatedAt
      ? [{ type: 'paragraph', text: `Generated ${options.generatedAt} by DCI Studio.` } as const]
      : []),
    ...summary(facts),
    ...inventory(facts),
    ...findingSections(facts),
    ...estimateSection(facts, estimates),
  ];
}

function summary({ design, active, waived, sites, devices, dciLinks }: Facts): Block[] {
  const count = (s: Severity) => active.filter((f) => f.severity === s).length;
  const vms = design.workloads.reduce((n, w) => n + w.count, 0);
  return [
    { type: 'heading', level: 2, text: 'Summary' },
    {
      type: 'list',
      items: [
        [
          { strong: `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}` },
          `, ${countText(count('info'))} for information${waived.length ? `, ${countText(waived.length)} waived` : ''}.`,
        ],
        `${plural(sites.length, 'site')}, ${plural(devices.length, 'device')}, ${plural(dciLinks.length, 'DCI link')}, ${plural(design.segments.length, 'segment')}, ${plural(design.workloads.length, 'workload')} (${plural(vms, 'VM')}).`,
      ],
    },
  ];
}

/** A level-3 heading and its table(s), or nothing when there are no rows. */
function section(title: string, ...tables: Extract<Block, { type: 'table' }>[]): Block[] {
  const filled = tables.filter((t) => t.rows.length > 0);
  return filled.length ? [{ type: 'heading', level: 3, text: title }, ...filled] : [];
}

function inventory(facts: Facts): Block[] {
  return [
    { type: 'heading', level: 2, text: 'Inventory' },
    // Sites head the inventory even when there are none, so an empty design says so.
    { type: 'heading', level: 3, text: 'Sites' },
    siteTable(facts),
    ...section('DCI links', dciLinkTable(facts)),
    ...section('Host clusters', clusterTable(facts)),
    ...section('Storage arrays and volumes', ...storageTables(facts)),
    ...section('Segments', segmentTable(facts)),
    ...section('Workloads', workloadTable(facts)),
  ];
}

type Table = Extract<Block, { type: 'table' }>;

function siteTable({ sites, devices, nameOf }: Facts): Table {
  return {
    type: 'table',
    head: ['Site', 'Role', 'Location', 'Devices'],
    rows: sites.map((s) => [
      nameOf(s.id),
      ROLE_LABELS[s.role],
      s.location ? `${coordinate(s.location.lat)}, ${coordinate(s.location.lon)}` : '—',
      countText(devices.filter((d) => d.parentId === s.id).length),
    ]),
  };
}

function dciLinkTable({ design, dciLinks, nameOf, namesOf, siteOf }: Facts): Table {
  return {
    type: 'table',
    head: [
      'Link',
      'Between',
      'Transport',
      'L2 extension',
      'Distance',
      'RTT',
      'Bandwidth',
      'MTU',
      'Extended segments',
    ],
    rows: dciLinks.map((l) => [
      nameOf(l.id),
      `${siteOf(l.source)} ↔ ${siteOf(l.target)}`,
      TRANSPORT_INFO[l.transport].label,
      L2_EXTENSION_INFO[l.l2Extension].label + (l.bpduFilter ? ' (BPDU filter)' : ''),
      `${figureText(l.distanceKm)} km`,
      l.rttMs !== undefined
        ? `${figureText(l.rttMs)} ms`
        : `≈ ${figureText(linkRttMs(l, design.settings))} ms (from distance)`,
      bandwidthText(l.bandwidthGbps),
      String(l.mtu),
      namesOf(l.extendedSegmentIds),
    ]),
  };
}

function clusterTable({ design, nameOf }: Facts): Table {
  const clusters = design.nodes.filter((n): n is Cluster => n.kind === 'cluster');
  return {
    type: 'table',
    head: ['Cluster', 'Site', 'Profile', 'Hosts', 'vMotion NIC', 'Routed vmkernel', 'Stretch peer'],
    rows: clusters.map((c) => [
      nameOf(c.id),
      nameOf(c.parentId),
      HYPERVISOR_PROFILES[c.profile].label,
      countText(c.hosts),
      `${bandwidthText(c.vmotionNicGbps)} × ${c.concurrentMigrations}`,
      c.vmkRouted ? 'yes' : 'no',
      nameOf(c.stretchPeerId),
    ]),
  };
}

/** The arrays, then their volumes. */
function storageTables({ design, nameOf }: Facts): [Table, Table] {
  const arrays = design.nodes.filter((n): n is StorageArray => n.kind === 'array');
  const volumes = arrays.flatMap((a) => a.volumes.map((v) => ({ a, v })));
  return [
    {
      type: 'table',
      head: ['Array', 'Site', 'Product', 'Access', 'Node redundancy', 'Volumes'],
      rows: arrays.map((a) => [
        nameOf(a.id),
        nameOf(a.parentId),
        STORAGE_PRODUCTS[a.product].label,
        ACCESS_LABELS[a.access],
        a.nodeRedundancy ? 'yes' : 'no',
        countText(a.volumes.length),
      ]),
    },
    {
      type: 'table',
      head: ['Volume', 'Array', 'Preferred site', 'Replication', 'Peer array'],
      rows: volumes.map(({ a, v }) => [
        nameOf(v.id),
        nameOf(a.id),
        nameOf(v.preferredSiteId),
        REPLICATION_LABELS[v.replication],
        nameOf(v.peerArrayId),
      ]),
    },
  ];
}

function segmentTable({ design, nameOf, namesOf }: Facts): Table {
  return {
    type: 'table',
    head: ['Segment', 'VLAN', 'Subnet', 'Gateway', 'Ingress'],
    rows: design.segments.map((s) => [
      nameOf(s.id),
      String(s.vlanId),
      s.subnet || '—',
      `${GATEWAY_MODE_LABELS[s.gatewayMode]}${s.gatewaySiteIds.length ? ` — ${namesOf(s.gatewaySiteIds)}` : ''}`,
      `${INGRESS_MODE_LABELS[s.ingressMode]}${s.ingressSiteId !== undefined ? ` — ${nameOf(s.ingressSiteId)}` : ''}`,
    ]),
  };
}

function workloadTable({ design, nameOf, namesOf }: Facts): Table {
  return {
    type: 'table',
    head: [
      'Workload',
      'VMs',
      'Cluster',
      'Memory',
      'Dirty rate',
      'Write rate per VM',
      'Segments',
      'Datastore',
      'Downtime tolerance',
      'Mobility targets',
    ],
    rows: design.workloads.map((w) => [
      nameOf(w.id),
      countText(w.count),
      nameOf(w.clusterId),
      `${figureText(w.memoryGB)} GB`,
      `${figureText(w.dirtyRateMBps)} MB/s`,
      w.writeRateMBps > 0 ? `${figureText(w.writeRateMBps)} MB/s` : 'unknown',
      namesOf(w.segmentIds),
      nameOf(w.datastoreId),
      secondsText(w.downtimeToleranceS),
      namesOf(w.mobilityTargetIds),
    ]),
  };
}

/** "**Why:** text": the colon inside the bold, so Markdown closes the emphasis. */
function labelled(name: string, value: string): Text {
  return [{ strong: `${name}:` }, ` ${value}`];
}

/** One finding: a heading coloured by severity (or as waived) and its particulars. */
function findingBlocks({ design, nameOf, namesOf }: Facts, f: Finding, waiver?: Waiver): Block[] {
  const items: Text[] = [];
  if (f.scenario)
    items.push(
      labelled(
        'Scenario',
        `after ${nameOf(f.scenario.workloadId)} moves to ${nameOf(f.scenario.targetClusterId)}`,
      ),
    );
  items.push(labelled('Why', f.why), labelled('Source of the limit', f.source));
  if (f.elementIds.length) items.push(labelled('Concerns', namesOf(f.elementIds)));
  if (f.path?.length) items.push(labelled('Path', pathText(design, f.path)));
  for (const fix of f.fixes) items.push(labelled('Suggested fix', fix.label));
  if (waiver)
    items.push(
      labelled('Waived', waiver.justification + (waiver.createdAt ? ` (${waiver.createdAt})` : '')),
    );
  return [
    {
      type: 'heading',
      level: 4,
      text: [{ code: f.ruleId }, ` ${f.severity}: ${f.message}`],
      tone: waiver ? 'waived' : f.severity,
    },
    { type: 'list', items },
  ];
}

/**
 * A group of findings of one rule and cause (rules/groups.ts) that folds, as in the findings
 * panel: what it concerns, why, its source and its fixes once, then its findings one line each
 * (a large design's 95 gateway trombones read as one entry, not 95 of ten lines each).
 */
function groupBlocks({ design }: Facts, group: FindingGroup): Block[] {
  const { members } = group;
  const items: Text[] = [labelled('Concerns', groupSummary(design, group))];
  const once = (read: (f: Finding) => string): string | undefined => {
    const values = new Set(members.map(read));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const why = once((f) => f.why);
  const source = once((f) => f.source);
  if (why) items.push(labelled('Why', why));
  if (source) items.push(labelled('Source of the limit', source));
  members[0]?.fixes.forEach((_, index) => {
    const label =
      group.fixes.find((fix) => fix.index === index)?.label ??
      commonLabel(members.map((f) => f.fixes[index]?.label ?? ''));
    items.push(labelled(`Suggested fix, for all ${countText(members.length)}`, label));
  });
  const title = RULES[group.ruleId]?.title ?? group.ruleId;
  return [
    {
      type: 'heading',
      level: 4,
      text: [
        { code: group.ruleId },
        ` ${group.severity}: ${title}${group.moves ? ', after a what-if move' : ''} (${plural(members.length, 'finding')})`,
      ],
      tone: group.severity,
    },
    { type: 'list', items },
    { type: 'table', head: ['Finding'], rows: members.map((f) => [f.message]) },
  ];
}

/**
 * Open findings by severity, then the waived ones with their justification. Findings of one
 * rule and cause read as one group where the findings panel folds them (`groupBlocks`).
 */
function findingSections(facts: Facts): Block[] {
  const { design, findings, active, waived, waivers } = facts;
  const blocks: Block[] = [{ type: 'heading', level: 2, text: 'Findings' }];
  if (findings.length === 0) blocks.push({ type: 'paragraph', text: noFindingsText(design) });
  for (const severity of SEVERITIES) {
    const open = active.filter((f) => f.severity === severity);
    if (!open.length) continue;
    blocks.push({
      type: 'heading',
      level: 3,
      text: `${SEVERITY_TITLES[severity]} (${countText(open.length)})`,
    });
    for (const group of groupFindings(open, design))
      if (folds(group)) blocks.push(...groupBlocks(facts, group));
      else for (const f of group.members) blocks.push(...findingBlocks(facts, f));
  }
  if (waived.length) {
    blocks.push({ type: 'heading', level: 3, text: `Waived (${countText(waived.length)})` });
    for (const f of waived) blocks.push(...findingBlocks(facts, f, waivers.get(f.key)));
  }
  return blocks;
}

function estimateSection({ design, nameOf }: Facts, estimates: readonly ReportEstimate[]): Block[] {
  if (!estimates.length) return [];
  return [
    { type: 'heading', level: 2, text: 'Migration estimates' },
    {
      type: 'paragraph',
      text: 'Pre-copy live migration (Clark et al., NSDI 2005; docs/rules.md): effective bandwidth, rounds until the rest fits the downtime target, total time and switch-over downtime.',
    },
    {
      type: 'table',
      head: [
        'Workload',
        'Move',
        'RTT',
        'Bandwidth (limited by)',
        'Converges',
        'Rounds',
        'Total time',
        'Downtime',
        'Tolerance',
      ],
      rows: estimates.map(({ workloadId, targetClusterId, estimate: e }) => {
        const w = design.workloads.find((x) => x.id === workloadId);
        const move = `${nameOf(w?.clusterId)} → ${nameOf(targetClusterId)}`;
        const tolerance = w ? secondsText(w.downtimeToleranceS) : '—';
        if (!e) return [nameOf(workloadId), move, '—', 'no path', '—', '—', '—', '—', tolerance];
        return [
          nameOf(workloadId),
          move,
          `${figureText(e.rttMs)} ms`,
          `${bandwidthText(e.effectiveGbps)} (${e.limitedBy})`,
          e.converges ? 'yes' : 'no',
          e.converges ? String(e.rounds) : '—',
          e.converges ? secondsText(e.totalTimeS) : 'never',
          e.converges ? secondsText(e.downtimeS) : '—',
          tolerance,
        ];
      }),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/**
 * Escape user text for Markdown: HTML-significant characters become entities (so a label can
 * never be markup, whatever the renderer lets through), Markdown punctuation gets a backslash,
 * and line breaks become spaces (a label must not end a table row).
 */
export function escapeMarkdown(text: string): string {
  return xmlSafeText(text)
    .replace(/[\r\n]+/gu, ' ')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_[\]|~]/gu, (c) => `\\${c}`);
}

function mdInline(text: Text): string {
  const parts: readonly Inline[] = Array.isArray(text) ? text : [text as Inline];
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeMarkdown(p);
      if ('code' in p) return `\`${p.code.replaceAll('`', "'")}\``;
      return `**${escapeMarkdown(p.strong)}**`;
    })
    .join('');
}

function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${mdInline(b.text)}`);
        break;
      case 'paragraph':
        out.push(mdInline(b.text));
        break;
      case 'list':
        out.push(b.items.map((i) => `- ${mdInline(i)}`).join('\n'));
        break;
      case 'table':
        out.push(
          [
            `| ${b.head.map(escapeMarkdown).join(' | ')} |`,
            `|${b.head.map(() => ' --- ').join('|')}|`,
            ...b.rows.map((r) => `| ${r.map(mdInline).join(' | ')} |`),
          ].join('\n'),
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The design-review report as Markdown. */
export function reportMarkdown(
  design: Design,
  findings: readonly Finding[],
  estimates: readonly ReportEstimate[] = [],
  options: ReportOptions = {},
): string {
  return toMarkdown(outline(design, findings, estimates, options));
}

// ---------------------------------------------------------------------------------------------
// HTML.

export function escapeHtml(text: string): string {
  // A design that never went through the loader could still hold a NUL: keep the page valid.
  return xmlSafeText(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A table cell keeps a word of up to this many characters whole. A table's columns are as wide
 * as their longest unbreakable word at least: a longer one (a name without spaces,
 * "prod_esxi_cluster_amsterdam_01") is given places to break (cellText), or the table ran past
 * the page. Letting the browser break any word anywhere instead split headers and figures
 * ("Transp|ort", "921|6") to squeeze the widest columns in.
 */
const CELL_WORD_MAX = 16;
/** Where a long word breaks first: after one of these. */
const WORD_SEPARATORS = /(?<=[-_./:,;\\|→↔@])/u;

/** Escaped text for a table cell, with a break point (<wbr>) in each word longer than CELL_WORD_MAX. */
export function cellText(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((word) => {
      if ([...word].length <= CELL_WORD_MAX) return escapeHtml(word);
      const pieces: string[] = [];
      for (const part of word.split(WORD_SEPARATORS)) {
        const chars = [...part];
        for (let at = 0; at < chars.length; at += CELL_WORD_MAX)
          pieces.push(chars.slice(at, at + CELL_WORD_MAX).join(''));
      }
      return pieces.map(escapeHtml).join('<wbr>');
    })
    .join('');
}

function htmlInline(text: Text, escape: (text: string) => string = escapeHtml): string {
  const parts: readonly Inline[] = Array.isArray(text) ? text : [text as Inline];
  return parts
    .map((p) => {
      if (typeof p === 'string') return escape(p);
      if ('code' in p) return `<code>${escape(p.code)}</code>`;
      return `<strong>${escape(p.strong)}</strong>`;
    })
    .join('');
}

const SAFE_IMAGE = /^data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/u;

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1d23; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 1px solid #c9ced6; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10pt; margin: 4mm 0 1mm; break-after: avoid; }
h4.error { color: #b42318; } h4.warning { color: #9a6700; } h4.info { color: #175cd3; }
h4.waived { color: #667085; text-decoration: line-through; text-decoration-thickness: 1px; }
ul { margin: 0 0 2mm; padding-left: 5mm; } li { margin: 0.5mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #d0d5dd; padding: 1mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f2f4f7; }
thead { display: table-header-group; }
code { font: 8.5pt ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f2f4f7; padding: 0 1mm; border-radius: 2px; }
figure { margin: 0 0 4mm; } figure img { max-width: 100%; max-height: 150mm; border: 1px solid #d0d5dd; }
@media print { body { padding: 0; } a { color: inherit; } }
`;

function toHtml(blocks: readonly Block[], title: string, diagram?: string): string {
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading': {
        const cls = b.tone ? ` class="${b.tone}"` : '';
        body.push(`<h${b.level}${cls}>${htmlInline(b.text)}</h${b.level}>`);
        if (b.level === 1 && diagram)
          body.push(
            `<figure><img src="${escapeHtml(diagram)}" alt="Diagram of the design"></figure>`,
          );
        break;
      }
      case 'paragraph':
        body.push(`<p>${htmlInline(b.text)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((i) => `<li>${htmlInline(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
        body.push(
          `<table><thead><tr>${b.head.map((h) => `<th>${cellText(h)}</th>`).join('')}</tr></thead>` +
            `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${htmlInline(c, cellText)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
        );
        break;
    }
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No script can run in the report, whatever a label holds: the page allows none.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The design-review report as a standalone, print-ready HTML document (no script). */
export function reportHtml(
  design: Design,
  findings: readonly Finding[],
  estimates: readonly ReportEstimate[] = [],
  options: ReportOptions = {},
): string {
  const diagram =
    options.diagramDataUrl !== undefined && SAFE_IMAGE.test(options.diagramDataUrl)
      ? options.diagramDataUrl
      : undefined;
  return toHtml(
    outline(design, findings, estimates, options),
    `Design review: ${design.name || 'Untitled design'}`,
    diagram,
  );
}
