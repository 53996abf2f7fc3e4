/**
 * Findings at scale: findings of the same rule, severity, placement (as placed, or after a
 * what-if move) and the same kinds of fix read as one group ("TROMBONE-GW · 95 workloads on 40
 * segments · all involving DC 1"), with one fix for the whole group where every member offers
 * the same kind of fix, applied as one edit (one undo step).
 */
import { labelOf } from '../model/labels';
import { plural } from '../model/plural';
import type { Design } from '../model/schema';
import { applyFix } from './fixes';
import type { Finding, FixAction, RuleId, Severity } from './types';

export interface GroupFix {
  /** Index of the fix in every member's `fixes`. */
  readonly index: number;
  /** The members' labels, with what differs between them elided ("Give … a local gateway"). */
  readonly label: string;
  /** Distinct actions, merged: one per segment, link, array… the group touches. */
  readonly actions: readonly FixAction[];
}

export interface FindingGroup {
  readonly key: string;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** Findings raised after a what-if move (mobility targets) rather than as placed. */
  readonly moves: boolean;
  readonly members: readonly Finding[];
  readonly workloadCount: number;
  readonly segmentCount: number;
  /** Sites and devices every member concerns, sites first. */
  readonly commonIds: readonly string[];
  readonly fixes: readonly GroupFix[];
}

function fixShape(f: Finding): string {
  return f.fixes
    .map((x) => (x.action ? `${x.action.type}:${'mode' in x.action ? x.action.mode : ''}` : '-'))
    .join('|');
}

export function groupKey(f: Finding): string {
  return `${f.ruleId}/${f.severity}/${f.scenario ? 'move' : 'placed'}/${fixShape(f)}`;
}

/** Actions that differ only in their lists (the sites of a per-site gateway) become one. */
export function mergeActions(actions: readonly FixAction[]): FixAction[] {
  const merged = new Map<string, FixAction>();
  for (const action of actions) {
    const scalars = Object.entries(action).filter(([, v]) => !Array.isArray(v));
    const key = JSON.stringify(scalars);
    const previous = merged.get(key);
    if (!previous) {
      merged.set(key, action);
      continue;
    }
    const union: Record<string, unknown> = { ...previous };
    for (const [k, v] of Object.entries(action))
      if (Array.isArray(v)) {
        const before = (previous as unknown as Record<string, unknown>)[k];
        union[k] = [...new Set([...(Array.isArray(before) ? before : []), ...v])];
      }
    merged.set(key, union as unknown as FixAction);
  }
  return [...merged.values()];
}

/**
 * "Give seg-1 a local gateway", "Give seg-2 a local gateway" → "Give each segment a local
 * gateway" (with `filler` "each segment"; "…" without).
 */
export function commonLabel(labels: readonly string[], filler = '…'): string {
  const first = labels[0] ?? '';
  if (labels.every((l) => l === first)) return first;
  const split = labels.map((l) => l.split(' '));
  const length = split[0]?.length ?? 0;
  if (!split.every((t) => t.length === length)) return first;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const word = split[0]?.[i] ?? '';
    const same = split.every((t) => t[i] === word);
    if (same) out.push(word);
    else if (out.at(-1) !== filler) out.push(filler);
  }
  return out.join(' ');
}

/** What the differing words of a group fix's labels name. */
function filler(actions: readonly FixAction[]): string {
  const first = actions[0];
  if (!first) return '…';
  if ('segmentId' in first) return 'each segment';
  if ('linkId' in first) return 'each link';
  if ('arrayId' in first) return 'each array';
  return '…';
}

function groupFixes(members: readonly Finding[]): GroupFix[] {
  const first = members[0];
  if (!first) return [];
  const fixes: GroupFix[] = [];
  first.fixes.forEach((fix, index) => {
    if (!fix.action) return;
    const actions: FixAction[] = [];
    const labels: string[] = [];
    for (const m of members) {
      const action = m.fixes[index]?.action;
      if (!action) return;
      actions.push(action);
      labels.push(m.fixes[index]?.label ?? '');
    }
    fixes.push({
      index,
      label: commonLabel(labels, filler(actions)),
      actions: mergeActions(actions),
    });
  });
  return fixes;
}

