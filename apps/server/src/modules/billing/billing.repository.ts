import { CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import { dialectOf } from '../../db/columns.js';
import type { Database } from '../../db/database.js';
import type {
  BillEntryTable,
  BillRunTable,
  BillTable,
  FeeItemTable,
  FeeStandardTable,
} from '../../db/schema.js';
import { contains, countRows, pageWithTotal } from '../../platform/query.js';
import { type Scope, inScope } from '../../platform/scope.js';
import type { BillListQuery } from './billing.schemas.js';

/* ---------------------------------------------------------------------- runs */

export type BillRunRow = Selectable<BillRunTable>;

export async function insertBillRun(db: Database, row: Insertable<BillRunTable>): Promise<number> {
  const { id } = await db
    .insertInto('bill_run')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return id;
}

export function updateBillRun(db: Database, id: number, changes: Partial<BillRunRow>) {
  return db.updateTable('bill_run').set(changes).where('id', '=', id).execute();
}

export function findBillRunById(db: Database, id: number) {
  return db.selectFrom('bill_run').selectAll().where('id', '=', id).executeTakeFirst();
}

function runsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('bill_run as br')
    .innerJoin('project as p', 'p.id', 'br.project_id')
    .leftJoin('job as j', 'j.id', 'br.job_id')
    .leftJoin('employee as e', 'e.id', 'br.created_by')
    .where(inScope(scope, { org: 'br.org_id', project: 'br.project_id' }));
}

const runColumns = [
  'br.id',
  'br.project_id as projectId',
  'p.name as projectName',
  'br.from_month as fromMonth',
  'br.to_month as toMonth',
  'br.fee_item_ids as feeItemIds',
  'br.building_ids as buildingIds',
  'br.notify',
  'br.status',
  'br.cancel_requested as cancelRequested',
  'br.job_id as jobId',
  'j.progress',
  'j.total',
  'br.bill_count as billCount',
  'br.total_fen as totalFen',
  'br.skipped_count as skippedCount',
  'br.error',
  'e.name as createdByName',
  'br.created_at as createdAt',
  'br.finished_at as finishedAt',
] as const;

export function listBillRuns(
  db: Database,
  scope: Scope,
  filter: { projectId?: number; status?: string; id?: number; page: number; pageSize: number },
) {
  let query = runsInScope(db, scope);
  if (filter.id) query = query.where('br.id', '=', filter.id);
  if (filter.projectId) query = query.where('br.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('br.status', '=', filter.status as never);

  return pageWithTotal(query.select(runColumns).orderBy('br.id', 'desc'), filter, () =>
    countRows(query),
  );
}

export type BillRunListRow = Awaited<ReturnType<typeof listBillRuns>>['items'][number];

/** Whether someone asked the run to stop; read between chunks. */
export async function runCancelRequested(db: Database, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('bill_run')
    .select('cancel_requested')
    .where('id', '=', id)
    .executeTakeFirst();

  return row?.cancel_requested === 1;
}

/** The bills a run made, counted from the bills themselves, so a resumed run counts right. */
export async function runTotals(db: Database, runId: number) {
  const row = await db
    .selectFrom('bill')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number | string>('amount_fen'), sql<number>`0`).as('total'),
    ])
    .where('bill_run_id', '=', runId)
    .executeTakeFirstOrThrow();

  return { billCount: Number(row.count), totalFen: Number(row.total) };
}

/** The bills of a run that have a payer, with what a notice to the payer says. */
export async function runBillsByPayer(db: Database, runId: number) {
  const rows = await db
    .selectFrom('bill as bl')
    .innerJoin('resource as r', 'r.id', 'bl.resource_id')
    .innerJoin('fee_item as i', 'i.id', 'bl.fee_item_id')
    .innerJoin('project as p', 'p.id', 'bl.project_id')
    .select([
      'bl.payer_person_id as payerPersonId',
      'bl.payer_name as payerName',
      'r.code as resourceCode',
      'i.name as feeItemName',
      'bl.period_label as periodLabel',
      'bl.amount_fen as amountFen',
      'bl.due_date as dueDate',
      'p.name as projectName',
    ])
    .where('bl.bill_run_id', '=', runId)
    .where('bl.payer_person_id', 'is not', null)
    .orderBy('bl.payer_person_id')
    .orderBy('bl.id')
    .execute();

  return rows.map((row) => ({
    ...row,
    payerPersonId: row.payerPersonId ?? 0,
    amountFen: Number(row.amountFen),
  }));
}

