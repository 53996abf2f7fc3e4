/**
 * Waivers: an architect accepts a finding on purpose ("the trombone is fine, the app is
 * batch-only") and writes down why. A waiver is part of the design (schema `waivers`), so it
 * travels with files and share links, and it refers to a finding by its stable key: findings
 * themselves are never stored. These are pure edits (Design → Design) like src/model/edits.ts.
 */
import type { Design, Waiver } from '../../model/schema';
import { textProblem } from '../../model/text';
import type { Finding } from '../types';

/** The schema's bound on a justification (src/model/schema.ts). */
export const MAX_JUSTIFICATION_CHARS = 2000;

export type WaiverRefusal =
  | { readonly kind: 'empty-justification'; readonly message: string }
  | { readonly kind: 'too-long'; readonly message: string }
  | { readonly kind: 'bad-text'; readonly message: string };

export type WaiverResult =
  | { readonly ok: true; readonly design: Design; readonly waiver: Waiver }
  | { readonly ok: false; readonly reason: WaiverRefusal };

/**
 * Waive `finding` with a justification. An empty (or blank) justification is refused: a waiver
 * nobody can explain at the next design review is just a hidden error. Waiving a finding that is
 * already waived replaces its justification (one waiver per key).
 */
export function addWaiver(
  design: Design,
  finding: Pick<Finding, 'key' | 'ruleId'>,
  justification: string,
  now: Date = new Date(),
): WaiverResult {
  const text = justification.trim();
  if (text.length === 0)
    return {
      ok: false,
      reason: {
        kind: 'empty-justification',
        message: 'Say why this finding is acceptable: a waiver needs a justification.',
      },
    };
  if (text.length > MAX_JUSTIFICATION_CHARS)
    return {
      ok: false,
      reason: {
        kind: 'too-long',
        message: `The justification is too long (${text.length} characters; the limit is ${MAX_JUSTIFICATION_CHARS}).`,
      },
    };
  const problem = textProblem(text, { multiline: true });
  if (problem !== null)
    return { ok: false, reason: { kind: 'bad-text', message: `The justification ${problem}.` } };
  const waiver: Waiver = {
    findingKey: finding.key,
    ruleId: finding.ruleId,
    justification: text,
    createdAt: now.toISOString(),
  };
  const exists = design.waivers.some((w) => w.findingKey === finding.key);
  const waivers = exists
    ? design.waivers.map((w) => (w.findingKey === finding.key ? waiver : w))
    : [...design.waivers, waiver];
  return { ok: true, design: { ...design, waivers }, waiver };
}

/** Drop the waiver of a finding; the design is returned unchanged when there is none. */
export function removeWaiver(design: Design, findingKey: string): Design {
  if (!design.waivers.some((w) => w.findingKey === findingKey)) return design;
  return { ...design, waivers: design.waivers.filter((w) => w.findingKey !== findingKey) };
}

export type WaivedFinding = Finding & {
  readonly justification: string;
  readonly waivedAt?: string;
};

export interface Partitioned {
  /** Findings nobody waived: what the findings panel counts. */
  readonly open: Finding[];
  /** Waived findings, each with the reason the architect gave. */
  readonly waived: WaivedFinding[];
  /**
   * Waivers whose finding no longer appears (the design changed and the problem went away, or
   * the elements were renamed): worth a "remove stale waivers" prompt.
   */
  readonly stale: Waiver[];
}

/** Split findings into open and waived by the design's waivers (matched on finding key). */
export function partitionWaived(findings: readonly Finding[], design: Design): Partitioned {
  const byKey = new Map(design.waivers.map((w) => [w.findingKey, w]));
  const open: Finding[] = [];
  const waived: WaivedFinding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const w = byKey.get(f.key);
    if (!w) {
      open.push(f);
      continue;
    }
    seen.add(f.key);
    waived.push({
      ...f,
      justification: w.justification,
      ...(w.createdAt !== undefined ? { waivedAt: w.createdAt } : {}),
    });
  }
  const stale = design.waivers.filter((w) => !seen.has(w.findingKey));
  return { open, waived, stale };
}
