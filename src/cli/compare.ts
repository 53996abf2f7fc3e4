/**
 * `dci-studio compare <before> <after>`: what a revision of a design changes, as the studio's
 * Compare dialog says it: elements added, removed and changed field by field, design settings
 * and waivers, and the findings that appear or go away. For a design review in a pull request,
 * or a CI gate that refuses a revision bringing a new error.
 */
import { elementLabels } from '../model/labels';
import { plural } from '../model/plural';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { diffDesigns, type DesignDiff, type ElementRef } from '../rules/whatif/diff';
import {
  elementKind,
  elementName,
  readChange,
  readDesignChange,
  type ReadableChange,
} from '../rules/whatif/readChange';

export const COMPARE_USAGE = `       dci-studio compare <before> <after> [--json]`;

export interface Comparison {
  readonly before: Design;
  readonly after: Design;
  readonly diff: DesignDiff;
}

export function compareDesigns(before: Design, after: Design): Comparison {
  return { before, after, diff: diffDesigns(before, after) };
}

/** A new error finding in the later version: what makes `compare` exit 1. */
export function bringsError(comparison: Comparison): boolean {
  return comparison.diff.findings.new.some((f) => f.severity === 'error');
}

/** The comparison as readable text, the way the Compare dialog lists it. */
export function formatComparison(c: Comparison, fileBefore: string, fileAfter: string): string {
  const { diff, before, after } = c;
  const lines: string[] = [
    `Before: ${before.name} (${fileBefore})`,
    `After:  ${after.name} (${fileAfter})`,
    '',
  ];
  const section = (title: string, body: readonly string[]) => {
    if (body.length === 0) return;
    lines.push(title, ...body, '');
  };
  const named = (r: ElementRef, design: Design) =>
    `  ${elementKind(r).padEnd(KIND_WIDTH)}${elementName(r, design)}`;
  section(
    `Added (${diff.added.length})`,
    diff.added.map((r) => named(r, after)),
  );
  section(
    `Removed (${diff.removed.length})`,
    diff.removed.map((r) => named(r, before)),
  );
  section(
    `Changed (${diff.changed.length})`,
    diff.changed.flatMap((e) => [
      named(e, after),
      ...e.changes.map((change) => `    ${changeText(readChange(e, change, before, after))}`),
    ]),
  );
  const waivers = [
    ...(diff.waivers.added.length > 0
      ? [`  ${plural(diff.waivers.added.length, 'waiver')} added`]
      : []),
    ...(diff.waivers.removed.length > 0
      ? [`  ${plural(diff.waivers.removed.length, 'waiver')} removed`]
      : []),
  ];
  section('Design settings and waivers', [
    ...diff.design.map((change) => `  ${changeText(readDesignChange(change))}`),
    ...waivers,
  ]);
  section(`New findings (${diff.findings.new.length})`, findingLines(after, diff.findings.new));
  section(
    `Resolved findings (${diff.findings.resolved.length})`,
    findingLines(before, diff.findings.resolved),
  );

  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length + diff.design.length === 0 &&
    waivers.length === 0;
  lines.push(
    nothing
      ? 'The two versions describe the same design (layout aside).'
      : `${diff.added.length} added · ${diff.removed.length} removed · ${diff.changed.length} changed`,
    `Findings: ${diff.findings.new.length} new · ${diff.findings.resolved.length} resolved · ` +
      `${diff.findings.unchanged.length} unchanged. Positions and sizes are not compared.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The comparison as one JSON document: each change with its path and its readable form. */
export function comparisonJson(c: Comparison): string {
  const { diff, before, after } = c;
  const ref = (r: ElementRef, design: Design) => ({
    collection: r.collection,
    id: r.id,
    kind: elementKind(r),
    name: elementName(r, design),
  });
  const document = {
    added: diff.added.map((r) => ref(r, after)),
    removed: diff.removed.map((r) => ref(r, before)),
    changed: diff.changed.map((e) => ({
      ...ref(e, after),
      changes: e.changes.map((change) => ({
        path: change.path,
        ...readChange(e, change, before, after),
      })),
    })),
    design: diff.design.map((change) => ({ path: change.path, ...readDesignChange(change) })),
    waivers: diff.waivers,
    findings: {
      new: diff.findings.new,
      resolved: diff.findings.resolved,
      unchanged: diff.findings.unchanged.length,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Wide enough for "Border / DCI edge" and a space. */
const KIND_WIDTH = 18;

function changeText(change: ReadableChange): string {
  return change.before === undefined
    ? `${change.label}: ${change.after}`
    : `${change.label}: ${change.before} → ${change.after}`;
}

function findingLines(design: Design, findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [
    `  ${f.severity.padEnd(8)}${f.ruleId}  ${f.message}`,
    `    elements: ${elementLabels(design, f.elementIds).join(', ')}`,
  ]);
}