/* ------------------------------------------------------------- run's inputs */

export function feeItemsByIds(db: Database, projectId: number, ids: number[]) {
  return db
    .selectFrom('fee_item')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute() as Promise<Selectable<FeeItemTable>[]>;
}

export function projectOfCompany(db: Database, orgId: number, projectId: number) {
  return db
    .selectFrom('project')
    .select('id')
    .where('id', '=', projectId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function buildingIdsOfProject(db: Database, projectId: number, ids: number[]) {
  const rows = await db
    .selectFrom('building')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute();

  return rows.map((row) => row.id);
}

export async function feeItemNames(db: Database, ids: number[]): Promise<Map<number, string>> {
  const items = await db
    .selectFrom('fee_item')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();

  return new Map(items.map((item) => [item.id, item.name]));
}

export function standardsOfItems(db: Database, itemIds: number[]) {
  return db
    .selectFrom('fee_standard')
    .selectAll()
    .where('fee_item_id', 'in', itemIds)
    .execute() as Promise<Selectable<FeeStandardTable>[]>;
}

export function pricesOfStandards(db: Database, standardIds: number[]) {
  if (standardIds.length === 0) return Promise.resolve([]);

  return db
    .selectFrom('fee_price')
    .select([
      'id',
      'standard_id as standardId',
      'scope',
      'building_id as buildingId',
      'unit_id as unitId',
      'floor_from as floorFrom',
      'floor_to as floorTo',
      'resource_id as resourceId',
      'price',
      'effective_from as effectiveFrom',
      'effective_to as effectiveTo',
    ])
    .where('standard_id', 'in', standardIds)
    .execute();
}

export interface BindingFilter {
  orgId: number;
  projectId: number;
  feeItemIds: number[];
  buildingIds: number[] | null;
  /** The range's first day and its last day (inclusive). */
  from: string;
  to: string;
}

function bindingsOverlapping(db: Database, filter: BindingFilter) {
  let query = db
    .selectFrom('fee_binding as fb')
    .innerJoin('resource as r', 'r.id', 'fb.resource_id')
    .where('fb.org_id', '=', filter.orgId)
    .where('fb.project_id', '=', filter.projectId)
    .where('fb.fee_item_id', 'in', filter.feeItemIds)
    .where('fb.start_date', '<=', filter.to)
    .where((eb) => eb.or([eb('fb.end_date', 'is', null), eb('fb.end_date', '>=', filter.from)]))
    .where('r.archived_at', 'is', null);
  if (filter.buildingIds) query = query.where('r.building_id', 'in', filter.buildingIds);

  return query;
}

/**
 * The ids of the bindings a run bills, in id order. A run pages through this list rather than
 * asking for "the next thousand after id N", which would make the database find and sort every
 * matching binding again for each page.
 */
export async function bindingIds(db: Database, filter: BindingFilter): Promise<number[]> {
  const rows = await bindingsOverlapping(db, filter).select('fb.id').orderBy('fb.id').execute();

  return rows.map((row) => row.id);
}

/**
 * A page of bindings with what the calculation needs of their resources. Two index lookups
 * rather than one join: with a thousand ids PostgreSQL would hash-join the whole resource table.
 */
export async function bindingsByIds(db: Database, ids: number[]) {
  const bindings = await db
    .selectFrom('fee_binding as fb')
    .select([
      'fb.id as bindingId',
      'fb.fee_item_id as feeItemId',
      'fb.standard_id as standardId',
      'fb.start_date as bindingStart',
      'fb.end_date as bindingEnd',
      'fb.resource_id as resourceId',
    ])
    .where('fb.id', 'in', ids)
    .orderBy('fb.id')
    .execute();
  const resourceIds = [...new Set(bindings.map((binding) => binding.resourceId))];
  const resources = new Map(
    (await resourceFacts(db, resourceIds)).map((resource) => [resource.resourceId, resource]),
  );

  // Pairs, not merged rows: spreading thousands of driver rows into new objects cost seconds.
  return bindings.flatMap((binding) => {
    const resource = resources.get(binding.resourceId);

    return resource ? [{ binding, resource }] : [];
  });
}

function resourceFacts(db: Database, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);

  return (
    db
      .selectFrom('resource as r')
      .leftJoin('room as rm', 'rm.resource_id', 'r.id')
      .leftJoin('shop as sh', 'sh.resource_id', 'r.id')
      .leftJoin('parking_space as ps', 'ps.resource_id', 'r.id')
      .select([
        'r.id as resourceId',
        'r.code as resourceCode',
        'r.kind as resourceKind',
        'r.project_id as projectId',
        'r.building_id as buildingId',
        'r.area',
        'rm.unit_id as unitId',
        'rm.inner_area as innerArea',
        'rm.fee_coefficient as feeCoefficient',
        'rm.delivery_date as deliveryDate',
        'rm.move_in_date as moveInDate',
        'rm.room_use as roomUse',
        'sh.lease_start as leaseStart',
        'ps.space_type as spaceType',
        sql<number | null>`coalesce(rm.floor, sh.floor)`.as('floor'),
        (eb) =>
          eb
            .selectFrom('vehicle as v')
            .select('v.vehicle_type')
            .whereRef('v.parking_space_id', '=', 'r.id')
            .orderBy('v.id')
            .limit(1)
            .as('vehicleType'),
      ])
      .where('r.id', 'in', ids)
      // The range tells PostgreSQL's planner the ids are close together (a page of one building),
      // so it walks the primary key instead of scanning every resource.
      .where('r.id', '>=', Math.min(...ids))
      .where('r.id', '<=', Math.max(...ids))
      .where('r.archived_at', 'is', null)
      .execute()
  );
}

export type BindingForRun = Awaited<ReturnType<typeof bindingsByIds>>[number];

/**
 * The person responsible for each resource on a date: an owner (the earliest), else a co-owner,
 * else a tenant; for rent the tenant comes first.
 */
export async function payersOf(
  db: Database,
  resourceIds: number[],
  date: string,
): Promise<Map<number, { personId: number; name: string; role: string }[]>> {
  const payers = new Map<number, { personId: number; name: string; role: string }[]>();
  if (resourceIds.length === 0) return payers;

  const rows = await db
    .selectFrom('resource_person as rp')
    .innerJoin('person as p', 'p.id', 'rp.person_id')
    .select(['rp.resource_id as resourceId', 'rp.person_id as personId', 'p.name', 'rp.role'])
    .where('rp.resource_id', 'in', resourceIds)
    .where('rp.role', 'in', ['owner', 'co_owner', 'tenant'])
    .where('rp.start_date', '<=', date)
    .where((eb) => eb.or([eb('rp.end_date', 'is', null), eb('rp.end_date', '>=', date)]))
    .orderBy('rp.resource_id')
    .orderBy('rp.start_date')
    .orderBy('rp.id')
    .execute();
  for (const row of rows) {
    const list = payers.get(row.resourceId) ?? [];
    list.push({ personId: row.personId, name: row.name, role: row.role });
    payers.set(row.resourceId, list);
  }

  return payers;
}

/** Which of these (resource, item, period) bills exist already. */
export async function existingBillKeys(
  db: Database,
  keys: { resourceId: number; feeItemId: number; periodKey: string }[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const resourceIds = [...new Set(keys.map((key) => key.resourceId))];
  if (resourceIds.length === 0) return found;

  const periods = [...new Set(keys.map((key) => key.periodKey))];
  const rows = await db
    .selectFrom('bill')
    .select(['resource_id', 'fee_item_id', 'period_key'])
    .where('resource_id', 'in', resourceIds)
    .where('period_key', 'in', periods)
    .execute();
  for (const row of rows) found.add(`${row.resource_id}:${row.fee_item_id}:${row.period_key}`);

  return found;
}

const BILL_COLUMNS = [
  'org_id',
  'project_id',
  'building_id',
  'resource_id',
  'fee_item_id',
  'standard_id',
  'binding_id',
  'bill_run_id',
  'kind',
  'parent_bill_id',
  'period_key',
  'period_label',
  'period_start',
  'period_end',
  'due_date',
  'payer_person_id',
  'payer_name',
  'amount_fen',
  'calculation',
  'description',
  'status',
  'charged_fen',
  'outstanding_fen',
  'created_by',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Insertable<BillTable>)[];

/** The PostgreSQL type of each bill column, for `unnest` of one array per column. */
const BILL_COLUMN_TYPES: Record<(typeof BILL_COLUMNS)[number], string> = {
  org_id: 'int',
  project_id: 'int',
  building_id: 'int',
  resource_id: 'int',
  fee_item_id: 'int',
  standard_id: 'int',
  binding_id: 'int',
  bill_run_id: 'int',
  kind: 'text',
  parent_bill_id: 'int',
  period_key: 'text',
  period_label: 'text',
  period_start: 'date',
  period_end: 'date',
  due_date: 'date',
  payer_person_id: 'int',
  payer_name: 'text',
  amount_fen: 'bigint',
  calculation: 'text',
  description: 'text',
  status: 'text',
  charged_fen: 'bigint',
  outstanding_fen: 'bigint',
  created_by: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/**
 * PostgreSQL takes a page of bills as one array per column: a statement of 26 parameters that
 * parses and plans in no time, where 500 rows of VALUES cost more to plan than to insert.
 */
const UNNEST_INSERT =
  `insert into bill (${BILL_COLUMNS.join(', ')}) select * from unnest(` +
  BILL_COLUMNS.map((column, index) => `$${index + 1}::${BILL_COLUMN_TYPES[column]}[]`).join(', ') +
  ') on conflict (resource_id, fee_item_id, period_key) do nothing';

/** 26 columns a row: 500 rows stay below both dialects' limit on bound parameters. */
const BILLS_PER_STATEMENT = 500;
const insertTexts = new Map<string, string>();

/**
 * `insert … values (…), (…) on conflict do nothing` for `count` rows, written once per size and
 * dialect. A bill run inserts hundreds of thousands of rows; building each statement through
 * the query builder cost more than the database spent inserting them.
 */
function insertBillsText(postgres: boolean, count: number): string {
  const key = `${postgres}:${count}`;
  const known = insertTexts.get(key);
  if (known) return known;

  let parameter = 0;
  const placeholder = () => (postgres ? `$${++parameter}` : '?');
  const rows = Array.from({ length: count }, () => `(${BILL_COLUMNS.map(placeholder).join(', ')})`);
  const text =
    `insert into bill (${BILL_COLUMNS.join(', ')}) values ${rows.join(', ')} ` +
    'on conflict (resource_id, fee_item_id, period_key) do nothing';
  insertTexts.set(key, text);

  return text;
}

/**
 * Inserts bills, skipping those whose (resource, item, period) exists: the run's idempotency.
 * Call it in a transaction of its own (one page of a run). Answers how many were new.
 */
export async function insertBillsOnce(
  db: Database,
  rows: Insertable<BillTable>[],
): Promise<number> {
  const postgres = dialectOf(db) === 'postgres';
  if (postgres) {
    const columns = BILL_COLUMNS.map((column) => rows.map((row) => row[column] ?? null));
    const result = await db.executeQuery(CompiledQuery.raw(UNNEST_INSERT, columns));

    return Number(result.numAffectedRows ?? 0);
  }
  let created = 0;
  for (let index = 0; index < rows.length; index += BILLS_PER_STATEMENT) {
    const chunk = rows.slice(index, index + BILLS_PER_STATEMENT);
    const parameters: unknown[] = new Array(chunk.length * BILL_COLUMNS.length);
    let next = 0;
    for (const row of chunk) {
      for (const column of BILL_COLUMNS) parameters[next++] = row[column] ?? null;
    }
    const result = await db.executeQuery(
      CompiledQuery.raw(insertBillsText(postgres, chunk.length), parameters),
    );
    created += Number(result.numAffectedRows ?? 0);
  }

  return created;
}

/* --------------------------------------------------------------------- bills */

function billsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('bill as bl')
    .innerJoin('project as p', 'p.id', 'bl.project_id')
    .innerJoin('resource as r', 'r.id', 'bl.resource_id')
    .innerJoin('fee_item as i', 'i.id', 'bl.fee_item_id')
    .leftJoin('building as b', 'b.id', 'bl.building_id')
    .where(
      inScope(scope, { org: 'bl.org_id', project: 'bl.project_id', building: 'bl.building_id' }),
    );
}

const billColumns = [
  'bl.id',
  'bl.project_id as projectId',
  'p.name as projectName',
  'bl.building_id as buildingId',
  'b.name as buildingName',
  'bl.resource_id as resourceId',
  'r.code as resourceCode',
  'r.kind as resourceKind',
  'bl.fee_item_id as feeItemId',
  'i.name as feeItemName',
  'i.category as feeCategory',
  'bl.standard_id as standardId',
  'bl.bill_run_id as billRunId',
  'bl.kind',
  'bl.period_key as periodKey',
  'bl.period_label as periodLabel',
  'bl.period_start as periodStart',
  'bl.period_end as periodEnd',
  'bl.due_date as dueDate',
  'bl.payer_person_id as payerPersonId',
  'bl.payer_name as payerName',
  'bl.amount_fen as amountFen',
  'bl.charged_fen as chargedFen',
  'bl.paid_fen as paidFen',
  'bl.reduced_fen as reducedFen',
  'bl.offset_fen as offsetFen',
  'bl.outstanding_fen as outstandingFen',
  'bl.status',
  'bl.description',
  'bl.created_at as createdAt',
] as const;

/** `2026-12` → `2027-01-01`. */
function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number);

  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

type BillFilter = Omit<BillListQuery, 'page' | 'pageSize'> & { id?: number; today: string };

function filteredBills(db: Database, scope: Scope, filter: BillFilter) {
  let query = billsInScope(db, scope);
  if (filter.id) query = query.where('bl.id', '=', filter.id);
  if (filter.projectId) query = query.where('bl.project_id', '=', filter.projectId);
  if (filter.buildingId) query = query.where('bl.building_id', '=', filter.buildingId);
  if (filter.resourceId) query = query.where('bl.resource_id', '=', filter.resourceId);
  if (filter.feeItemId) query = query.where('bl.fee_item_id', '=', filter.feeItemId);
  if (filter.payerPersonId) query = query.where('bl.payer_person_id', '=', filter.payerPersonId);
  if (filter.billRunId) query = query.where('bl.bill_run_id', '=', filter.billRunId);
  if (filter.fromMonth) query = query.where('bl.period_start', '>=', `${filter.fromMonth}-01`);
  if (filter.toMonth) query = query.where('bl.period_start', '<', nextMonthStart(filter.toMonth));
  if (filter.status) query = query.where('bl.status', '=', filter.status);
  if (filter.kind) query = query.where('bl.kind', '=', filter.kind);
  if (filter.overdue) {
    query = query
      .where('bl.status', 'in', ['unpaid', 'partially_paid'])
      .where('bl.due_date', '<', filter.today);
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([contains('r.code', q), contains('bl.payer_name', q), contains('i.name', q)]),
    );
  }

  return query;
}

