import pg from 'pg';
import { postgresProblem, postgresSkipped, postgresUrl, testDialect } from './dialect.js';

/** A test schema older than this belongs to a run that died before dropping it. */
const STALE_AFTER_SECONDS = 6 * 3600;

/** Fails the PostgreSQL run at once, with one clear line, when the server does not answer. */
export default async function setup(): Promise<void> {
  if (testDialect() !== 'postgres' || (await postgresSkipped())) return;

  const url = postgresUrl();
  const problem = await postgresProblem(url);
  if (problem === null) {
    await dropStaleSchemas(url);
    return;
  }

  throw new Error(
    `PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} does not answer ` +
      `(${problem}). Start it, point TEST_DATABASE_URL at one that runs, ` +
      'or set SKIP_POSTGRES=1 to skip the PostgreSQL tests.',
  );
}

/** Drops `t_<seconds>_<random>` schemas left by runs that were killed; never a recent one. */
async function dropStaleSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname ~ '^t_[0-9]+_[0-9a-f]+$'",
    );
    const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
    for (const { name } of rows) {
      if (Number(name.split('_')[1]) < cutoff) {
        await client.query(`drop schema if exists "${name}" cascade`);
      }
    }
  } finally {
    await client.end();
  }
}
