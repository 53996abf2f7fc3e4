/**
 * Inspector fields. Each field validates against the design schema itself (so the inspector and
 * the loader agree on what is valid), shows units, and on a bad value keeps the previous value
 * and explains why inline. Text and number fields commit as you type (after a short pause), and
 * whatever is typed is committed before the page goes away (pendingEdits.ts); all the commits
 * of one edit of a field are one undo step.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ComponentType,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { boundText } from '../model/plural';
import { textProblemSentence } from '../model/text';
import { inEditGroup, registerPendingEdit } from '../store/pendingEdits';
import { notify, useUi } from '../store/ui';
import type { $ZodIssue } from 'zod/v4/core';
import { inputClass } from './styles';

export { buttonClass, inputClass, primaryButtonClass } from './styles';

/** How long typing may pause before what was typed is committed. */
export const TYPING_COMMIT_MS = 400;

/** What committing a typed text did: the value's text form now, or why it was refused. */
export type Attempt =
  | { readonly ok: true; readonly valueText: string }
  | { readonly ok: false; readonly error: string };

/**
 * The typing behaviour shared by text and number fields: commit after a pause, on Enter and on
 * blur, and when the page goes away; one undo step per edit (from focus to Enter or blur); the
 * text follows the value when the value changes from elsewhere (undo, another element).
 */
export function useTypedText(valueText: string, live: { showErrors: boolean }) {
  const [text, setText] = useState(valueText);
  const [error, setError] = useState<string | null>(null);
  const groupId = useId();
  const edit = useRef(0);
  /** The value text this field last committed or showed: a different one came from elsewhere. */
  const known = useRef(valueText);
  const pending = useRef<{ fire: () => void; unregister: () => void; timer: number } | null>(null);

  const cancelPending = () => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    p.unregister();
    pending.current = null;
  };

  const attempt = (typed: string, tryCommit: (text: string) => Attempt, final: boolean) => {
    let result = { ok: true, valueText: known.current } as Attempt;
    inEditGroup(`${groupId}:${edit.current}`, () => {
      result = tryCommit(typed);
      if (result.ok) known.current = result.valueText;
    });
    if (result.ok) setError(null);
    else if (final || live.showErrors) setError(result.error);
    return result;
  };

  /** The user typed: show it, and commit it after a pause (or sooner, if the page goes away). */
  const type = (typed: string, tryCommit: (text: string) => Attempt) => {
    setText(typed);
    cancelPending();
    const fire = () => {
      cancelPending();
      attempt(typed, tryCommit, false);
    };
    pending.current = {
      fire,
      unregister: registerPendingEdit(fire),
      timer: window.setTimeout(fire, TYPING_COMMIT_MS),
    };
  };

  /** Enter or blur: commit now and end this edit (the next typing is a new undo step). */
  const finish = (tryCommit: (text: string) => Attempt) => {
    cancelPending();
    const result = attempt(text, tryCommit, true);
    if (result.ok) setText(result.valueText);
    edit.current++;
  };

  const revert = () => {
    cancelPending();
    setText(valueText);
    setError(null);
    edit.current++;
  };

  useEffect(() => {
    if (valueText === known.current) return;
    // Changed from elsewhere: what was typed for the previous value is committed first.
    pending.current?.fire();
    edit.current++;
    known.current = valueText;
    setText(valueText);
    setError(null);
  }, [valueText]);

  // Leaving (another element selected, panel closed): what was typed is committed.
  useEffect(() => () => pending.current?.fire(), []);

  return { text, error, setError, type, finish, revert };
}

type TypedText = ReturnType<typeof useTypedText>;

/**
 * An input's side of a typed field: what it shows, typing that commits after a pause, Enter or
 * blur that commits now, Escape that puts the value back, and the error it is described by.
 */
export function typedInputProps(
  field: TypedText,
  tryCommit: (text: string) => Attempt,
  errorId: string,
) {
  return {
    value: field.text,
    'aria-invalid': field.error !== null,
    'aria-describedby': field.error ? errorId : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement>) => field.type(e.target.value, tryCommit),
    onBlur: () => field.finish(tryCommit),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') field.finish(tryCommit);
      if (e.key === 'Escape') field.revert();
    },
  };
}

/** Why a typed value was not taken, under its field (announced as it appears). */
export function FieldError({
  id,
  testId,
  error,
}: {
  id: string;
  testId: string;
  error: string | null;
}) {
  if (error === null) return null;
  return (
    <p
      id={id}
      role="alert"
      data-testid={`${testId}.error`}
      className="mt-0.5 text-xs text-red-600 dark:text-red-400"
    >
      {error}
    </p>
  );
}

