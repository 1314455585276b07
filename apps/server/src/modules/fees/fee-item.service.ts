import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { FeeItemTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { toScale } from '../../platform/decimal.js';
import { AppError, type FieldIssue, alreadyExists, notFound } from '../../platform/errors.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { assertProjectField } from '../org/project.service.js';
import type {
  CreateFeeItemInput,
  FeeItemListQuery,
  LateFeeInput,
  UpdateFeeItemInput,
} from './fees.schemas.js';
import * as repo from './fees.repository.js';

/** DOMAIN.md §9: the late-fee figures a company starts from, used only once it is enabled. */
const LATE_FEE_DEFAULTS = { ratePerDay: '0.0003', graceDays: 15, capPercent: '20' };

type ItemRow = NonNullable<Awaited<ReturnType<typeof repo.findFeeItem>>>;

function toFeeItem(
  row: ItemRow & { project_name: string; standard_count: number | string | null },
) {
  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    code: row.code,
    name: row.name,
    category: row.category,
    cycle: row.cycle,
    billingMode: row.billing_mode,
    dueRule: row.due_rule,
    dueValue: row.due_value,
    roundingMode: row.rounding_mode,
    proration: row.proration,
    taxRate: row.tax_rate,
    lateFee: {
      enabled: row.late_fee_enabled === 1,
      contractClauseRef: row.late_fee_clause_ref,
      startDate: row.late_fee_start_date,
      ratePerDay: row.late_fee_rate_per_day,
      graceDays: row.late_fee_grace_days,
      capKind: row.late_fee_cap_kind,
      capPercent: row.late_fee_cap_percent,
      capFen: row.late_fee_cap_fen === null ? null : Number(row.late_fee_cap_fen),
    },
    status: row.status,
    note: row.note,
    standardCount: Number(row.standard_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type FeeItem = ReturnType<typeof toFeeItem>;

export async function listFeeItems(db: Database, ctx: RequestContext, query: FeeItemListQuery) {
  const { items, total } = await repo.listFeeItems(db, scopeOf(ctx), query);

  return { items: items.map(toFeeItem), total, page: query.page, pageSize: query.pageSize };
}

export async function getFeeItem(db: Database, ctx: RequestContext, id: number): Promise<FeeItem> {
  const { items } = await repo.listFeeItems(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('fee_item');

  return toFeeItem(items[0]);
}

/** Checks the due rule: a day of the month is 1–31; a number of days is 0–366. */
function dueRuleIssues(rule: string, value: number): FieldIssue[] {
  if (rule === 'day_of_first_month' && (value < 1 || value > 31)) {
    return [{ field: 'dueValue', message: 'validation.due_day' }];
  }

  return [];
}

type LateFeeColumns = Pick<
  Insertable<FeeItemTable>,
  | 'late_fee_enabled'
  | 'late_fee_clause_ref'
  | 'late_fee_start_date'
  | 'late_fee_rate_per_day'
  | 'late_fee_grace_days'
  | 'late_fee_cap_kind'
  | 'late_fee_cap_percent'
  | 'late_fee_cap_fen'
>;

/** Turns late-fee input into columns, refusing an enabled late fee without its contract clause. */
function lateFeeColumns(input: LateFeeInput): LateFeeColumns {
  const issues: FieldIssue[] = [];
  const capKind = input.capKind ?? (input.enabled ? 'percent' : 'none');
  const capPercent =
    input.capPercent ??
    (capKind === 'percent' && input.enabled ? LATE_FEE_DEFAULTS.capPercent : null);
  if (input.enabled && !input.contractClauseRef) {
    issues.push({ field: 'lateFee.contractClauseRef', message: 'validation.clause_required' });
  }
  if (
    capKind === 'percent' &&
    (capPercent === null || Number(capPercent) <= 0 || Number(capPercent) > 100)
  ) {
    issues.push({ field: 'lateFee.capPercent', message: 'validation.percent' });
  }
  if (capKind === 'fixed' && !input.capFen) {
    issues.push({ field: 'lateFee.capFen', message: 'validation.required' });
  }
  const rate = input.ratePerDay ?? (input.enabled ? LATE_FEE_DEFAULTS.ratePerDay : '0');
  if (input.enabled && Number(rate) <= 0) {
    issues.push({ field: 'lateFee.ratePerDay', message: 'validation.positive' });
  }
  if (Number(rate) >= 1) issues.push({ field: 'lateFee.ratePerDay', message: 'validation.rate' });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  return {
    late_fee_enabled: input.enabled ? 1 : 0,
    late_fee_clause_ref: input.contractClauseRef ?? null,
    late_fee_start_date: input.startDate ?? null,
    late_fee_rate_per_day: toScale(rate, 6),
    late_fee_grace_days: input.graceDays ?? (input.enabled ? LATE_FEE_DEFAULTS.graceDays : 0),
    late_fee_cap_kind: capKind,
    late_fee_cap_percent:
      capKind === 'percent' && capPercent !== null ? toScale(capPercent, 4) : null,
    late_fee_cap_fen: capKind === 'fixed' ? (input.capFen ?? null) : null,
  };
}

function taxRateColumn(taxRate: string | undefined): string | undefined {
  if (taxRate === undefined) return undefined;
  if (Number(taxRate) >= 1)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'taxRate', message: 'validation.rate' }],
    });

  return toScale(taxRate, 4);
}

