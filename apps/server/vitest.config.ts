import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { postgresSkipped } from './src/test/dialect.js';

/**
 * Server tests against real databases: `TEST_DIALECT=sqlite` (default) or `postgres`.
 * Each test file gets its own SQLite file or PostgreSQL schema (see src/test/harness.ts).
 * With SKIP_POSTGRES=1 and no PostgreSQL answering, every test is reported as skipped.
 */
export default defineConfig(async () => ({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globals: true,
    ...((await postgresSkipped()) ? { testNamePattern: /(?!)/ } : {}),
  },
}));