export function listBills(
  db: Database,
  scope: Scope,
  filter: BillFilter & { page: number; pageSize: number },
) {
  const query = filteredBills(db, scope, filter);

  return pageWithTotal(
    query.select(billColumns).orderBy('bl.period_start', 'desc').orderBy('r.code').orderBy('bl.id'),
    filter,
    () => countRows(query),
  );
}

export type BillRow = Awaited<ReturnType<typeof listBills>>['items'][number];

export async function billTotals(db: Database, scope: Scope, filter: BillFilter) {
  const sum = (column: string) => sql<number | string>`coalesce(sum(${sql.ref(column)}), 0)`;
  const row = await filteredBills(db, scope, filter)
    .select([
      sum('bl.charged_fen').as('chargedFen'),
      sum('bl.paid_fen').as('paidFen'),
      sum('bl.reduced_fen').as('reducedFen'),
      sum('bl.offset_fen').as('offsetFen'),
      sum('bl.outstanding_fen').as('outstandingFen'),
    ])
    .executeTakeFirstOrThrow();

  return {
    chargedFen: Number(row.chargedFen),
    paidFen: Number(row.paidFen),
    reducedFen: Number(row.reducedFen),
    offsetFen: Number(row.offsetFen),
    outstandingFen: Number(row.outstandingFen),
  };
}

