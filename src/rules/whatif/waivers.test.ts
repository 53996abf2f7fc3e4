import { describe, expect, it } from 'vitest';
// The round trip through the one loader is the point of these specs; the what-if code itself
// never imports io.
// eslint-disable-next-line import-x/no-restricted-paths
import { loadDocument, toDocument } from '../../io/document';
// eslint-disable-next-line import-x/no-restricted-paths
import { decodeLink, encodeLink } from '../../io/link';
import type { Design } from '../../model/schema';
import { TEMPLATES } from '../../model/templates';
import { runRules } from '../index';
import type { Finding } from '../types';
import { addWaiver, partitionWaived, removeWaiver } from './waivers';

const NOW = new Date('2025-03-01T12:00:00Z');

function metroCluster(): { design: Design; findings: Finding[]; trombone: Finding } {
  const design = TEMPLATES.find((t) => t.id === 'metro-metrocluster')?.build();
  if (!design) throw new Error('no template');
  const findings = runRules(design);
  const trombone = findings.find((f) => f.ruleId === 'TROMBONE-STORAGE');
  if (!trombone) throw new Error('no storage trombone');
  return { design, findings, trombone };
}

function waived(design: Design, finding: Finding, justification: string): Design {
  const result = addWaiver(design, finding, justification, NOW);
  if (!result.ok) throw new Error(result.reason.message);
  return result.design;
}

describe('addWaiver', () => {
  it('records the finding key, rule, justification and time', () => {
    const { design, trombone } = metroCluster();
    const result = addWaiver(design, trombone, '  Batch only; I/O latency is fine. ', NOW);
    expect(result.ok && result.waiver).toEqual({
      findingKey: trombone.key,
      ruleId: 'TROMBONE-STORAGE',
      justification: 'Batch only; I/O latency is fine.',
      createdAt: '2025-03-01T12:00:00.000Z',
    });
    expect(design.waivers).toEqual([]);
  });

  it('refuses an empty or blank justification, leaving the design as it was', () => {
    const { design, trombone } = metroCluster();
    for (const text of ['', '   \n']) {
      const result = addWaiver(design, trombone, text, NOW);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason.kind).toBe('empty-justification');
    }
  });

  it('replaces the justification when the finding is already waived', () => {
    const { design, trombone } = metroCluster();
    const twice = waived(waived(design, trombone, 'first'), trombone, 'second');
    expect(twice.waivers.map((w) => w.justification)).toEqual(['second']);
  });
});

describe('removeWaiver', () => {
  it('drops the waiver of a finding and keeps the others', () => {
    const { design, findings, trombone } = metroCluster();
    const other = findings.find((f) => f.key !== trombone.key);
    if (!other) throw new Error('one finding only');
    const both = waived(waived(design, trombone, 'a'), other, 'b');
    expect(removeWaiver(both, trombone.key).waivers.map((w) => w.findingKey)).toEqual([other.key]);
    expect(removeWaiver(design, 'nothing')).toBe(design);
  });
});

describe('partitionWaived', () => {
  it('splits findings into open and waived, with the justification, and lists stale waivers', () => {
    const { design, findings, trombone } = metroCluster();
    let d = waived(design, trombone, 'Batch only.');
    d = {
      ...d,
      waivers: [...d.waivers, { findingKey: 'GONE|', ruleId: 'L2-IDLE', justification: 'x' }],
    };
    const { open, waived: w, stale } = partitionWaived(findings, d);
    expect(open).toHaveLength(findings.length - 1);
    expect(w).toEqual([{ ...trombone, justification: 'Batch only.', waivedAt: NOW.toISOString() }]);
    expect(stale.map((x) => x.findingKey)).toEqual(['GONE|']);
  });

  it('waivers survive a file round trip and still match their findings', () => {
    const { design, trombone } = metroCluster();
    const saved = JSON.stringify(toDocument(waived(design, trombone, 'Batch only.')));
    const loaded = loadDocument(saved);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.design.waivers).toEqual([
      {
        findingKey: trombone.key,
        ruleId: 'TROMBONE-STORAGE',
        justification: 'Batch only.',
        createdAt: NOW.toISOString(),
      },
    ]);
    const { waived: w } = partitionWaived(runRules(loaded.design), loaded.design);
    expect(w.map((f) => f.key)).toEqual([trombone.key]);
  });

  it('waivers survive a share-link round trip', () => {
    const { design, trombone } = metroCluster();
    const decoded = decodeLink(encodeLink(waived(design, trombone, 'Batch only.')));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const { waived: w } = partitionWaived(runRules(decoded.design), decoded.design);
    expect(w).toEqual([
      expect.objectContaining({ key: trombone.key, justification: 'Batch only.' }),
    ]);
  });
});
