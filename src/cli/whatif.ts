/**
 * The what-if tab's engine on the command line: `--fail <id>[,<id>…]` (one failure set) and
 * `--single-failures` (the N-1 sweep), as readable text or JSON. The evaluation is
 * src/rules/whatif's; this module only words it.
 */
import { labelOf } from '../model/labels';
import type { Design } from '../model/schema';
import type {
  FailedElement,
  FailureEffects,
  FailureImpact,
  FailureSweep,
  SeverityCounts,
} from '../rules/whatif/failure';
import type { Finding } from '../rules/types';
import { countText, figureText, plural } from '../model/plural';

const KIND_WORD: Readonly<Record<FailedElement['kind'], string>> = {
  link: 'link',
  site: 'site',
  node: 'device',
};

/** An RTT: its figure as every text writes one; "no path" when none is left. */
function rttText(x: number): string {
  if (!Number.isFinite(x)) return 'no path';
  return `${figureText(x)} ms`;
}

function countsText(c: SeverityCounts): string {
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${countText(c.info)} info`;
}

/** One line per effect an architect asks about first, as the What-if tab shows them. */
export function effectLines(design: Design, effects: FailureEffects): string[] {
  const name = (id: string) => labelOf(design, id);
  const lines: string[] = [];
  for (const [a, b] of effects.disconnected) lines.push(`${name(a)} and ${name(b)} are cut apart`);
  for (const r of effects.rttChanges) {
    const limit = r.limit ? ` (limit ${rttText(r.limit.valueMs)} for ${r.limit.what})` : '';
    lines.push(
      `RTT ${name(r.siteA)} ↔ ${name(r.siteB)}: ${rttText(r.beforeMs)} → ${rttText(r.afterMs)}${limit}${r.broken ? ': over the limit now' : ''}`,
    );
  }
  for (const s of effects.segmentReachLost) {
    const pairs = s.sitePairs.map(([a, b]) => `${name(a)} ↔ ${name(b)}`).join(', ');
    lines.push(`segment ${name(s.segmentId)} no longer stretched between ${pairs}`);
  }
  for (const w of effects.witnessesUnreachable) {
    lines.push(
      `witness ${name(w.witnessId)} ${w.reason === 'witness-failed' ? 'failed' : 'unreachable'} from ${name(w.siteId)}`,
    );
  }
  for (const s of effects.stretched) {
    lines.push(`${s.severity ? `[${s.severity}] ` : ''}${s.message}`);
  }
  return lines;
}

function findingLine(f: Finding, mark = ''): string {
  return `${mark}${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}`;
}

export function formatImpact(design: Design, impact: FailureImpact, file: string): string {
  const failed = impact.failed.map((f) => `${KIND_WORD[f.kind]} ${f.label} (${f.id})`).join(', ');
  const lines: string[] = [`${design.name} (${file}) with ${failed} failed`, ''];
  const effects = effectLines(design, impact.effects);
  lines.push(effects.length ? 'Effects' : 'Effects: none');
  for (const e of effects) lines.push(`  ${e}`);
  lines.push('', `Added by the failure (${countsText(impact.counts)})`);
  for (const f of impact.added) lines.push(`  ${findingLine(f, '+ ')}`);
  if (impact.resolved.length) {
    lines.push('', `Resolved by the failure (${impact.resolved.length})`);
    for (const f of impact.resolved) lines.push(`  ${findingLine(f, '- ')}`);
  }
  if (impact.moot.length)
    lines.push('', `${plural(impact.moot.length, 'finding')} moot: their elements failed`);
  const errors = impact.after.filter((f) => f.severity === 'error').length;
  lines.push(
    '',
    `Under the failure: ${plural(impact.after.length, 'finding')} (${plural(errors, 'error')})`,
  );
  return `${lines.join('\n')}\n`;
}

/** Whether a row of the sweep raises an error: a new error finding, or an error-level status. */
export function rowHasError(row: FailureSweep['rows'][number]): boolean {
  return row.counts.error > 0 || row.effects.stretched.some((s) => s.severity === 'error');
}

export function formatSweep(design: Design, sweep: FailureSweep, file: string): string {
  const links = sweep.rows.filter((r) => r.failed.kind === 'link').length;
  const sites = sweep.rows.filter((r) => r.failed.kind === 'site').length;
  const lines: string[] = [
    `${design.name} (${file}): every single failure (${plural(links, 'DCI link')}, ${plural(sites, 'site')})`,
    `Baseline: ${plural(sweep.baseline.length, 'finding')}`,
    '',
  ];
  for (const row of sweep.rows) {
    const what = `${KIND_WORD[row.failed.kind]} ${row.failed.label} (${row.failed.id})`;
    const effects = effectLines(design, row.effects);
    const adds = row.added.length === 0 ? 'adds no finding' : `adds ${countsText(row.counts)}`;
    lines.push(`${rowHasError(row) ? '✗' : '·'} fail ${what}: ${adds}`);
    for (const f of row.added) lines.push(`    ${findingLine(f, '+ ')}`);
    for (const e of effects) lines.push(`    ${e}`);
  }
  const failing = sweep.rows.filter(rowHasError).length;
  lines.push(
    '',
    failing === 0
      ? 'No single failure raises an error.'
      : `${failing} of ${sweep.rows.length} single failures ${failing === 1 ? 'raises' : 'raise'} an error.`,
  );
  return `${lines.join('\n')}\n`;
}
