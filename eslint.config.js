// Lint rules. Pure modules (core, synth, analysis, io, dataset, train) may not import the DOM-side
// folders, React, plotly or Node built-ins, so they keep running in workers, Node and the CLI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE = [
  'src/core/**',
  'src/synth/**',
  'src/analysis/**',
  'src/io/**',
  'src/dataset/**',
  'src/train/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'Pure modules run in browsers and workers: no Node built-ins.',
            },
            {
              group: ['react', 'react-dom', 'react-dom/*', 'plotly.js*', 'zustand', 'zustand/*'],
              message: 'Pure modules have no UI.',
            },
            {
              group: ['**/ui/**', '**/state/**', '**/app/**', '**/workers/**', '**/cli/**'],
              message: 'Pure modules may not import DOM-side or CLI code.',
            },
          ],
        },
      ],
    },
  },
);
