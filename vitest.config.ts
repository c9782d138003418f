import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Type-checking whole packages with the TypeScript compiler takes a few seconds each.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
