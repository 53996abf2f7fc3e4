/**
 * `npm run bench:size`: what the first screen downloads. Builds the studio as `npm run build`
 * does (in memory), reads the built index.html for its entry scripts, follows their static
 * imports (what the page loads at once) and prints their gzip size
 * against the budget, the largest packages and source folders in them, and any dynamic import
 * the bundler could not split off (a module also imported statically stays on the first screen).
 * Exits non-zero when the first screen is over the budget, so the budget holds.
 *
 *   npm run bench:size [-- --modules 30]
 */
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

/** Issue 12: the first screen's JavaScript, gzip. */
const BUDGET_KB = 150;
const args = process.argv.slice(2);
const MODULES = Number(args[args.indexOf('--modules') + 1] || 15);

const warnings: string[] = [];
const result = await build({
  logLevel: 'silent',
  build: {
    write: false,
    rollupOptions: {
      onLog(level, log, handler) {
        if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') warnings.push(log.message);
        else if (level === 'warn') handler(level, log);
      },
    },
  },
});
const outputs = (Array.isArray(result) ? result : [result]).flatMap(
  (r) => (r as Rollup.RollupOutput).output,
);
const byName = new Map(outputs.map((o) => [o.fileName, o]));
const html = outputs.find((o) => o.fileName === 'index.html');
if (!html || html.type !== 'asset') throw new Error('the build has no index.html');
const source = String(html.source);
// The entry scripts and everything they import statically (what the modulepreload links
// name, whether or not the build writes them).
const loaded: string[] = [];
const visit = (file: string) => {
  if (loaded.includes(file)) return;
  loaded.push(file);
  const chunk = byName.get(file);
  if (chunk?.type === 'chunk') for (const dep of chunk.imports) visit(dep);
};
for (const m of source.matchAll(/<script[^>]*\ssrc="\/?([^"]+\.js)"/gu)) visit(m[1] ?? '');

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
let total = 0;
let raw = 0;
const groups = new Map<string, number>();
console.log('first screen scripts (minified → gzip):');
for (const file of loaded) {
  const chunk = byName.get(file);
  if (chunk?.type === 'asset') {
    // A plain script the build writes itself (vite.config.ts), counted as it is.
    const code = String(chunk.source);
    const gz = gzipSync(code, { level: 9 }).length;
    total += gz;
    raw += code.length;
    console.log(`  ${file}: ${kb(code.length)} → ${kb(gz)} KB`);
    continue;
  }
  if (!chunk) throw new Error(`index.html loads ${file}, not built`);
  const gz = gzipSync(chunk.code, { level: 9 }).length;
  total += gz;
  raw += chunk.code.length;
  console.log(`  ${file}: ${kb(chunk.code.length)} → ${kb(gz)} KB`);
  for (const [id, info] of Object.entries(chunk.modules)) {
    const path = id.replace(/\\/gu, '/');
    const nm = path.lastIndexOf('node_modules/');
    const group =
      nm >= 0
        ? path
            .slice(nm + 'node_modules/'.length)
            .split('/')
            .slice(0, path.slice(nm + 13).startsWith('@') ? 2 : 1)
            .join('/')
        : (/\/(src\/[^/]+)\//u.exec(path)?.[1] ?? path.split('/').pop() ?? path);
    groups.set(group, (groups.get(group) ?? 0) + info.renderedLength);
  }
}
console.log(`\nlargest parts (bytes in the bundle, before minification):`);
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, MODULES))
  console.log(`  ${kb(bytes).padStart(7)} KB  ${group}`);
if (warnings.length > 0) {
  console.log(`\ndynamic imports that stay on the first screen's chunks:`);
  for (const w of warnings) console.log(`  ${w}`);
}
// Chunks index.html preloads beside the entry (vite.config.ts: the storage code and the element
// components, imported as the page starts): fetched at once, not run before the first render.
let preloaded = 0;
for (const m of source.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/gu)) {
  const chunk = byName.get(m[1] ?? '');
  if (chunk?.type === 'chunk' && !loaded.includes(chunk.fileName))
    preloaded += gzipSync(chunk.code, { level: 9 }).length;
}
if (preloaded > 0)
  console.log(
    `\npreloaded beside it for restoring the design (not run before the first render): ${kb(preloaded)} KB gzip`,
  );
const over = total / 1024 > BUDGET_KB;
console.log(
  `\nfirst screen JS: ${kb(raw)} KB minified, ${kb(total)} KB gzip (budget ${BUDGET_KB} KB gzip: ${
    over ? `over by ${kb(total - BUDGET_KB * 1024)} KB` : 'within'
  })`,
);
if (over) {
  console.error(
    `bench:size: the first screen is ${kb(total)} KB gzip, over its budget of ${BUDGET_KB} KB: lazy-load what is not on it.`,
  );
  process.exitCode = 1;
}
