import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual checks, lint guards the architecture:
 *   app/    UI only: imports app/ and lib/, never server/
 *   lib/    pure and shared: imports lib/ and pure packages, never node:*, server/, app/ or React
 *   server/ Node only: never app/
 *   bench/  a client of the documented API like any other: never server/
 */
const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'events', 'stream', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'dist/', 'next-env.d.ts', 'test-results/', 'playwright-report/', 'data/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/server', '!next/server', '!next-intl/server'], message: 'app/ talks to the server over HTTP and sockets only.' }] }],
      // The payload schemas (zod) are the server's boundary; values from them would put ~30 KB gzip
      // of zod into every page's first load. Types are free; constants have their own modules.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)lib/protocol(/index|/http|/events)?$',
              allowTypeImports: true,
              message: 'Import only types from here; constants come from lib/protocol/version, errors, closeCodes, boardDoc or ackTimeout.',
            },
          ],
        },
      ],
    },
  },
  {
    // The service worker runs in its own global scope.
    files: ['public/**/*.js'],
    languageOptions: { globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', Response: 'readonly' } },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'next', ...nodeBuiltins].map((name) => ({ name, message: 'lib/ is pure, isomorphic code.' })),
          patterns: [
            { group: ['node:*'], message: 'lib/ is pure, isomorphic code: no node:* modules.' },
            { group: ['**/server/**', '**/app/**', 'next/*'], message: 'lib/ imports only lib/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/server'], message: 'bench/ drives the documented API (HTTP and sockets) like any client; it never imports server/.' }] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', '**/app'], message: 'server/ never imports the UI.' }] }],
    },
  },
);
