import { describe, expect, test } from 'vitest';
import {
  createTestDatabase,
  setupTestDatabase,
  tableCounts,
  testDialect,
} from '../test/harness.js';
import { migrateToLatest } from './database.js';

const first = setupTestDatabase();

describe('migrations', () => {
  test('running them again on an up-to-date database changes nothing', async () => {
    expect(await migrateToLatest(first.db)).toEqual([]);
  });

  test.runIf(testDialect() === 'postgres')(
    "a second PostgreSQL schema in the same database migrates on its own, not fooled by the first schema's migration tables",
    async () => {
      const second = await createTestDatabase();
      try {
        const counts = await tableCounts(second);
        expect(Object.keys(counts)).toEqual(Object.keys(await tableCounts(first)));
        expect(counts.company).toBe(0);
      } finally {
        await second.close();
      }
    },
  );
});
