import type { Database } from '../../db/database.js';
import type { DiscountSchemeKind } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { toScale } from '../../platform/decimal.js';
import { AppError, type FieldIssue, alreadyExists, notFound } from '../../platform/errors.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { issueToFields } from '../../platform/validation.js';
import {
  type DiscountRule,
  type ProposedReductions,
  addDays,
  proposeReductions,
} from '../fees/calc/index.js';
import { getFeeItem } from '../fees/fee-item.service.js';
import { assertProjectField } from '../org/project.service.js';
import {
  type CreateDiscountSchemeInput,
  type DiscountSchemeListQuery,
  type KindParameters,
  type UpdateDiscountSchemeInput,
  kindParameters,
} from './discounts.schemas.js';
import * as repo from './discounts.repository.js';

/* ------------------------------------------------------------------ reading */

function toScheme(row: repo.DiscountSchemeRow, itemNames: Map<number, string>) {
  const feeItemIds = row.fee_item_ids === null ? null : (JSON.parse(row.fee_item_ids) as number[]);

  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    feeItemIds,
    feeItems: (feeItemIds ?? []).map((id) => ({ id, name: itemNames.get(id) ?? `#${id}` })),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    priority: row.priority,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type DiscountScheme = ReturnType<typeof toScheme>;

/** A fee item of the caller's scope, or null when there is none (the fees module decides). */
async function feeItemOrNull(db: Database, ctx: RequestContext, id: number) {
  try {
    return await getFeeItem(db, ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Names of the fee items the rows name, asked of the fees module once per item. */
async function itemNamesOf(db: Database, ctx: RequestContext, rows: repo.DiscountSchemeRow[]) {
  const ids = new Set(
    rows.flatMap((row) => (row.fee_item_ids ? (JSON.parse(row.fee_item_ids) as number[]) : [])),
  );
  const names = new Map<number, string>();
  for (const id of ids) {
    const item = await feeItemOrNull(db, ctx, id);
    if (item) names.set(id, item.name);
  }

  return names;
}

export async function listDiscountSchemes(
  db: Database,
  ctx: RequestContext,
  query: DiscountSchemeListQuery,
) {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  // A scheme for every item applies to the items of its own project only.
  const item = query.feeItemId ? await feeItemOrNull(db, ctx, query.feeItemId) : undefined;
  if (item === null) return empty;
  if (item && query.projectId && item.projectId !== query.projectId) return empty;

  const { items, total } = await repo.listDiscountSchemes(db, scopeOf(ctx), {
    ...query,
    projectId: item?.projectId ?? query.projectId,
  });
  const names = await itemNamesOf(db, ctx, items);

  return {
    items: items.map((row) => toScheme(row, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDiscountScheme(db: Database, ctx: RequestContext, id: number) {
  const { items } = await repo.listDiscountSchemes(db, scopeOf(ctx), {
    id,
    page: 1,
    pageSize: 1,
  });
  if (items.length === 0) throw notFound('discount_scheme');

  return toScheme(items[0], await itemNamesOf(db, ctx, items));
}

/* ------------------------------------------------------------------ checking */

const at = (field: string) => `parameters.${field}`;

/** A rate is the share still paid: at least 0 (waived) and below 1 (1 would reduce nothing). */
function rateIssues(field: string, value: string | null | undefined): FieldIssue[] {
  if (value === null || value === undefined || Number(value) < 1) return [];

  return [{ field: at(field), message: 'validation.discount_rate' }];
}

/** Exactly one of two alternatives (a rate or an amount, a date or a number of days). */
function oneOf(
  p: Record<string, unknown>,
  [first, second]: [string, string],
  message: string,
): FieldIssue[] {
  const given = [first, second].filter((key) => p[key] !== null && p[key] !== undefined);

  return given.length === 1 ? [] : [{ field: at(first), message }];
}

/** Rules a schema cannot say: a rate below 1, one alternative chosen. */
function ruleIssues(kind: DiscountSchemeKind, parameters: unknown): FieldIssue[] {
  switch (kind) {
    case 'percent_for_months':
      return rateIssues('rate', (parameters as KindParameters['percent_for_months']).rate);
    case 'loyalty': {
      const p = parameters as KindParameters['loyalty'];
      return [
        ...oneOf(p, ['rate', 'amountFen'], 'validation.rate_or_amount'),
        ...rateIssues('rate', p.rate),
      ];
    }
    case 'vacancy': {
      const p = parameters as KindParameters['vacancy'];
      return [
        ...oneOf(p, ['rate', 'amountFenPerMonth'], 'validation.rate_or_amount'),
        ...rateIssues('rate', p.rate),
      ];
    }
    case 'deferral':
      return oneOf(
        parameters as Record<string, unknown>,
        ['newDueDate', 'deferDays'],
        'validation.date_or_days',
      );
    case 'free_months':
    case 'fixed_reduction':
      return [];
  }
}

/** Drops absent alternatives and writes rates with four decimals, so both dialects agree. */
function normalised(parameters: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(parameters).filter(([, value]) => value !== null);

  return Object.fromEntries(
    entries.map(([key, value]) => [key, key === 'rate' ? toScale(String(value), 4) : value]),
  );
}

/** Checks a kind's parameters against its schema and rules; answers them normalised. */
export function parseParameters(kind: DiscountSchemeKind, raw: Record<string, unknown>) {
  // With the input reported, a missing parameter reads "required" rather than "wrong type".
  const parsed = kindParameters[kind].safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const details = parsed.error.issues.flatMap((issue) =>
      issueToFields({ ...issue, path: ['parameters', ...issue.path] } as typeof issue),
    );
    throw new AppError('VALIDATION_FAILED', { details });
  }

  const issues = ruleIssues(kind, parsed.data);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  return normalised(parsed.data as Record<string, unknown>);
}

function dateIssues(validFrom: string, validTo: string | null | undefined): FieldIssue[] {
  return validTo && validTo < validFrom
    ? [{ field: 'validTo', message: 'validation.end_before_start' }]
    : [];
}

/** The fee items must be the project's own and active; answers them sorted, as stored. */
async function feeItemIdsColumn(
  db: Database,
  ctx: RequestContext,
  projectId: number,
  ids: readonly number[] | null | undefined,
): Promise<string | null> {
  if (!ids) return null;
  const issues: FieldIssue[] = [];
  for (const [i, id] of ids.entries()) {
    const field = `feeItemIds.${i}`;
    if (ids.indexOf(id) !== i) {
      issues.push({ field, message: 'validation.duplicate' });
      continue;
    }
    const item = await feeItemOrNull(db, ctx, id);
    if (!item || item.projectId !== projectId) {
      issues.push({ field, message: 'validation.unknown_fee_item' });
    } else if (item.status !== 'active') {
      issues.push({ field, message: 'validation.item_archived' });
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  return JSON.stringify([...ids].sort((a, b) => a - b));
}

/* ------------------------------------------------------------------ changing */

/** Adds a discount scheme (优惠方案) to a project: its rule, fee items and dates. */
export async function createDiscountScheme(
  db: Database,
  ctx: RequestContext,
  input: CreateDiscountSchemeInput,
) {
  const scope = scopeOf(ctx);
  await assertProjectField(db, ctx, input.projectId);
  const parameters = parseParameters(input.kind, input.parameters);
  const issues = dateIssues(input.validFrom, input.validTo);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const feeItemIds = await feeItemIdsColumn(db, ctx, input.projectId, input.feeItemIds);

  const id = await inTransaction(db, async (tx) => {
    if (await repo.schemeCodeTaken(tx, input.projectId, input.code)) throw alreadyExists('code');

    const now = nowInstant();
    const schemeId = await repo.insertDiscountScheme(tx, {
      org_id: scope.orgId,
      project_id: input.projectId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      parameters: JSON.stringify(parameters),
      fee_item_ids: feeItemIds,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      priority: input.priority ?? 0,
      status: 'active',
      note: input.note ?? null,
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'discount-scheme.create',
      entityType: 'discount_scheme',
      entityId: schemeId,
      projectId: input.projectId,
      after: { ...input, parameters },
    });

    return schemeId;
  });

  return getDiscountScheme(db, ctx, id);
}

/**
 * Edits a scheme; archiving (status `archived`) keeps it for the reductions that name it. Its
 * kind stays: another kind is another scheme.
 */
export async function updateDiscountScheme(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateDiscountSchemeInput,
) {
  const scope = scopeOf(ctx);
  const before = await repo.findDiscountScheme(db, scope, id);
  if (!before) throw notFound('discount_scheme');
  // TODO: once the cashier records reductions, refuse new parameters for a scheme they name.
  const parameters = input.parameters && parseParameters(before.kind, input.parameters);
  const validTo = input.validTo === undefined ? before.valid_to : input.validTo;
  const issues = dateIssues(input.validFrom ?? before.valid_from, validTo);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const feeItemIds =
    input.feeItemIds === undefined
      ? undefined
      : await feeItemIdsColumn(db, ctx, before.project_id, input.feeItemIds);

  await inTransaction(db, async (tx) => {
    if (input.code && (await repo.schemeCodeTaken(tx, before.project_id, input.code, id))) {
      throw alreadyExists('code');
    }

    await repo.updateDiscountScheme(tx, id, {
      code: input.code,
      name: input.name,
      parameters: parameters ? JSON.stringify(parameters) : undefined,
      fee_item_ids: feeItemIds,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      priority: input.priority,
      status: input.status,
      note: input.note,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'discount-scheme.update',
      entityType: 'discount_scheme',
      entityId: id,
      projectId: before.project_id,
      before,
      after: await repo.findDiscountScheme(tx, scope, id),
    });
  });

  return getDiscountScheme(db, ctx, id);
}

/* ------------------------------------------------------------------ proposing */

export interface ProposeDiscountsOptions {
  projectId: number;
  feeItemId: number;
  lines: { key: string; amountFen: number; exactYuan?: string; vacant?: boolean; period: string }[];
  payer?: { movedInOn?: string | null };
  arrearsMonths?: number;
  /** The day of the payment. */
  on: string;
  schemeIds?: number[];
}

export type ProposedDiscounts = ProposedReductions & {
  schemes: { id: number; name: string; kind: string }[];
};

type SchemeRow = Awaited<ReturnType<typeof repo.applicableSchemes>>[number];

/**
 * The calculation's rule for a scheme. A deferral by days counts from the day it is granted
 * (the payment day), since the desk grants it then.
 */
function toRule(scheme: SchemeRow, on: string): DiscountRule {
  const ruleId = scheme.id;
  const parameters: unknown = JSON.parse(scheme.parameters);
  switch (scheme.kind) {
    case 'free_months': {
      const p = parameters as KindParameters['free_months'];
      return { kind: 'FREE_MONTHS', ruleId, payMonths: p.payMonths, freeMonths: p.freeMonths };
    }
    case 'percent_for_months': {
      const p = parameters as KindParameters['percent_for_months'];
      return {
        kind: 'PERCENT_FOR_MONTHS',
        ruleId,
        minMonths: p.minMonths,
        rate: p.rate,
        maxArrearsMonths: p.maxArrearsMonths ?? undefined,
      };
    }
    case 'fixed_reduction': {
      const p = parameters as KindParameters['fixed_reduction'];
      return {
        kind: 'FIXED_REDUCTION',
        ruleId,
        amountFen: p.amountFen,
        minMonths: p.minMonths ?? undefined,
      };
    }
    case 'loyalty': {
      const p = parameters as KindParameters['loyalty'];
      return {
        kind: 'LOYALTY',
        ruleId,
        movedInBy: p.movedInBy,
        rate: p.rate ?? undefined,
        amountFen: p.amountFen ?? undefined,
      };
    }
    case 'vacancy': {
      const p = parameters as KindParameters['vacancy'];
      return {
        kind: 'VACANCY',
        ruleId,
        rate: p.rate ?? undefined,
        amountFenPerLine: p.amountFenPerMonth ?? undefined,
      };
    }
    case 'deferral': {
      const p = parameters as KindParameters['deferral'];
      return {
        kind: 'DEFERRAL',
        ruleId,
        newDueDate: p.newDueDate ?? addDays(on, p.deferDays ?? 0),
      };
    }
  }
}

/** Schemes asked for by id must each be among those that apply; names the first that is not. */
function chosenSchemes(applicable: SchemeRow[], schemeIds: readonly number[] | undefined) {
  if (!schemeIds) return applicable;
  const issues: FieldIssue[] = schemeIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !applicable.some((scheme) => scheme.id === id))
    .map(({ i }) => ({ field: `schemeIds.${i}`, message: 'validation.scheme_not_applicable' }));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  return applicable.filter((scheme) => schemeIds.includes(scheme.id));
}

/**
 * The reductions (减免) a proposed payment would get from the project's schemes: the active
 * ones valid on the payment day for the fee item, stacked free months → rates → fixed amounts
 * (DOMAIN §5.5), never below zero per line. Writes nothing; the cashier records what it takes.
 */
export async function proposeDiscounts(
  db: Database,
  ctx: RequestContext,
  input: ProposeDiscountsOptions,
): Promise<ProposedDiscounts> {
  await assertProjectField(db, ctx, input.projectId);
  const item = await feeItemOrNull(db, ctx, input.feeItemId);
  if (!item || item.projectId !== input.projectId) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'feeItemId', message: 'validation.unknown_fee_item' }],
    });
  }

  const applicable = await repo.applicableSchemes(db, scopeOf(ctx), input);
  const schemes = chosenSchemes(applicable, input.schemeIds);
  // Free months are the latest months, so the lines go in period order.
  const lines = [...input.lines].sort((a, b) => a.period.localeCompare(b.period));
  const proposal = proposeReductions({
    lines,
    rules: schemes.map((scheme) => toRule(scheme, input.on)),
    moveInDate: input.payer?.movedInOn ?? null,
    arrearsMonths: input.arrearsMonths,
  });

  return {
    ...proposal,
    schemes: schemes.map((scheme) => ({ id: scheme.id, name: scheme.name, kind: scheme.kind })),
  };
}
