import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../model/builder';
import { updateNode } from '../model/edits';
import {
  BANDWIDTH_MAX_GBPS,
  CURRENT_VERSION,
  DCI_DISTANCE_MAX_KM,
  designSchema,
  MEMORY_MAX_GB,
  RATE_MAX_MBPS,
  RTT_MAX_MS,
  SWITCHOVER_MAX_S,
  TCP_WINDOW_MAX_MB,
  type Design,
  type DesignNode,
} from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { TEMPLATES } from '../model/templates';
import { arbitraryDesign } from './arbitrary';
import { SCHEMA_CHECKS, SCHEMA_FIELDS_HASH } from './ownDocument';
import { textHash } from '../model/textHash';
import {
  documentFingerprint,
  formatPath,
  KNOWN_FIELDS,
  loadDocument,
  loadOwnDocument,
  toDocument,
} from './document';

const design = () =>
  new DesignBuilder('Two sites')
    .site('dc1', 'DC1')
    .site('dc2', 'DC2')
    .cluster('esx', 'dc1')
    .dci('l0', 'dc1', 'dc2')
    .dci('l1', 'dc1', 'dc2')
    .dci('l2', 'dc1', 'dc2')
    .dci('l3', 'dc1', 'dc2')
    .build();

function errorOf(input: unknown) {
  const result = loadDocument(input);
  if (result.ok) throw new Error('expected the loader to refuse the input');
  return result.error;
}