/** Adds a fee item (收费项目) to a project: what is charged, on which cycle, due when. */
export async function createFeeItem(db: Database, ctx: RequestContext, input: CreateFeeItemInput) {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);
  const issues = dueRuleIssues(input.dueRule, input.dueValue);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const lateFee = lateFeeColumns(input.lateFee ?? { enabled: false });
  const taxRate = taxRateColumn(input.taxRate) ?? '0.0000';

  const id = await inTransaction(db, async (tx) => {
    if (await repo.feeItemCodeTaken(tx, input.projectId, input.code)) throw alreadyExists('code');

    const at = nowInstant();
    const itemId = await repo.insertFeeItem(tx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      code: input.code,
      name: input.name,
      category: input.category,
      cycle: input.cycle,
      billing_mode: input.billingMode,
      due_rule: input.dueRule,
      due_value: input.dueValue,
      rounding_mode: input.roundingMode ?? 'half_up',
      proration: input.proration ?? 'actual_days',
      tax_rate: taxRate,
      ...lateFee,
      status: 'active',
      note: input.note ?? null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'fee-item.create',
      entityType: 'fee_item',
      entityId: itemId,
      projectId: input.projectId,
      after: input,
    });

    return itemId;
  });

  return getFeeItem(db, ctx, id);
}

/** Edits a fee item; archiving (status `archived`) keeps it for the bills that name it. */
export async function updateFeeItem(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateFeeItemInput,
) {
  const scope = scopeOf(ctx);
  const before = await repo.findFeeItem(db, scope, id);
  if (!before) throw notFound('fee_item');
  const issues = dueRuleIssues(
    input.dueRule ?? before.due_rule,
    input.dueValue ?? before.due_value,
  );
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const lateFee = input.lateFee ? lateFeeColumns(input.lateFee) : {};
  const taxRate = taxRateColumn(input.taxRate);

  await inTransaction(db, async (tx) => {
    if (input.code && (await repo.feeItemCodeTaken(tx, before.project_id, input.code, id))) {
      throw alreadyExists('code');
    }

    await repo.updateFeeItem(tx, id, {
      code: input.code,
      name: input.name,
      category: input.category,
      cycle: input.cycle,
      billing_mode: input.billingMode,
      due_rule: input.dueRule,
      due_value: input.dueValue,
      rounding_mode: input.roundingMode,
      proration: input.proration,
      tax_rate: taxRate,
      ...lateFee,
      status: input.status,
      note: input.note,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'fee-item.update',
      entityType: 'fee_item',
      entityId: id,
      projectId: before.project_id,
      before,
      after: await repo.findFeeItem(tx, scope, id),
    });
  });

  return getFeeItem(db, ctx, id);
}