/**
 * Groups in the order of their first member (findings come sorted by severity and rule), but
 * within one rule and severity the findings as placed before those after a what-if move: what
 * is wrong now reads before what a move would make wrong, and two groups of one rule with the
 * same summary ("26 workloads on 13 segments · all involving DC 1") are not mistaken for one
 * listed twice.
 */
export function groupFindings(findings: readonly Finding[], design: Design): FindingGroup[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = groupKey(f);
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  // Where a rule (and severity) first appears: its groups stay there, as placed first.
  const ruleAt = new Map<string, number>();
  const ordered = [...byKey].map(([key, members], at) => {
    const first = members[0] as Finding;
    const rule = `${first.ruleId}/${first.severity}`;
    if (!ruleAt.has(rule)) ruleAt.set(rule, at);
    return {
      key,
      members,
      at,
      ruleAt: ruleAt.get(rule) ?? at,
      moves: first.scenario !== undefined,
    };
  });
  ordered.sort((a, b) => a.ruleAt - b.ruleAt || Number(a.moves) - Number(b.moves) || a.at - b.at);
  const kinds = new Map<string, 'site' | 'device' | 'workload' | 'segment'>();
  for (const n of design.nodes) kinds.set(n.id, n.kind === 'site' ? 'site' : 'device');
  for (const w of design.workloads) kinds.set(w.id, 'workload');
  for (const s of design.segments) kinds.set(s.id, 'segment');
  return ordered.map(({ key, members }) => {
    const first = members[0] as Finding;
    const workloads = new Set<string>();
    const segments = new Set<string>();
    const seen = new Map<string, number>();
    for (const m of members) {
      const ids = new Set<string>();
      for (const id of m.elementIds) {
        const kind = kinds.get(id);
        if (kind === 'workload') workloads.add(id);
        else if (kind === 'segment') segments.add(id);
        else if (kind !== undefined) ids.add(id);
      }
      for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const commonIds = [...seen]
      .filter(([, n]) => n === members.length)
      .map(([id]) => id)
      .sort((a, b) => Number(kinds.get(b) === 'site') - Number(kinds.get(a) === 'site'));
    return {
      key,
      ruleId: first.ruleId,
      severity: first.severity,
      moves: first.scenario !== undefined,
      members,
      workloadCount: workloads.size,
      segmentCount: segments.size,
      commonIds,
      fixes: members.length > 1 ? groupFixes(members) : [],
    };
  });
}

/**
 * Groups up to this size list their findings one by one (the findings panel, the report);
 * larger ones fold into their summary, with one fix for the group.
 */
export const SMALL_GROUP = 5;

/** Whether a group folds into its summary (more than SMALL_GROUP findings). */
export const folds = (group: FindingGroup): boolean => group.members.length > SMALL_GROUP;

/** What a group is about: "95 workloads on 40 segments · all involving DC 1". */
export function groupSummary(design: Design, group: FindingGroup): string {
  const scope =
    [
      group.workloadCount > 0 ? plural(group.workloadCount, 'workload') : null,
      group.segmentCount > 0 ? `on ${plural(group.segmentCount, 'segment')}` : null,
    ]
      .filter(Boolean)
      .join(' ') || plural(group.members.length, 'finding');
  const common = group.commonIds.slice(0, 2).map((id) => labelOf(design, id));
  return common.length > 0 ? `${scope} · all involving ${common.join(', ')}` : scope;
}

/** The design with a group's fix applied to every member: one edit, so one undo step. */
export function applyGroupFix(design: Design, fix: GroupFix): Design {
  return fix.actions.reduce((d, action) => applyFix(d, action), design);
}
