import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { TEMPLATES } from '../model/templates';
import { syntheticDesign } from '../model/synthetic';
import { runRules } from '../rules';
import { folds, groupFindings, groupSummary } from '../rules/groups';
import { RULES } from '../rules/index';
import type { Finding } from '../rules/types';
import { dciFigures } from '../render/text';
import {
  cellText,
  collectEstimates,
  escapeHtml,
  escapeMarkdown,
  reportHtml,
  reportMarkdown,
} from './report';

const HOSTILE = '<img src=x onerror=alert(1)>';

const design = () => {
  const d = new DesignBuilder('Metro | <b>review</b>')
    .site('dc1', 'DC1')
    .site('dc2', HOSTILE)
    .border('b1', 'dc1')
    .border('b2', 'dc2')
    .cluster('esx-a', 'dc1', { label: 'ESX A' })
    .cluster('esx-b', 'dc2', { label: 'ESX B' })
    .array('arr', 'dc1', {
      product: 'netapp-metrocluster',
      volumes: [{ id: 'vol', name: 'DS_1', preferredSiteId: 'dc1', replication: 'sync' }],
    })
    .dci('dci', 'b1', 'b2', {
      label: 'Fibre | A',
      transport: 'dwdm',
      l2Extension: 'otv',
      distanceKm: 80,
      bandwidthGbps: 100,
      extendedSegmentIds: ['web'],
    })
    .segment('web', 'Web *bold*', 110, { subnet: '10.0.0.0/24' })
    .workload('vm', 'app-01', 'esx-a', {
      memoryGB: 16,
      datastoreId: 'vol',
      mobilityTargetIds: ['esx-b'],
    })
    .build();
  d.waivers.push({
    findingKey: 'k-waived',
    ruleId: 'RES-DCI-SPOF',
    justification: 'A second route is ordered <script>',
  });
  return d;
};

const finding = (over: Partial<Finding>): Finding => ({
  key: 'k',
  ruleId: 'L2-GAP',
  severity: 'error',
  message: 'segment Web stops at ESX B',
  why: 'The VM keeps its IP address.',
  source: 'seed 000',
  elementIds: ['web', 'esx-b'],
  fixes: [{ label: 'Extend Web across Fibre A' }],
  ...over,
});

const findings: Finding[] = [
  finding({ key: 'k-info', ruleId: 'L2-IDLE', severity: 'info', message: 'idle stretch' }),
  finding({
    key: 'k-warn',
    ruleId: 'TROMBONE-STORAGE',
    severity: 'warning',
    message: `storage trombone via ${HOSTILE}`,
    scenario: { workloadId: 'vm', targetClusterId: 'esx-b' },
    path: ['esx-b', 'dci', 'arr'],
  }),
  finding({ key: 'k-error' }),
  finding({ key: 'k-waived', ruleId: 'RES-DCI-SPOF', severity: 'warning', message: 'one link' }),
];

