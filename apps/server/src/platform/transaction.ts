import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** PostgreSQL's "try again" failures: serialization conflicts and deadlocks. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs one use case in one transaction. On SQLite it takes the write lock up front (BEGIN
 * IMMEDIATE, see db/database.ts); on PostgreSQL each call gets its own pooled connection, and a
 * serialization failure or deadlock under concurrent requests is retried from the start, so the
 * work inside must touch only the database until it returns.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
