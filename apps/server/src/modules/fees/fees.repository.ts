import { type Insertable, type Updateable, sql } from 'kysely';
import { dialectOf } from '../../db/columns.js';
import type { Database } from '../../db/database.js';
import type {
  FeeBindingTable,
  FeeItemTable,
  FeePriceTable,
  FeeStandardTable,
  ResourceKind,
  ResourceStatus,
} from '../../db/schema.js';
import { contains, countRows, pageWithTotal } from '../../platform/query.js';
import { type Scope, inScope } from '../../platform/scope.js';

/** Rows inserted per statement: well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 500;

function chunks<T>(rows: T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));

  return out;
}

/* ------------------------------------------------------------------ fee items */

export interface FeeItemFilter {
  id?: number;
  projectId?: number;
  category?: string;
  cycle?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function itemsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('fee_item as i')
    .innerJoin('project as p', 'p.id', 'i.project_id')
    .where(inScope(scope, { org: 'i.org_id', project: 'i.project_id' }));
}

export async function listFeeItems(db: Database, scope: Scope, filter: FeeItemFilter) {
  let query = itemsInScope(db, scope);
  if (filter.id) query = query.where('i.id', '=', filter.id);
  if (filter.projectId) query = query.where('i.project_id', '=', filter.projectId);
  if (filter.category) query = query.where('i.category', '=', filter.category as never);
  if (filter.cycle) query = query.where('i.cycle', '=', filter.cycle as never);
  if (filter.status) query = query.where('i.status', '=', filter.status as never);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('i.code', q), contains('i.name', q)]));
  }

  return pageWithTotal(
    query
      .selectAll('i')
      .select('p.name as project_name')
      .select((eb) =>
        eb
          .selectFrom('fee_standard as s')
          .select((inner) => inner.fn.countAll<number | string>().as('n'))
          .whereRef('s.fee_item_id', '=', 'i.id')
          .as('standard_count'),
      )
      .orderBy('i.project_id')
      .orderBy('i.code'),
    filter,
    () => countRows(query),
  );
}

export type FeeItemRow = Awaited<ReturnType<typeof listFeeItems>>['items'][number];

export function findFeeItem(db: Database, scope: Scope, id: number) {
  return itemsInScope(db, scope).selectAll('i').where('i.id', '=', id).executeTakeFirst();
}

export async function feeItemCodeTaken(
  db: Database,
  projectId: number,
  code: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('fee_item')
    .select('id')
    .where('project_id', '=', projectId)
    .where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertFeeItem(db: Database, row: Insertable<FeeItemTable>) {
  const inserted = await db
    .insertInto('fee_item')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}

export async function updateFeeItem(db: Database, id: number, row: Updateable<FeeItemTable>) {
  await db.updateTable('fee_item').set(row).where('id', '=', id).execute();
}

/* ------------------------------------------------------------------ standards */

export interface FeeStandardFilter {
  id?: number;
  projectId?: number;
  feeItemId?: number;
  method?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function standardsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('fee_standard as s')
    .innerJoin('fee_item as i', 'i.id', 's.fee_item_id')
    .where(inScope(scope, { org: 's.org_id', project: 's.project_id' }));
}

export async function listFeeStandards(db: Database, scope: Scope, filter: FeeStandardFilter) {
  let query = standardsInScope(db, scope);
  if (filter.id) query = query.where('s.id', '=', filter.id);
  if (filter.projectId) query = query.where('s.project_id', '=', filter.projectId);
  if (filter.feeItemId) query = query.where('s.fee_item_id', '=', filter.feeItemId);
  if (filter.method) query = query.where('s.method', '=', filter.method as never);
  if (filter.status) query = query.where('s.status', '=', filter.status as never);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([contains('s.name', q), contains('i.name', q)]));
  }

  return pageWithTotal(
    query
      .selectAll('s')
      .select(['i.name as item_name', 'i.code as item_code'])
      .select((eb) =>
        eb
          .selectFrom('fee_binding as b')
          .select((inner) => inner.fn.countAll<number | string>().as('n'))
          .whereRef('b.standard_id', '=', 's.id')
          .as('binding_count'),
      )
      .orderBy('s.project_id')
      .orderBy('i.code')
      .orderBy('s.id'),
    filter,
    () => countRows(query),
  );
}

