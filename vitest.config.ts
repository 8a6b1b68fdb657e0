import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,pipeline,metrics,fixtures,reports,test-support}/**/*.test.ts', 'cli.test.ts'],
    // no timeout that a busy machine could trip: the slowest test (the readers'
    // property test) takes about half a minute on a quiet 2-core machine and
    // passed 60 s under load; ten minutes only stops a hung test
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on a 2-core machine
    // (CI's, everyone's here) that ran the files one at a time. Two workers:
    // much of a test's time is spent waiting on DuckDB, Chromium or a CLI it spawned
    maxWorkers: 2,
  },
});
