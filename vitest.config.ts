import { defineConfig } from 'vitest/config'

/**
 * Two cores: the server, rule and multi-instance tests run two files at a time first; then the
 * browser tests, one file at a time (each drives five or more Chromium pages, and two such files
 * at once starve each other and every test beside them of CPU, which shows as timeouts).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          maxWorkers: 1,
          // A hang guard, not a speed assertion: a real browser's test takes tens of seconds.
          testTimeout: 90_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
