import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One throw-away PostgreSQL for the run (a database per file); fails the run if PostgreSQL is missing.
          globalSetup: ['tests/helpers/globalServices.ts'],
          // Each file starts its own server on port 0; files run in parallel, tests inside a file in order.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
