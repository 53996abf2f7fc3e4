/**
 * Hooks that only the e2e build honours (`vite build --mode e2e`, playwright.config.ts), so a
 * spec can make the studio fail the way a real bug would. In every other build
 * `import.meta.env.MODE` is another constant and the bundler drops the hook.
 */
import type { RuleDefinition } from '../rules/index';

declare global {
  interface Window {
    /** Set by e2e specs only. */
    __dciTest?: { throwInRule?: boolean };
  }
}

/**
 * The rules to run: as given, or, when a spec set `window.__dciTest.throwInRule`, with the
 * first rule's check replaced by one that throws — as a bug in a rule would, during render.
 */
export function rulesUnderTest(rules: readonly RuleDefinition[]): readonly RuleDefinition[] {
  if (import.meta.env.MODE !== 'e2e') return rules;
  if (typeof window === 'undefined' || window.__dciTest?.throwInRule !== true) return rules;
  const [first, ...rest] = rules;
  if (!first) return rules;
  const broken: RuleDefinition = {
    ...first,
    run: () => {
      throw new Error(`${first.id} failed on purpose (the e2e hook window.__dciTest.throwInRule)`);
    },
  };
  return [broken, ...rest];
}
