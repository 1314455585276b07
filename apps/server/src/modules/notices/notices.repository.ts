import type { Insertable, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type {
  MessageTable,
  NoticeChannel,
  NoticeDeliveryStatus,
  NoticeDeliveryTable,
  NoticeTemplateTable,
} from '../../db/schema.js';
import { contains, countRows, pageWithTotal } from '../../platform/query.js';
import { type Scope, inScope } from '../../platform/scope.js';

/** Rows inserted per statement: well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 200;

/* ------------------------------------------------------------------ templates */

export function templatesOfProject(db: Database, scope: Scope, projectId: number) {
  return db
    .selectFrom('notice_template')
    .selectAll()
    .where(inScope(scope, { org: 'org_id', project: 'project_id' }))
    .where('project_id', '=', projectId)
    .orderBy('kind')
    .orderBy('channel')
    .execute();
}

export function findTemplate(db: Database, scope: Scope, id: number) {
  return db
    .selectFrom('notice_template')
    .selectAll()
    .where(inScope(scope, { org: 'org_id', project: 'project_id' }))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The template a project wrote for a kind and channel, for the sending job (no caller scope). */
export function projectTemplate(
  db: Database,
  key: { projectId: number; kind: string; channel: NoticeChannel },
) {
  return db
    .selectFrom('notice_template')
    .select(['subject', 'body'])
    .where('project_id', '=', key.projectId)
    .where('kind', '=', key.kind)
    .where('channel', '=', key.channel)
    .executeTakeFirst();
}

export async function insertTemplate(
  db: Database,
  row: Insertable<NoticeTemplateTable>,
): Promise<number> {
  const inserted = await db
    .insertInto('notice_template')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}

export async function updateTemplate(
  db: Database,
  id: number,
  row: Updateable<NoticeTemplateTable>,
): Promise<void> {
  await db.updateTable('notice_template').set(row).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Database, id: number): Promise<void> {
  await db.deleteFrom('notice_template').where('id', '=', id).execute();
}

/* ------------------------------------------------------------------ deliveries */

export async function insertDeliveries(
  db: Database,
  rows: Insertable<NoticeDeliveryTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('notice_delivery')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

export interface DeliveryFilter {
  id?: number;
  projectId?: number;
  channel?: NoticeChannel;
  status?: NoticeDeliveryStatus;
  kind?: string;
  sourceType?: string;
  sourceId?: number;
  personId?: number;
  /** Instants, `from` inclusive and `to` exclusive. */
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function deliveriesInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('notice_delivery as d')
    .innerJoin('project as p', 'p.id', 'd.project_id')
    .innerJoin('person as n', 'n.id', 'd.person_id')
    .where(inScope(scope, { org: 'd.org_id', project: 'd.project_id' }));
}

export async function listDeliveries(db: Database, scope: Scope, filter: DeliveryFilter) {
  let query = deliveriesInScope(db, scope);
  if (filter.id) query = query.where('d.id', '=', filter.id);
  if (filter.projectId) query = query.where('d.project_id', '=', filter.projectId);
  if (filter.channel) query = query.where('d.channel', '=', filter.channel);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.kind) query = query.where('d.kind', '=', filter.kind);
  if (filter.sourceType) query = query.where('d.source_type', '=', filter.sourceType);
  if (filter.sourceId) query = query.where('d.source_id', '=', filter.sourceId);
  if (filter.personId) query = query.where('d.person_id', '=', filter.personId);
  if (filter.from) query = query.where('d.created_at', '>=', filter.from);
  if (filter.to) query = query.where('d.created_at', '<', filter.to);
  if (filter.q) {
    const q = filter.q;
    // Whole numbers only for phones, so that masked digits cannot be probed one by one.
    query = query.where((eb) =>
      eb.or([contains('n.name', q), eb('d.recipient', '=', q), contains('d.body', q)]),
    );
  }

  return pageWithTotal(
    query
      .selectAll('d')
      .select(['p.name as project_name', 'n.name as person_name'])
      .orderBy('d.id', 'desc'),
    filter,
    () => countRows(query),
  );
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['items'][number];

/** Marks rows a crashed run left in `sending` as failed: their outcome is unknown. */
export async function failInterrupted(
  db: Database,
  jobId: number,
  update: { error: string; at: string },
): Promise<number> {
  const result = await db
    .updateTable('notice_delivery')
    .set({ status: 'failed', reason: 'interrupted', error: update.error, updated_at: update.at })
    .where('job_id', '=', jobId)
    .where('status', '=', 'sending')
    .executeTakeFirst();

  return Number(result.numUpdatedRows);
}

export async function countJobDeliveries(db: Database, jobId: number): Promise<number> {
  return countRows(db.selectFrom('notice_delivery').where('job_id', '=', jobId));
}

/**
 * Claims up to `limit` queued rows of a job by moving them to `sending`. The status condition
 * in the update makes the claim safe even if two workers ever ran the same job.
 */
export function claimQueued(db: Database, claim: { jobId: number; limit: number; at: string }) {
  const next = db
    .selectFrom('notice_delivery')
    .select('id')
    .where('job_id', '=', claim.jobId)
    .where('status', '=', 'queued')
    .orderBy('id')
    .limit(claim.limit);

  return db
    .updateTable('notice_delivery')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      claimed_at: claim.at,
      updated_at: claim.at,
    }))
    .where('id', 'in', (eb) => eb.selectFrom(next.as('next')).select('next.id'))
    .where('status', '=', 'queued')
    .returningAll()
    .execute();
}

/** Records the outcome of a row this worker holds in `sending`; answers whether it did. */
export async function settleDelivery(
  db: Database,
  id: number,
  row: Updateable<NoticeDeliveryTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('notice_delivery')
    .set(row)
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .executeTakeFirst();

  return Number(result.numUpdatedRows) === 1;
}

/** Puts a failed row back in the queue under a new job; answers whether it was still failed. */
export async function requeueFailed(
  db: Database,
  id: number,
  row: Updateable<NoticeDeliveryTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('notice_delivery')
    .set(row)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();

  return Number(result.numUpdatedRows) === 1;
}

/* ------------------------------------------------------------------ messages */

export async function insertMessage(db: Database, row: Insertable<MessageTable>): Promise<number> {
  const inserted = await db
    .insertInto('message')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}

export interface MessageFilter {
  projectId?: number;
  personId?: number;
  unread?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listMessages(db: Database, scope: Scope, filter: MessageFilter) {
  let query = db
    .selectFrom('message as m')
    .innerJoin('project as p', 'p.id', 'm.project_id')
    .innerJoin('person as n', 'n.id', 'm.person_id')
    .where(inScope(scope, { org: 'm.org_id', project: 'm.project_id' }));
  if (filter.projectId) query = query.where('m.project_id', '=', filter.projectId);
  if (filter.personId) query = query.where('m.person_id', '=', filter.personId);
  if (filter.unread === true) query = query.where('m.read_at', 'is', null);
  if (filter.unread === false) query = query.where('m.read_at', 'is not', null);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([contains('n.name', q), contains('m.title', q), contains('m.body', q)]),
    );
  }

  return pageWithTotal(
    query
      .selectAll('m')
      .select(['p.name as project_name', 'n.name as person_name'])
      .orderBy('m.id', 'desc'),
    filter,
    () => countRows(query),
  );
}
