import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The workspace's packages export their TypeScript sources under this condition (and their
 * built dist/ otherwise), so the tests run the sources as they are, with no build step.
 */
const SOURCE_CONDITION = '@evfw/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions], externalConditions: [SOURCE_CONDITION] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Type-checking whole packages with the TypeScript compiler takes a few seconds each.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
