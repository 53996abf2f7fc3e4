/**
 * Headless entry point:
 *
 *     dci-studio validate <file> [--json] [--strict]
 *     dci-studio validate <file> --fail <id>[,<id>…] [--json]   the design with those failed
 *     dci-studio validate <file> --single-failures [--json]     every DCI link, then every site
 *     dci-studio compare <before> <after> [--json|--markdown]  what a revision changes
 *
 * Reads a design through the one loader and evaluates it with the rules, or with the What-if
 * tab's engine (src/rules/whatif). Exit codes: 0 no error (warnings and info allowed); 1 an
 * error finding (for --fail: under the failure; for --single-failures: in the design or added
 * by any single failure, or stretched storage or a cluster left in an error state); 2 the file
 * could not be read or loaded, the arguments are wrong, or --strict and the loader warned
 * (unknown fields, dangling references: printed on stderr either way).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { utf8Encode } from '../io/bytes';
import { describeWarning, type LoadResult } from '../io/document';
import { importBytes } from '../io/import';
import { elementLabels } from '../model/labels';
import type { Design } from '../model/schema';
import { runRules } from '../rules/index';
import type { Finding, Severity } from '../rules/types';
import { failureImpact, singleFailureSweep } from '../rules/whatif/failure';
import {
  bringsError,
  compareDesigns,
  comparisonJson,
  comparisonMarkdown,
  formatComparison,
} from '../io/comparison';
import { EXPORT_USAGE, exportBytes, parseExportArgs } from './export';
import { formatImpact, formatSweep, rowHasError } from './whatif';
import { plural } from '../model/plural';
import { noFindingsText } from '../rules/coverage';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** A design file's contents: text, or bytes (a PNG). */
  readonly readFile: (path: string) => Promise<string | Uint8Array>;
  /** Where `export` writes its file (the real file system when absent). */
  readonly writeFile?: (path: string, data: Uint8Array | string) => Promise<void>;
  /**
   * Where relative paths start: the directory the user ran the command from. `npm run` changes
   * the working directory to the package, and says where the user was in INIT_CWD.
   */
  readonly cwd?: string;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFile(p),
  writeFile: (p, data) => writeFile(p, data),
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
};

const USAGE = `Usage: dci-studio validate <file> [--json] [--strict]
       dci-studio validate <file> --fail <id>[,<id>...] [--json]
       dci-studio validate <file> --single-failures [--json]
       dci-studio compare <before> <after> [--json | --markdown]
${EXPORT_USAGE}`;
const HEADINGS: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

interface Args {
  readonly file: string;
  readonly json: boolean;
  readonly strict: boolean;
  readonly fail: readonly string[] | null;
  readonly singleFailures: boolean;
}

function parse(argv: readonly string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== 'validate') return 'the commands are validate, compare and export';
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        fail: { type: 'string', multiple: true },
        'single-failures': { type: 'boolean' },
      },
    });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined) return 'no design file given';
  if (positionals.length > 1) return `one design file at a time (got ${positionals.join(', ')})`;
  const fail = values.fail
    ? values.fail
        .flatMap((v) => v.split(','))
        .map((id) => id.trim())
        .filter((id) => id !== '')
    : null;
  if (fail !== null && fail.length === 0) return '--fail needs element ids';
  if (fail !== null && values['single-failures'])
    return '--fail and --single-failures do not go together';
  return {
    file,
    json: values.json === true,
    strict: values.strict === true,
    fail,
    singleFailures: values['single-failures'] === true,
  };
}

