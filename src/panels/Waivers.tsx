/**
 * Waivers in the findings panel: "Waive…" on an open finding asks for a written justification
 * (one undoable edit), and the "Waived" section at the bottom keeps waived findings in sight,
 * with who-said-why, so a waiver is a reviewed decision and not a hidden error.
 * The edits themselves are pure (src/rules/whatif/waivers.ts); this file only wires them.
 */
import { BadgeCheck, ShieldOff, Undo2 } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { Finding } from '../rules/types';
import {
  addWaiver,
  MAX_JUSTIFICATION_CHARS,
  partitionWaived,
  removeWaiver,
} from '../rules/whatif/waivers';
import { useFindings } from '../store/findings';
import { useStudio } from '../store/studio';
import { designButPositions } from '../store/designView';
import { notify } from '../store/ui';
import { buttonClass, inputClass } from './fields';
import { findingLabels, SEVERITY_META } from './findingParts';

/** The row's "Waive…" button; the form opens below the row (see WaiveForm). */
export function WaiveButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const readOnly = useStudio((s) => s.readOnly);
  if (readOnly) return null;
  return (
    <button
      type="button"
      data-testid="waive.open"
      aria-expanded={open}
      title="Accept this finding on purpose, with a written justification"
      className={`${buttonClass} !px-1.5 !py-0.5 !text-[11px]`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
    >
      <ShieldOff className="h-3 w-3" aria-hidden /> Waive…
    </button>
  );
}

/**
 * The inline justification form. It lives outside the row's clickable area, so typing (Space,
 * Enter) does not focus the finding on the canvas.
 */
export function WaiveForm({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const state = useStudio.getState();
    const result = addWaiver(state.design, finding, text);
    if (!result.ok) {
      setError(result.reason.message);
      return;
    }
    state.commit(result.design);
    onClose();
    const what = findingLabels(state.design, finding)[0];
    notify(
      'success',
      `Waived ${finding.ruleId}${what ? ` for ${what}` : ''}: listed under “Waived”. Undo with Ctrl+Z.`,
    );
  };

  return (
    <form
      className="mr-4 mb-2 ml-10 rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900"
      data-testid="waive.form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label
        htmlFor={id}
        className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300"
      >
        Why is this acceptable?
      </label>
      <textarea
        id={id}
        data-testid="waive.text"
        autoFocus
        rows={3}
        maxLength={MAX_JUSTIFICATION_CHARS}
        value={text}
        placeholder="e.g. Batch-only application: the extra DCI round trip is accepted (CAB-1234)."
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClass} resize-y text-[13px]`}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {error && (
        <p
          id={`${id}-error`}
          role="alert"
          data-testid="waive.error"
          className="mt-0.5 text-xs text-red-600 dark:text-red-400"
        >
          {error}
        </p>
      )}
      <div className="mt-1.5 flex items-center justify-end gap-1.5">
        <span className="mr-auto text-[11px] text-slate-500 dark:text-slate-400">
          Saved in the design: files, links and the report carry it.
        </span>
        <button type="button" className={buttonClass} onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          data-testid="waive.submit"
          className={`${buttonClass} !border-teal-700 !bg-teal-700 !text-white hover:!bg-teal-800`}
        >
          <BadgeCheck className="h-3.5 w-3.5" aria-hidden /> Waive
        </button>
      </div>
    </form>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

function waivedOn(iso: string | undefined): string | null {
  if (iso === undefined) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateFormat.format(date);
}

/** Waived findings, at the bottom of the findings panel: dimmed, with the reason and the date. */
export function WaivedSection() {
  const design = useStudio(designButPositions);
  const readOnly = useStudio((s) => s.readOnly);
  const { all } = useFindings();
  const { waived, stale } = useMemo(() => partitionWaived(all, design), [all, design]);
  if (waived.length === 0 && stale.length === 0) return null;

  const unwaive = (key: string, ruleId: string) => {
    const state = useStudio.getState();
    state.commit(removeWaiver(state.design, key));
    notify('info', `${ruleId} is open again. Undo with Ctrl+Z.`);
  };
  const dropStale = () => {
    const state = useStudio.getState();
    const gone = new Set(stale.map((w) => w.findingKey));
    state.commit({
      ...state.design,
      waivers: state.design.waivers.filter((w) => !gone.has(w.findingKey)),
    });
  };

  return (
    <section
      data-testid="waived.section"
      className="mt-2 border-t border-slate-200 dark:border-slate-800"
    >
      <h3 className="px-4 pt-3 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        Waived ({waived.length})
      </h3>
      <ul>
        {waived.map((f) => {
          const meta = SEVERITY_META[f.severity];
          const Icon = meta.icon;
          const labels = findingLabels(design, f);
          const date = waivedOn(f.waivedAt);
          return (
            <li
              key={f.key}
              data-testid={`waived.${f.ruleId}`}
              data-key={f.key}
              className="border-b border-slate-100 px-4 py-2 dark:border-slate-800"
            >
              <div className="flex items-start gap-2">
                <Icon
                  className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 dark:text-slate-500"
                  aria-label={`${f.severity} (waived)`}
                />
                <div className="min-w-0 flex-1">
                  {/* Dimmed rather than struck through: a waived finding is still read at review. */}
                  <p className="text-[13px] leading-5 text-slate-500 dark:text-slate-400">
                    {f.message}
                  </p>
                  <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                    <span className="mr-1 rounded bg-slate-100 px-1 py-px font-mono text-[10px] font-semibold text-slate-500 line-through dark:bg-slate-800 dark:text-slate-400">
                      {f.ruleId}
                    </span>
                    {labels.join(' · ')}
                  </p>
                  <blockquote
                    data-testid="waived.justification"
                    className="mt-1 border-l-2 border-teal-600/60 pl-2 text-xs whitespace-pre-line text-slate-700 dark:text-slate-300"
                  >
                    {f.justification}
                  </blockquote>
                  <div className="mt-1 flex items-center gap-2">
                    {date && (
                      <span className="text-[11px] text-slate-500 dark:text-slate-400">
                        Waived {date}
                      </span>
                    )}
                    {!readOnly && (
                      <button
                        type="button"
                        data-testid="unwaive"
                        className={`${buttonClass} ml-auto !px-1.5 !py-0.5 !text-[11px]`}
                        onClick={() => unwaive(f.key, f.ruleId)}
                      >
                        <Undo2 className="h-3 w-3" aria-hidden /> Unwaive
                      </button>
                    )}
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {stale.length > 0 && (
        <div
          data-testid="waived.stale"
          className="flex items-center gap-2 px-4 py-2 text-xs text-slate-500 dark:text-slate-400"
        >
          <span>
            {stale.length} waiver{stale.length === 1 ? ' refers' : 's refer'} to findings that no
            longer occur.
          </span>
          {!readOnly && (
            <button
              type="button"
              className={`${buttonClass} ml-auto !px-1.5 !py-0.5 !text-[11px]`}
              onClick={dropStale}
            >
              Remove
            </button>
          )}
        </div>
      )}
    </section>
  );
}