export function findBill(db: Database, scope: Scope, id: number) {
  return billsInScope(db, scope)
    .select([...billColumns, 'bl.calculation', 'bl.org_id as orgId'])
    .where('bl.id', '=', id)
    .executeTakeFirst();
}

export function insertBill(db: Database, row: Insertable<BillTable>) {
  return db.insertInto('bill').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Locks a bill for an entry (PostgreSQL; SQLite's write lock is already held). */
export function lockBill(db: Database, id: number, postgres: boolean) {
  let query = db.selectFrom('bill').selectAll().where('id', '=', id);
  if (postgres) query = query.forUpdate();

  return query.executeTakeFirst();
}

export function updateBillBalance(
  db: Database,
  id: number,
  balance: Pick<
    Selectable<BillTable>,
    | 'charged_fen'
    | 'paid_fen'
    | 'reduced_fen'
    | 'offset_fen'
    | 'outstanding_fen'
    | 'status'
    | 'due_date'
    | 'entry_count'
    | 'updated_at'
  >,
) {
  return db.updateTable('bill').set(balance).where('id', '=', id).execute();
}

export async function insertEntry(db: Database, row: Insertable<BillEntryTable>): Promise<number> {
  const { id } = await db
    .insertInto('bill_entry')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();

  return id;
}

export function entriesOf(db: Database, billId: number) {
  return db
    .selectFrom('bill_entry as be')
    .leftJoin('employee as e', 'e.id', 'be.created_by')
    .select([
      'be.id',
      'be.kind',
      'be.amount_fen as amountFen',
      'be.entry_date as entryDate',
      'be.new_due_date as newDueDate',
      'be.reason',
      'be.source_type as sourceType',
      'be.source_id as sourceId',
      'e.name as createdByName',
      'be.created_at as createdAt',
    ])
    .where('be.bill_id', '=', billId)
    .orderBy('be.id')
    .execute();
}

/** The sums of a bill's entries by kind: the truth its balance columns must equal. */
export async function entrySums(db: Database, billId: number) {
  const rows = await db
    .selectFrom('bill_entry')
    .select(['kind', (eb) => eb.fn.sum<number | string>('amount_fen').as('total')])
    .where('bill_id', '=', billId)
    .groupBy('kind')
    .execute();

  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.total)])) as Partial<
    Record<BillEntryTable['kind'], number>
  >;
}

