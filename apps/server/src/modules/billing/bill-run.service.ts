import type { Insertable } from 'kysely';
import { Worker } from 'node:worker_threads';
import { type Database, type DatabaseOptions, optionsOf } from '../../db/database.js';
import type { BillTable, StandardMethod } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { dec, formatYuan } from '../../platform/money.js';
import { queueNotices } from '../notices/notices.service.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, type FieldIssue, invalidField, notFound } from '../../platform/errors.js';
import type { JobQueue, JobRun } from '../../platform/jobs.js';
import { type Scope, projectVisible, scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { type Explanation, addDays, explainEn, explainZh } from '../fees/calc/index.js';
import { methodParameters } from '../fees/fees.schemas.js';
import { toPriceRow } from '../fees/price.service.js';
import {
  type CalcSkip,
  type ChargeItem,
  type ChargeMemo,
  type ChargeStandard,
  billsForBinding,
  newChargeMemo,
  monthRange,
} from './bill-calculator.js';
import * as repo from './billing.repository.js';
import type { BillRunInput } from './billing.schemas.js';

/**
 * Bill runs (批量生成账单): for a project, a range of months and some fee items, one bill per
 * binding and period. The preview and the run share `computePage`; the run is a job that writes
 * a page of bills per transaction and skips bills that exist, so running it again or resuming
 * it after a crash creates nothing twice.
 */

export const BILL_RUN_JOB = 'bill-run';
const PAGE_SIZE = 1000;
const SAMPLE_SIZE = 20;
const EXAMPLES = 10;

export interface RunPlan {
  orgId: number;
  projectId: number;
  fromMonth: string;
  toMonth: string;
  items: Map<number, ChargeItem>;
  standards: Map<number, ChargeStandard>;
  buildingIds: number[] | null;
  memo: ChargeMemo;
}

/* -------------------------------------------------------------------- plan */

async function planRun(db: Database, scope: Scope, input: BillRunInput): Promise<RunPlan> {
  if (!projectVisible(scope, input.projectId))
    throw invalidField('projectId', 'validation.unknown_project');
  if (!(await repo.projectOfCompany(db, scope.orgId, input.projectId)))
    throw invalidField('projectId', 'validation.unknown_project');

  const itemIds = [...new Set(input.feeItemIds)];
  const itemRows = await repo.feeItemsByIds(db, input.projectId, itemIds);
  const issues: FieldIssue[] = input.feeItemIds.flatMap((id, index): FieldIssue[] => {
    const row = itemRows.find((item) => item.id === id);
    if (!row) return [{ field: `feeItemIds.${index}`, message: 'validation.items_not_in_project' }];
    if (row.status !== 'active')
      return [{ field: `feeItemIds.${index}`, message: 'validation.item_archived' }];
    if (row.cycle === 'one_off')
      return [{ field: `feeItemIds.${index}`, message: 'validation.one_off_item' }];

    return [];
  });
  const buildingIds = await checkedBuildings(db, scope, input, issues);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  const standardRows = await repo.standardsOfItems(db, itemIds);
  const priceRows = await repo.pricesOfStandards(
    db,
    standardRows.map((row) => row.id),
  );
  const standards = new Map<number, ChargeStandard>();
  for (const row of standardRows) {
    const method = row.method as StandardMethod;
    standards.set(row.id, {
      id: row.id,
      method,
      parameters: methodParameters[method].parse(JSON.parse(row.parameters)) as never,
      prices: priceRows
        .filter((price) => price.standardId === row.id)
        .map((price) =>
          // numeric(14, 4) answers 2.3500; the sentence reads better as 2.35.
          toPriceRow({ ...price, price: dec(price.price).toString() }, input.projectId),
        ),
    });
  }

  return {
    orgId: scope.orgId,
    projectId: input.projectId,
    fromMonth: input.fromMonth,
    toMonth: input.toMonth,
    items: new Map(
      itemRows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          category: row.category,
          cycle: row.cycle,
          roundingMode: row.rounding_mode,
          proration: row.proration,
          dueRule: row.due_rule,
          dueValue: row.due_value,
        },
      ]),
    ),
    standards,
    buildingIds,
    memo: newChargeMemo(),
  };
}

