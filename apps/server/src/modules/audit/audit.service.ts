import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { scopeOf } from '../../platform/scope.js';
import * as repo from './audit.repository.js';
import type { AuditListQuery } from './audit.schemas.js';

function parseSnapshot(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

/** Who did what and when, newest first, within the caller's company and projects. */
export async function listAuditEntries(db: Database, ctx: RequestContext, query: AuditListQuery) {
  const { rows, total } = await repo.listAuditEntries(db, scopeOf(ctx), query);
  const items = rows.map(({ before_json, after_json, ...row }) => ({
    ...row,
    before: parseSnapshot(before_json),
    after: parseSnapshot(after_json),
  }));

  return { items, total, page: query.page, pageSize: query.pageSize };
}
