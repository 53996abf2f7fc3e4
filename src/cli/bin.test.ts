/**
 * The installed command: bin/dci-studio.mjs runs the bundled CLI (build/cli/main.mjs) in plain
 * Node, and bundles it again when it is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { twoSites } from '../rules/testing';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'build/cli/main.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dci-bin-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dciStudio(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/dci-studio.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Bundling and starting Node are slow on a busy machine; this is no speed target (npm run bench).
const PROCESS_TIMEOUT_MS = 60_000;

describe('The dci-studio command', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('validates a file: findings on stdout, exit 1 for an error', () => {
    const file = join(dir, 'gap.dci.json');
    const design = twoSites({ singleDci: true, dci: { extendedSegmentIds: [] } }).build();
    writeFileSync(file, JSON.stringify(design));
    const { status, stdout } = dciStudio('validate', file);
    expect(status).toBe(1);
    expect(stdout).toContain('L2-GAP');
    expect(stdout).toMatch(/1 error, 1 warning, 0 info\n$/);
  });

  it('exits 2 with the loader’s message for a file that is not a design', () => {
    const file = join(dir, 'bad.dci.json');
    writeFileSync(file, '{"nodes": [');
    const { status, stderr } = dciStudio('validate', file);
    expect(status).toBe(2);
    expect(stderr).toContain('The file is not valid JSON');
  });

  it('exports a diagram, its links routed by the wasm beside the bundle, and restores that wasm', () => {
    const file = join(dir, 'metro.dci.json');
    const out = join(dir, 'metro.svg');
    writeFileSync(file, JSON.stringify(twoSites().build()));
    rmSync(join(root, 'build/cli/libavoid.wasm'), { force: true });
    const { status, stderr } = dciStudio('export', file, '--format', 'svg', '-o', out);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-element-id="a-c"');
    expect(svg).toMatch(/<g data-part="links">.*<path /su);
    // The SVG carries its design: the command reads it back, as the studio's Open does.
    const again = dciStudio('validate', out);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain(`(${out})`);
  });

  it('bundles the CLI again when the bundle is older than its sources', () => {
    dciStudio('validate', join(dir, 'none.json'));
    utimesSync(bundle, new Date(0), new Date(0));
    const { status } = dciStudio('validate', join(dir, 'none.json'));
    expect(status).toBe(2);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });
});