async function checkedBuildings(
  db: Database,
  scope: Scope,
  input: BillRunInput,
  issues: FieldIssue[],
): Promise<number[] | null> {
  // A building-narrowed employee bills only their buildings, whatever they ask for.
  const requested = input.buildingIds ?? (scope.buildingIds ? [...scope.buildingIds] : null);
  if (!requested) return null;
  if (requested.length === 0) return [];

  const known = new Set(await repo.buildingIdsOfProject(db, input.projectId, requested));
  requested.forEach((id, index) => {
    const allowed = !scope.buildingIds || scope.buildingIds.includes(id);
    if (!known.has(id) || !allowed) {
      issues.push({
        field: `buildingIds.${index}`,
        message: 'validation.buildings_not_in_project',
      });
    }
  });

  return requested;
}

function bindingFilter(plan: RunPlan): repo.BindingFilter {
  const range = monthRange(plan.fromMonth, plan.toMonth);

  return {
    orgId: plan.orgId,
    projectId: plan.projectId,
    feeItemIds: [...plan.items.keys()],
    buildingIds: plan.buildingIds,
    from: range.start,
    to: addDays(range.end, -1),
  };
}

/* ----------------------------------------------------------------- compute */

interface PageResult {
  /** Each bill as the row to write, with what the preview shows beside it. */
  bills: { row: Insertable<BillTable>; resourceCode: string; explanation: Explanation }[];
  skips: (CalcSkip & { resourceCode: string })[];
  resourceIds: Set<number>;
  size: number;
}

/** The bills of one page of bindings, in memory. */
async function computePage(
  db: Database,
  plan: RunPlan,
  context: { runId: number | null; createdBy: number | null; today: string },
  ids: number[],
): Promise<PageResult> {
  const bindings = await repo.bindingsByIds(db, ids);
  const resourceIds = [...new Set(bindings.map((row) => row.binding.resourceId))];
  const payers = await repo.payersOf(db, resourceIds, context.today);
  const range = monthRange(plan.fromMonth, plan.toMonth);
  const now = nowInstant();
  const result: PageResult = {
    bills: [],
    skips: [],
    resourceIds: new Set(resourceIds),
    size: bindings.length,
  };

  for (const { binding, resource } of bindings) {
    const item = plan.items.get(binding.feeItemId);
    const standard = plan.standards.get(binding.standardId);
    if (!item || !standard) continue;

    const { bills, skips } = billsForBinding(
      item,
      standard,
      {
        bindingId: binding.bindingId,
        resourceId: binding.resourceId,
        projectId: resource.projectId,
        buildingId: resource.buildingId,
        unitId: resource.unitId,
        floor: resource.floor,
        area: resource.area,
        innerArea: resource.innerArea,
        feeCoefficient: resource.feeCoefficient,
        spaceType: resource.spaceType,
        vehicleType: resource.vehicleType,
        handoverDate: resource.deliveryDate ?? resource.moveInDate,
        leaseStart: resource.leaseStart,
        bindingStart: binding.bindingStart,
        bindingEnd: binding.bindingEnd,
      },
      range,
      plan.memo,
    );
    const payer = choosePayer(payers.get(binding.resourceId) ?? [], item.category);
    if (!payer && bills.length > 0) {
      result.skips.push({
        reason: 'NO_PAYER',
        message: '',
        periodKey: null,
        resourceCode: resource.resourceCode,
      });
    }
    for (const skip of skips) result.skips.push({ ...skip, resourceCode: resource.resourceCode });
    for (const bill of bills) {
      const row: Insertable<BillTable> = {
        org_id: plan.orgId,
        project_id: plan.projectId,
        building_id: resource.buildingId,
        resource_id: binding.resourceId,
        fee_item_id: item.id,
        standard_id: standard.id,
        binding_id: binding.bindingId,
        bill_run_id: context.runId,
        kind: 'periodic',
        parent_bill_id: null,
        period_key: bill.periodKey,
        period_label: bill.periodLabel,
        period_start: bill.periodStart,
        period_end: bill.periodEnd,
        due_date: bill.dueDate,
        payer_person_id: payer?.personId ?? null,
        payer_name: payer?.name ?? null,
        amount_fen: bill.explanation.amountFen,
        calculation: bill.calculation,
        description: null,
        status: bill.explanation.amountFen === 0 ? 'paid' : 'unpaid',
        charged_fen: bill.explanation.amountFen,
        outstanding_fen: bill.explanation.amountFen,
        created_by: context.createdBy,
        created_at: now,
        updated_at: now,
      };
      result.bills.push({
        row,
        resourceCode: resource.resourceCode,
        explanation: bill.explanation,
      });
    }
  }

  return result;
}

