import { useReactFlow } from '@xyflow/react';
import { ChevronRight, CircleCheck, Info, Wrench } from 'lucide-react';
import { noFindingsText, uncheckedMigrations } from '../rules/coverage';
import { useMemo, useState } from 'react';
import { applyFix } from '../rules/fixes';
import { ruleBookRef } from '../rules/book';
import { RULES } from '../rules/index';
import { SEVERITY_ORDER, type Finding, type Severity } from '../rules/types';
import {
  applyGroupFix,
  folds,
  groupFindings,
  groupSummary,
  type FindingGroup,
  type GroupFix,
} from '../rules/groups';
import { useElementFindings, useFindings } from '../store/findings';
import type { FlowEdge, FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { notify, useUi } from '../store/ui';
import { buttonClass } from './fields';
import { focusFinding } from './focus';
import { findingLabels, SEVERITY_META } from './findingParts';
import { WindowedList } from './WindowedList';
import { WaiveButton, WaivedSection, WaiveForm } from './Waivers';
import { countText, plural } from '../model/plural';

/** A one-click fix: small, and a label that wraps reads from the left, under its wrench. */
const FIX_BUTTON = `${buttonClass} !px-1.5 !py-0.5 !text-[11px] text-left`;

export function applyFixAction(finding: Finding, fixIndex: number): void {
  const fix = finding.fixes[fixIndex];
  if (!fix?.action) return;
  const state = useStudio.getState();
  const next = applyFix(state.design, fix.action);
  if (next === state.design) {
    notify('info', 'That fix changes nothing in this design.');
    return;
  }
  state.commit(next);
  notify('success', `Applied: ${fix.label}. Undo with Ctrl+Z.`);
}

export function FindingRow({ finding, compact }: { finding: Finding; compact?: boolean }) {
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const meta = SEVERITY_META[finding.severity];
  const Icon = meta.icon;
  const labels = findingLabels(design, finding);
  const [waiving, setWaiving] = useState(false);
  return (
    <li
      data-testid={`finding.${finding.ruleId}`}
      data-key={finding.key}
      className="border-b border-slate-100 dark:border-slate-800"
    >
      {/* A click anywhere on the row shows the finding on the canvas; from the keyboard, its
          message is the button. The row was one role="button" holding the fix, waive and rule
          buttons: a control inside a control, which screen readers announce as one. */}
      <div
        onClick={() => focusFinding(finding, flow)}
        className="block w-full cursor-pointer px-4 py-2 text-left hover:bg-slate-50 has-[.finding-show:focus-visible]:bg-slate-50 dark:hover:bg-slate-900 dark:has-[.finding-show:focus-visible]:bg-slate-900"
      >
        <div className="flex items-start gap-2">
          <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${meta.text}`} aria-label={finding.severity} />
          <div className="min-w-0 flex-1">
            <button
              type="button"
              title="Show on the canvas"
              className="finding-show block w-full cursor-pointer text-left text-[13px] leading-5 text-slate-800 focus-visible:outline-none dark:text-slate-100"
              data-testid="finding.message"
            >
              {finding.message}
            </button>
            {!compact && labels.length > 0 && (
              <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                {labels.join(' · ')}
              </p>
            )}
            <div className="mt-1 flex flex-wrap items-center gap-1.5">
              <button
                type="button"
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[10px] font-semibold text-slate-700 hover:bg-teal-100 hover:text-teal-900 dark:bg-slate-800 dark:text-slate-300"
                title="Why does this matter?"
                data-testid={`rule-link.${finding.ruleId}`}
                onClick={(e) => {
                  e.stopPropagation();
                  useUi.getState().showRule(finding.ruleId);
                }}
              >
                {finding.ruleId}
              </button>
              {finding.scenario && (
                <span className="rounded bg-violet-100 px-1.5 py-0.5 text-[10px] font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200">
                  what-if move
                </span>
              )}
              {finding.fixes.map((fix, i) =>
                fix.action ? (
                  <button
                    key={fix.label}
                    type="button"
                    disabled={readOnly}
                    className={FIX_BUTTON}
                    data-testid={`fix.${finding.ruleId}.${i}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      applyFixAction(finding, i);
                    }}
                  >
                    <Wrench className="h-3 w-3 shrink-0" aria-hidden /> {fix.label}
                  </button>
                ) : null,
              )}
              {!compact && <WaiveButton open={waiving} onToggle={() => setWaiving(!waiving)} />}
            </div>
            {!compact && (
              <details
                className="mt-1 text-xs text-slate-600 dark:text-slate-400"
                onClick={(e) => e.stopPropagation()}
              >
                <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-800 dark:hover:text-slate-200 dark:text-slate-400">
                  Why, source and fixes
                </summary>
                <p className="mt-1">{finding.why}</p>
                <p className="mt-1 italic">Source: {finding.source}</p>
                <p className="mt-1">
                  Rule book: <code>{ruleBookRef(finding.ruleId)}</code>
                </p>
                {finding.fixes.length > 0 && (
                  <ul className="mt-1 list-disc pl-4">
                    {finding.fixes.map((f) => (
                      <li key={f.label}>{f.label}</li>
                    ))}
                  </ul>
                )}
              </details>
            )}
          </div>
        </div>
      </div>
      {waiving && <WaiveForm finding={finding} onClose={() => setWaiving(false)} />}
    </li>
  );
}

