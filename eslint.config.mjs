import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
  {
    // The core stays pure: no UI, host, network or storage imports.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            '@fluentui/*',
            '@microsoft/*',
            '@azure/*',
            'better-sqlite3',
            'node:*',
            '../graph/*',
            '../word/*',
            '../hosts/*',
            '../ui/*',
            '../apps/*',
            '../local-tenant/*',
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
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