export async function run(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1), io);
  if (argv[0] === 'compare') return runCompare(argv.slice(1), io);
  const args = parse(argv);
  if (typeof args === 'string') {
    io.stderr(`dci-studio: ${args}\n${USAGE}`);
    return 2;
  }
  const { file } = args;
  const loaded = await readDesign(file, io);
  if (!loaded) return 2;
  const { design, warnings } = loaded;
  // Warnings go to stderr so that --json output stays one JSON document.
  for (const w of warnings) io.stderr(`${file}: warning: ${describeWarning(design, w)}\n`);
  if (args.strict && warnings.length > 0) {
    io.stderr(
      `${file}: ${plural(warnings.length, 'loader warning')}; --strict refuses the design\n`,
    );
    return 2;
  }

  if (args.fail !== null) {
    const known = new Set([...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)]);
    const unknown = args.fail.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const dci = design.links.filter((l) => l.kind === 'dci').map((l) => l.id);
      io.stderr(
        `${file}: no element ${unknown.map((id) => `"${id}"`).join(', ')} to fail (a node, a site or a link id; DCI links: ${dci.join(', ') || 'none'})\n`,
      );
      return 2;
    }
    const impact = failureImpact(design, args.fail);
    if (args.json) {
      const { before: _, ...rest } = impact;
      io.stdout(`${JSON.stringify({ ...rest, findings: impact.after }, null, 2)}\n`);
    } else io.stdout(formatImpact(design, impact, file));
    return impact.after.some((f) => f.severity === 'error') ? 1 : 0;
  }

  if (args.singleFailures) {
    const sweep = singleFailureSweep(design);
    if (args.json) io.stdout(`${JSON.stringify(sweep, null, 2)}\n`);
    else io.stdout(formatSweep(design, sweep, file));
    const error =
      sweep.baseline.some((f) => f.severity === 'error') || sweep.rows.some(rowHasError);
    return error ? 1 : 0;
  }

  const findings = runRules(design);
  if (args.json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else io.stdout(formatFindings(design, findings, file));
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
  lines.push(
    findings.length === 0
      ? noFindingsText(design)
      : `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`,
  );
  return `${lines.join('\n')}\n`;
}

// Run when executed directly (tsx src/cli/main.ts, or through bin/dci-studio.mjs).
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await run(process.argv.slice(2));
}

/** `dci-studio export`: 0 written, 2 bad arguments, unreadable design or failed export. */
async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseExportArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`dci-studio export: ${args}\n${USAGE}`);
    return 2;
  }
  const at = (p: string) => (io.cwd === undefined ? p : resolve(io.cwd, p));
  const loaded = await readDesign(args.file, io);
  if (!loaded) return 2;
  try {
    const data = await exportBytes(loaded.design, args.format, args.options, args.scale);
    await (io.writeFile ?? ((p, d) => writeFile(p, d)))(at(args.out), data);
  } catch (e) {
    io.stderr(`dci-studio export: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.stdout(`${args.out}\n`);
  return 0;
}

/**
 * `dci-studio compare`: 0 the later version brings no new error finding, 1 it does, 2 bad
 * arguments or a file that cannot be read or loaded. Loader warnings go to stderr.
 */
async function runCompare(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, markdown: { type: 'boolean' } },
    });
  } catch (e) {
    io.stderr(`dci-studio compare: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const files = parsed.positionals;
  if (parsed.values.json === true && parsed.values.markdown === true) {
    io.stderr(`dci-studio compare: --json or --markdown, not both\n${USAGE}`);
    return 2;
  }
  if (files.length !== 2) {
    io.stderr(
      `dci-studio compare: two design files, the earlier first (got ${files.length})\n${USAGE}`,
    );
    return 2;
  }
  const designs: Design[] = [];
  for (const file of files) {
    const loaded = await readDesign(file, io);
    if (!loaded) return 2;
    for (const w of loaded.warnings)
      io.stderr(`${file}: warning: ${describeWarning(loaded.design, w)}\n`);
    designs.push(loaded.design);
  }
  const [before, after] = designs as [Design, Design];
  const comparison = compareDesigns(before, after);
  const [fileBefore = '', fileAfter = ''] = files;
  io.stdout(
    parsed.values.json === true
      ? comparisonJson(comparison)
      : parsed.values.markdown === true
        ? comparisonMarkdown(comparison, fileBefore, fileAfter)
        : formatComparison(comparison, fileBefore, fileAfter),
  );
  return bringsError(comparison) ? 1 : 0;
}

/**
 * Read and load a design from where the user ran the command; on failure say why on stderr
 * and answer null (the caller exits 2).
 */
async function readDesign(
  file: string,
  io: CliIo,
): Promise<Extract<LoadResult, { ok: true }> | null> {
  const path = io.cwd === undefined ? file : resolve(io.cwd, file);
  let data: string | Uint8Array;
  try {
    data = await io.readFile(path);
  } catch (e) {
    io.stderr(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
  // What the studio's Open takes: a design file, a PNG or SVG exported with its design, or a
  // text file holding a share link.
  const loaded = importBytes(file, typeof data === 'string' ? utf8Encode(data) : data);
  if (!loaded.ok) {
    io.stderr(`${file}: ${loaded.error.message}\n`);
    return null;
  }
  return loaded;
}