/** What a field needs of a schema: zod (mini) schemas of the design schema fit it. */
export interface FieldSchema {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: readonly $ZodIssue[] } };
}

/** A field's refusal in words; a number's bound with the field's unit ("Must be ≤ 40,000 km"). */
export function issueText(error: { issues: readonly $ZodIssue[] }, unit?: string): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid value';
  // "90°", "100,000/host" close up.
  const after = !unit ? '' : unit === '°' || unit.startsWith('/') ? unit : ` ${unit}`;
  const bound = (n: number | bigint) => `${boundText(Number(n))}${after}`;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number'
        ? `Must be ${issue.inclusive === false ? '>' : '≥'} ${bound(issue.minimum)}`
        : `Too short`;
    case 'too_big':
      return issue.origin === 'number'
        ? `Must be ${issue.inclusive === false ? '<' : '≤'} ${bound(issue.maximum)}`
        : `Too long (at most ${String(issue.maximum)} characters)`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'Must be a whole number' : `Must be a ${issue.expected}`;
    default:
      return issue.message;
  }
}

export function Row({
  label,
  children,
  htmlFor,
  hint,
}: {
  label: string;
  children: ReactNode;
  htmlFor?: string;
  hint?: string;
}) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] items-start gap-x-2 gap-y-0.5 py-1">
      <label
        htmlFor={htmlFor}
        className="pt-1.5 text-xs font-medium text-slate-600 dark:text-slate-400"
        title={hint}
      >
        {label}
      </label>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

/**
 * The head of an inspector: the element's icon in its colours, its name (the `inspector.title`
 * tests read), what it is, and controls at the right (`children`).
 */
