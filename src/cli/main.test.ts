import { describe, expect, it } from 'vitest';
import { twoSites } from '../rules/testing';
import { run, type CliIo } from './main';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
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
    expect(t.out()).toContain('No findings.');
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
