import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const PURE = 'src/core is pure: no UI, host, network, storage or gateway imports.';
const GATEWAY = 'Gateways and hosts depend only on the core (apps -> ui -> graph | word | hosts -> core).';

/** Import patterns for a layer's folder at any depth: "../../graph/client", "../graph", "src/graph". */
const layers = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`, `${name}/**`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-results/',
      '.local-tenant/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layering: apps -> ui -> (graph | word | hosts) -> core, for every folder at every depth. The
  // patterns match an import path wherever the folder appears in it ("../../graph/client",
  // "../graph", "src/graph/batch"), so a file deep in a layer cannot reach past it either.
  // test/lint/layering.test.ts checks that each rule fires.
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', '@fluentui/*', '@tanstack/*', 'react-router'],
              message: PURE,
            },
            { group: ['@microsoft/*', '@azure/*', 'better-sqlite3', 'node:*'], message: PURE },
            { group: layers('graph', 'word', 'hosts', 'ui', 'apps', 'local-tenant'), message: PURE },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'Office', 'Word', 'localStorage'],
    },
  },
  {
    // No raw HTML into the pages: every text a user types renders as text (docs/security.md).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text as React children.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No innerHTML/outerHTML: build elements or set textContent.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document'], CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML strings into the page.',
        },
        {
          selector: "CallExpression[callee.property.name='insertHtml']",
          message: 'No insertHtml into Word: insert paragraphs and tables, whose text stays text.',
        },
      ],
    },
  },
  {
    files: ['src/graph/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: layers('word', 'hosts', 'ui', 'apps', 'local-tenant'), message: GATEWAY }] },
      ],
    },
  },
  {
    files: ['src/word/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: layers('graph', 'hosts', 'ui', 'apps', 'local-tenant'), message: GATEWAY }] },
      ],
    },
  },
  {
    files: ['src/hosts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: layers('graph', 'word', 'ui', 'apps', 'local-tenant'), message: GATEWAY }] },
      ],
    },
  },
  {
    // Screens read gateways through interfaces given by context: types only, never a Graph client.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@microsoft/microsoft-graph-client',
              message: 'src/ui never holds a Graph client: use a gateway interface from context.',
            },
          ],
          patterns: [
            {
              group: layers('apps', 'local-tenant'),
              message: 'src/ui may not import the page entries or the local tenant.',
            },
            {
              group: [...layers('graph', 'word'), '@microsoft/microsoft-graph-client/*'],
              allowTypeImports: true,
              message:
                'src/ui imports only types from the gateways (import type ...); the app entry builds them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/apps/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: layers('local-tenant'), message: 'The pages never include the local tenant.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
