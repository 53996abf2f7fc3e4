import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The dependency direction of STYLE.md, as lint rules: model ← rules ← io ← store ← app ←
 * canvas ← panels, and cli over model, rules and io. Each layer lists the layers it may import;
 * every other layer (and, below the UI, React, React Flow, zustand and the icons) is refused,
 * for static imports, re-exports and dynamic import() alike. Cycles are refused everywhere.
 */
const LAYERS = {
  model: [],
  rules: ['model'],
  io: ['model', 'rules'],
  cli: ['model', 'rules', 'io'],
  store: ['model', 'rules', 'io'],
  app: ['model', 'rules', 'io', 'store'],
  canvas: ['model', 'rules', 'io', 'store', 'app'],
  panels: ['model', 'rules', 'io', 'store', 'app', 'canvas'],
};
const UI_LIBS = ['react', 'react-dom', '@xyflow', 'zustand', 'lucide-react'];
/** Layers that run outside the browser's UI (the validator, the codecs, the command line). */
const HEADLESS = ['model', 'rules', 'io', 'cli'];

const layerZones = Object.entries(LAYERS).flatMap(([layer, allowed]) => {
  const refused = Object.keys(LAYERS).filter((l) => l !== layer && !allowed.includes(l));
  const zones = [];
  if (refused.length > 0)
    zones.push({
      target: `./src/${layer}`,
      from: [...refused.map((l) => `./src/${l}`), './src/App.tsx', './src/main.tsx'],
      message: `src/${layer} may import ${allowed.length > 0 ? allowed.map((l) => `src/${l}`).join(', ') : 'no other layer'} (the dependency direction of STYLE.md).`,
    });
  if (HEADLESS.includes(layer))
    zones.push({
      target: `./src/${layer}`,
      from: UI_LIBS.map((lib) => `./node_modules/${lib}`),
      message: `src/${layer} runs without a UI: no React, React Flow, zustand or icons.`,
    });
  return zones;
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e',
      'build',
      'dist-bench',
      'node_modules',
      'playwright-report',
      'test-results',
      // Deliberately broken files that src/lint.test.ts lints to prove the rules fire.
      'lint-fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'lint-fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Follow imports into TypeScript files too (the plugin's default is JavaScript only), or a
      // cycle through .ts/.tsx files goes unseen.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
);
