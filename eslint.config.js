// Lint enforces the architecture (ARCHITECTURE.md): imports point inward only.
//   domain ← templates, storage, export, sync ← features ← app
// The domain and adapters never import React; only storage imports Dexie; nothing in
// the browser app imports the server; features do not import each other.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['drafts', 'wizard', 'review', 'province'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tests/artifacts/', 'test-results/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: [
                './src/storage',
                './src/features',
                './src/app',
                './src/ui',
                './src/server',
                './src/templates',
                './src/lib',
              ],
              message: 'The domain is pure: it imports nothing outside domain/ and i18n/.',
            },
            {
              target: './src/templates',
              from: ['./src/storage', './src/features', './src/app', './src/ui', './src/server'],
              message: 'Templates are data checked by the domain schema.',
            },
            {
              target: './src/storage',
              from: ['./src/features', './src/app', './src/ui', './src/server'],
              message: 'Adapters never import the UI.',
            },
            {
              target: ['./src/ui', './src/lib', './src/i18n'],
              from: ['./src/features', './src/app', './src/storage', './src/server'],
              message: 'ui/, lib/ and i18n/ know nothing of features, storage or the server.',
            },
            {
              target: './src/export',
              from: ['./src/features', './src/app', './src/ui', './src/server'],
              message: 'Export adapters never import the UI.',
            },
            {
              target: './src/photos',
              from: ['./src/features', './src/app', './src/ui', './src/server', './src/storage'],
              message: 'The image pipeline is an adapter: bytes in, bytes out.',
            },
            {
              target: './src/features',
              from: ['./src/app', './src/server'],
              message: 'Features are composed by app/, never the other way round.',
            },
            {
              target: ['./src/app', './src/features', './src/storage', './src/ui', './src/domain'],
              from: './src/server',
              message: 'The server is Node only; the app never imports it.',
            },
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other; app/ composes them.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/domain/**',
      'src/storage/**',
      'src/templates/**',
      'src/lib/**',
      'src/i18n/**',
      'src/server/**',
      'src/photos/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'No React outside features/, ui/ and app/.' },
            { name: 'react-dom', message: 'No React outside features/, ui/ and app/.' },
            { name: 'jspdf', message: 'jsPDF lives in src/export/pdf/pdf-writer.chunk.ts only.' },
          ],
          patterns: [{ group: ['dexie', 'dexie-*'], message: 'Dexie lives in storage/ only.' }],
        },
      ],
    },
  },
  {
    files: ['src/export/pdf/pdf-writer.chunk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom'],
          patterns: [{ group: ['dexie', 'dexie-*'], message: 'Dexie lives in storage/ only.' }],
        },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'Storage never imports React.' }, 'react-dom', 'jspdf'],
        },
      ],
    },
  },
  {
    files: ['src/features/**', 'src/app/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Use the repositories in storage/.' },
            { name: 'jspdf', message: 'jsPDF lives in the export writer chunk only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'jsx-a11y/no-autofocus': 'off',
      // A scrolling table region must be reachable by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['src/features/**', 'src/app/**', 'src/ui/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z]{3,}/]',
          message: 'User-facing text lives in src/i18n.',
        },
      ],
    },
  },
);