export type FeeStandardRow = Awaited<ReturnType<typeof listFeeStandards>>['items'][number];

export function findFeeStandard(db: Database, scope: Scope, id: number) {
  return standardsInScope(db, scope)
    .selectAll('s')
    .select(['i.status as item_status', 'i.name as item_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function standardNameTaken(
  db: Database,
  feeItemId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('fee_standard')
    .select('id')
    .where('fee_item_id', '=', feeItemId)
    .where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);

  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertFeeStandard(db: Database, row: Insertable<FeeStandardTable>) {
  const inserted = await db
    .insertInto('fee_standard')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return inserted.id;
}

export async function updateFeeStandard(
  db: Database,
  id: number,
  row: Updateable<FeeStandardTable>,
) {
  await db.updateTable('fee_standard').set(row).where('id', '=', id).execute();
}

/* --------------------------------------------------------------------- prices */

export interface FeePriceFilter {
  scope?: string;
  buildingId?: number;
  unitId?: number;
  /** Only rows in force on this date. */
  date?: string;
  page: number;
  pageSize: number;
}

function pricesInScope(db: Database, scope: Scope, standardId: number) {
  return db
    .selectFrom('fee_price as fp')
    .leftJoin('building as b', 'b.id', 'fp.building_id')
    .leftJoin('building_unit as u', 'u.id', 'fp.unit_id')
    .leftJoin('resource as r', 'r.id', 'fp.resource_id')
    .where('fp.standard_id', '=', standardId)
    .where(
      inScope(scope, { org: 'fp.org_id', project: 'fp.project_id', building: 'fp.building_id' }),
    );
}

const priceColumns = [
  'fp.id',
  'fp.standard_id as standardId',
  'fp.scope',
  'fp.building_id as buildingId',
  'b.name as buildingName',
  'fp.unit_id as unitId',
  'u.name as unitName',
  'fp.floor_from as floorFrom',
  'fp.floor_to as floorTo',
  'fp.resource_id as resourceId',
  'r.code as resourceCode',
  'fp.price',
  'fp.effective_from as effectiveFrom',
  'fp.effective_to as effectiveTo',
  'fp.created_at as createdAt',
] as const;

/** The price rows of a standard: every row ever set, or those in force on a date. */
export async function listFeePrices(
  db: Database,
  scope: Scope,
  standardId: number,
  filter: FeePriceFilter,
) {
  let query = pricesInScope(db, scope, standardId);
  if (filter.scope) query = query.where('fp.scope', '=', filter.scope as never);
  if (filter.buildingId) query = query.where('fp.building_id', '=', filter.buildingId);
  if (filter.unitId) query = query.where('fp.unit_id', '=', filter.unitId);
  if (filter.date) {
    query = query.where(inForceOn('fp', filter.date)).where(notReplacedOn(filter.date));
  }

  return pageWithTotal(
    query
      .select(priceColumns)
      .orderBy(
        sql`case fp.scope when 'project' then 0 when 'building' then 1 when 'unit' then 2
        when 'floor_range' then 3 else 4 end`,
      )
      .orderBy('b.sort_order')
      .orderBy('b.code')
      .orderBy('u.code')
      .orderBy('fp.floor_from')
      .orderBy('r.code')
      .orderBy('fp.effective_from', 'desc')
      .orderBy('fp.id', 'desc'),
    filter,
    () => countRows(query),
  );
}

export type FeePriceRow = Awaited<ReturnType<typeof listFeePrices>>['items'][number];

/** `alias` started on or before `date` and has not ended before it. */
function inForceOn(alias: string, date: string) {
  const from = sql.ref(`${alias}.effective_from`);
  const to = sql.ref(`${alias}.effective_to`);

  return sql<boolean>`(${from} <= ${date} and (${to} is null or ${to} >= ${date}))`;
}

const NONE = -1_000_000;

/** No later row of the same scope key is in force on `date` too: one row per key remains. */
function notReplacedOn(date: string) {
  const same = (column: string) =>
    sql`coalesce(${sql.ref(`later.${column}`)}, ${NONE}) = coalesce(${sql.ref(`fp.${column}`)}, ${NONE})`;

  return sql<boolean>`not exists (
    select 1 from fee_price as later
    where later.standard_id = fp.standard_id and later.scope = fp.scope
      and ${same('building_id')} and ${same('unit_id')} and ${same('floor_from')}
      and ${same('floor_to')} and ${same('resource_id')}
      and ${inForceOn('later', date)}
      and (later.effective_from > fp.effective_from
        or (later.effective_from = fp.effective_from and later.id > fp.id)))`;
}

/** The rows of a standard that could price this resource on a date, every level at once. */
export function priceCandidates(
  db: Database,
  standardId: number,
  resource: { id: number; buildingId: number | null; unitId: number | null },
  date: string,
) {
  return db
    .selectFrom('fee_price as fp')
    .leftJoin('building as b', 'b.id', 'fp.building_id')
    .leftJoin('building_unit as u', 'u.id', 'fp.unit_id')
    .leftJoin('resource as r', 'r.id', 'fp.resource_id')
    .select(priceColumns)
    .where('fp.standard_id', '=', standardId)
    .where(inForceOn('fp', date))
    .where((eb) =>
      eb.or([
        eb('fp.scope', '=', 'project'),
        eb('fp.resource_id', '=', resource.id),
        ...(resource.buildingId === null
          ? []
          : [
              eb('fp.scope', 'in', ['building', 'floor_range']).and(
                'fp.building_id',
                '=',
                resource.buildingId,
              ),
            ]),
        ...(resource.unitId === null ? [] : [eb('fp.unit_id', '=', resource.unitId)]),
      ]),
    )
    .execute();
}

/** Scope keys of a standard's rows that start on this date: a second row there is refused. */
export async function priceKeysStartingOn(
  db: Database,
  standardId: number,
  effectiveFrom: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('fee_price')
    .select(['scope', 'building_id', 'unit_id', 'floor_from', 'floor_to', 'resource_id'])
    .where('standard_id', '=', standardId)
    .where('effective_from', '=', effectiveFrom)
    .execute();

  return new Set(
    rows.map((r) =>
      priceKey({
        scope: r.scope,
        buildingId: r.building_id,
        unitId: r.unit_id,
        floorFrom: r.floor_from,
        floorTo: r.floor_to,
        resourceId: r.resource_id,
      }),
    ),
  );
}

export function priceKey(row: {
  scope: string;
  buildingId?: number | null;
  unitId?: number | null;
  floorFrom?: number | null;
  floorTo?: number | null;
  resourceId?: number | null;
}): string {
  const parts = [row.buildingId, row.unitId, row.floorFrom, row.floorTo, row.resourceId];

  return [row.scope, ...parts.map((p) => p ?? '')].join(':');
}

export async function insertFeePrices(db: Database, rows: Insertable<FeePriceTable>[]) {
  for (const chunk of chunks(rows)) await db.insertInto('fee_price').values(chunk).execute();
}

/* ---------------------------------------------------------- resources (read) */

/**
 * The few facts of resources (owned by the resources module) that prices and bindings need,
 * inside the caller's scope, building narrowing included.
 */
function resourceFacts(db: Database, scope: Scope) {
  return db
    .selectFrom('resource as r')
    .leftJoin('room as rm', 'rm.resource_id', 'r.id')
    .leftJoin('shop as sh', 'sh.resource_id', 'r.id')
    .leftJoin('storage_room as st', 'st.resource_id', 'r.id')
    .select([
      'r.id',
      'r.project_id as projectId',
      'r.kind',
      'r.code',
      'r.building_id as buildingId',
      'rm.unit_id as unitId',
      'rm.room_use as roomUse',
    ])
    .select(sql<number | null>`coalesce(rm.floor, sh.floor, st.floor)`.as('floor'))
    .where('r.archived_at', 'is', null)
    .where(inScope(scope, { org: 'r.org_id', project: 'r.project_id', building: 'r.building_id' }));
}

export type ResourceFacts = Awaited<ReturnType<typeof resourcesByIds>>[number];

export async function resourcesByIds(db: Database, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  const found = [];
  for (const chunk of chunks(ids)) {
    found.push(...(await resourceFacts(db, scope).where('r.id', 'in', chunk).execute()));
  }

  return found;
}

/** Ids of the resources of a project that a bulk binding's target selects. */
export async function matchingResourceIds(
  db: Database,
  scope: Scope,
  options: {
    projectId: number;
    kinds: ResourceKind[];
    roomUse: string | null;
    buildingId?: number;
    unitId?: number;
    floorFrom?: number;
    floorTo?: number;
    status?: ResourceStatus;
    q?: string;
  },
): Promise<number[]> {
  let query = resourceFacts(db, scope)
    .where('r.project_id', '=', options.projectId)
    .where('r.kind', 'in', options.kinds);
  if (options.roomUse) {
    const use = options.roomUse;
    query = query.where((eb) =>
      eb.or([eb('r.kind', '!=', 'room'), eb('rm.room_use', '=', use as never)]),
    );
  }
  if (options.buildingId) query = query.where('r.building_id', '=', options.buildingId);
  if (options.unitId) query = query.where('rm.unit_id', '=', options.unitId);
  if (options.floorFrom !== undefined) {
    query = query.where(
      sql<boolean>`coalesce(rm.floor, sh.floor, st.floor) >= ${options.floorFrom}`,
    );
  }
  if (options.floorTo !== undefined) {
    query = query.where(sql<boolean>`coalesce(rm.floor, sh.floor, st.floor) <= ${options.floorTo}`);
  }
  if (options.status) query = query.where('r.status', '=', options.status);
  if (options.q) query = query.where(contains('r.code', options.q));

  const rows = await query.orderBy('r.id').execute();

  return rows.map((r) => r.id);
}

export function findBuildingOfProject(db: Database, scope: Scope, projectId: number, id: number) {
  return db
    .selectFrom('building')
    .select(['id', 'project_id'])
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .where(inScope(scope, { org: 'org_id', project: 'project_id', building: 'id' }))
    .executeTakeFirst();
}

export function findUnitOfProject(db: Database, scope: Scope, projectId: number, id: number) {
  return db
    .selectFrom('building_unit')
    .select(['id', 'building_id as buildingId'])
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .where(inScope(scope, { org: 'org_id', project: 'project_id', building: 'building_id' }))
    .executeTakeFirst();
}

/* ------------------------------------------------------------------- bindings */

export interface FeeBindingFilter {
  id?: number;
  resourceId?: number;
  projectId?: number;
  feeItemId?: number;
  standardId?: number;
  buildingId?: number;
  resourceKind?: string;
  activeOn?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function bindingsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('fee_binding as fb')
    .innerJoin('resource as r', 'r.id', 'fb.resource_id')
    .innerJoin('fee_item as i', 'i.id', 'fb.fee_item_id')
    .innerJoin('fee_standard as s', 's.id', 'fb.standard_id')
    .leftJoin('building as b', 'b.id', 'r.building_id')
    .where(
      inScope(scope, { org: 'fb.org_id', project: 'fb.project_id', building: 'r.building_id' }),
    );
}

const bindingColumns = [
  'fb.id',
  'fb.project_id as projectId',
  'fb.fee_item_id as feeItemId',
  'i.name as feeItemName',
  'fb.standard_id as standardId',
  's.name as standardName',
  's.method',
  'fb.resource_id as resourceId',
  'r.kind as resourceKind',
  'r.code as resourceCode',
  'r.building_id as buildingId',
  'b.name as buildingName',
  'fb.start_date as startDate',
  'fb.end_date as endDate',
  'fb.end_reason as endReason',
  'fb.note',
  'fb.created_at as createdAt',
] as const;

export async function listFeeBindings(db: Database, scope: Scope, filter: FeeBindingFilter) {
  let query = bindingsInScope(db, scope);
  if (filter.id) query = query.where('fb.id', '=', filter.id);
  if (filter.resourceId) query = query.where('fb.resource_id', '=', filter.resourceId);
  if (filter.projectId) query = query.where('fb.project_id', '=', filter.projectId);
  if (filter.feeItemId) query = query.where('fb.fee_item_id', '=', filter.feeItemId);
  if (filter.standardId) query = query.where('fb.standard_id', '=', filter.standardId);
  if (filter.buildingId) query = query.where('r.building_id', '=', filter.buildingId);
  if (filter.resourceKind) query = query.where('r.kind', '=', filter.resourceKind as never);
  if (filter.activeOn) {
    const date = filter.activeOn;
    query = query
      .where('fb.start_date', '<=', date)
      .where((eb) => eb.or([eb('fb.end_date', 'is', null), eb('fb.end_date', '>=', date)]));
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([contains('r.code', q), contains('i.name', q), contains('s.name', q)]),
    );
  }

  return pageWithTotal(
    query
      .select(bindingColumns)
      .orderBy('fb.project_id')
      .orderBy('r.code')
      .orderBy('i.code')
      .orderBy('fb.start_date')
      .orderBy('fb.id'),
    filter,
    () => countRows(query),
  );
}

export type FeeBindingRow = Awaited<ReturnType<typeof listFeeBindings>>['items'][number];

export function findFeeBinding(db: Database, scope: Scope, id: number) {
  return bindingsInScope(db, scope)
    .select(bindingColumns)
    .where('fb.id', '=', id)
    .executeTakeFirst();
}

/**
 * Serialises the bindings of one fee item, so two requests cannot both find a resource free and
 * both bind it. SQLite already holds the write lock from BEGIN IMMEDIATE; PostgreSQL locks the row.
 */
export async function lockFeeItem(db: Database, feeItemId: number): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;

  await db.selectFrom('fee_item').select('id').where('id', '=', feeItemId).forUpdate().execute();
}

