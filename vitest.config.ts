import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,pipeline,metrics,fixtures,reports,test-support}/**/*.test.ts', 'cli.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
