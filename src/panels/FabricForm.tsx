import { useReactFlow } from '@xyflow/react';
import { Network } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { FABRIC_DEFAULT, FABRIC_LIMITS, fabricSpecProblem } from '../model/fabric';
import { buildFabricIn } from '../app/tools';
import { useView } from '../store/view';
import { inputClass, primaryButtonClass, Section } from './fields';

/**
 * The fabric builder in a site's inspector: "N spines × M leaves, full mesh" in one step.
 * The Build a fabric command brings the focus here.
 */
export function FabricForm({ siteId, disabled }: { siteId: string; disabled: boolean }) {
  const [spines, setSpines] = useState(String(FABRIC_DEFAULT.spines));
  const [leaves, setLeaves] = useState(String(FABRIC_DEFAULT.leaves));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const focusFor = useView((s) => s.fabricFormFor);
  const view = useReactFlow();
  useEffect(() => {
    if (focusFor !== siteId) return;
    first.current?.focus();
    first.current?.select();
    first.current?.scrollIntoView({ block: 'nearest' });
    useView.getState().requestFabricForm(null);
  }, [focusFor, siteId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const spec = { spines: Number(spines), leaves: Number(leaves) };
    const problem =
      spines.trim() === '' || leaves.trim() === ''
        ? 'Enter both numbers.'
        : fabricSpecProblem(spec);
    setError(problem);
    if (problem === null) void buildFabricIn(siteId, spec, view);
  };
  const count = (
    label: string,
    value: string,
    set: (v: string) => void,
    limits: { min: number; max: number },
    testId: string,
    ref?: Ref<HTMLInputElement>,
  ) => (
    <label className="flex min-w-0 flex-1 flex-col gap-0.5 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <input
        ref={ref}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={value}
        disabled={disabled}
        aria-invalid={error !== null}
        data-testid={testId}
        onChange={(e) => {
          set(e.target.value);
          setError(null);
        }}
        className={inputClass}
      />
    </label>
  );
  return (
    <Section title="Build a fabric">
      <form
        onSubmit={submit}
        // The studio explains a bad count itself, in its own words.
        noValidate
        data-testid="fabric.form"
        aria-label="Build a leaf-spine fabric"
      >
        <p className="pb-2 text-xs text-slate-500 dark:text-slate-400">
          Adds spines and leaves in tiers inside this site and links every spine to every leaf.
        </p>
        <div className="flex items-end gap-2">
          {count('Spines', spines, setSpines, FABRIC_LIMITS.spines, 'fabric.spines', first)}
          <span className="pb-1.5 text-sm text-slate-400" aria-hidden>
            ×
          </span>
          {count('Leaves', leaves, setLeaves, FABRIC_LIMITS.leaves, 'fabric.leaves')}
          <button
            type="submit"
            disabled={disabled}
            data-testid="fabric.build"
            className={`${primaryButtonClass} shrink-0 py-1 text-xs`}
          >
            <Network className="h-3.5 w-3.5" aria-hidden /> Build
          </button>
        </div>
        {error && (
          <p
            role="alert"
            className="pt-1 text-xs text-red-600 dark:text-red-400"
            data-testid="fabric.error"
          >
            {error}
          </p>
        )}
      </form>
    </Section>
  );
}
