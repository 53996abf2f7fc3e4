import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../model/templates/index';
import { DesignBuilder } from '../model/builder';
import { describeWarning, loadDocument, suggestField, summarizeWarnings } from './document';

/** Two sites, a stretched pair of clusters, a replicated volume, a witness, a segment. */
const design = () =>
  new DesignBuilder('Warnings')
    .site('dc1', 'DC1')
    .site('dc2', 'DC2')
    .site('wit', 'Witness', { role: 'witness' })
    .cluster('esx-a', 'dc1', { label: 'esx-a', stretchPeerId: 'esx-b' })
    .cluster('esx-b', 'dc2', { label: 'esx-b' })
    .array('arr-a', 'dc1', {
      volumes: [
        {
          id: 'vol',
          name: 'vol',
          replication: 'sync',
          peerArrayId: 'arr-b',
          preferredSiteId: 'dc1',
        },
      ],
    })
    .array('arr-b', 'dc2')
    .witness('w', 'wit', { arbitrates: ['arr-a', 'arr-b'] })
    .segment('web', 'web', 110, { gatewayMode: 'per-site', gatewaySiteIds: ['dc1', 'dc2'] })
    .dci('l', 'dc1', 'dc2')
    .build();

type Raw = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  segments: Record<string, unknown>[];
};
const raw = (): Raw => JSON.parse(JSON.stringify(design())) as Raw;

function warningsOf(doc: unknown) {
  const result = loadDocument(JSON.stringify(doc));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('Loader warnings', () => {
  it('has none for a clean design, the frozen fixtures or the templates', () => {
    expect(warningsOf(design()).warnings).toEqual([]);
    for (const name of ['v1.dci.json', 'v2.dci.json']) {
      const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
      expect(warningsOf(JSON.parse(text)).warnings, name).toEqual([]);
    }
    for (const t of TEMPLATES) expect(warningsOf(t.build()).warnings, t.id).toEqual([]);
  });

  it('reports a misspelt field, suggests the right one, and still opens the design', () => {
    const doc = raw();
    const cluster = doc.nodes.find((n) => n['id'] === 'esx-a');
    if (!cluster) throw new Error('fixture');
    delete cluster['stretchPeerId'];
    cluster['stretchPeer'] = 'esx-b';
    const result = warningsOf(doc);
    const i = doc.nodes.indexOf(cluster);
    expect(result.warnings).toEqual([
      {
        path: `nodes[${i}].stretchPeer`,
        message: 'unknown field "stretchPeer", ignored (did you mean "stretchPeerId"?)',
      },
    ]);
    expect(describeWarning(result.design, result.warnings[0]!)).toBe(
      `esx-a (nodes[${i}].stretchPeer): unknown field "stretchPeer", ignored (did you mean "stretchPeerId"?)`,
    );
    expect(result.design.nodes.find((n) => n.id === 'esx-a')).not.toHaveProperty('stretchPeer');
  });

  it('reports unknown fields at the top, in settings and in a volume', () => {
    const doc = raw();
    doc['colour'] = 'blue';
    (doc['settings'] as Record<string, unknown>)['dciHopAllowance'] = 0.2;
    const array = doc.nodes.find((n) => n['id'] === 'arr-a') as {
      volumes: Record<string, unknown>[];
    };
    array.volumes[0]!['replicaton'] = 'sync';
    const paths = warningsOf(doc).warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'colour',
        'settings.dciHopAllowance',
        expect.stringMatching(/^nodes\[\d+\]\.volumes\[0\]\.replicaton$/),
      ]),
    );
    expect(suggestField('dciHopAllowance')).toBe('dciHopAllowanceMs');
    expect(suggestField('replicaton')).toBe('replication');
    expect(suggestField('colour')).toBeNull();
  });

  it('reports dangling references: gateway sites, ingress site, preferred site, peer array, arbitrated elements', () => {
    const doc = raw();
    doc.segments[0]!['gatewaySiteIds'] = ['dc1', 'dc9'];
    doc.segments[0]!['ingressMode'] = 'single-site';
    doc.segments[0]!['ingressSiteId'] = 'esx-a';
    const array = doc.nodes.find((n) => n['id'] === 'arr-a') as {
      volumes: Record<string, unknown>[];
    };
    array.volumes[0]!['peerArrayId'] = 'arr-z';
    array.volumes[0]!['preferredSiteId'] = 'dc7';
    const witness = doc.nodes.find((n) => n['id'] === 'w');
    if (!witness) throw new Error('fixture');
    witness['arbitrates'] = ['arr-a', 'web'];
    const result = warningsOf(doc);
    const messages = result.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'segments[0].gatewaySiteIds[1]: "dc9" is not a site of this design',
        'segments[0].ingressSiteId: "esx-a" is not a site of this design',
        expect.stringMatching(/volumes\[0\]\.preferredSiteId: "dc7" is not a site of this design$/),
        expect.stringMatching(
          /volumes\[0\]\.peerArrayId: "arr-z" is not a storage array of this design$/,
        ),
        expect.stringMatching(
          /arbitrates\[1\]: "web" is not a storage array or host cluster of this design$/,
        ),
      ]),
    );
    expect(result.warnings).toHaveLength(5);
    expect(summarizeWarnings(result.design, result.warnings)).toMatch(
      /^5 problems in the file, ignored: arr-a \(nodes\[\d+\]\.volumes\[0\]\.preferredSiteId\): .*; and 2 more\.$/,
    );
  });

  it('caps a flood of warnings with one last line', () => {
    const doc = raw();
    for (let i = 0; i < 80; i++) doc[`extra${i}`] = i;
    const { warnings } = warningsOf(doc);
    expect(warnings).toHaveLength(50);
    expect(warnings[49]?.message).toBe('and 31 more warnings like these');
  });
});

describe('Subnets in the schema', () => {
  it('refuses a subnet that is not CIDR with a clear message', () => {
    const doc = raw();
    doc.segments[0]!['subnet'] = '10.0.0.300/24';
    const result = loadDocument(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      'segments[0].subnet (id "web"): not a subnet in CIDR notation (like 10.1.10.0/24 or 2001:db8::/64), nor empty.',
    );
  });
  it('accepts an empty subnet and IPv4 or IPv6 CIDR', () => {
    for (const subnet of ['', '10.1.10.0/24', '2001:db8:10::/64']) {
      const doc = raw();
      doc.segments[0]!['subnet'] = subnet;
      expect(loadDocument(JSON.stringify(doc)).ok, subnet).toBe(true);
    }
  });
});
