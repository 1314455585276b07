import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { NoticeChannel, NoticeDeliveryTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { maskMobile } from '../../platform/validators.js';
import { type PersonContact, personContacts, seesSensitive } from '../people/person.service.js';
import { NOTICE_CHANNELS } from './notice-kinds.js';
import { NOTICE_JOB, type NoticeJobPayload } from './notice-sender.js';
import type { DeliveryListQuery, MessageListQuery } from './notices.schemas.js';
import * as repo from './notices.repository.js';

export interface QueueNoticesRequest {
  projectId: number;
  /** Which notice, e.g. `bill_generated`; picks the templates. */
  kind: string;
  /** What the notices are about, e.g. `bill_run` and its id. */
  sourceType: string;
  sourceId: number;
  notices: { personId: number; variables: Record<string, string> }[];
}

export interface QueueNoticesResult {
  /** Deliveries waiting for the sending job. */
  queued: number;
  /** Deliveries skipped at once: no mobile, no e-mail address. */
  skipped: number;
  /** The sending job; null when nothing was queued. */
  jobId: number | null;
}

/** The address of a person on a channel, or why there is none. */
function addressOf(
  contact: PersonContact,
  channel: NoticeChannel,
): { recipient: string | null; reason: string | null } {
  if (channel === 'in_app') return { recipient: null, reason: null };
  if (channel === 'sms') {
    return contact.mobile ? { recipient: contact.mobile, reason: null } : noAddress('no_phone');
  }

  return contact.email ? { recipient: contact.email, reason: null } : noAddress('no_email');
}

function noAddress(reason: string) {
  return { recipient: null, reason };
}

/** One delivery row per person and channel; a channel without an address is skipped. */
function deliveryRows(
  request: QueueNoticesRequest,
  contacts: Map<number, PersonContact>,
  orgId: number,
): Insertable<NoticeDeliveryTable>[] {
  const at = nowInstant();

  return request.notices.flatMap((notice) => {
    const contact = contacts.get(notice.personId);
    if (!contact) throw notFound('person');

    return NOTICE_CHANNELS.map((channel) => {
      const { recipient, reason } = addressOf(contact, channel);
      return {
        org_id: orgId,
        project_id: request.projectId,
        kind: request.kind,
        source_type: request.sourceType,
        source_id: request.sourceId,
        person_id: notice.personId,
        channel,
        recipient,
        variables: JSON.stringify(notice.variables),
        status: reason ? ('skipped' as const) : ('queued' as const),
        reason,
        created_at: at,
        updated_at: at,
      };
    });
  });
}

/**
 * Queues notices to people: one delivery per person and channel (in-app always; SMS and e-mail
 * when the person has a mobile or an address, else skipped with the reason), and one job that
 * sends them after the caller commits. Runs inside the caller's transaction and writes no
 * audit entry of its own: the caller's use case (a bill run) is the audited change.
 */
export async function queueNotices(
  db: Database,
  ctx: RequestContext,
  request: QueueNoticesRequest,
): Promise<QueueNoticesResult> {
  const scope = scopeOf(ctx);
  if (request.notices.length === 0) return { queued: 0, skipped: 0, jobId: null };

  const contacts = await personContacts(
    db,
    scope.orgId,
    request.notices.map((n) => n.personId),
  );
  const rows = deliveryRows(request, contacts, scope.orgId);
  const queued = rows.filter((row) => row.status === 'queued');
  const payload: NoticeJobPayload = { sourceType: request.sourceType, sourceId: request.sourceId };
  const jobId =
    queued.length === 0
      ? null
      : await enqueueJob(db, ctx, { kind: NOTICE_JOB, projectId: request.projectId, payload });
  for (const row of queued) row.job_id = jobId;
  await repo.insertDeliveries(db, rows);

  return { queued: queued.length, skipped: rows.length - queued.length, jobId };
}

/** Business dates to instants: the start of `from` and the end of `to`, in Asia/Shanghai. */
function dayStart(date: string, dayAfter = false): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + (dayAfter ? 86_400_000 : 0)).toISOString();
}

function toDelivery(row: repo.DeliveryRow, revealPhones: boolean) {
  const masked = row.channel === 'sms' && row.recipient && !revealPhones;

  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    kind: row.kind,
    sourceType: row.source_type,
    sourceId: row.source_id,
    personId: row.person_id,
    personName: row.person_name,
    channel: row.channel,
    recipient: masked ? maskMobile(row.recipient ?? '') : row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    reason: row.reason,
    error: row.error,
    attempts: row.attempts,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NoticeDelivery = ReturnType<typeof toDelivery>;

/** The delivery log (通知记录): what was sent, failed or skipped, newest first. */
export async function listDeliveries(db: Database, ctx: RequestContext, query: DeliveryListQuery) {
  const { items, total } = await repo.listDeliveries(db, scopeOf(ctx), {
    ...query,
    from: query.from ? dayStart(query.from) : undefined,
    to: query.to ? dayStart(query.to, true) : undefined,
  });
  const reveal = seesSensitive(ctx);

  return {
    items: items.map((row) => toDelivery(row, reveal)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDelivery(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<NoticeDelivery> {
  const { items } = await repo.listDeliveries(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('notice_delivery');

  return toDelivery(items[0], seesSensitive(ctx));
}

/**
 * Sends a failed delivery again through a new job (重发). It goes to the person's current
 * mobile or address, so correcting a wrong number and resending works; its wording stays.
 */
export async function resendDelivery(
  db: Database,
  ctx: RequestContext,
  id: number,
): Promise<NoticeDelivery> {
  const scope = scopeOf(ctx);
  const { items } = await repo.listDeliveries(db, scope, { id, page: 1, pageSize: 1 });
  const before = items[0];
  if (!before) throw notFound('notice_delivery');
  if (before.status !== 'failed') throw new AppError('NOTICE_NOT_RESENDABLE');
  const contact = (await personContacts(db, scope.orgId, [before.person_id])).get(before.person_id);
  const address = contact ? addressOf(contact, before.channel) : noAddress('no_recipient');

  await inTransaction(db, async (tx) => {
    const payload: NoticeJobPayload = {
      sourceType: before.source_type,
      sourceId: before.source_id,
    };
    const jobId = address.reason
      ? null
      : await enqueueJob(tx, ctx, { kind: NOTICE_JOB, projectId: before.project_id, payload });
    const requeued = await repo.requeueFailed(tx, id, {
      status: address.reason ? 'skipped' : 'queued',
      reason: address.reason,
      recipient: address.recipient,
      error: null,
      job_id: jobId,
      updated_at: nowInstant(),
    });
    if (!requeued) throw new AppError('NOTICE_NOT_RESENDABLE');

    await recordAudit(tx, ctx, {
      action: 'notice-delivery.resend',
      entityType: 'notice_delivery',
      entityId: id,
      projectId: before.project_id,
      before: { status: before.status, error: before.error, attempts: before.attempts },
      after: { status: address.reason ? 'skipped' : 'queued', reason: address.reason, jobId },
    });
  });

  return getDelivery(db, ctx, id);
}

/** In-app messages people received (站内消息), for staff. */
export async function listMessages(db: Database, ctx: RequestContext, query: MessageListQuery) {
  const { items, total } = await repo.listMessages(db, scopeOf(ctx), query);

  return {
    items: items.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      projectName: row.project_name,
      personId: row.person_id,
      personName: row.person_name,
      kind: row.kind,
      title: row.title,
      body: row.body,
      sourceType: row.source_type,
      sourceId: row.source_id,
      readAt: row.read_at,
      createdAt: row.created_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