/** Who pays: the tenant for rent when there is one, otherwise the first owner. */
function choosePayer(
  candidates: { personId: number; name: string; role: string }[],
  category: string,
) {
  const rank = (role: string) =>
    category === 'rent'
      ? ({ tenant: 0, owner: 1, co_owner: 2 }[role] ?? 3)
      : ({ owner: 0, co_owner: 1, tenant: 2 }[role] ?? 3);

  return [...candidates].sort((a, b) => rank(a.role) - rank(b.role))[0] ?? null;
}

/* ----------------------------------------------------------------- preview */

/** What a run would do: counts, the total, warnings and a sample; it writes nothing. */
export async function previewBillRun(db: Database, ctx: RequestContext, input: BillRunInput) {
  const plan = await planRun(db, scopeOf(ctx), input);
  const today = businessDate();
  const byItem = new Map<number, { billCount: number; totalFen: number }>();
  const warnings = new Map<
    string,
    { count: number; examples: { resourceCode: string; detail: string }[] }
  >();
  const sample: {
    resourceCode: string;
    feeItemName: string;
    periodLabel: string;
    payerName: string | null;
    amountFen: number;
    calculation: string;
  }[] = [];
  const resources = new Set<number>();
  let existingCount = 0;

  const ids = await repo.bindingIds(db, bindingFilter(plan));
  for (let index = 0; index < ids.length; index += PAGE_SIZE) {
    const chunk = ids.slice(index, index + PAGE_SIZE);
    const page = await computePage(db, plan, { runId: null, createdBy: null, today }, chunk);
    page.resourceIds.forEach((id) => resources.add(id));

    const existing = await repo.existingBillKeys(
      db,
      page.bills.map(({ row }) => ({
        resourceId: row.resource_id,
        feeItemId: row.fee_item_id,
        periodKey: row.period_key ?? '',
      })),
    );
    for (const { row: bill, resourceCode, explanation } of page.bills) {
      if (existing.has(`${bill.resource_id}:${bill.fee_item_id}:${bill.period_key}`)) {
        existingCount += 1;
        continue;
      }
      const tally = byItem.get(bill.fee_item_id) ?? { billCount: 0, totalFen: 0 };
      tally.billCount += 1;
      tally.totalFen += bill.amount_fen;
      byItem.set(bill.fee_item_id, tally);
      if (sample.length < SAMPLE_SIZE) {
        sample.push({
          resourceCode,
          feeItemName: plan.items.get(bill.fee_item_id)?.name ?? '',
          periodLabel: bill.period_label,
          payerName: bill.payer_name ?? null,
          amountFen: bill.amount_fen,
          calculation: ctx.locale === 'en-US' ? explainEn(explanation) : explainZh(explanation),
        });
      }
    }
    for (const skip of page.skips) {
      const warning = warnings.get(skip.reason) ?? { count: 0, examples: [] };
      warning.count += 1;
      if (warning.examples.length < EXAMPLES) {
        warning.examples.push({
          resourceCode: skip.resourceCode,
          detail: skip.periodKey ?? skip.message,
        });
      }
      warnings.set(skip.reason, warning);
    }
  }

  const items = [...byItem.entries()].map(([feeItemId, tally]) => ({
    feeItemId,
    feeItemName: plan.items.get(feeItemId)?.name ?? '',
    ...tally,
  }));

  return {
    billCount: items.reduce((sum, item) => sum + item.billCount, 0),
    totalFen: items.reduce((sum, item) => sum + item.totalFen, 0),
    existingCount,
    resourceCount: resources.size,
    byItem: items,
    warnings: [...warnings.entries()].map(([code, warning]) => ({ code, ...warning })),
    sample,
  };
}

