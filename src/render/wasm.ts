/**
 * Where the browser finds libavoid's WebAssembly: Vite copies the file into the build and
 * gives its URL (the package's exports map does not list the file, hence the relative path).
 * Imported only by browser code; Node finds the file on its own.
 */
export const AVOID_WASM_URL = new URL(
  '../../node_modules/libavoid-js/dist/libavoid.wasm',
  import.meta.url,
).href;