export function InspectorHeader({
  icon: Icon,
  iconClassName,
  title,
  subtitle,
  children,
}: {
  icon?: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
  iconClassName?: string;
  title: string;
  subtitle: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="flex items-center gap-2 px-4 pt-3 pb-1">
      {Icon && (
        <span
          className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-md ${iconClassName ?? ''}`}
        >
          <Icon className="h-4 w-4" aria-hidden />
        </span>
      )}
      <div className="min-w-0">
        <div
          className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100"
          data-testid="inspector.title"
        >
          {title}
        </div>
        <div className="text-xs text-slate-500 dark:text-slate-400">{subtitle}</div>
      </div>
      {children}
    </div>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  unit?: string;
  schema: FieldSchema;
  onCommit: (value: number | undefined) => void;
  /** Allow an empty field, meaning "not set" (e.g. an RTT estimated from distance). */
  optional?: boolean;
  placeholder?: string;
  testId: string;
  disabled?: boolean;
  hint?: string;
  step?: number;
}

export function NumberField({
  label,
  value,
  unit,
  schema,
  onCommit,
  optional,
  placeholder,
  testId,
  disabled,
  hint,
  step,
}: NumberFieldProps) {
  const id = useId();
  const valueText = value === undefined ? '' : String(value);
  const field = useTypedText(valueText, { showErrors: false });
  const kept = `kept ${value ?? 'the previous value'}`;

  const tryCommit = (typed: string): Attempt => {
    const trimmed = typed.trim();
    if (trimmed === '') {
      if (optional) {
        if (value !== undefined) onCommit(undefined);
        return { ok: true, valueText: '' };
      }
      return { ok: false, error: `${label} is required — ${kept}` };
    }
    const parsed = Number(trimmed.replace(',', '.'));
    if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(trimmed))
      return { ok: false, error: `“${trimmed}” is not a number — ${kept}` };
    if (!Number.isFinite(parsed))
      return { ok: false, error: `“${trimmed}” is a number too large — ${kept}` };
    const result = schema.safeParse(parsed);
    if (!result.success) return { ok: false, error: `${issueText(result.error, unit)} — ${kept}` };
    if (parsed !== value) onCommit(parsed);
    return { ok: true, valueText: String(parsed) };
  };

  return (
    <Row label={label} htmlFor={id} {...(hint ? { hint } : {})}>
      <div className="flex items-center gap-1.5">
        <input
          id={id}
          data-testid={testId}
          className={inputClass}
          inputMode="decimal"
          disabled={disabled}
          placeholder={placeholder}
          step={step}
          {...typedInputProps(field, tryCommit, `${id}-error`)}
        />
        {unit && (
          <span className="w-10 shrink-0 text-xs text-slate-500 dark:text-slate-400">{unit}</span>
        )}
      </div>
      <FieldError id={`${id}-error`} testId={testId} error={field.error} />
    </Row>
  );
}

export function TextField({
  label,
  value,
  onCommit,
  testId,
  disabled,
  maxLength = 200,
  placeholder,
  required = false,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  testId: string;
  disabled?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** A name the item is listed and chosen by: blank (or spaces alone) is refused. */
  required?: boolean;
}) {
  const id = useId();
  const field = useTypedText(value, { showErrors: true });
  const tryCommit = (typed: string): Attempt => {
    if (required && typed.trim() === '')
      return { ok: false, error: `${label} is required — kept the previous value` };
    if (typed.length > maxLength)
      return { ok: false, error: `At most ${maxLength} characters — kept the previous value` };
    const problem = textProblemSentence(typed);
    if (problem !== null) return { ok: false, error: `${problem} — kept the previous value` };
    if (typed !== value) onCommit(typed);
    return { ok: true, valueText: typed };
  };
  return (
    <Row label={label} htmlFor={id}>
      <input
        id={id}
        data-testid={testId}
        className={inputClass}
        disabled={disabled}
        placeholder={placeholder}
        {...typedInputProps(field, tryCommit, `${id}-error`)}
      />
      <FieldError id={`${id}-error`} testId={testId} error={field.error} />
    </Row>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onCommit,
  testId,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onCommit: (value: T) => void;
  testId: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <Row label={label} htmlFor={id}>
      <select
        id={id}
        data-testid={testId}
        className={inputClass}
        value={value}
        disabled={disabled}
        // The chosen option whole, where the select cuts it ("vSphere 6.0+ (long-distance vM").
        title={options.find((o) => o.value === value)?.label}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.target.value);
          if (next && next.value !== value) onCommit(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

export function CheckField({
  label,
  checked,
  onCommit,
  testId,
  disabled,
  description,
}: {
  label: string;
  checked: boolean;
  onCommit: (value: boolean) => void;
  testId: string;
  disabled?: boolean;
  description?: string;
}) {
  const id = useId();
  return (
    <Row label={label} htmlFor={id}>
      <label className="flex items-center gap-2 pt-1 text-sm text-slate-700 dark:text-slate-300">
        <input
          id={id}
          type="checkbox"
          data-testid={testId}
          className="h-4 w-4 accent-teal-700"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onCommit(e.target.checked)}
        />
        {description && (
          <span className="text-xs text-slate-500 dark:text-slate-400">{description}</span>
        )}
      </label>
    </Row>
  );
}

/** A set of ids chosen from options (segments a link extends, targets of a workload…). */
export function MultiCheckField({
  label,
  values,
  options,
  onCommit,
  testId,
  disabled,
  empty,
}: {
  label: string;
  values: readonly string[];
  options: readonly { value: string; label: string; hint?: string }[];
  onCommit: (values: string[]) => void;
  testId: string;
  disabled?: boolean;
  empty?: string;
}) {
  return (
    <Row label={label}>
      {options.length === 0 ? (
        <p className="pt-1.5 text-xs text-slate-500 italic dark:text-slate-400">
          {empty ?? 'Nothing to choose yet.'}
        </p>
      ) : (
        <div className="flex flex-col gap-0.5 pt-1" data-testid={testId}>
          {options.map((o) => (
            <label
              key={o.value}
              className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
            >
              <input
                type="checkbox"
                data-testid={`${testId}.${o.value}`}
                className="h-3.5 w-3.5 accent-teal-700"
                checked={values.includes(o.value)}
                disabled={disabled}
                onChange={(e) =>
                  onCommit(
                    e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value),
                  )
                }
              />
              <span className="truncate">{o.label}</span>
              {o.hint && (
                <span className="truncate text-xs text-slate-500 dark:text-slate-400">
                  {o.hint}
                </span>
              )}
            </label>
          ))}
        </div>
      )}
    </Row>
  );
}

/** The expanded editor of one item of a design-wide list (segments, workloads). */
export function ItemEditor({
  id,
  testId,
  children,
}: {
  id: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      data-testid={testId}
      className="border-t border-slate-200 bg-slate-50/60 px-4 pt-1 pb-3 dark:border-slate-800 dark:bg-slate-900/40"
    >
      {children}
    </div>
  );
}

/** Remove one item of a list, close its editor and say how to get it back. */
export function removeListItem(kind: string, name: string, remove: () => void): void {
  remove();
  useUi.getState().focusItem(null);
  notify('info', `Deleted ${kind} ${name}. Undo (Ctrl+Z) brings it back.`);
}