export function resourceForBill(db: Database, scope: Scope, resourceId: number) {
  return db
    .selectFrom('resource as r')
    .select(['r.id', 'r.project_id as projectId', 'r.building_id as buildingId', 'r.code'])
    .where('r.id', '=', resourceId)
    .where(inScope(scope, { org: 'r.org_id', project: 'r.project_id', building: 'r.building_id' }))
    .executeTakeFirst();
}

export function feeItemOfProject(db: Database, projectId: number, id: number) {
  return db
    .selectFrom('fee_item')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Sets the balance columns of some bills from their entries: the sums by kind, and the status
 * that follows. Bulk loads (the demo, migrations from an old system) append entries in bulk and
 * then call this once, instead of moving each balance entry by entry.
 */
export async function recomputeBalances(db: Database, billIds: number[]): Promise<void> {
  const sumOf = (kind: string) =>
    sql<number>`coalesce((select sum(e.amount_fen) from bill_entry e
      where e.bill_id = bill.id and e.kind = ${kind}), 0)`;
  const charged = sql<number>`(bill.amount_fen - ${sumOf('void')})`;
  const outstanding = sql<number>`(${charged} - ${sumOf('payment')} - ${sumOf('reduction')}
    - ${sumOf('offset')})`;
  // After a bulk load the planner's statistics still describe an empty entry table, and
  // PostgreSQL would scan it once per bill.
  await sql`analyze bill_entry`.execute(db);
  for (let index = 0; index < billIds.length; index += 1000) {
    await db
      .updateTable('bill')
      .set({
        charged_fen: charged,
        paid_fen: sumOf('payment'),
        reduced_fen: sumOf('reduction'),
        offset_fen: sumOf('offset'),
        outstanding_fen: outstanding,
        entry_count: sql<number>`(select count(*) from bill_entry e where e.bill_id = bill.id)`,
        status: sql`case
          when exists (select 1 from bill_entry e where e.bill_id = bill.id and e.kind = 'void')
            then 'void'
          when ${outstanding} = 0 then 'paid'
          when ${outstanding} < ${charged} then 'partially_paid'
          else 'unpaid' end`,
      })
      .where('id', 'in', billIds.slice(index, index + 1000))
      .execute();
  }
}

/** Appends entries in bulk; the caller then recomputes the balances of their bills. */
export async function insertEntries(
  db: Database,
  rows: Insertable<BillEntryTable>[],
): Promise<void> {
  for (let index = 0; index < rows.length; index += 1000) {
    await db
      .insertInto('bill_entry')
      .values(rows.slice(index, index + 1000))
      .execute();
  }
}

/** The fee items of a project that bill runs can bill (every cycle but one-off). */
export async function periodicItemIds(db: Database, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('fee_item')
    .select('id')
    .where('project_id', '=', projectId)
    .where('cycle', '!=', 'one_off')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();

  return rows.map((row) => row.id);
}

/** Every unpaid periodic bill, oldest first (the demo pays them). */
export function unpaidPeriodicBills(db: Database) {
  return db
    .selectFrom('bill')
    .select(['id', 'org_id', 'project_id', 'resource_id', 'period_start', 'outstanding_fen'])
    .where('status', '=', 'unpaid')
    .where('kind', '=', 'periodic')
    .orderBy('id')
    .execute();
}
