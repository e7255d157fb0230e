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
          // Each file starts its own server on port 0; files run in parallel, tests inside a file in order.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