describe('loadDocument', () => {
  it('loads a valid design', () => {
    const result = loadDocument(JSON.stringify(design()));
    expect(result.ok).toBe(true);
  });

  it('names the path and the expectation of a field error', () => {
    const doc = design() as unknown as { links: Record<string, unknown>[] };
    doc.links[3]!['distanceKm'] = -4;
    expect(errorOf(doc)).toEqual({
      kind: 'invalid',
      path: 'links[3].distanceKm',
      message: `links[3].distanceKm (id "${String(doc.links[3]!['id'])}"): expected a number ≥ 0.`,
    });
  });

  it("refuses a link's quantities past what any link could have, naming the bound", () => {
    const doc = design() as unknown as { links: Record<string, unknown>[] };
    doc.links[1]!['distanceKm'] = 1e9;
    expect(errorOf(doc).message).toBe(`links[1].distanceKm (id "l1"): expected a number ≤ 40,000.`);
    doc.links[1]!['distanceKm'] = DCI_DISTANCE_MAX_KM;
    doc.links[2]!['rttMs'] = RTT_MAX_MS + 1;
    expect(errorOf(doc).message).toBe(`links[2].rttMs (id "l2"): expected a number ≤ 10,000.`);
    doc.links[2]!['rttMs'] = RTT_MAX_MS;
    doc.links[3]!['bandwidthGbps'] = 2 * BANDWIDTH_MAX_GBPS;
    expect(errorOf(doc).message).toBe(
      `links[3].bandwidthGbps (id "l3"): expected a number ≤ 1,000,000.`,
    );
    // The quiet case: each at its bound is a design.
    doc.links[3]!['bandwidthGbps'] = BANDWIDTH_MAX_GBPS;
    expect(loadDocument(doc).ok).toBe(true);
  });

  it("refuses a workload's, a cluster's and the settings' quantities past their bounds", () => {
    type Doc = {
      settings: Record<string, unknown>;
      nodes: Record<string, unknown>[];
      workloads: Record<string, unknown>[];
    };
    const withWorkload = () => {
      const built = new DesignBuilder('Two sites')
        .site('dc1', 'DC1')
        .cluster('esx', 'dc1')
        .workload('vm', 'VM', 'esx')
        .build();
      return built as unknown as Doc;
    };
    const esx = (doc: Doc) => doc.nodes.find((n) => n['id'] === 'esx') as Record<string, unknown>;
    // Each with its bound as the message writes it (grouped from five digits, like a field's).
    const cases: [string, (doc: Doc) => Record<string, unknown>, string, number, string][] = [
      ['workloads[0]', (doc) => doc.workloads[0]!, 'memoryGB', MEMORY_MAX_GB, '1,000,000'],
      ['workloads[0]', (doc) => doc.workloads[0]!, 'dirtyRateMBps', RATE_MAX_MBPS, '10,000,000'],
      ['workloads[0]', (doc) => doc.workloads[0]!, 'writeRateMBps', RATE_MAX_MBPS, '10,000,000'],
      [
        'workloads[0]',
        (doc) => doc.workloads[0]!,
        'downtimeToleranceS',
        SWITCHOVER_MAX_S,
        '86,400',
      ],
      ['nodes[1]', esx, 'vmotionNicGbps', BANDWIDTH_MAX_GBPS, '1,000,000'],
      ['settings', (doc) => doc.settings, 'dciHopAllowanceMs', RTT_MAX_MS, '10,000'],
      ['settings', (doc) => doc.settings, 'fabricHopAllowanceMs', RTT_MAX_MS, '10,000'],
      ['settings', (doc) => doc.settings, 'tcpWindowMB', TCP_WINDOW_MAX_MB, '1024'],
      ['settings', (doc) => doc.settings, 'resumeAllowanceS', SWITCHOVER_MAX_S, '86,400'],
    ];
    for (const [at, holder, field, bound, written] of cases) {
      const doc = withWorkload();
      holder(doc)[field] = 1e300;
      const { message } = errorOf(doc);
      expect(message.startsWith(`${at}.${field}`), message).toBe(true);
      expect(message).toContain(`expected a number ≤ ${written}.`);
      // The quiet case: at its bound, the design loads.
      holder(doc)[field] = bound;
      expect(loadDocument(doc).ok, field).toBe(true);
    }
  });

  it('says what it got instead of the expected type', () => {
    const doc = design() as unknown as { links: Record<string, unknown>[] };
    doc.links[0]!['bandwidthGbps'] = 'fast';
    expect(errorOf(doc).message).toBe(
      'links[0].bandwidthGbps (id "l0"): expected a number, got a string.',
    );
    delete doc.links[0]!['bandwidthGbps'];
    expect(errorOf(doc).message).toBe(
      'links[0].bandwidthGbps (id "l0"): missing (expected a number).',
    );
  });

  it('says a strict lower bound is strict', () => {
    const doc = design() as unknown as { links: Record<string, unknown>[] };
    doc.links[0]!['bandwidthGbps'] = 0;
    expect(errorOf(doc).message).toBe('links[0].bandwidthGbps (id "l0"): expected a number > 0.');
  });

  it('reports a broken reference with its path', () => {
    const doc = design();
    doc.links[1] = { ...doc.links[1]!, target: 'nowhere' };
    expect(errorOf(doc)).toMatchObject({ kind: 'invalid', path: 'links[1].target' });
  });

  it('refuses a design from a newer version', () => {
    expect(errorOf({ ...design(), version: 99 })).toMatchObject({
      kind: 'too-new',
      version: 99,
      message: expect.stringContaining('newer version of DCI Studio'),
    });
  });

  it('refuses JSON that is not a design, and text that is not JSON', () => {
    expect(errorOf('[1,2]').kind).toBe('not-a-design');
    expect(errorOf('{"hello":"world"}').kind).toBe('not-a-design');
    expect(errorOf('{"version":1,"nod').kind).toBe('corrupt');
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(loadDocument(`\uFEFF${JSON.stringify(design())}`).ok).toBe(true);
  });

  it('does not let __proto__ keys pollute Object.prototype', () => {
    const text = JSON.stringify(design()).replace(
      '"name":',
      '"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"name":',
    );
    const result = loadDocument(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (result.ok) expect(Object.keys(result.design)).not.toContain('__proto__');
  });

  it('never throws, even when the input is a hostile object', () => {
    const hostile = {
      version: 1,
      get nodes(): never {
        throw new Error('boom');
      },
    };
    expect(errorOf(hostile).kind).toBe('corrupt');
  });
});

describe('formatPath', () => {
  it('renders indexes in brackets and keys with dots', () => {
    expect(formatPath(['links', 3, 'distanceKm'])).toBe('links[3].distanceKm');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('toDocument', () => {
  it('drops transient editor fields', () => {
    const doc = design();
    const dirty = {
      ...doc,
      nodes: doc.nodes.map((n) => ({ ...n, selected: true, measured: { width: 1 } })),
    };
    expect(toDocument(dirty)).toEqual(toDocument(doc));
    expect(JSON.stringify(toDocument(dirty))).not.toContain('selected');
  });

  it('picks as the design schema does, element by element, for a design and an edit of it', () => {
    const dirty = (d: Design): Design => ({
      ...d,
      nodes: d.nodes.map((n) => ({ ...n, selected: true }) as unknown as DesignNode),
    });
    for (const d of [design(), syntheticDesign({ sites: 2, elements: 200 })]) {
      const first = toDocument(dirty(d));
      expect(JSON.stringify(first)).toBe(JSON.stringify(designSchema.parse(d)));
      // An edit of one element: the others come from the cache, the edited one is picked anew.
      const edited = updateNode(d, d.nodes[0]?.id ?? '', { label: 'renamed' });
      expect(JSON.stringify(toDocument(edited))).toBe(JSON.stringify(designSchema.parse(edited)));
      expect(toDocument(edited).nodes[0]?.label).toBe('renamed');
    }
  });

  it('keeps the elements of a loaded design, which the loader already picked', () => {
    const json = JSON.stringify(syntheticDesign({ sites: 2, elements: 200 }));
    const loaded = loadDocument(json);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const doc = toDocument(loaded.design);
    expect(doc.nodes.every((n, i) => n === loaded.design.nodes[i])).toBe(true);
    expect(doc.links.every((l, i) => l === loaded.design.links[i])).toBe(true);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(designSchema.parse(JSON.parse(json))));
  });

  it('still refuses an element the schema refuses', () => {
    const d = design();
    const bad = { ...d, links: [...d.links, { ...d.links[0], distanceKm: -1 }] } as Design;
    expect(() => toDocument(bad)).toThrow();
  });
});

describe('A design the studio stored itself', () => {
  const stored = (d: Design) => JSON.stringify(toDocument(d));

  it('reads back, by its fingerprint, as the same design the full check gives', () => {
    const same = (json: string) => {
      const own = loadOwnDocument(json, documentFingerprint(json));
      const checked = loadDocument(json);
      expect(own.ok && checked.ok).toBe(true);
      if (own.ok && checked.ok) expect(own.design).toEqual(checked.design);
    };
    fc.assert(fc.property(arbitraryDesign, (d) => same(stored(d))));
    for (const t of TEMPLATES) same(stored(t.build()));
    same(stored(syntheticDesign({ sites: 4, elements: 1000 })));
  });

  it('is only parsed when its fingerprint matches (the schema is not asked again)', () => {
    // Text the schema refuses, under its own fingerprint: read as stored.
    const json = JSON.stringify({ ...toDocument(design()), name: 7 });
    expect(loadDocument(json).ok).toBe(false);
    expect(loadOwnDocument(json, documentFingerprint(json)).ok).toBe(true);
  });

  it('gets the full check, with its message, once its text changed or without a fingerprint', () => {
    const json = stored(design());
    const fingerprint = documentFingerprint(json);
    const changed = json.replace('"DC1"', '7');
    expect(changed).not.toBe(json);
    const read = loadOwnDocument(changed, fingerprint);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/^nodes\[0\]\.label \(id "[^"]+"\): /u);
    const truncated = loadOwnDocument(json.slice(0, -10), fingerprint);
    expect(!truncated.ok && truncated.error.kind).toBe('corrupt');
    expect(
      loadOwnDocument(JSON.stringify({ ...toDocument(design()), name: 7 }), undefined).ok,
    ).toBe(false);
  });

  it('is fingerprinted by its text, its format version and the schema’s fields', () => {
    const json = stored(design());
    expect(documentFingerprint(json)).toBe(documentFingerprint(`${json}`));
    expect(documentFingerprint(json)).not.toBe(documentFingerprint(json.replace('DC1', 'DC9')));
    expect(documentFingerprint(json)).toMatch(new RegExp(`^v${CURRENT_VERSION}:`, 'u'));
    expect(documentFingerprint(json)).toContain(`:c${SCHEMA_CHECKS}:`);
  });

  it('stored before the schema refused a value, gets the full check and its message', () => {
    // As a build before the bounds on a link's quantities stored it: its fingerprint of then.
    const doc = toDocument(design());
    const json = JSON.stringify({
      ...doc,
      links: doc.links.map((l, i) => (i === 0 ? { ...l, distanceKm: 1e9 } : l)),
    });
    const before = documentFingerprint(json).replace(`:c${SCHEMA_CHECKS}:`, ':');
    const read = loadOwnDocument(json, before);
    expect(!read.ok && read.error.message).toBe(
      `links[0].distanceKm (id "l0"): expected a number ≤ 40,000.`,
    );
  });

  it('names the schema’s fields as they are now (written out, so a reload need not load the schema)', () => {
    // A field added, renamed or removed in the schema changes this hash: update
    // SCHEMA_FIELDS_HASH in ownDocument.ts, and every design stored before gets the full check.
    expect(SCHEMA_FIELDS_HASH).toBe(textHash(KNOWN_FIELDS.join(',')));
    expect(documentFingerprint('{}')).toContain(`:${SCHEMA_FIELDS_HASH}:`);
    expect(KNOWN_FIELDS).toContain('distanceKm');
  });
});
