import { dialectOf } from '../db/columns.js';
import type { Database } from '../db/database.js';
import type { JobTable } from '../db/schema.js';
import type { Insertable, Selectable } from 'kysely';

export type JobRow = Selectable<JobTable>;

export async function insertJob(db: Database, job: Insertable<JobTable>): Promise<number> {
  const row = await db.insertInto('job').values(job).returning('id').executeTakeFirstOrThrow();

  return row.id;
}

/**
 * Takes the oldest queued job for this worker. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets many
 * processes claim at once without taking the same job; on SQLite the write lock does that.
 */
export async function claimNextJob(
  db: Database,
  worker: { id: string; at: string; kinds: string[] },
): Promise<JobRow | undefined> {
  if (worker.kinds.length === 0) return undefined;
  let next = db
    .selectFrom('job')
    .select('id')
    .where('status', '=', 'queued')
    .where('kind', 'in', worker.kinds)
    .orderBy('id')
    .limit(1);
  if (dialectOf(db) === 'postgres') next = next.forUpdate().skipLocked();

  return db
    .updateTable('job')
    .set({
      status: 'running',
      claimed_by: worker.id,
      started_at: worker.at,
      heartbeat_at: worker.at,
    })
    .where('id', '=', (eb) => eb.selectFrom(next.as('next')).select('next.id'))
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function reportProgress(
  db: Database,
  job: { id: number; progress: number; total: number; at: string },
): Promise<void> {
  await db
    .updateTable('job')
    .set({ progress: job.progress, total: job.total, heartbeat_at: job.at })
    .where('id', '=', job.id)
    .execute();
}

export async function finishJob(
  db: Database,
  job: {
    id: number;
    status: 'succeeded' | 'failed';
    result: string | null;
    error: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .updateTable('job')
    .set({
      status: job.status,
      result: job.result,
      error: job.error,
      finished_at: job.at,
      heartbeat_at: job.at,
    })
    .where('id', '=', job.id)
    .execute();
}

/** Puts back jobs whose worker stopped beating (a crashed process) so another one resumes them. */
export async function requeueStaleJobs(db: Database, staleBefore: string): Promise<number> {
  const result = await db
    .updateTable('job')
    .set({ status: 'queued', claimed_by: null })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .executeTakeFirst();

  return Number(result.numUpdatedRows);
}

export function findJob(db: Database, orgId: number, id: number) {
  return db
    .selectFrom('job')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}
