/**
 * The lint rules that keep the layers apart (eslint.config.js) fire: imports against the
 * dependency direction, in any form, and cycles. Each case lints a file that breaks one rule.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// `ignore: false`: lint-fixtures/ is ignored by `npm run lint` because it is broken on purpose.
const eslint = new ESLint({ cwd: root, ignore: false });

/** Rule id and message of each problem ESLint reports for `code` as if saved at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const LINT_TIMEOUT_MS = 120_000;

describe('The dependency direction', { timeout: LINT_TIMEOUT_MS }, () => {
  it('refuses src/model importing the rules through the folder index', async () => {
    const found = await problems(
      'src/model/against-the-direction.ts',
      "export { runRules } from '../rules';\n",
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*"\.\.\/rules".*src\/model may import no other layer/,
      ),
    ]);
  });

  it('refuses a dynamic import() across layers and React below the UI', async () => {
    const found = await problems(
      'src/rules/against-the-direction.ts',
      [
        "import { useState } from 'react';",
        'export const s = useState;',
        "export const load = () => import('../store/studio');",
        '',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*"react".*runs without a UI/),
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*"\.\.\/store\/studio".*src\/rules may import src\/model\b/,
      ),
    ]);
  });

  it('refuses the store importing the app layer, and the canvas importing panels', async () => {
    expect(
      await problems('src/store/against.ts', "export { tidyUp } from '../app/tidy';\n"),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/store may import/)]);
    expect(
      await problems('src/canvas/against.ts', "export { Palette } from '../panels/Palette';\n"),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*src\/canvas may import/)]);
  });

  it('lets each layer import the layers below it', async () => {
    expect(
      await problems(
        'src/panels/along-the-direction.ts',
        [
          "export { KIND_ICONS } from '../canvas/icons';",
          "export { tidyUp } from '../app/tidy';",
          "export { useStudio } from '../store/studio';",
          "export { runRules } from '../rules';",
          "export { labelOf } from '../model/labels';",
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('Cycles', { timeout: LINT_TIMEOUT_MS }, () => {
  it('refuses two files that import each other (one of them through import())', async () => {
    const [a] = await eslint.lintFiles(['lint-fixtures/cycle/a.ts']);
    expect(a?.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });
});
