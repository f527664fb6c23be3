import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and multi-process tests start servers on their own ports; two cores, so keep it modest.
    maxWorkers: 2,
  },
})
