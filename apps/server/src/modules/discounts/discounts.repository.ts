import { type Insertable, type Updateable, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DiscountSchemeTable } from '../../db/schema.js';
import { contains, countRows, pageWithTotal } from '../../platform/query.js';
import { type Scope, inScope } from '../../platform/scope.js';

export interface DiscountSchemeFilter {
  id?: number;
  projectId?: number;
  kind?: string;
  status?: string;
  feeItemId?: number;
  validOn?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function schemesInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('discount_scheme as d')
    .innerJoin('project as p', 'p.id', 'd.project_id')
    .where(inScope(scope, { org: 'd.org_id', project: 'd.project_id' }));
}

/**
 * Schemes for every item (null) or whose id list holds the item. The list is written by
 * `JSON.stringify` of sorted integers, `[3,12,40]`, so the id sits between `[`/`,` and `,`/`]`;
 * text matching works the same on both dialects.
 */
function appliesToItem(feeItemId: number) {
  const id = String(feeItemId);

  return sql<boolean>`(d.fee_item_ids is null
    or d.fee_item_ids = ${`[${id}]`}
    or d.fee_item_ids like ${`[${id},%`}
    or d.fee_item_ids like ${`%,${id},%`}
    or d.fee_item_ids like ${`%,${id}]`})`;
}

export async function listDiscountSchemes(
  db: Database,
  scope: Scope,
  filter: DiscountSchemeFilter,
) {
  let query = schemesInScope(db, scope);
  if (filter.id) query = query.where('d.id', '=', filter.id);
  if (filter.projectId) query = query.where('d.project_id', '=', filter.projectId);
  if (filter.kind) query = query.where('d.kind', '=', filter.kind as never);
  if (filter.status) query = query.where('d.status', '=', filter.status as never);
  if (filter.feeItemId) query = query.where(appliesToItem(filter.feeItemId));
  if (filter.validOn) {
    const on = filter.validOn;
    query = query
      .where('d.valid_from', '<=', on)
      .where((eb) => eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>=', on)]));
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('d.code', q), contains('d.name', q)]));
  }

  return pageWithTotal(
    query
      .selectAll('d')
      .select('p.name as project_name')
      .orderBy('d.project_id')
      .orderBy('d.status')
      .orderBy('d.priority')
      .orderBy('d.code'),
    filter,
    () => countRows(query),
  );
}

export type DiscountSchemeRow = Awaited<ReturnType<typeof listDiscountSchemes>>['items'][number];

export function findDiscountScheme(db: Database, scope: Scope, id: number) {
  return schemesInScope(db, scope).selectAll('d').where('d.id', '=', id).executeTakeFirst();
}

/** The active schemes of a project valid on a date for a fee item, in priority order. */
export function applicableSchemes(
  db: Database,
  scope: Scope,
  options: { projectId: number; feeItemId: number; on: string },
) {
  return schemesInScope(db, scope)
    .selectAll('d')
    .where('d.project_id', '=', options.projectId)
    .where('d.status', '=', 'active')
    .where('d.valid_from', '<=', options.on)
    .where((eb) => eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>=', options.on)]))
    .where(appliesToItem(options.feeItemId))
    .orderBy('d.priority')
    .orderBy('d.id')
    .execute();
}

export async function schemeCodeTaken(
  db: Database,
  projectId: number,
  code: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('discount_scheme')
    .select('id')
    .where('project_id', '=', projectId)
    .where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertDiscountScheme(db: Database, row: Insertable<DiscountSchemeTable>) {
  const inserted = await db
    .insertInto('discount_scheme')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}

export async function updateDiscountScheme(
  db: Database,
  id: number,
  row: Updateable<DiscountSchemeTable>,
) {
  await db.updateTable('discount_scheme').set(row).where('id', '=', id).execute();
}
