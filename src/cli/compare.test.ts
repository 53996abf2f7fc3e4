import { describe, expect, it } from 'vitest';
import { removeSegment, updateLink } from '../model/edits';
import type { Design } from '../model/schema';
import { TEMPLATES } from '../model/templates/index';
import { runRules } from '../rules/index';
import { shareUrl } from '../io/link';
import { run, type CliIo } from './main';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) =>
      p in files ? Promise.resolve(files[p] ?? '') : Promise.reject(new Error('ENOENT')),
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

function template(id: string): Design {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template "${id}"`);
  return t.build();
}

const metro = template('metro-vplex-otv');
/** The metro with both fibre routes 3,000 km long (past vMotion's RTT), and the db segment gone. */
const revised = removeSegment(
  updateLink(
    updateLink(metro, 'dci-fibre-1', { distanceKm: 3000, transport: 'dwdm' }),
    'dci-fibre-2',
    { distanceKm: 3000 },
  ),
  'seg-db',
);

describe('dci-studio compare', () => {
  it('lists what a revision changes as the Compare dialog reads it, and exits 1 on a new error', async () => {
    const t = io({ 'a.json': JSON.stringify(metro), 'b.json': JSON.stringify(revised) });
    expect(await run(['compare', 'a.json', 'b.json'], t.cli)).toBe(1);
    const text = t.out();
    expect(text).toContain(`Before: ${metro.name} (a.json)`);
    expect(text).toMatch(/Removed \(1\)\n {2}Segment +db\n/u);
    expect(text).toMatch(/ {2}DCI link +Dark fibre route 1\n {4}Transport: Dark fibre → DWDM\n/u);
    expect(text).toContain('    Distance: 80 km → 3,000 km\n');
    expect(text).toContain('    Extended segments: web, app, db → web, app\n');
    const added = runRules(revised).filter((f) => !runRules(metro).some((g) => g.key === f.key));
    expect(added.some((f) => f.severity === 'error')).toBe(true);
    expect(text).toContain(`New findings (${added.length})`);
    expect(text).toContain(`error   ${added.find((f) => f.severity === 'error')?.ruleId}`);
    expect(text).not.toMatch(/distanceKm|extendedSegmentIds|seg-db/u);
  });

  it('exits 0 when the later version brings no new error, the other way round', async () => {
    const t = io({ 'a.json': JSON.stringify(metro), 'b.json': JSON.stringify(revised) });
    expect(await run(['compare', 'b.json', 'a.json'], t.cli)).toBe(0);
    expect(t.out()).toContain('    Distance: 3,000 km → 80 km\n');
    expect(t.out()).toMatch(/Added \(1\)\n {2}Segment +db\n/u);
  });

  it('reads a version from a share link saved as text, as the studio’s Open does', async () => {
    const link = shareUrl('https://studio.example/', revised);
    const t = io({ 'a.json': JSON.stringify(metro), 'link.txt': `${link}\n` });
    expect(await run(['compare', 'a.json', 'link.txt'], t.cli)).toBe(1);
    expect(t.out()).toContain('    Distance: 80 km → 3,000 km\n');
  });

  it('says when two versions are the same design', async () => {
    const t = io({ 'a.json': JSON.stringify(metro), 'b.json': JSON.stringify(metro) });
    expect(await run(['compare', 'a.json', 'b.json'], t.cli)).toBe(0);
    expect(t.out()).toContain('The two versions describe the same design (layout aside).');
  });

  it('writes one JSON document with --json: each change with its path and its words', async () => {
    const t = io({ 'a.json': JSON.stringify(metro), 'b.json': JSON.stringify(revised) });
    expect(await run(['compare', 'a.json', 'b.json', '--json'], t.cli)).toBe(1);
    const doc = JSON.parse(t.out()) as {
      removed: { id: string; kind: string; name: string }[];
      changed: { id: string; changes: { path: string; label: string; after: string }[] }[];
      findings: { new: { ruleId: string }[]; unchanged: number };
    };
    expect(doc.removed).toEqual([
      { collection: 'segments', id: 'seg-db', kind: 'Segment', name: 'db' },
    ]);
    const fibre = doc.changed.find((c) => c.id === 'dci-fibre-1');
    expect(fibre?.changes).toContainEqual({
      path: 'links[dci-fibre-1].distanceKm',
      label: 'Distance',
      before: '80 km',
      after: '3,000 km',
    });
    expect(doc.findings.new.length).toBeGreaterThan(0);
  });

  it('writes Markdown with --markdown, for a pull request, with every label escaped', async () => {
    const hostile = updateLink(revised, 'dci-fibre-1', {
      label: '<img src=x onerror=alert(1)> *route*',
    });
    const t = io({ 'a.json': JSON.stringify(metro), 'b.json': JSON.stringify(hostile) });
    expect(await run(['compare', 'a.json', 'b.json', '--markdown'], t.cli)).toBe(1);
    const md = t.out();
    expect(md).toMatch(/^## Design changes: /u);
    expect(md).toContain('### Removed (1)\n\n- Segment **db**\n');
    expect(md).toContain('- DCI link **&lt;img src=x onerror=alert(1)&gt; \\*route\\***\n');
    expect(md).toContain('  - Distance: 80 km → 3,000 km\n');
    expect(md).toMatch(/^- error \*\*LAT-/mu);
    expect(md).not.toContain('<img');
    expect(await run(['compare', 'a.json', 'b.json', '--json', '--markdown'], t.cli)).toBe(2);
    expect(t.err()).toContain('--json or --markdown, not both');
  });

  it('exits 2 with the reason for a missing file, a file that is not a design, or one file', async () => {
    const t = io({ 'a.json': JSON.stringify(metro), 'bad.json': '{"nodes": [' });
    expect(await run(['compare', 'a.json', 'missing.json'], t.cli)).toBe(2);
    expect(t.err()).toContain('Cannot read missing.json');
    expect(await run(['compare', 'a.json', 'bad.json'], t.cli)).toBe(2);
    expect(t.err()).toContain('bad.json: The file is not valid JSON');
    expect(await run(['compare', 'a.json'], t.cli)).toBe(2);
    expect(t.err()).toContain('two design files, the earlier first (got 1)');
    expect(t.out()).toBe('');
  });
});
