/**
 * Frozen fixtures of every format version (tldraw's pattern): files and links made by earlier
 * versions of the studio must keep loading. The fixtures were generated once and are never
 * regenerated; a new schema version adds its own fixtures beside them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../model/migrations';
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
