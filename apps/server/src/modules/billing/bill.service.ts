import type { Selectable } from 'kysely';
import { dialectOf } from '../../db/columns.js';
import type { Database } from '../../db/database.js';
import type { BillEntryKind, BillStatus, BillTable, FeeItemTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { assertFen, fenToYuanString } from '../../platform/money.js';
import { scopeOf } from '../../platform/scope.js';
import { businessDate, nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type Explanation,
  type LateFeePolicy,
  computeLateFee,
  explainEn,
  explainZh,
} from '../fees/calc/index.js';
import * as repo from './billing.repository.js';
import type { BillListQuery, TemporaryBillInput } from './billing.schemas.js';

/**
 * Bills and their entries. The balance of a bill is never set by hand: every change is an
 * entry appended here, and the balance columns are recomputed from the previous balance and
 * the entry in the same transaction, so `outstanding = charged − paid − reduced − offset`
 * holds after every statement (a CHECK constraint says so too).
 */

export type Bill = ReturnType<typeof withOverdue>;

function withOverdue(row: repo.BillRow, today: string) {
  return {
    ...row,
    overdue: (row.status === 'unpaid' || row.status === 'partially_paid') && row.dueDate < today,
  };
}

export async function listBills(db: Database, ctx: RequestContext, query: BillListQuery) {
  const scope = scopeOf(ctx);
  const today = businessDate();
  const filter = { ...query, today };
  const [{ items, total }, totals] = await Promise.all([
    repo.listBills(db, scope, filter),
    repo.billTotals(db, scope, filter),
  ]);

  return {
    items: items.map((row) => withOverdue(row, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totals,
  };
}

export async function getBill(db: Database, ctx: RequestContext, id: number) {
  const scope = scopeOf(ctx);
  const row = await repo.findBill(db, scope, id);
  if (!row) throw notFound('bill');

  const today = businessDate();
  const calculation = JSON.parse(row.calculation) as Explanation | { description: string };
  const [entries, item] = await Promise.all([
    repo.entriesOf(db, id),
    repo.feeItemOfProject(db, row.projectId, row.feeItemId),
  ]);
  const { calculation: _stored, orgId: _org, ...bill } = row;

  return {
    ...withOverdue(bill, today),
    calculation,
    calculationText: describe(calculation, ctx.locale),
    entries,
    lateFee: item ? accruedLateFee(item, row, entries, today, ctx.locale) : null,
  };
}

function describe(calculation: Explanation | { description: string }, locale: string): string {
  if ('description' in calculation) return calculation.description;

  return locale === 'en-US' ? explainEn(calculation) : explainZh(calculation);
}

/** The late fee owed up to today, when the item charges one and the bill is late. */
function accruedLateFee(
  item: Selectable<FeeItemTable>,
  bill: repo.BillRow,
  entries: Awaited<ReturnType<typeof repo.entriesOf>>,
  today: string,
  locale: string,
) {
  if (item.late_fee_enabled !== 1 || bill.kind === 'late_fee' || bill.status === 'void') {
    return null;
  }
  if (item.late_fee_start_date && bill.dueDate < item.late_fee_start_date) return null;

  const policy: LateFeePolicy = {
    enabled: true,
    contractClauseRef: item.late_fee_clause_ref,
    ratePerDay: item.late_fee_rate_per_day,
    graceDays: item.late_fee_grace_days,
    cap:
      item.late_fee_cap_kind === 'percent'
        ? { kind: 'PERCENT_OF_PRINCIPAL', percent: item.late_fee_cap_percent ?? '100' }
        : item.late_fee_cap_kind === 'fixed'
          ? { kind: 'AMOUNT', amountFen: item.late_fee_cap_fen ?? 0 }
          : { kind: 'NONE' },
  };
  const settled = entries
    .filter((entry) => entry.kind !== 'deferral' && entry.kind !== 'void')
    .map((entry) => ({ date: entry.entryDate, amountFen: entry.amountFen }));
  const deferral = entries.filter((entry) => entry.kind === 'deferral').at(-1);
  const explanation = computeLateFee({
    policy,
    bill: {
      principalFen: bill.chargedFen,
      dueDate: bill.dueDate,
      deferredDueDate: deferral?.newDueDate ?? null,
      payments: settled,
    },
    asOf: today,
  });

  return {
    asOf: today,
    amountFen: explanation.amountFen,
    calculation: describe(explanation, locale),
  };
}

/* ------------------------------------------------------------------- entries */

export interface EntryInput {
  kind: BillEntryKind;
  /** Fen; a negative payment reverses an earlier one (a refund). Zero for a deferral. */
  amountFen: number;
  entryDate?: string;
  newDueDate?: string | null;
  reason?: string | null;
  sourceType?: string | null;
  sourceId?: number | null;
}

/**
 * Appends one entry to a bill and moves its balance, inside the caller's transaction. The
 * cashier, approvals and wallet modules record money on bills through this and nothing else.
 */
export async function appendEntry(
  trx: Database,
  ctx: RequestContext,
  billId: number,
  entry: EntryInput,
): Promise<{ entryId: number; bill: Selectable<BillTable> }> {
  assertFen(entry.amountFen);
  const bill = await repo.lockBill(trx, billId, dialectOf(trx) === 'postgres');
  if (!bill) throw notFound('bill');
  if (bill.status === 'void') throw new AppError('BILL_CLOSED');

  const next = applyEntry(bill, entry);
  const entryId = await repo.insertEntry(trx, {
    org_id: bill.org_id,
    project_id: bill.project_id,
    bill_id: bill.id,
    kind: entry.kind,
    amount_fen: entry.amountFen,
    entry_date: entry.entryDate ?? businessDate(),
    new_due_date: entry.newDueDate ?? null,
    reason: entry.reason ?? null,
    source_type: entry.sourceType ?? null,
    source_id: entry.sourceId ?? null,
    created_by: ctx.actor?.id ?? null,
    created_at: nowInstant(),
  });
  await repo.updateBillBalance(trx, bill.id, {
    charged_fen: next.charged_fen,
    paid_fen: next.paid_fen,
    reduced_fen: next.reduced_fen,
    offset_fen: next.offset_fen,
    outstanding_fen: next.outstanding_fen,
    status: next.status,
    due_date: next.due_date,
    entry_count: bill.entry_count + 1,
    updated_at: nowInstant(),
  });

  return { entryId, bill: { ...bill, ...next, entry_count: bill.entry_count + 1 } };
}

type Balance = Pick<
  Selectable<BillTable>,
  | 'charged_fen'
  | 'paid_fen'
  | 'reduced_fen'
  | 'offset_fen'
  | 'outstanding_fen'
  | 'status'
  | 'due_date'
>;

/** The balance after an entry, or a refusal when the entry would make it owe less than zero. */
export function applyEntry(bill: Balance, entry: EntryInput): Balance {
  const next = { ...bill };
  switch (entry.kind) {
    case 'payment':
      next.paid_fen += entry.amountFen;
      break;
    case 'reduction':
      next.reduced_fen += entry.amountFen;
      break;
    case 'offset':
      next.offset_fen += entry.amountFen;
      break;
    case 'void':
      next.charged_fen -= entry.amountFen;
      break;
    case 'deferral':
      if (!entry.newDueDate) throw invalidField('newDueDate', 'validation.required');
      next.due_date = entry.newDueDate;
      break;
  }
  next.outstanding_fen = next.charged_fen - next.paid_fen - next.reduced_fen - next.offset_fen;
  if (
    next.outstanding_fen < 0 ||
    next.paid_fen < 0 ||
    next.reduced_fen < 0 ||
    next.offset_fen < 0
  ) {
    throw new AppError('BILL_OVERPAID', {
      params: { outstanding: fenToYuanString(bill.outstanding_fen) },
    });
  }
  next.status = entry.kind === 'void' ? 'void' : statusOf(next);

  return next;
}

export function statusOf(balance: Pick<Balance, 'charged_fen' | 'outstanding_fen'>): BillStatus {
  if (balance.outstanding_fen === 0) return 'paid';

  return balance.outstanding_fen < balance.charged_fen ? 'partially_paid' : 'unpaid';
}

/* ---------------------------------------------------------------- void, temp */

/**
 * Voids a bill with a reason: a void entry takes what is still owed off the charge. A bill with
 * payments or offsets must be refunded first, so no money is left on a void bill.
 */
export async function voidBill(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { reason: string },
) {
  const scope = scopeOf(ctx);
  await inTransaction(db, async (trx) => {
    const bill = await repo.findBill(trx, scope, id);
    if (!bill) throw notFound('bill');
    if (bill.status === 'void') throw new AppError('BILL_CLOSED');
    if (bill.paidFen !== 0 || bill.offsetFen !== 0) throw new AppError('BILL_HAS_PAYMENTS');

    const { entryId } = await appendEntry(trx, ctx, id, {
      kind: 'void',
      amountFen: bill.outstandingFen,
      reason: input.reason,
    });
    await recordAudit(trx, ctx, {
      action: 'bill.void',
      entityType: 'bill',
      entityId: id,
      projectId: bill.projectId,
      before: { status: bill.status, outstandingFen: bill.outstandingFen },
      after: { status: 'void', entryId, reason: input.reason },
    });
  });

  return getBill(db, ctx, id);
}

/** 临时账单: a one-time charge on a resource (a repair, a replacement key card). */
export async function createTemporaryBill(
  db: Database,
  ctx: RequestContext,
  input: TemporaryBillInput,
) {
  const scope = scopeOf(ctx);
  const id = await inTransaction(db, async (trx) => {
    const resource = await repo.resourceForBill(trx, scope, input.resourceId);
    if (!resource) throw invalidField('resourceId', 'validation.unknown_resource_id');
    const item = await repo.feeItemOfProject(trx, resource.projectId, input.feeItemId);
    if (!item) throw invalidField('feeItemId', 'validation.unknown_fee_item');
    if (item.status !== 'active') throw invalidField('feeItemId', 'validation.item_archived');

    const today = businessDate();
    const periodStart = input.periodStart ?? today;
    const periodEnd = input.periodEnd ?? periodStart;
    if (periodEnd < periodStart) throw invalidField('periodEnd', 'validation.end_before_start');

    const payer = (await repo.payersOf(trx, [resource.id], today)).get(resource.id)?.[0];
    const now = nowInstant();
    const { id: billId } = await repo.insertBill(trx, {
      org_id: scope.orgId,
      project_id: resource.projectId,
      building_id: resource.buildingId,
      resource_id: resource.id,
      fee_item_id: item.id,
      standard_id: null,
      binding_id: null,
      bill_run_id: null,
      kind: 'temporary',
      parent_bill_id: null,
      period_key: null,
      period_label: periodStart === periodEnd ? periodStart : `${periodStart}~${periodEnd}`,
      period_start: periodStart,
      period_end: periodEnd,
      due_date: input.dueDate,
      payer_person_id: payer?.personId ?? null,
      payer_name: payer?.name ?? null,
      amount_fen: input.amountFen,
      calculation: JSON.stringify({ description: input.description }),
      description: input.description,
      status: 'unpaid',
      charged_fen: input.amountFen,
      outstanding_fen: input.amountFen,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx, {
      action: 'bill.create-temporary',
      entityType: 'bill',
      entityId: billId,
      projectId: resource.projectId,
      after: { ...input },
    });

    return billId;
  });

  return getBill(db, ctx, id);
}
