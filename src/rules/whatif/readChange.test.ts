import { describe, expect, it } from 'vitest';
import { removeSegment, updateLink, updateNode } from '../../model/edits';
import { addNote, createNote, updateNote } from '../../model/notes';
import type { Design, StorageArray, Volume } from '../../model/schema';
import { TEMPLATES } from '../../model/templates';
import { diffDesigns } from './diff';
import { elementKind, elementName, readChange, readDesignChange } from './readChange';

function template(id: string): Design {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return t.build();
}

/** Every changed field between a and b, as the Compare dialog reads it. */
function read(a: Design, b: Design): string[] {
  const d = diffDesigns(a, b, { findingsA: [], findingsB: [] });
  return [
    ...d.changed.flatMap((c) =>
      c.changes.map((change) => {
        const r = readChange(c, change, a, b);
        return r.before === undefined
          ? `${r.label}: ${r.after}`
          : `${r.label}: ${r.before} → ${r.after}`;
      }),
    ),
    ...d.design.map((change) => {
      const r = readDesignChange(change);
      return `${r.label}: ${r.before} → ${r.after}`;
    }),
  ];
}

const metro = template('metro-metrocluster');

function withVolumes(design: Design, id: string, volumes: (vs: readonly Volume[]) => Volume[]) {
  return {
    ...design,
    nodes: design.nodes.map((n) =>
      n.kind === 'array' && n.id === id ? { ...n, volumes: volumes(n.volumes) } : n,
    ),
  };
}

describe('readChange', () => {
  it('names a link’s fields with their units and choices, not their paths', () => {
    const b = updateLink(metro, 'dci-fibre-1', {
      distanceKm: 120.5,
      transport: 'dwdm',
      mtu: 1500,
      rttMs: 2.25,
      bpduFilter: true,
    });
    expect(read(metro, b)).toEqual([
      'Transport: Dark fibre → DWDM',
      'BPDU filtering: off → on',
      expect.stringMatching(/^Distance: [\d.,]+ km → 120\.5 km$/u),
      'MTU: 9,216 B → 1,500 B',
      'RTT (explicit): estimated from distance → 2.25 ms',
    ]);
  });

  it('names elements by their labels, in the version that holds them', () => {
    const b = removeSegment(metro, 'seg-db');
    const lines = read(metro, b);
    expect(lines).toContain('Extended segments: web, app, db → web, app');
    expect(lines).toContain('Segments: db → none');
    expect(lines.join('\n')).not.toMatch(/seg-|Ids?\b/u);
  });

  it('reads a cluster’s stretch peer and an unset one', () => {
    const b = updateNode(metro, 'esx-prod-a', { stretchPeerId: 'esx-prod-b', hosts: 12 });
    expect(read(metro, b)).toEqual([
      expect.stringMatching(/^Hosts: \d+ → 12$/u),
      'Stretch peer: None (not stretched) → esx-prod-b',
    ]);
    expect(read(b, metro)).toContain('Stretch peer: esx-prod-b → None (not stretched)');
  });

  it('reads a volume by its name: a field of it, and one added or removed', () => {
    const b = withVolumes(metro, 'array-a', (vs) => [
      ...vs
        .filter((v) => v.id !== 'vol-batch-01')
        .map((v) => (v.id === 'vol-db-01' ? { ...v, replication: 'async' as const } : v)),
      { id: 'vol-new', name: 'ds-archive', replication: 'none' },
    ]);
    expect(read(metro, b)).toEqual([
      'Volume “vol_batch_01”: removed',
      'Volume “vol_db_01” · Replication: Synchronous → Asynchronous',
      'Volume “ds-archive”: added',
    ]);
  });

  it('reads one coordinate of a site’s location, and text quoted', () => {
    const b = updateNode(metro, 'dc1', { location: { lat: 52.3, lon: 4.9 }, label: 'DC1 Almere' });
    expect(read(metro, b)).toEqual([
      'Label: “DC1 Amsterdam” → “DC1 Almere”',
      'Longitude: 4.94° → 4.9°',
    ]);
    const unplaced = updateNode(metro, 'dc1', { location: undefined });
    expect(read(metro, unplaced)).toEqual(['Location: 52.3°, 4.94° → not given']);
  });

  it('keeps every digit, so two close values never read alike', () => {
    const a = updateLink(metro, 'dci-fibre-1', { distanceKm: 1234.001 });
    const b = updateLink(metro, 'dci-fibre-1', { distanceKm: 1234.004 });
    expect(read(a, b)).toEqual(['Distance: 1,234.001 km → 1,234.004 km']);
  });

  it('reads the design’s name and settings', () => {
    const b: Design = {
      ...metro,
      name: 'Metro v2',
      settings: { ...metro.settings, tcpWindowMB: 128 },
    };
    expect(read(metro, b)).toEqual([
      `Name: “${metro.name}” → “Metro v2”`,
      `TCP window: ${metro.settings.tcpWindowMB} MB → 128 MB`,
    ]);
  });

  it('falls back to the path and raw value for a field it does not know', () => {
    const array = metro.nodes.find((n): n is StorageArray => n.id === 'array-a')!;
    const b: Design = {
      ...metro,
      nodes: metro.nodes.map((n) => (n === array ? ({ ...n, future: 3 } as StorageArray) : n)),
    };
    expect(read(metro, b)).toEqual(['future: none → 3']);
  });
});

describe('notes', () => {
  it('are compared: added, removed, their text and what they point at, not their place', () => {
    const a = addNote(
      metro,
      createNote('n1', { x: 0, y: 0 }, 'Confirm the fibre route\nwith the carrier', 'dci-fibre-1'),
    );
    const added = diffDesigns(metro, a, { findingsA: [], findingsB: [] }).added;
    expect(added).toEqual([{ collection: 'notes', id: 'n1', label: 'Confirm the fibre route…' }]);
    expect(elementKind(added[0]!)).toBe('Note');

    const b = updateNote(addNote(a, createNote('n2', { x: 9, y: 9 }, 'Ask about DWDM')), 'n1', {
      text: 'Confirmed',
      targetId: 'dci-fibre-2',
      position: { x: 500, y: 500 },
    });
    const d = diffDesigns(a, b, { findingsA: [], findingsB: [] });
    expect(d.added.map((r) => r.label)).toEqual(['Ask about DWDM']);
    expect(read(a, b)).toEqual([
      'Text: “Confirm the fibre route ↵ with the carrier” → “Confirmed”',
      'Points at: Dark fibre route 1 → Dark fibre route 2 (diverse)',
    ]);
    expect(read(b, a).at(-1)).toBe('Points at: Dark fibre route 2 (diverse) → Dark fibre route 1');
  });
});

describe('elementKind and elementName', () => {
  it('name a changed element by its kind and label, and an unlabelled link by its ends', () => {
    const fabric = metro.links.find((l) => l.kind === 'fabric' && !l.label);
    if (!fabric) throw new Error('no unlabelled fabric link');
    const ref = { collection: 'links' as const, id: fabric.id, label: fabric.id, kind: 'fabric' };
    expect(elementKind(ref)).toBe('Fabric link');
    expect(elementName(ref, metro)).toMatch(/^\S.* ↔ \S/u);
    const cluster = { collection: 'nodes' as const, id: 'esx-prod-a', label: 'x', kind: 'cluster' };
    expect(elementKind(cluster)).toBe('Host cluster');
    expect(elementName(cluster, metro)).toBe('esx-prod-a');
    expect(elementKind({ collection: 'nodes', id: 'n', label: 'n', kind: 'toString' })).toBe(
      'Element',
    );
  });
});
