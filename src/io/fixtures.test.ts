/**
 * Frozen fixtures of every format version (tldraw's pattern): files and links made by earlier
 * versions of the studio must keep loading. The fixtures were generated once and are never
 * regenerated; a new schema version adds its own fixtures beside them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../model/migrations';
import type { Design } from '../model/schema';
import { runRules } from '../rules';
import { CURRENT_VERSION } from '../model/schema';
import { parseDesignFile } from './file';
import { decodeLink } from './link';

const dir = join(import.meta.dirname, 'fixtures');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const fixtureVersions = (suffix: string) =>
  readdirSync(dir)
    .map((f) => /^v(\d+)\.(.+)$/u.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && m[2] === suffix)
    .map((m) => Number(m[1]));

describe('Version 1 fixtures', () => {
  it('the v1 file loads, with every field it was written with', () => {
    const result = parseDesignFile(read('v1.dci.json'));
    if (!result.ok) throw new Error(result.error.message);
    const { design } = result;
    expect(design.version).toBe(CURRENT_VERSION);
    expect(design.name).toBe('Fixture v1: metro with every field');
    expect(design.settings.tcpWindowMB).toBe(32);
    expect(design.nodes.find((n) => n.id === 'dc1')).toMatchObject({
      location: { lat: 48.85, lon: 2.35 },
    });
    expect(design.nodes.find((n) => n.id === 'esx-a')).toMatchObject({
      kind: 'cluster',
      stretchPeerId: 'esx-b',
      vmkRouted: true,
      concurrentMigrations: 2,
    });
    expect(design.links.find((l) => l.id === 'dci-2')).toMatchObject({
      kind: 'dci',
      transport: 'dark-fiber',
      l2Extension: 'trunk',
      bpduFilter: true,
      rttMs: 1.2,
      distanceKm: 95.5,
    });
    expect(design.workloads.map((w) => w.datastoreId)).toEqual(['vol-1', undefined]);
    expect(design.waivers).toHaveLength(1);
  });

  it('the v1 link loads to the same design as the v1 file', () => {
    const file = parseDesignFile(read('v1.dci.json'));
    const link = decodeLink(read('v1.link.txt'));
    expect(link.ok && file.ok).toBe(true);
    if (link.ok && file.ok) expect(link.design).toEqual(file.design);
  });
});

describe('Version 2 fixtures', () => {
  it('the v2 file loads, with a write rate and notes', () => {
    const result = parseDesignFile(read('v2.dci.json'));
    if (!result.ok) throw new Error(result.error.message);
    const { design } = result;
    expect(design.version).toBe(CURRENT_VERSION);
    expect(design.workloads.map((w) => w.writeRateMBps)).toEqual([12.5, 0]);
    expect(design.notes).toEqual([
      {
        id: 'note-1',
        text: 'Dark fibre pair via the north route',
        position: { x: 40, y: -120 },
        targetId: 'dci-2',
      },
      { id: 'note-2', text: 'Review with the storage team', position: { x: 900, y: -120 } },
    ]);
  });

  it('the v2 link loads to the same design as the v2 file', () => {
    const file = parseDesignFile(read('v2.dci.json'));
    const link = decodeLink(read('v2.link.txt'));
    if (!link.ok) throw new Error(link.error.message);
    if (!file.ok) throw new Error(file.error.message);
    expect(link.design).toEqual(file.design);
  });
});

describe('AddWriteRateAndNotes (version 1 → 2)', () => {
  const load = (name: string): Design => {
    const result = name.endsWith('.txt') ? decodeLink(read(name)) : parseDesignFile(read(name));
    if (!result.ok) throw new Error(result.error.message);
    return result.design;
  };
  const keys = (d: Design) => runRules(d).map((f) => f.key);

  it('gives every workload an unknown (0) write rate and the design no notes', () => {
    const design = load('v1.dci.json');
    expect(design.workloads.map((w) => w.writeRateMBps)).toEqual([0, 0]);
    expect(design.notes).toEqual([]);
  });

  it('keeps the findings: the v1 file, the v1 link and the v2 fixture without its additions agree', () => {
    const v1File = keys(load('v1.dci.json'));
    expect(v1File.length).toBeGreaterThan(0);
    expect(keys(load('v1.link.txt'))).toEqual(v1File);
    const v2 = load('v2.dci.json');
    const stripped: Design = {
      ...v2,
      workloads: v2.workloads.map((w) => ({ ...w, writeRateMBps: 0 })),
      notes: [],
    };
    expect(keys(stripped)).toEqual(v1File);
  });
});

describe('Migrations', () => {
  it('every migration has a file and a link fixture of the version it upgrades', () => {
    const files = fixtureVersions('dci.json');
    const links = fixtureVersions('link.txt');
    for (const m of MIGRATIONS) {
      expect(files, `no src/io/fixtures/v${m.from}.dci.json for ${m.name}`).toContain(m.from);
      expect(links, `no src/io/fixtures/v${m.from}.link.txt for ${m.name}`).toContain(m.from);
    }
  });

  it('every fixture version up to the current one exists', () => {
    for (let v = 1; v <= CURRENT_VERSION; v++) expect(fixtureVersions('dci.json')).toContain(v);
  });
});
