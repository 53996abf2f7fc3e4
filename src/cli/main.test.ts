import { describe, expect, it } from 'vitest';
import { updateLink } from '../model/edits';
import { TEMPLATES } from '../model/templates/index';
import { twoSites } from '../rules/testing';
import { run, type CliIo } from './main';

function io(files: Record<string, string>, cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    ...(cwd !== undefined ? { cwd } : {}),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      const text = files[p];
      return text === undefined
        ? Promise.reject(new Error('ENOENT: no such file'))
        : Promise.resolve(text);
    },
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('dci-studio validate', () => {
  it('prints findings grouped by severity and exits 1 when there is an error', async () => {
    const design = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build();
    const t = io({ 'd.json': JSON.stringify(design) });
    expect(await run(['validate', 'd.json'], t.cli)).toBe(1);
    const text = t.out();
    expect(text).toContain('Errors (1)');
    expect(text).toContain(
      'L2-GAP  After web-01 moves to cluster B1: segment web (VLAN 100) does not reach cluster B1',
    );
    expect(text).toContain('elements: web-01, web, A1, B1, A–B north');
    expect(text).toContain('fix: Extend web over DCI link A–B north');
    expect(text).toMatch(/1 error, 1 warning, 0 info\n$/);
  });
  it('exits 0 for a clean design', async () => {
    const t = io({ 'd.json': JSON.stringify(twoSites().build()) });
    expect(await run(['validate', 'd.json'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^No findings\b/mu);
  });
  it('prints findings as JSON with --json', async () => {
    const design = twoSites({ singleDci: true }).build();
    const t = io({ 'd.json': JSON.stringify(design) });
    expect(await run(['validate', 'd.json', '--json'], t.cli)).toBe(0);
    const parsed = JSON.parse(t.out()) as { ruleId: string }[];
    expect(parsed.map((f) => f.ruleId)).toEqual(['RES-DCI-SPOF']);
  });
  it('exits 2 with the loader message when the file is not a design', async () => {
    const t = io({ 'bad.json': '{"nodes": [' });
    expect(await run(['validate', 'bad.json'], t.cli)).toBe(2);
    expect(t.err()).toContain('The file is not valid JSON');
  });
  it('exits 2 when the file cannot be read, or without a file', async () => {
    const t = io({});
    expect(await run(['validate', 'missing.json'], t.cli)).toBe(2);
    expect(t.err()).toContain('Cannot read missing.json');
    expect(await run(['validate'], t.cli)).toBe(2);
  });
});

const template = (id: string) => {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t.build();
};

describe('dci-studio validate --fail', () => {
  // Metro VPLEX + OTV, with the diverse route 2 made 600 km long: losing route 1 reroutes
  // replication and migrations over it. (The witness WAN links are made slow so that no path
  // model, stub witness or not, prefers them.)
  let design = updateLink(template('metro-vplex-otv'), 'dci-fibre-2', { distanceKm: 600 });
  for (const id of ['dci-wit-ams', 'dci-wit-rtm']) design = updateLink(design, id, { rttMs: 40 });
  const files = { 'm.json': JSON.stringify(design) };

  it('reports the reroute over the surviving DCI link and what it breaks, and exits 1', async () => {
    const t = io(files);
    expect(await run(['validate', 'm.json', '--fail', 'dci-fibre-1'], t.cli)).toBe(1);
    const text = t.out();
    expect(text).toContain('with link Dark fibre route 1 (dci-fibre-1) failed');
    expect(text).toContain('RTT DC1 Amsterdam ↔ DC2 Rotterdam: 0.9 ms → 6.1 ms');
    expect(text).toContain(': over the limit now');
    expect(text).toMatch(/\+ error {3}LAT-STORAGE {2}RTT 6\.\d+ ms > 5 ms for synchronous/);
    expect(text).toContain('+ warning RES-DCI-SPOF');
  });
  it('is quiet about the design as it is: with route 2 failed nothing breaks but the spare', async () => {
    const t = io(files);
    expect(await run(['validate', 'm.json', '--fail=dci-fibre-2'], t.cli)).toBe(0);
    expect(t.out()).toContain('Added by the failure (0 errors, 1 warning, 0 info)');
  });
  it('fails several elements at once and answers in JSON', async () => {
    const t = io(files);
    expect(await run(['validate', 'm.json', '--fail', 'dci-fibre-1,wit', '--json'], t.cli)).toBe(1);
    const parsed = JSON.parse(t.out()) as {
      failed: { id: string; kind: string }[];
      added: { ruleId: string }[];
      findings: { ruleId: string; severity: string }[];
      effects: { rttChanges: unknown[] };
    };
    expect(parsed.failed.map((f) => [f.id, f.kind])).toEqual([
      ['dci-fibre-1', 'link'],
      ['wit', 'site'],
    ]);
    expect(parsed.added.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['LAT-STORAGE', 'RES-WITNESS']),
    );
    expect(parsed.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(parsed.effects.rttChanges.length).toBeGreaterThan(0);
  });
  it('refuses an id that is not in the design, naming the DCI links', async () => {
    const t = io(files);
    expect(await run(['validate', 'm.json', '--fail', 'dci-9'], t.cli)).toBe(2);
    expect(t.err()).toContain('no element "dci-9" to fail');
    expect(t.err()).toContain('DCI links: dci-fibre-1, dci-fibre-2');
  });
});

describe('dci-studio validate --single-failures', () => {
  const design = template('metro-vplex-otv');
  const files = { 'm.json': JSON.stringify(design) };
  it('lists each DCI link and each site with what its failure adds', async () => {
    const t = io(files);
    expect(await run(['validate', 'm.json', '--single-failures'], t.cli)).toBe(1);
    const text = t.out();
    expect(text).toContain('every single failure (4 DCI links, 3 sites)');
    for (const l of design.links.filter((x) => x.kind === 'dci'))
      expect(text).toContain(`fail link ${l.label} (${l.id}): adds`);
    for (const s of design.nodes.filter((n) => n.kind === 'site'))
      expect(text).toContain(`fail site ${s.label} (${s.id}): adds`);
    expect(text).toMatch(
      /· fail link Dark fibre route 1 \(dci-fibre-1\): adds 0 errors, 1 warning, 0 info\n {4}\+ warning RES-DCI-SPOF/,
    );
    expect(text).toMatch(
      /✗ fail site Witness Utrecht \(wit\): adds 1 error.*\n {4}\+ error {3}RES-WITNESS/,
    );
    expect(text).toContain('1 of 7 single failures raises an error.');
  });
  it('answers in JSON, one row per failure', async () => {
    const t = io(files);
    await run(['validate', 'm.json', '--single-failures', '--json'], t.cli);
    const parsed = JSON.parse(t.out()) as {
      rows: { failed: { id: string }; added: { ruleId: string }[] }[];
    };
    expect(parsed.rows.map((r) => r.failed.id)).toEqual([
      'dci-fibre-1',
      'dci-fibre-2',
      'dci-wit-ams',
      'dci-wit-rtm',
      'dc1',
      'dc2',
      'wit',
    ]);
    expect(parsed.rows[0]?.added.map((f) => f.ruleId)).toEqual(['RES-DCI-SPOF']);
  });
  it('exits 0 when no single failure raises an error', async () => {
    const t = io({ 'd.json': JSON.stringify(twoSites().build()) });
    expect(await run(['validate', 'd.json', '--single-failures'], t.cli)).toBe(0);
    expect(t.out()).toContain('No single failure raises an error.');
  });
});

describe('dci-studio validate: loader warnings', () => {
  const doc = JSON.parse(JSON.stringify(twoSites().build())) as {
    nodes: Record<string, unknown>[];
  };
  const cluster = doc.nodes.find((n) => n['id'] === 'a-c');
  if (cluster) cluster['stretchPeer'] = 'b-c';
  const files = { 'w.json': JSON.stringify(doc) };
  it('prints them on stderr and still validates', async () => {
    const t = io(files);
    expect(await run(['validate', 'w.json'], t.cli)).toBe(0);
    expect(t.err()).toMatch(
      /w\.json: warning: A1 \(nodes\[\d+\]\.stretchPeer\): unknown field "stretchPeer", ignored \(did you mean "stretchPeerId"\?\)/,
    );
    expect(t.out()).toMatch(/^No findings\b/mu);
  });
  it('exits 2 on any warning with --strict', async () => {
    const t = io(files);
    expect(await run(['validate', 'w.json', '--strict'], t.cli)).toBe(2);
    expect(t.err()).toContain('1 loader warning; --strict refuses the design');
    const clean = io({ 'd.json': JSON.stringify(twoSites().build()) });
    expect(await run(['validate', 'd.json', '--strict'], clean.cli)).toBe(0);
  });
});

describe('dci-studio arguments', () => {
  it('reads a relative path from where the user ran the command (npm run sets INIT_CWD)', async () => {
    const design = JSON.stringify(twoSites().build());
    const t = io({ '/home/ana/designs/x.json': design }, '/home/ana/designs');
    expect(await run(['validate', './x.json'], t.cli)).toBe(0);
    const u = io({ '/abs/x.json': design }, '/elsewhere');
    expect(await run(['validate', '/abs/x.json'], u.cli)).toBe(0);
  });
  it('refuses unknown options and --fail with --single-failures, with the usage', async () => {
    const t = io({});
    expect(await run(['validate', 'x.json', '--frobnicate'], t.cli)).toBe(2);
    expect(t.err()).toContain('Usage: dci-studio validate');
    expect(await run(['validate', 'x.json', '--fail', 'a', '--single-failures'], t.cli)).toBe(2);
  });
});
