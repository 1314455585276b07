import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { Actor, RequestContext } from './context.js';
import { systemContext } from './context.js';
import { notFound } from './errors.js';
import type { Locale } from './i18n.js';
import * as repo from './jobs.repository.js';
import { addMinutes, nowInstant } from './time.js';

/** What a handler gets: its payload, a way to report progress, and the context it runs as. */
export interface JobRun<P> {
  id: number;
  payload: P;
  ctx: RequestContext;
  /** Call between transactions, never inside one: SQLite has a single connection. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler<P = unknown> = (db: Database, run: JobRun<P>) => Promise<unknown>;

/** The actor a job acts as, frozen when it was queued (sets cannot go into JSON). */
interface StoredActor extends Omit<Actor, 'permissions'> {
  permissions: string[];
}

interface StoredPayload {
  actor: StoredActor | null;
  locale: Locale;
  requestId: string;
  ip: string | null;
  data: unknown;
}

const STALE_MINUTES = 2;
const PROGRESS_EVERY_MS = 300;

/**
 * Work that outlives a request: a row in `job`, claimed by any server process, resumable after a
 * crash (a stale job is queued again), and idempotent because each handler's work is.
 */
export class JobQueue {
  readonly #handlers = new Map<string, JobHandler<never>>();
  readonly #workerId = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly log?: FastifyBaseLogger,
  ) {}

  register<P>(kind: string, handler: JobHandler<P>): void {
    this.#handlers.set(kind, handler as JobHandler<never>);
  }

  /** Queues a job that runs as the caller; pass the transaction that audits it. Answers its id. */
  async enqueue(
    ctx: RequestContext,
    job: { kind: string; projectId?: number | null; payload: unknown },
    db: Database = this.db,
  ) {
    return enqueueJob(db, ctx, job);
  }

  /** Runs queued jobs until none is left; the worker loop and tests both use it. */
  async drain(): Promise<number> {
    let ran = 0;
    await repo.requeueStaleJobs(this.db, addMinutes(nowInstant(), -STALE_MINUTES));
    for (;;) {
      const job = await repo.claimNextJob(this.db, {
        id: this.#workerId,
        at: nowInstant(),
        kinds: [...this.#handlers.keys()],
      });
      if (!job) return ran;
      await this.#run(job);
      ran += 1;
    }
  }

  /** Polls for work in the background until `stop`. */
  start(pollMs = 500): void {
    const tick = () => {
      this.#running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.log?.error({ err: error }, 'job worker failed'))
        .finally(() => {
          this.#running = undefined;
          if (this.#timer) this.#timer = setTimeout(tick, pollMs);
        });
    };
    this.#timer = setTimeout(tick, pollMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #run(job: repo.JobRow): Promise<void> {
    const handler = this.#handlers.get(job.kind);
    const stored = JSON.parse(job.payload) as StoredPayload;
    const ctx = systemContext({
      actor: stored.actor
        ? { ...stored.actor, permissions: new Set(stored.actor.permissions) }
        : null,
      locale: stored.locale ?? 'zh-CN',
      requestId: stored.requestId,
      ip: stored.ip,
    });
    let lastReport = 0;
    const progress = async (done: number, total: number) => {
      const now = Date.now();
      if (now - lastReport < PROGRESS_EVERY_MS && done < total) return;
      lastReport = now;
      await repo.reportProgress(this.db, { id: job.id, progress: done, total, at: nowInstant() });
    };

    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(this.db, {
        id: job.id,
        payload: stored.data as never,
        ctx,
        progress,
      });
      await repo.finishJob(this.db, {
        id: job.id,
        status: 'succeeded',
        result: JSON.stringify(result ?? null),
        error: null,
        at: nowInstant(),
      });
      this.log?.info({ jobId: job.id, kind: job.kind }, `job ${job.id} (${job.kind}) finished`);
    } catch (error) {
      this.log?.error({ err: error, jobId: job.id, kind: job.kind }, `job ${job.id} failed`);
      await repo.finishJob(this.db, {
        id: job.id,
        status: 'failed',
        result: null,
        error: error instanceof Error ? error.message : String(error),
        at: nowInstant(),
      });
    }
  }
}

/**
 * Queues a job that runs as the caller, inside the given transaction, so a service that holds no
 * JobQueue (one called from another module's transaction) can still queue work. Answers its id.
 */
export async function enqueueJob(
  db: Database,
  ctx: RequestContext,
  job: { kind: string; projectId?: number | null; payload: unknown },
): Promise<number> {
  const actor = ctx.actor;
  const stored: StoredPayload = {
    actor: actor ? { ...actor, permissions: [...actor.permissions] } : null,
    locale: ctx.locale,
    requestId: ctx.requestId,
    ip: ctx.ip,
    data: job.payload,
  };

  return repo.insertJob(db, {
    org_id: actor?.orgId ?? null,
    project_id: job.projectId ?? null,
    kind: job.kind,
    status: 'queued',
    progress: 0,
    total: 0,
    payload: JSON.stringify(stored),
    created_by: actor?.id ?? null,
    created_at: nowInstant(),
  });
}

/** A job as the console shows it: status, progress and, when done, its result. */
export async function getJob(db: Database, orgId: number, id: number) {
  const job = await repo.findJob(db, orgId, id);
  if (!job) throw notFound('job');

  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    total: job.total,
    result: job.result === null ? null : (JSON.parse(job.result) as unknown),
    error: job.error,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}
