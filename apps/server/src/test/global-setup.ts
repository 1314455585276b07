import { postgresProblem, postgresSkipped, postgresUrl, testDialect } from './dialect.js';

/** Fails the PostgreSQL run at once, with one clear line, when the server does not answer. */
export default async function setup(): Promise<void> {
  if (testDialect() !== 'postgres' || (await postgresSkipped())) return;

  const url = postgresUrl();
  const problem = await postgresProblem(url);
  if (problem === null) return;

  throw new Error(
    `PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} does not answer ` +
      `(${problem}). Start it, point TEST_DATABASE_URL at one that runs, ` +
      'or set SKIP_POSTGRES=1 to skip the PostgreSQL tests.',
  );
}