/* --------------------------------------------------------------------- run */

export async function startBillRun(
  db: Database,
  jobs: JobQueue,
  ctx: RequestContext,
  input: BillRunInput,
) {
  const scope = scopeOf(ctx);
  await planRun(db, scope, input);
  const id = await inTransaction(db, async (trx) => {
    const runId = await repo.insertBillRun(trx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      from_month: input.fromMonth,
      to_month: input.toMonth,
      fee_item_ids: JSON.stringify([...new Set(input.feeItemIds)]),
      building_ids: input.buildingIds ? JSON.stringify(input.buildingIds) : null,
      notify: input.notify ? 1 : 0,
      status: 'queued',
      created_by: ctx.actor?.id ?? null,
      created_at: nowInstant(),
    });
    const jobId = await jobs.enqueue(
      ctx,
      { kind: BILL_RUN_JOB, projectId: input.projectId, payload: { runId } },
      trx,
    );
    await repo.updateBillRun(trx, runId, { job_id: jobId });
    await recordAudit(trx, ctx, {
      action: 'bill-run.create',
      entityType: 'bill_run',
      entityId: runId,
      projectId: input.projectId,
      after: input,
    });

    return runId;
  });

  return getBillRun(db, ctx, id);
}

/** Asks a queued or running run to stop after the page it is writing; bills written stay. */
export async function cancelBillRun(db: Database, ctx: RequestContext, id: number) {
  await inTransaction(db, async (trx) => {
    const run = await getBillRun(trx, ctx, id);
    if (run.status !== 'queued' && run.status !== 'running')
      throw new AppError('BILL_RUN_FINISHED');

    await repo.updateBillRun(trx, id, { cancel_requested: 1 });
    await recordAudit(trx, ctx, {
      action: 'bill-run.cancel',
      entityType: 'bill_run',
      entityId: id,
      projectId: run.projectId,
      before: { status: run.status },
      after: { cancelRequested: true },
    });
  });

  return getBillRun(db, ctx, id);
}

function toRun(row: repo.BillRunListRow, names: Map<number, string>) {
  const feeItemIds = JSON.parse(row.feeItemIds) as number[];

  return {
    ...row,
    feeItemIds,
    feeItemNames: feeItemIds.map((id) => names.get(id) ?? String(id)),
    buildingIds: row.buildingIds === null ? null : (JSON.parse(row.buildingIds) as number[]),
    notify: row.notify === 1,
    cancelRequested: row.cancelRequested === 1,
    progress: row.progress ?? 0,
    total: row.total ?? 0,
  };
}

async function itemNames(db: Database, rows: repo.BillRunListRow[]) {
  const ids = [...new Set(rows.flatMap((row) => JSON.parse(row.feeItemIds) as number[]))];
  if (ids.length === 0) return new Map<number, string>();
  return repo.feeItemNames(db, ids);
}

