/**
 * Headless entry point: `dci-studio validate <file> [--json]`. Reads a design through the one
 * loader, runs the rules and prints findings grouped by severity. Exit codes: 0 clean (warnings
 * and info allowed), 1 at least one error finding, 2 the file could not be read or loaded.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadDocument } from '../io/document';
import { elementLabels } from '../model/labels';
import type { Design } from '../model/schema';
import { runRules } from '../rules/index';
import type { Finding, Severity } from '../rules/types';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFile(p, 'utf8'),
};

const USAGE = 'Usage: dci-studio validate <file> [--json]\n';
const HEADINGS: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

export async function run(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  const file = files[0];
  if (command !== 'validate' || file === undefined || files.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    io.stderr(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const loaded = loadDocument(text);
  if (!loaded.ok) {
    io.stderr(`${file}: ${loaded.error.message}\n`);
    return 2;
  }
  const findings = runRules(loaded.design);
  if (json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else io.stdout(formatFindings(loaded.design, findings, file));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Findings as readable text: grouped by severity, elements by label, fixes, a summary line. */
export function formatFindings(design: Design, findings: readonly Finding[], file: string): string {
  const lines: string[] = [`${design.name} (${file})`, ''];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[severity]} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.ruleId}  ${f.message}`);
      lines.push(`    elements: ${elementLabels(design, f.elementIds).join(', ')}`);
      for (const fix of f.fixes) lines.push(`    fix: ${fix.label}`);
    }
    lines.push('');
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    findings.length === 0
      ? 'No findings.'
      : `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`,
  );
  return `${lines.join('\n')}\n`;
}

// Run when executed directly (tsx src/cli/main.ts, or through bin/dci-studio.mjs).
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await run(process.argv.slice(2));
}
