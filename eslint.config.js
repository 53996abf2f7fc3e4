import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The dependency direction of STYLE.md, as a lint rule: model ← rules ← store ← canvas/panels;
// io and cli depend on model and rules only.
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});
const uiLibs = [
  'react',
  'react-dom',
  'react/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'lucide-react',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e',
      'dist-bench',
      'node_modules',
      'playwright-report',
      'test-results',
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
    files: ['src/model/**'],
    rules: forbid(
      [...uiLibs, '**/rules/*', '**/store/*', '**/canvas/*', '**/panels/*', '**/io/*'],
      'src/model is the pure domain: it imports nothing above it.',
    ),
  },
  {
    files: ['src/rules/**'],
    rules: forbid(
      [...uiLibs, '**/store/*', '**/canvas/*', '**/panels/*', '**/io/*'],
      'src/rules depends on src/model only.',
    ),
  },
  {
    files: ['src/io/**', 'src/cli/**'],
    rules: forbid(
      [...uiLibs, '**/store/*', '**/canvas/*', '**/panels/*'],
      'io and cli depend on model and rules only.',
    ),
  },
  {
    files: ['src/store/**'],
    rules: forbid(['**/canvas/*', '**/panels/*'], 'the store sits below the UI.'),
  },
);
