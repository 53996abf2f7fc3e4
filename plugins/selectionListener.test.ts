import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenOnlyWhenHandled, REACT_FLOW_MODULE } from './selectionListener';

/** The module the browser build takes from the installed React Flow (package.json exports). */
function installed(file: string): { id: string; code: string } {
  const pkg = createRequire(import.meta.url).resolve('@xyflow/react/package.json');
  const id = join(dirname(pkg), 'dist', 'esm', file);
  return { id, code: readFileSync(id, 'utf8') };
}

describe('React Flow selection listener, mounted only for a handler', () => {
  it.each(['index.js', 'index.mjs'])('mends the installed %s once', (file) => {
    const { id, code } = installed(file);
    expect(REACT_FLOW_MODULE.test(id)).toBe(true);
    const mended = listenOnlyWhenHandled(code, id);
    expect(mended).not.toContain('!!s.onSelectionChangeHandlers');
    expect(mended).toContain(
      'const changeSelector = (s) => s.onSelectionChangeHandlers.length > 0;',
    );
    // Only that line changed.
    expect(mended.length - code.length).toBe(
      's.onSelectionChangeHandlers.length > 0'.length - '!!s.onSelectionChangeHandlers'.length,
    );
  });

  it('the mended test: off for the store’s empty array, on once a handler is added', () => {
    const { id, code } = installed('index.js');
    const line = /const changeSelector = (\(s\) => [^;]+);/u.exec(listenOnlyWhenHandled(code, id));
    expect(line).not.toBeNull();
    // The selector as the mended module holds it, evaluated on its own.
    const changeSelector = new Function(`return ${line?.[1] ?? ''}`)() as (s: {
      onSelectionChangeHandlers: unknown[];
    }) => boolean;
    expect(changeSelector({ onSelectionChangeHandlers: [] })).toBe(false);
    expect(changeSelector({ onSelectionChangeHandlers: [() => undefined] })).toBe(true);
  });

  it('fails the build, naming the module, when React Flow no longer reads as expected', () => {
    expect(() => listenOnlyWhenHandled('const changeSelector = (s) => true;', 'rf.js')).toThrow(
      /rf\.js: React Flow's selection-listener test .* is not there once/u,
    );
    const twice =
      'a = (s) => !!s.onSelectionChangeHandlers; b = (s) => !!s.onSelectionChangeHandlers;';
    expect(() => listenOnlyWhenHandled(twice, 'rf.js')).toThrow(/not there once/u);
  });

  it('leaves other modules alone', () => {
    expect(REACT_FLOW_MODULE.test('/n/@xyflow/system/dist/esm/index.js')).toBe(false);
    expect(REACT_FLOW_MODULE.test('/n/@xyflow/react/dist/umd/index.js')).toBe(false);
    expect(REACT_FLOW_MODULE.test('C:\\n\\@xyflow\\react\\dist\\esm\\index.mjs')).toBe(true);
  });
});
