import type { Database } from '../../db/database.js';
import { type Scope, inScope } from '../../platform/scope.js';
import type { AuditListQuery } from './audit.schemas.js';

/** Audit entries of the caller's company; project entries only for projects in scope. */
export async function listAuditEntries(db: Database, scope: Scope, filter: AuditListQuery) {
  let query = db
    .selectFrom('audit_log')
    .where('audit_log.org_id', '=', scope.orgId)
    .where((eb) =>
      eb.or([
        eb('audit_log.project_id', 'is', null),
        inScope(scope, { org: 'audit_log.org_id', project: 'audit_log.project_id' }),
      ]),
    );
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('created_at', '>=', toInstant(filter.from, false));
  if (filter.to) query = query.where('created_at', '<', toInstant(filter.to, true));

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await query
    .select([
      'id',
      'project_id as projectId',
      'actor_kind as actorKind',
      'actor_id as actorId',
      'actor_name as actorName',
      'action',
      'entity_type as entityType',
      'entity_id as entityId',
      'before_json',
      'after_json',
      'ip',
      'request_id as requestId',
      'created_at as createdAt',
    ])
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();

  return { rows, total: Number(total) };
}

/**
 * A bare date means a whole business day in Asia/Shanghai (UTC+8): `from` starts at its
 * midnight, `to` ends at the next midnight.
 */
function toInstant(value: string, endOfDay: boolean): string {
  if (value.includes('T')) return new Date(value).toISOString();
  const midnight = Date.parse(`${value}T00:00:00+08:00`) + (endOfDay ? 86_400_000 : 0);

  return new Date(midnight).toISOString();
}
