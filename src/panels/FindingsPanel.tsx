import { useReactFlow } from '@xyflow/react';
import { CircleAlert, CircleCheck, Info, TriangleAlert, Wrench } from 'lucide-react';
import { useMemo, useState } from 'react';
import { applyFix } from '../rules/fixes';
import { ruleBookRef } from '../rules/book';
import { RULES } from '../rules/index';
import { SEVERITY_ORDER, type Finding, type Severity } from '../rules/types';
import type { Design } from '../model/schema';
import { useFindings } from '../store/findings';
import type { FlowEdge, FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { buttonClass } from './fields';
import { focusFinding } from './focus';
import { elementLabels } from '../model/labels';
import { WaiveButton, WaivedSection, WaiveForm } from './Waivers';

export const SEVERITY_META: Readonly<
  Record<Severity, { label: string; icon: typeof CircleAlert; text: string; bg: string }>
> = {
  error: {
    label: 'Errors',
    icon: CircleAlert,
    text: 'text-red-600 dark:text-red-400',
    bg: 'bg-red-50 dark:bg-red-950/40',
  },
  warning: {
    label: 'Warnings',
    icon: TriangleAlert,
    text: 'text-amber-600 dark:text-amber-400',
    bg: 'bg-amber-50 dark:bg-amber-950/40',
  },
  info: {
    label: 'Info',
    icon: Info,
    text: 'text-blue-600 dark:text-blue-400',
    bg: 'bg-blue-50 dark:bg-blue-950/40',
  },
};

/** Labels of the elements a finding names, for a row that reads like a sentence. */
export function findingLabels(design: Design, finding: Finding): string[] {
  return elementLabels(design, finding.elementIds);
}

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
  const design = useStudio((s) => s.design);
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
      <div
        role="button"
        tabIndex={0}
        onClick={() => focusFinding(finding, flow)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            focusFinding(finding, flow);
          }
        }}
        className="block w-full cursor-pointer px-4 py-2 text-left hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none dark:hover:bg-slate-900 dark:focus-visible:bg-slate-900"
      >
        <div className="flex items-start gap-2">
          <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${meta.text}`} aria-label={finding.severity} />
          <div className="min-w-0 flex-1">
            <p
              className="text-[13px] leading-5 text-slate-800 dark:text-slate-100"
              data-testid="finding.message"
            >
              {finding.message}
            </p>
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
                    className={`${buttonClass} !px-1.5 !py-0.5 !text-[11px]`}
                    data-testid={`fix.${finding.ruleId}.${i}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      applyFixAction(finding, i);
                    }}
                  >
                    <Wrench className="h-3 w-3" aria-hidden /> {fix.label}
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
                <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-800 dark:hover:text-slate-200">
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

export function FindingsPanel() {
  const { open, all } = useFindings();
  const [query, setQuery] = useState('');
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(
    new Set(['error', 'warning', 'info']),
  );
  const [showMoves, setShowMoves] = useState(true);
  const design = useStudio((s) => s.design);

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
    const bySeverity = new Map<Severity, Map<string, Finding[]>>();
    for (const f of filtered) {
      const rules = bySeverity.get(f.severity) ?? new Map<string, Finding[]>();
      rules.set(f.ruleId, [...(rules.get(f.ruleId) ?? []), f]);
      bySeverity.set(f.severity, rules);
    }
    return [...bySeverity.entries()].sort((a, b) => SEVERITY_ORDER[a[0]] - SEVERITY_ORDER[b[0]]);
  }, [filtered]);

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
              className={`rounded-full border px-2 py-0.5 font-medium ${severities.has(s) ? `${SEVERITY_META[s].bg} ${SEVERITY_META[s].text} border-current` : 'border-slate-300 text-slate-400 dark:border-slate-700'}`}
            >
              {SEVERITY_META[s].label} {open.filter((f) => f.severity === s).length}
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
          <CircleCheck className="h-8 w-8 text-emerald-600" aria-hidden />
          {design.nodes.length === 0
            ? 'Nothing to validate yet: draw a design or start from a template.'
            : 'No findings: every rule of the rule book is satisfied, for every placement and every mobility target.'}
        </div>
      )}
      {groups.map(([severity, rules]) => (
        <section key={severity}>
          <h3
            className={`px-4 pt-3 pb-1 text-[11px] font-semibold tracking-wider uppercase ${SEVERITY_META[severity].text}`}
          >
            {SEVERITY_META[severity].label} ·{' '}
            {[...rules.values()].reduce((n, l) => n + l.length, 0)}
          </h3>
          {[...rules.entries()].map(([ruleId, findings]) => (
            <div key={ruleId}>
              <div className="flex items-center gap-2 bg-slate-50 px-4 py-1 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                <span className="font-mono font-semibold">{ruleId}</span>
                <span className="truncate">{RULES[ruleId as keyof typeof RULES]?.title}</span>
                <span className="ml-auto">{findings.length}</span>
              </div>
              <ul>
                {findings.map((f) => (
                  <FindingRow key={f.key} finding={f} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <WaivedSection />
    </div>
  );
}

/** The findings that concern one element, for its inspector. */
export function ElementFindingsList({ elementId }: { elementId: string }) {
  const findings = useFindings().byElement.get(elementId) ?? [];
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