export async function listBillRuns(
  db: Database,
  ctx: RequestContext,
  query: { projectId?: number; status?: string; page: number; pageSize: number },
) {
  const { items, total } = await repo.listBillRuns(db, scopeOf(ctx), query);
  const names = await itemNames(db, items);

  return {
    items: items.map((row) => toRun(row, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getBillRun(db: Database, ctx: RequestContext, id: number) {
  const { items } = await repo.listBillRuns(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('bill_run');

  return toRun(items[0], await itemNames(db, items));
}

/* --------------------------------------------------------------------- job */

export interface BillRunHooks {
  /** Bindings a page (one transaction); smaller in the crash test so it dies mid-run. */
  pageSize?: number;
  /** Compute on a worker thread (SQLite) whatever the run's size; the crash test forces it. */
  worker?: boolean;
  /** Called after each page is committed; the crash test kills the process here. */
  afterPage?: (written: number) => Promise<void> | void;
}

/** The job: pages of bindings → bills, one transaction a page, stopping when cancelled. */
export function billRunJob(hooks: BillRunHooks = {}) {
  return async (db: Database, job: JobRun<{ runId: number }>) => {
    try {
      return await runBills(db, job, hooks);
    } catch (error) {
      await repo.updateBillRun(db, job.payload.runId, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finished_at: nowInstant(),
      });
      throw error;
    }
  };
}

/** What computing a run's pages needs; plain data, so it can go to a worker thread. */
export interface PageWork {
  plan: RunPlan;
  context: { runId: number; createdBy: number | null; today: string };
  ids: number[];
  pageSize: number;
}

/** A page ready to write: its bills as rows of the bill table, and what it skipped. */
export interface WritablePage {
  bills: Insertable<BillTable>[];
  skipped: number;
  size: number;
}

/**
 * The run's pages, computed one ahead of the writer: while one page is written the next is
 * read and computed. On PostgreSQL the two run on two connections at once.
 */
export async function* computedPages(db: Database, work: PageWork): AsyncGenerator<WritablePage> {
  const compute = (from: number) => {
    if (from >= work.ids.length) return null;
    const page = computePage(
      db,
      work.plan,
      work.context,
      work.ids.slice(from, from + work.pageSize),
    );
    page.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled
    return page;
  };
  let next = compute(0);
  for (let index = 0; next !== null; index += work.pageSize) {
    const page = await next;
    next = compute(index + work.pageSize);
    yield {
      bills: page.bills.map((bill) => bill.row),
      skipped: page.skips.filter((skip) => skip.reason !== 'NO_PAYER').length,
      size: page.size,
    };
  }
}

/**
 * SQLite has one connection and a synchronous driver, so reading and computing the next page
 * cannot overlap writing this one in the same thread: a worker thread with its own read
 * connection computes the pages while this thread writes them. In-memory databases and
 * PostgreSQL compute here.
 */
function writtenPages(
  db: Database,
  work: PageWork,
  useWorker = work.ids.length >= WORKER_FROM,
): AsyncGenerator<WritablePage> {
  const options = optionsOf(db);
  const file = options?.sqlitePath;
  if (!useWorker || options?.url || !file || file === ':memory:') return computedPages(db, work);

  return workerPages({ ...work, options: { sqlitePath: file } });
}

/** Bindings from which a worker thread pays for its start (about a tenth of a second). */
const WORKER_FROM = 5000;
const WORKER_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./bill-run-worker.${WORKER_SOURCE ? 'ts' : 'js'}`, import.meta.url);

async function* workerPages(
  work: PageWork & { options: DatabaseOptions },
): AsyncGenerator<WritablePage> {
  const worker = WORKER_SOURCE
    ? // Under the test runner the worker is TypeScript source: load it through tsx.
      new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); ` +
          `return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true, workerData: work },
      )
    : new Worker(WORKER_URL, { workerData: work });
  const inbox: (WritablePage | null | Error)[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: WritablePage | null | Error) => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', deliver);
  worker.on('error', deliver);
  worker.on('exit', (code) => {
    if (code !== 0) deliver(new Error(`the bill-run worker stopped with code ${code}`));
  });

  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (message === null || message === undefined) return;
      if (message instanceof Error) throw message;
      yield message;
      worker.postMessage('next');
    }
  } finally {
    await worker.terminate();
  }
}

async function runBills(db: Database, job: JobRun<{ runId: number }>, hooks: BillRunHooks) {
  const { runId } = job.payload;
  const run = await repo.findBillRunById(db, runId);
  if (!run) throw notFound('bill_run');
  if (run.status === 'completed' || run.status === 'cancelled')
    return { runId, status: run.status };

  const plan = await planRun(db, scopeOf(job.ctx), {
    projectId: run.project_id,
    fromMonth: run.from_month,
    toMonth: run.to_month,
    feeItemIds: JSON.parse(run.fee_item_ids) as number[],
    buildingIds: run.building_ids ? (JSON.parse(run.building_ids) as number[]) : undefined,
    notify: run.notify === 1,
  });
  await repo.updateBillRun(db, runId, { status: 'running' });
  const ids = await repo.bindingIds(db, bindingFilter(plan));
  const today = businessDate();

  let done = 0;
  let skipped = 0;
  let cancelled = false;
  const work: PageWork = {
    plan,
    context: { runId, createdBy: run.created_by, today },
    ids,
    pageSize: hooks.pageSize ?? PAGE_SIZE,
  };
  for await (const page of writtenPages(db, work, hooks.worker)) {
    if (await repo.runCancelRequested(db, runId)) {
      cancelled = true;
      break;
    }
    skipped += page.skipped;
    const written = await inTransaction(db, (trx) => repo.insertBillsOnce(trx, page.bills));
    done += page.size;
    await job.progress(done, ids.length);
    await hooks.afterPage?.(written);
  }

  const totals = await repo.runTotals(db, runId);
  // The notices are queued with the run's end, so a run resumed after a crash in between
  // finds itself completed and queues none twice.
  await inTransaction(db, async (trx) => {
    await repo.updateBillRun(trx, runId, {
      status: cancelled ? 'cancelled' : 'completed',
      bill_count: totals.billCount,
      total_fen: totals.totalFen,
      skipped_count: skipped,
      finished_at: nowInstant(),
    });
    if (!cancelled && run.notify === 1) await notifyPayers(trx, job.ctx, run);
  });

  return { runId, status: cancelled ? 'cancelled' : 'completed', ...totals, skipped };
}

/**
 * One "your bills are ready" notice per payer of the run: their rooms, periods, items, the
 * total and the earliest due date. People without a payer on record get none (the preview
 * warned about them).
 */
async function notifyPayers(db: Database, ctx: RequestContext, run: repo.BillRunRow) {
  const rows = await repo.runBillsByPayer(db, run.id);
  const byPayer = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byPayer.get(row.payerPersonId) ?? [];
    list.push(row);
    byPayer.set(row.payerPersonId, list);
  }
  const distinct = (values: string[]) => [...new Set(values)].join('、');
  const notices = [...byPayer.entries()].map(([personId, bills]) => ({
    personId,
    variables: {
      payerName: bills[0].payerName ?? '',
      resourceName: distinct(bills.map((bill) => bill.resourceCode)),
      period: distinct(bills.map((bill) => bill.periodLabel)),
      itemNames: distinct(bills.map((bill) => bill.feeItemName)),
      amount: formatYuan(bills.reduce((sum, bill) => sum + bill.amountFen, 0)),
      dueDate: bills.map((bill) => bill.dueDate).sort()[0],
      projectName: bills[0].projectName,
    },
  }));

  await queueNotices(db, ctx, {
    projectId: run.project_id,
    kind: 'bill_generated',
    sourceType: 'bill_run',
    sourceId: run.id,
    notices,
  });
}