/**
 * Resources among `resourceIds` that already carry `feeItemId` on a day of
 * [startDate, endDate] (both inclusive; a null end is open).
 */
export async function overlappingResourceIds(
  db: Database,
  options: {
    feeItemId: number;
    resourceIds: number[];
    startDate: string;
    endDate: string | null;
    exceptBindingId?: number;
  },
): Promise<Set<number>> {
  const found = new Set<number>();
  for (const chunk of chunks(options.resourceIds)) {
    let query = db
      .selectFrom('fee_binding')
      .select('resource_id')
      .where('fee_item_id', '=', options.feeItemId)
      .where('resource_id', 'in', chunk)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', options.startDate)]));
    if (options.endDate !== null) query = query.where('start_date', '<=', options.endDate);
    if (options.exceptBindingId) query = query.where('id', '!=', options.exceptBindingId);
    for (const row of await query.execute()) found.add(row.resource_id);
  }

  return found;
}

/** Inserts bindings in batches; answers their ids in the order given. */
export async function insertFeeBindings(
  db: Database,
  rows: Insertable<FeeBindingTable>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(rows)) {
    const inserted = await db.insertInto('fee_binding').values(chunk).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }

  return ids;
}

export async function updateFeeBinding(db: Database, id: number, row: Updateable<FeeBindingTable>) {
  await db.updateTable('fee_binding').set(row).where('id', '=', id).execute();
}

export async function bindingsByIds(db: Database, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  const found: FeeBindingRow[] = [];
  for (const chunk of chunks(ids)) {
    found.push(
      ...(await bindingsInScope(db, scope)
        .select(bindingColumns)
        .where('fb.id', 'in', chunk)
        .execute()),
    );
  }

  return found;
}
