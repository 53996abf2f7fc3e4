import { describe, expect, it } from 'vitest';
import { updateLink, removeSegment, upsertWorkload, moveNodes } from '../../model/edits';
import { TEMPLATES } from '../../model/templates';
import type { Design } from '../../model/schema';
import { diffDesigns } from './diff';

function template(id: string): Design {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return t.build();
}

describe('diffDesigns', () => {
  it('finds nothing between a design and itself', () => {
    const a = template('metro-vplex-otv');
    const d = diffDesigns(a, structuredClone(a));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.design).toEqual([]);
    expect(d.findings.new).toEqual([]);
    expect(d.findings.resolved).toEqual([]);
  });

  it('names each changed field with its old and new value', () => {
    const a = template('metro-vplex-otv');
    const b = updateLink(a, 'dci-fibre-1', { distanceKm: 800, bandwidthGbps: 1 });
    const d = diffDesigns(a, b);
    expect(d.changed).toEqual([
      expect.objectContaining({ collection: 'links', id: 'dci-fibre-1', kind: 'dci' }),
    ]);
    expect(d.changed[0]?.changes.map((c) => c.text)).toEqual([
      'links[dci-fibre-1].distanceKm: 80 → 800',
      'links[dci-fibre-1].bandwidthGbps: 10 → 1',
    ]);
  });

  it('lists added and removed elements, and changes inside volumes by id', () => {
    const a = template('metro-metrocluster');
    let b = removeSegment(a, 'seg-db');
    const web = b.workloads.find((w) => w.id === 'wl-web');
    if (!web) throw new Error('no wl-web');
    b = upsertWorkload(b, { ...web, id: 'wl-web-2', name: 'web-05' });
    b = {
      ...b,
      nodes: b.nodes.map((n) =>
        n.kind === 'array' && n.id === 'array-a'
          ? {
              ...n,
              volumes: n.volumes.map((v) =>
                v.id === 'vol-db-01' ? { ...v, replication: 'async' as const } : v,
              ),
            }
          : n,
      ),
    };
    const d = diffDesigns(a, b);
    expect(d.added).toEqual([{ collection: 'workloads', id: 'wl-web-2', label: 'web-05' }]);
    expect(d.removed).toEqual([{ collection: 'segments', id: 'seg-db', label: 'db' }]);
    const texts = d.changed.flatMap((c) => c.changes.map((x) => x.text));
    expect(texts).toContain('nodes[array-a].volumes[vol-db-01].replication: sync → async');
    expect(texts).toContain('workloads[wl-db].segmentIds: [seg-db] → []');
  });

  it('leaves layout out unless asked', () => {
    const a = template('metro-vplex-otv');
    const b = moveNodes(a, new Map([['dc1', { x: 999, y: 999 }]]));
    expect(diffDesigns(a, b).changed).toEqual([]);
    const withLayout = diffDesigns(a, b, { includeLayout: true });
    expect(withLayout.changed[0]?.changes.map((c) => c.path)).toEqual([
      'nodes[dc1].position.x',
      'nodes[dc1].position.y',
    ]);
  });

  it('sorts findings into new, resolved and unchanged by key', () => {
    // From the MetroCluster design to the VPLEX one: the trombones go, nothing new comes.
    const a = template('metro-metrocluster');
    const b = template('metro-vplex-otv');
    const d = diffDesigns(a, b);
    expect(d.findings.resolved.map((f) => f.ruleId)).toContain('TROMBONE-STORAGE');
    expect(d.findings.new).toEqual([]);
    // And back: they return as new.
    const back = diffDesigns(b, a);
    expect(back.findings.new.map((f) => f.key).sort()).toEqual(
      d.findings.resolved.map((f) => f.key).sort(),
    );
  });

  it('reports settings and waivers', () => {
    const a = template('metro-vplex-otv');
    const b: Design = {
      ...a,
      settings: { ...a.settings, tcpWindowMB: 128 },
      waivers: [{ findingKey: 'X|', ruleId: 'L2-IDLE', justification: 'lab' }],
    };
    const d = diffDesigns(a, b);
    expect(d.design.map((c) => c.text)).toEqual(['settings.tcpWindowMB: 64 → 128']);
    expect(d.waivers).toEqual({ added: ['X|'], removed: [] });
  });
});
