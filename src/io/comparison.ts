/**
 * A comparison of two versions of a design in words: elements added, removed and changed field
 * by field, design settings and waivers, and the findings that appear or go away, as text, as
 * Markdown and as JSON. `dci-studio compare` prints them (a design review in a pull request, or
 * a CI gate that refuses a revision bringing a new error); the Compare dialog copies the
 * Markdown.
 */
import { escapeMarkdown } from './report';
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

/** One entry of a section: an element with its changes, a finding, or a plain line. */
interface Entry {
  /** "DCI link", "error"; absent for a plain line. */
  readonly tag?: string;
  /** The element's name, the rule id, or the line. */
  readonly head: string;
  /** The element's changes; a finding's message and elements. */
  readonly lines: readonly string[];
  readonly isFinding?: boolean;
}

interface Outline {
  readonly sections: readonly { readonly title: string; readonly entries: readonly Entry[] }[];
  readonly summary: string;
  readonly findingsLine: string;
}

/** What a comparison says, in the order the Compare dialog says it: the text and Markdown forms. */
function outline(c: Comparison): Outline {
  const { diff, before, after } = c;
  const element = (r: ElementRef, design: Design, lines: readonly string[] = []): Entry => ({
    tag: elementKind(r),
    head: elementName(r, design),
    lines,
  });
  const findings = (design: Design, list: readonly Finding[]): Entry[] =>
    list.map((f) => ({
      tag: f.severity,
      head: f.ruleId,
      lines: [f.message, `elements: ${elementLabels(design, f.elementIds).join(', ')}`],
      isFinding: true,
    }));
  const waivers = [
    ...(diff.waivers.added.length > 0
      ? [`${plural(diff.waivers.added.length, 'waiver')} added`]
      : []),
    ...(diff.waivers.removed.length > 0
      ? [`${plural(diff.waivers.removed.length, 'waiver')} removed`]
      : []),
  ];
  const sections = [
    { title: `Added (${diff.added.length})`, entries: diff.added.map((r) => element(r, after)) },
    {
      title: `Removed (${diff.removed.length})`,
      entries: diff.removed.map((r) => element(r, before)),
    },
    {
      title: `Changed (${diff.changed.length})`,
      entries: diff.changed.map((e) =>
        element(
          e,
          after,
          e.changes.map((change) => changeText(readChange(e, change, before, after))),
        ),
      ),
    },
    {
      title: 'Design settings and waivers',
      entries: [
        ...diff.design.map((change) => changeText(readDesignChange(change))),
        ...waivers,
      ].map((head) => ({ head, lines: [] })),
    },
    {
      title: `New findings (${diff.findings.new.length})`,
      entries: findings(after, diff.findings.new),
    },
    {
      title: `Resolved findings (${diff.findings.resolved.length})`,
      entries: findings(before, diff.findings.resolved),
    },
  ].filter((section) => section.entries.length > 0);
  return {
    sections,
    summary: changeSummary(diff),
    findingsLine: `Findings: ${findingsSummary(diff)}. Positions and sizes are not compared.`,
  };
}

/** "1 added · 1 removed · 9 changed", or that the two versions are the same design. */
export function changeSummary(diff: DesignDiff): string {
  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length + diff.design.length === 0 &&
    diff.waivers.added.length + diff.waivers.removed.length === 0;
  return nothing
    ? 'The two versions describe the same design (layout aside).'
    : `${diff.added.length} added · ${diff.removed.length} removed · ${diff.changed.length} changed`;
}

/** "4 new · 0 resolved · 6 unchanged": the findings of the later version against the earlier. */
export function findingsSummary(diff: DesignDiff): string {
  const { findings } = diff;
  return `${findings.new.length} new · ${findings.resolved.length} resolved · ${findings.unchanged.length} unchanged`;
}

/** The comparison as readable text, the way the Compare dialog lists it. */
export function formatComparison(c: Comparison, fileBefore: string, fileAfter: string): string {
  const { sections, summary, findingsLine } = outline(c);
  const lines: string[] = [
    `Before: ${c.before.name} (${fileBefore})`,
    `After:  ${c.after.name} (${fileAfter})`,
    '',
  ];
  for (const { title, entries } of sections) {
    lines.push(title);
    for (const e of entries) {
      if (e.isFinding) {
        const [message = '', ...rest] = e.lines;
        lines.push(`  ${(e.tag ?? '').padEnd(8)}${e.head}  ${message}`);
        lines.push(...rest.map((line) => `    ${line}`));
        continue;
      }
      lines.push(e.tag === undefined ? `  ${e.head}` : `  ${e.tag.padEnd(KIND_WIDTH)}${e.head}`);
      lines.push(...e.lines.map((line) => `    ${line}`));
    }
    lines.push('');
  }
  lines.push(summary, findingsLine);
  return `${lines.join('\n')}\n`;
}

/**
 * The comparison as Markdown, for a comment on a pull request: the same words as the text form.
 * Names and messages are escaped (report.ts `escapeMarkdown`): a label is never markup.
 */
export function comparisonMarkdown(c: Comparison, fileBefore: string, fileAfter: string): string {
  const { sections, summary, findingsLine } = outline(c);
  const md = escapeMarkdown;
  const lines: string[] = [
    `## Design changes: ${md(c.before.name)} → ${md(c.after.name)}`,
    '',
    `Before: \`${fileBefore.replaceAll('`', "'")}\` · after: \`${fileAfter.replaceAll('`', "'")}\``,
    '',
    `**${md(summary)}**. ${md(findingsLine)}`,
    '',
  ];
  for (const { title, entries } of sections) {
    lines.push(`### ${md(title)}`, '');
    for (const e of entries) {
      if (e.isFinding) {
        const [message = '', ...rest] = e.lines;
        lines.push(`- ${md(e.tag ?? '')} **${md(e.head)}** ${md(message)}`);
        lines.push(...rest.map((line) => `  - ${md(line)}`));
        continue;
      }
      lines.push(e.tag === undefined ? `- ${md(e.head)}` : `- ${md(e.tag)} **${md(e.head)}**`);
      lines.push(...e.lines.map((line) => `  - ${md(line)}`));
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
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
