/**
 * React Flow 12 mounts its selection listener (`SelectionListener`) when someone listens to the
 * selection: an `onSelectionChange` prop, or a handler added by `useOnSelectionChange`. Its test
 * for the second, `!!s.onSelectionChangeHandlers`, is true of the empty array the store starts
 * with, so the listener is always mounted, and its selector walks every node and every edge of the
 * store, and maps the selected ones to their ids, on every change of React Flow's store. The
 * studio listens to neither (it keeps the selection in its own store), yet in a CPU profile of
 * a paste of 30 devices at 1,000 elements that selector had the most self time before the canvas
 * changed: 4 ms a paste.
 *
 * This plugin makes the test the one the code means: a listener is mounted when there is a
 * handler. `useOnSelectionChange` replaces the store's array when it adds or removes one, so the
 * test is read again then. A React Flow whose code no longer holds the test as written fails
 * the build with a message, to be looked at again: fixed upstream, or moved.
 *
 * In the build (vite.config.ts) and in the dev server's pre-bundling of dependencies, which does
 * not run the build's transforms.
 */
import type { Plugin, Rolldown } from 'vite';

/** React Flow's browser modules (package.json exports: `dist/esm/index.js`, and `index.mjs`). */
export const REACT_FLOW_MODULE = /@xyflow[\\/]react[\\/]dist[\\/]esm[\\/]index\.m?js$/u;
/** The test as React Flow 12.x writes it (dist/esm/index.js: `changeSelector`). */
const ALWAYS = '(s) => !!s.onSelectionChangeHandlers;';
const WHEN_HANDLED = '(s) => s.onSelectionChangeHandlers.length > 0;';

/** React Flow's module with the selection listener mounted only for a handler. */
export function listenOnlyWhenHandled(code: string, id: string): string {
  const at = code.indexOf(ALWAYS);
  if (at < 0 || code.indexOf(ALWAYS, at + 1) >= 0)
    throw new Error(
      `${id}: React Flow's selection-listener test ("${ALWAYS}") is not there once; ` +
        'see plugins/selectionListener.ts: drop the plugin if React Flow fixed it, or follow the change.',
    );
  return code.replace(ALWAYS, WHEN_HANDLED);
}

/** The plugins' name: the bench's plain React Flow page is built without it (vite.bench.config.ts). */
export const SELECTION_LISTENER_PLUGIN = 'dci-studio-selection-listener-on-demand';

/** The hook both plugins run: React Flow's module, mended. */
const transform = {
  filter: { id: REACT_FLOW_MODULE },
  handler: (code: string, id: string) => ({ code: listenOnlyWhenHandled(code, id), map: null }),
};

/** The build's plugin (vite.config.ts `plugins`). */
export function selectionListenerOnDemand(): Plugin {
  return { name: SELECTION_LISTENER_PLUGIN, apply: 'build', transform };
}

/** The same for the dev server's pre-bundling (vite.config.ts `optimizeDeps.rolldownOptions`). */
export function selectionListenerOnDemandPrebundle(): Rolldown.Plugin {
  return { name: SELECTION_LISTENER_PLUGIN, transform };
}
