import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../test/harness.js';
import { demoName, seedDemoArchiveCountsForTest } from './demo-archive.js';
import { seedDemo } from './demo.js';

const database = setupTestDatabase();

describe('the demo property archive', () => {
  it('has about 2,000 rooms, 100 shops, 500 parking spaces, people with links, and vehicles', async () => {
    await seedDemo(database.db);

    const count = async (table: string, where = sql`1 = 1`) => {
      const result = await sql<{ n: number | string }>`
        select count(*) as n from ${sql.table(table)} where ${where}`.execute(database.db);
      return Number(result.rows[0].n);
    };

    expect(await count('room')).toBe(seedDemoArchiveCountsForTest.rooms);
    expect(await count('shop')).toBe(100);
    expect(await count('parking_space')).toBe(500);
    expect(await count('vehicle')).toBe(150);
    expect(await count('resource_person', sql`role = 'owner'`)).toBeGreaterThan(1500);
    expect(await count('resource_person', sql`role = 'family'`)).toBeGreaterThan(400);
    expect(await count('resource_person', sql`role = 'tenant'`)).toBeGreaterThan(50);
  });

  it('names people the way Chinese names read', () => {
    expect(demoName(0)).toBe('王伟');
    expect(demoName(1)).toBe('李伟');
  });
});