const MEMBER_ROW_PX = 44;

export function applyGroupFixAction(group: FindingGroup, fix: GroupFix): void {
  const state = useStudio.getState();
  const next = applyGroupFix(state.design, fix);
  if (next === state.design) {
    notify('info', 'That fix changes nothing in this design.');
    return;
  }
  state.commit(next);
  notify(
    'success',
    `Applied to ${plural(group.members.length, 'finding')}: ${fix.label}. Undo with Ctrl+Z.`,
  );
}

/** A large group: its summary and group fixes; opened, its findings in a windowed list. */
function FindingGroupView({ group }: { group: FindingGroup }) {
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [expanded, setExpanded] = useState(false);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const chosen = group.members.find((f) => f.key === chosenKey);
  const meta = SEVERITY_META[group.severity];
  const Icon = meta.icon;
  return (
    <div
      data-testid={`finding-group.${group.ruleId}`}
      data-count={group.members.length}
      className="border-b border-slate-100 dark:border-slate-800"
    >
      <button
        type="button"
        aria-expanded={expanded}
        data-testid="finding-group.toggle"
        onClick={() => setExpanded(!expanded)}
        className="flex w-full items-center gap-2 bg-slate-50 px-4 py-1 text-left text-xs text-slate-600 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-400 dark:hover:bg-slate-800"
      >
        <ChevronRight
          aria-hidden
          className={`h-3.5 w-3.5 shrink-0 transition-transform ${expanded ? 'rotate-90' : ''}`}
        />
        <span className="shrink-0 font-mono font-semibold whitespace-nowrap">{group.ruleId}</span>
        <span className="truncate">{RULES[group.ruleId]?.title}</span>
        {group.moves && (
          <span className="shrink-0 text-violet-700 dark:text-violet-300">· after a move</span>
        )}
        <span className="ml-auto shrink-0">{countText(group.members.length)}</span>
      </button>
      <div className="flex items-start gap-2 px-4 py-2">
        <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${meta.text}`} aria-label={group.severity} />
        <div className="min-w-0 flex-1">
          <p
            className="text-[13px] leading-5 text-slate-800 dark:text-slate-100"
            data-testid="finding-group.summary"
          >
            {groupSummary(design, group)}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-1.5">
            {group.moves && (
              <span className="rounded bg-violet-100 px-1.5 py-0.5 text-[10px] font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-200">
                what-if moves
              </span>
            )}
            {group.fixes.map((fix) => (
              <button
                key={fix.index}
                type="button"
                disabled={readOnly}
                className={FIX_BUTTON}
                data-testid={`group-fix.${group.ruleId}.${fix.index}`}
                title={`One edit for the whole group (${plural(fix.actions.length, 'change')}); one undo step`}
                onClick={() => applyGroupFixAction(group, fix)}
              >
                <Wrench className="h-3 w-3 shrink-0" aria-hidden /> All{' '}
                {countText(group.members.length)}: {fix.label}
              </button>
            ))}
          </div>
        </div>
      </div>
      {expanded && (
        <WindowedList
          items={group.members}
          rowHeight={MEMBER_ROW_PX}
          maxHeight={MEMBER_ROW_PX * 8}
          testId="finding-group.members"
          getKey={(f) => f.key}
          renderRow={(f) => (
            <button
              type="button"
              data-testid={`finding-member.${f.ruleId}`}
              aria-pressed={f.key === chosenKey}
              onClick={() => {
                setChosenKey(f.key);
                focusFinding(f, flow);
              }}
              className={`h-full w-full overflow-hidden px-4 py-1 pl-10 text-left text-xs leading-[18px] text-slate-700 hover:bg-slate-50 dark:text-slate-300 dark:hover:bg-slate-900 ${f.key === chosenKey ? 'bg-teal-50 dark:bg-teal-950/40' : ''}`}
            >
              <span className="line-clamp-2">{f.message}</span>
            </button>
          )}
        />
      )}
      {expanded && chosen && (
        <ul className="border-t border-slate-100 dark:border-slate-800">
          <FindingRow finding={chosen} />
        </ul>
      )}
    </div>
  );
}

export function FindingsPanel() {
  const { open, all } = useFindings();
  const [query, setQuery] = useState('');
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(
    new Set(['error', 'warning', 'info']),
  );
  const [showMoves, setShowMoves] = useState(true);
  const design = useStudio(designButPositions);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return open.filter((f) => {
      if (!severities.has(f.severity)) return false;
      if (!showMoves && f.scenario) return false;
      if (q === '') return true;
      return (
        f.ruleId.toLowerCase().includes(q) ||
        f.message.toLowerCase().includes(q) ||
        findingLabels(design, f).some((l) => l.toLowerCase().includes(q))
      );
    });
  }, [open, query, severities, showMoves, design]);

  const groups = useMemo(() => {
    const bySeverity = new Map<Severity, FindingGroup[]>();
    for (const g of groupFindings(filtered, design))
      bySeverity.set(g.severity, [...(bySeverity.get(g.severity) ?? []), g]);
    return [...bySeverity.entries()].sort((a, b) => SEVERITY_ORDER[a[0]] - SEVERITY_ORDER[b[0]]);
  }, [filtered, design]);

  return (
    <div data-testid="findings-panel">
      <div className="sticky top-0 z-10 space-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-950">
        <input
          type="search"
          placeholder="Filter by rule, element or text"
          aria-label="Filter findings"
          data-testid="findings.filter"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {(['error', 'warning', 'info'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={severities.has(s)}
              data-testid={`findings.toggle.${s}`}
              onClick={() => {
                const next = new Set(severities);
                if (next.has(s)) next.delete(s);
                else next.add(s);
                setSeverities(next);
              }}
              className={`rounded-full border px-2 py-0.5 font-medium ${severities.has(s) ? `${SEVERITY_META[s].bg} ${SEVERITY_META[s].text} border-current` : 'border-slate-300 text-slate-500 dark:border-slate-700 dark:text-slate-400'}`}
            >
              {SEVERITY_META[s].label} {countText(open.filter((f) => f.severity === s).length)}
            </button>
          ))}
          <label className="ml-auto flex items-center gap-1 text-slate-600 dark:text-slate-400">
            <input
              type="checkbox"
              className="accent-teal-700"
              checked={showMoves}
              onChange={(e) => setShowMoves(e.target.checked)}
            />{' '}
            what-if moves
          </label>
        </div>
      </div>
      {all.length === 0 && (
        <div
          className="flex flex-col items-center gap-2 px-6 py-10 text-center text-sm text-slate-500 dark:text-slate-400"
          data-testid="findings.empty"
        >
          {design.nodes.length > 0 && uncheckedMigrations(design) !== null ? (
            <Info className="h-8 w-8 text-slate-400" aria-hidden />
          ) : (
            <CircleCheck className="h-8 w-8 text-emerald-600" aria-hidden />
          )}
          {design.nodes.length === 0
            ? 'Nothing to validate yet: draw a design or start from a template.'
            : noFindingsText(design)}
        </div>
      )}
      {groups.map(([severity, rules]) => (
        <section key={severity}>
          <h3
            className={`px-4 pt-3 pb-1 text-[11px] font-semibold tracking-wider uppercase ${SEVERITY_META[severity].text}`}
          >
            {SEVERITY_META[severity].label} ·{' '}
            {countText(rules.reduce((n, g) => n + g.members.length, 0))}
          </h3>
          {rules.map((group) =>
            folds(group) ? (
              <FindingGroupView key={group.key} group={group} />
            ) : (
              <div key={group.key}>
                <div className="flex items-center gap-2 bg-slate-50 px-4 py-1 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                  <span className="shrink-0 font-mono font-semibold whitespace-nowrap">
                    {group.ruleId}
                  </span>
                  <span className="truncate">{RULES[group.ruleId]?.title}</span>
                  <span className="ml-auto shrink-0">{countText(group.members.length)}</span>
                </div>
                <ul>
                  {group.members.map((f) => (
                    <FindingRow key={f.key} finding={f} />
                  ))}
                </ul>
              </div>
            ),
          )}
        </section>
      ))}
      <WaivedSection />
    </div>
  );
}

/** The findings that concern one element, for its inspector. */
export function ElementFindingsList({ elementId }: { elementId: string }) {
  const findings = useElementFindings(elementId);
  if (findings.length === 0)
    return (
      <p className="px-4 py-2 text-xs text-slate-500 dark:text-slate-400">
        No findings concern this element.
      </p>
    );
  return (
    <ul data-testid="inspector.findings">
      {findings.map((f) => (
        <FindingRow key={f.key} finding={f} compact />
      ))}
    </ul>
  );
}
