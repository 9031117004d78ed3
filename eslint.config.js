// ESLint (flat config): typescript-eslint's recommended rules, the promise rules that catch a
// forgotten await, and the import fences that keep workflow code deterministic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'process',
  'stream',
  'timers',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.tools/', 'dist/', 'prisma/generated/', 'console/dist/', '.ci-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      'prefer-const': ['error', { destructuring: 'all' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Workflow code is replayed: no IO, no wall clock, no Node built-ins, no SDK client or worker.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'workflow and domain code is deterministic: no Node built-ins (do IO in activities/)' },
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
              message: 'workflows import only @temporalio/workflow',
            },
            {
              group: ['**/prisma/**', '@prisma/*', 'pg', 'pino', 'express', '**/activities/*', '!**/activities/index.js'],
              message: 'no IO modules in workflow or domain code',
            },
          ],
        },
      ],
    },
  },
  {
    // tests and the schema-engine glue handle untyped JSON and driver internals
    files: ['test/**/*.ts', 'scripts/lib/schema-engine.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
