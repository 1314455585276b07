import type { Database } from '../../db/database.js';
import type { NoticeChannel, NoticeDeliveryTable } from '../../db/schema.js';
import type { JobRun } from '../../platform/jobs.js';
import type { NotifyProviders } from '../../platform/notify/index.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import type { Selectable, Updateable } from 'kysely';
import { type TemplateText, noticeKind, renderText } from './notice-kinds.js';
import * as repo from './notices.repository.js';

export const NOTICE_JOB = 'notices.send';

/** The job carries no rows: it sends the deliveries that point at it (`notice_delivery.job_id`). */
export interface NoticeJobPayload {
  sourceType: string;
  sourceId: number;
}

export interface NoticeJobResult {
  sent: number;
  failed: number;
  skipped: number;
  /** Rows a crashed earlier run left half-sent, now failed and never sent again by the job. */
  interrupted: number;
}

type Delivery = Selectable<NoticeDeliveryTable>;
type Outcome = 'sent' | 'failed' | 'skipped';

/** Rows claimed per transaction: small, so a crash leaves few rows of unknown outcome. */
const BATCH = 20;
const INTERRUPTED =
  'the run stopped while sending; the outcome is unknown, so it is not sent again';

/** Project wording, else the built-in default; read once per job and project. */
class TemplateCache {
  readonly #texts = new Map<string, TemplateText | null>();

  async get(
    db: Database,
    key: { projectId: number; kind: string; channel: NoticeChannel },
  ): Promise<TemplateText | null> {
    const cacheKey = `${key.projectId}:${key.kind}:${key.channel}`;
    if (!this.#texts.has(cacheKey)) {
      const own = await repo.projectTemplate(db, key);
      this.#texts.set(cacheKey, own ?? noticeKind(key.kind)?.defaults[key.channel] ?? null);
    }

    return this.#texts.get(cacheKey) ?? null;
  }
}

/**
 * Sends the deliveries of one job through the providers. Each row goes queued → sending in a
 * small transaction, then sending → sent/failed after the provider answered, so a rerun (a
 * job resumed after a crash) never sends a row twice: rows found in `sending` are marked
 * failed instead, and staff may resend them from the delivery log.
 */
export function noticeJobHandler(providers: NotifyProviders) {
  return async (db: Database, run: JobRun<NoticeJobPayload>): Promise<NoticeJobResult> => {
    const interrupted = await repo.failInterrupted(db, run.id, {
      error: INTERRUPTED,
      at: nowInstant(),
    });
    const total = await repo.countJobDeliveries(db, run.id);
    const templates = new TemplateCache();
    const result: NoticeJobResult = { sent: 0, failed: 0, skipped: 0, interrupted };

    let done = 0;
    for (;;) {
      const claimed = await inTransaction(db, (tx) =>
        claimBatch(tx, { jobId: run.id, templates, emailEnabled: providers.email !== null }),
      );
      if (claimed.length === 0) break;

      for (const { delivery, outcome } of claimed) {
        result[outcome ?? (await deliver(db, providers, delivery))] += 1;
      }
      done += claimed.length;
      await run.progress(done, total);
    }

    return result;
  };
}

/**
 * Claims a batch and renders it. A row that cannot go out settles at once: failed when its
 * template lacks a value, skipped when e-mail is not configured. The rest stay `sending`.
 */
async function claimBatch(
  db: Database,
  options: { jobId: number; templates: TemplateCache; emailEnabled: boolean },
): Promise<{ delivery: Delivery; outcome: Outcome | null }[]> {
  const at = nowInstant();
  const rows = await repo.claimQueued(db, { jobId: options.jobId, limit: BATCH, at });
  const claimed: { delivery: Delivery; outcome: Outcome | null }[] = [];
  for (const row of rows) {
    const settled = await prepare(db, row, options);
    const outcome = settled.status === 'sending' ? null : (settled.status as Outcome);
    await repo.settleDelivery(db, row.id, { ...settled, updated_at: at });
    claimed.push({ delivery: { ...row, ...settled } as Delivery, outcome });
  }

  return claimed;
}

/** What a claimed row becomes before sending: rendered, or settled with a reason. */
async function prepare(
  db: Database,
  row: Delivery,
  options: { templates: TemplateCache; emailEnabled: boolean },
): Promise<Updateable<NoticeDeliveryTable>> {
  if (row.channel === 'email' && !options.emailEnabled) {
    return { status: 'skipped', reason: 'no_smtp' };
  }
  // A resent row keeps the wording it was first sent with.
  if (row.body !== null) return { status: 'sending' };

  const template = await options.templates.get(db, {
    projectId: row.project_id,
    kind: row.kind,
    channel: row.channel,
  });
  if (!template) {
    return { status: 'failed', reason: 'no_template', error: `${row.kind}/${row.channel}` };
  }

  const rendered = renderText(template, JSON.parse(row.variables) as Record<string, string>);
  if (rendered.missing.length > 0) {
    return { status: 'failed', reason: 'missing_variables', error: rendered.missing.join(', ') };
  }

  return { status: 'sending', subject: rendered.subject, body: rendered.body };
}

/** Sends one claimed row and records the outcome. */
async function deliver(
  db: Database,
  providers: NotifyProviders,
  delivery: Delivery,
): Promise<Outcome> {
  if (delivery.channel === 'in_app') return postMessage(db, delivery);

  try {
    const providerMessageId = await send(providers, delivery);
    await repo.settleDelivery(db, delivery.id, {
      status: 'sent',
      provider_message_id: providerMessageId,
      sent_at: nowInstant(),
      updated_at: nowInstant(),
    });

    return 'sent';
  } catch (error) {
    await repo.settleDelivery(db, delivery.id, {
      status: 'failed',
      reason: 'gateway_error',
      error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
      updated_at: nowInstant(),
    });

    return 'failed';
  }
}

async function send(providers: NotifyProviders, delivery: Delivery): Promise<string> {
  const to = delivery.recipient ?? '';
  const body = delivery.body ?? '';
  if (delivery.channel === 'sms') {
    const receipt = await providers.sms.send({
      to,
      text: body,
      purpose: 'notice',
      orgId: delivery.org_id,
      reference: `notice_delivery:${delivery.id}`,
    });
    return receipt.providerMessageId;
  }
  if (!providers.email) throw new Error('e-mail is not configured');

  const receipt = await providers.email.send({ to, subject: delivery.subject ?? '', text: body });
  return receipt.providerMessageId;
}

/** An in-app message is a row: writing it and marking the delivery sent is one transaction. */
async function postMessage(db: Database, delivery: Delivery): Promise<Outcome> {
  return inTransaction(db, async (tx) => {
    const at = nowInstant();
    const messageId = await repo.insertMessage(tx, {
      org_id: delivery.org_id,
      project_id: delivery.project_id,
      person_id: delivery.person_id,
      title: delivery.subject ?? '',
      body: delivery.body ?? '',
      kind: delivery.kind,
      source_type: delivery.source_type,
      source_id: delivery.source_id,
      delivery_id: delivery.id,
      created_at: at,
    });
    await repo.settleDelivery(tx, delivery.id, {
      status: 'sent',
      provider_message_id: `message-${messageId}`,
      sent_at: at,
      updated_at: at,
    });

    return 'sent' as const;
  });
}