describe('The Markdown report', () => {
  const md = reportMarkdown(design(), findings, collectEstimates(design()));

  it('has a title and summary counts, waived findings counted apart', () => {
    expect(md.startsWith('# Design review: Metro \\| &lt;b&gt;review&lt;/b&gt;\n')).toBe(true);
    expect(md).toContain('- **1 error, 1 warning**, 1 for information, 1 waived.');
    expect(md).toContain('2 sites, 5 devices, 1 DCI link, 1 segment, 1 workload (1 VM).');
  });

  it('lists DCI links with transport, extension, distance, RTT and bandwidth', () => {
    const row = md.split('\n').find((l) => l.startsWith('| Fibre'));
    expect(row).toBe(
      '| Fibre \\| A | DC1 ↔ &lt;img src=x onerror=alert(1)&gt; | DWDM | OTV | 80 km | ≈ 0.9 ms (from distance) | 100 Gb/s | 9216 | Web \\*bold\\* |',
    );
  });

  it('has inventory tables for sites, clusters, arrays, volumes, segments and workloads', () => {
    for (const heading of [
      '### Sites',
      '### Host clusters',
      '### Storage arrays and volumes',
      '### Segments',
      '### Workloads',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('| DS\\_1 | arr | DC1 | Synchronous | — |');
  });

  it('writes choices in the inspector’s words, not the file’s values', () => {
    const sites = md.split('\n').filter((l) => l.startsWith('| DC1 |'));
    expect(sites[0]).toContain('| Data center |');
    expect(md).not.toMatch(/\| (dc|sync|uniform|centralized|single-site) \|/u);
  });

  it('groups findings by severity, errors first, with why, source and fixes', () => {
    const errors = md.indexOf('### Errors (1)');
    const warnings = md.indexOf('### Warnings (1)');
    const info = md.indexOf('### Information (1)');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(info).toBeGreaterThan(warnings);
    expect(md).toContain('#### `L2-GAP` error: segment Web stops at ESX B');
    expect(md).toContain('- **Why:** The VM keeps its IP address.');
    expect(md).toContain('- **Source of the limit:** seed 000');
    expect(md).toContain('- **Suggested fix:** Extend Web across Fibre A');
    expect(md).toContain('- **Scenario:** after app-01 moves to ESX B');
    expect(md).toContain('- **Path:** ESX B → arr (over Fibre \\| A)');
  });

  it('shows waived findings apart, with their justification', () => {
    const waived = md.slice(md.indexOf('### Waived (1)'));
    expect(waived).toContain('#### `RES-DCI-SPOF` warning: one link');
    expect(waived).toContain('- **Waived:** A second route is ordered &lt;script&gt;');
  });

  it('has a migration estimates table', () => {
    expect(md).toContain('## Migration estimates');
    expect(md).toMatch(
      /\| app-01 \| ESX A → ESX B \| [\d.]+ ms \| [\d.]+ Gb\/s \([\w-]+\) \| yes \|/,
    );
  });

  it('keeps user labels inert text', () => {
    expect(md).not.toMatch(/<img|<script|<b>/);
    expect(escapeMarkdown(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('a\nb|c')).toBe('a b\\|c');
  });

  it('keeps every table row to its columns, whatever the labels hold', () => {
    for (const line of md.split('\n').filter((l) => l.startsWith('| Fibre'))) {
      expect(line.replace(/\\\|/g, '').split('|').length - 2).toBe(9);
    }
  });
});

describe('The HTML report', () => {
  const html = reportHtml(design(), findings, collectEstimates(design()), {
    diagramDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    generatedAt: '2025-02-01',
  });

  it('is a standalone, print-ready page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Design review: Metro | &lt;b&gt;review&lt;/b&gt;</title>');
    expect(html).toContain('Generated 2025-02-01 by DCI Studio.');
  });

  it('carries no script and no markup from user labels', () => {
    expect(html).not.toMatch(/<script|<img src=x|onerror=alert\(1\)>|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('includes the diagram only from a safe image data URL', () => {
    expect(html).toContain(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Diagram of the design">',
    );
    for (const url of [
      'javascript:alert(1)',
      'data:text/html;base64,PHA+',
      'data:image/png;base64,"><script>',
    ]) {
      expect(reportHtml(design(), [], [], { diagramDataUrl: url })).not.toContain('<img');
    }
  });

  it('colours findings by severity and strikes waived ones', () => {
    expect(html).toContain('<h4 class="error"><code>L2-GAP</code>');
    expect(html).toContain('<h4 class="waived"><code>RES-DCI-SPOF</code>');
  });
});

describe('A table cell of the HTML report', () => {
  it('keeps words and figures whole', () => {
    for (const text of ['Transport', '9216', '3,000 km', '≈ 30.1 ms (from distance)'])
      expect(cellText(text)).toBe(escapeHtml(text));
  });

  it('gives a long word places to break: after its separators, and every 16 characters', () => {
    expect(cellText('prod_esxi_cluster_amsterdam_01')).toBe(
      'prod_<wbr>esxi_<wbr>cluster_<wbr>amsterdam_<wbr>01',
    );
    const run = 'DDPRODUCTIONAMSTERDAMZUIDOOST';
    expect(cellText(run)).toBe(`${run.slice(0, 16)}<wbr>${run.slice(16)}`);
    // Escaped piece by piece: no markup from a label, and no entity cut in two.
    expect(cellText(`${HOSTILE}_and_more_of_it`)).toBe(
      '&lt;img src=x onerror=alert(1)<wbr>&gt;_<wbr>and_<wbr>more_<wbr>of_<wbr>it',
    );
  });

  it('is written so in the report: a long cluster name breaks, the headers do not', () => {
    const long = design();
    const named = {
      ...long,
      nodes: long.nodes.map((n) =>
        n.id === 'esx-a' ? { ...n, label: 'prod_esxi_cluster_amsterdam_zuidoost_01' } : n,
      ),
    };
    const html = reportHtml(named, [], []);
    expect(html).toContain(
      '<td>prod_<wbr>esxi_<wbr>cluster_<wbr>amsterdam_<wbr>zuidoost_<wbr>01</td>',
    );
    expect(html).toContain('<th>Transport</th>');
    expect(html).toContain('overflow-wrap: break-word');
    expect(html).not.toContain('overflow-wrap: anywhere');
  });
});

describe('Reports of the templates', () => {
  it('render every finding the validator raises', () => {
    for (const template of TEMPLATES) {
      const d = template.build();
      const found = runRules(d);
      const md = reportMarkdown(d, found, collectEstimates(d));
      for (const f of found) expect(md).toContain(`\`${f.ruleId}\` ${f.severity}:`);
      expect(reportHtml(d, found)).not.toContain('<script');
    }
  });
});

describe('The report of a large design', () => {
  const design = syntheticDesign({ sites: 4, elements: 1000 });
  const found = runRules(design);
  const md = reportMarkdown(design, found, collectEstimates(design));
  const groups = groupFindings(found, design).filter(folds);

  it('folds the findings of one rule and cause into one entry, as the findings panel does', () => {
    expect(groups.length).toBeGreaterThan(0);
    const headings = md.split('\n').filter((l) => l.startsWith('#### '));
    // One heading per folded group, one per finding of the groups that do not fold.
    const alone = found.length - groups.reduce((n, g) => n + g.members.length, 0);
    expect(headings).toHaveLength(groups.length + alone);
    for (const g of groups) {
      const title = `#### \`${g.ruleId}\` ${g.severity}: ${RULES[g.ruleId].title}${g.moves ? ', after a what-if move' : ''} (${g.members.length} findings)`;
      expect(md).toContain(title);
      const entry = md.slice(md.indexOf(title), md.indexOf('####', md.indexOf(title) + 5));
      expect(entry).toContain(`- **Concerns:** ${groupSummary(design, g)}`);
      for (const fix of g.fixes)
        expect(entry).toContain(`- **Suggested fix, for all ${g.members.length}:** ${fix.label}`);
      // Its findings, a row each.
      for (const f of g.members) expect(entry).toContain(`| ${escapeMarkdown(f.message)} |`);
    }
  });

  it('still says every finding, once: a row of its group or a heading of its own', () => {
    const count = (text: string) => md.split(text).length - 1;
    for (const f of found) {
      const m = escapeMarkdown(f.message);
      expect(count(`| ${m} |`) + count(`\` ${f.severity}: ${m}\n`)).toBe(1);
    }
  });
});

describe('The report’s workloads', () => {
  it('give each write rate per VM, or say it is unknown', () => {
    const d = design();
    const known = { ...d, workloads: d.workloads.map((w) => ({ ...w, writeRateMBps: 12 })) };
    expect(reportMarkdown(d, [])).toMatch(/\| Write rate per VM \|/);
    expect(reportMarkdown(d, [])).toMatch(/\| app-01 \|.*\| unknown \|/);
    expect(reportMarkdown(known, [])).toMatch(/\| app-01 \|.*\| 12 MB\/s \|/);
  });
});

describe('Paths in the report of every template', () => {
  it('list each hop once, by its label, never an id', () => {
    let paths = 0;
    for (const t of TEMPLATES) {
      const d = t.build();
      const md = reportMarkdown(d, runRules(d), collectEstimates(d));
      const ids = new Set([...d.nodes, ...d.links].map((e) => e.id));
      const labels = new Set([...d.nodes.map((n) => n.label), ...d.links.map((l) => l.label)]);
      for (const line of md.split('\n').filter((l) => l.startsWith('- **Path:**'))) {
        const hops = line
          .slice('- **Path:** '.length)
          .replace(/, and back/, '')
          .replace(/ \(over .*\)$/, '')
          .split(' → ');
        paths++;
        expect(new Set(hops).size, `${t.id}: ${line}`).toBe(hops.length);
        for (const hop of hops) {
          const unescaped = hop.replace(/\\(.)/g, '$1');
          expect(labels.has(unescaped) || !ids.has(unescaped), `${t.id}: ${hop}`).toBe(true);
        }
      }
    }
    expect(paths).toBeGreaterThan(0);
  });
});

describe('The report’s figures', () => {
  it('writes a link’s distance, RTT and bandwidth as its label on the canvas does', () => {
    const d = new DesignBuilder('Figures')
      .site('dc1', 'DC1')
      .site('dc2', 'DC2')
      .border('b1', 'dc1')
      .border('b2', 'dc2')
      .dci('far', 'b1', 'b2', { distanceKm: 12_000, bandwidthGbps: 0.622 })
      .dci('near', 'b1', 'b2', { distanceKm: 33.3, bandwidthGbps: 1000 })
      .build();
    const md = reportMarkdown(d, runRules(d));
    for (const link of d.links) {
      if (link.kind !== 'dci') continue;
      // "12,000 km · 120 ms · 622 Mb/s": each of the label's figures, in the link's row.
      const [km, ms, bandwidth] = dciFigures(link, d.settings).split(' · ') as [
        string,
        string,
        string,
      ];
      const row = md.split('\n').find((line) => line.includes(km));
      expect(row, km).toBeDefined();
      expect(row).toContain(`≈ ${ms} (from distance)`);
      expect(row).toContain(bandwidth);
    }
    expect(md).toContain('| 12,000 km |');
    expect(md).toContain('| ≈ 0.433 ms (from distance) |');
    expect(md).toContain('| 622 Mb/s |');
    expect(md).toContain('| 1,000 Gb/s |');
  });
});
