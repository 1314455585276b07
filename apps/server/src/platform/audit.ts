import type { Database } from '../db/database.js';
import { insertAuditEntry } from './audit.repository.js';
import type { RequestContext } from './context.js';
import { nowInstant } from './time.js';

const SECRET_KEY = /password|token|secret|hash|sms_?code/i;

export interface AuditEntry {
  /** What happened, `<entity>.<verb>`: `department.create`, `employee.password-reset`. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgId?: number | null;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Drops secrets from a snapshot before it is written to the audit log. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;

  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, redactSecrets(inner)]),
  );
}

function snapshot(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(redactSecrets(value));
}

/** Writes one audit entry; call it inside the transaction that made the change. */
export async function recordAudit(
  db: Database,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  const actor = ctx.actor;

  await insertAuditEntry(db, {
    org_id: entry.orgId !== undefined ? entry.orgId : (actor?.orgId ?? null),
    project_id: entry.projectId ?? null,
    actor_kind: actor?.kind ?? 'system',
    actor_id: actor?.id ?? null,
    actor_name: actor?.name ?? 'system',
    action: entry.action,
    entity_type: entry.entityType,
    entity_id:
      entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before_json: snapshot(entry.before),
    after_json: snapshot(entry.after),
    ip: ctx.ip,
    request_id: ctx.requestId,
    created_at: nowInstant(),
  });
}
