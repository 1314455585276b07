import pg from 'pg';
import type { Dialect } from '../db/columns.js';

/** The database the tests run against, from `TEST_DIALECT` (default sqlite). */
export function testDialect(): Dialect {
  const value = process.env.TEST_DIALECT ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') {
    throw new Error(`TEST_DIALECT must be sqlite or postgres, not "${value}"`);
  }

  return value;
}

export function postgresUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

/** Why PostgreSQL does not answer, or null when it does. */
export async function postgresProblem(url = postgresUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A PostgreSQL run with SKIP_POSTGRES=1 against a server that does not answer skips. */
export async function postgresSkipped(): Promise<boolean> {
  if (testDialect() !== 'postgres' || process.env.SKIP_POSTGRES !== '1') return false;

  return (await postgresProblem()) !== null;
}
