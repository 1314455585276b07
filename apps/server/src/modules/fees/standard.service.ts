import type { Database } from '../../db/database.js';
import type { ResourceKind } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { toScale } from '../../platform/decimal.js';
import {
  AppError,
  type FieldIssue,
  alreadyExists,
  invalidField,
  notFound,
} from '../../platform/errors.js';
import { scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import { issueToFields } from '../../platform/validation.js';
import {
  type CreateFeeStandardInput,
  type FeeStandardListQuery,
  type MethodParameters,
  type StandardMethod,
  type UpdateFeeStandardInput,
  methodParameters,
} from './fees.schemas.js';
import { FormulaError, parseFormula } from './calc/formula.js';
import * as repo from './fees.repository.js';

function toFeeStandard(row: repo.FeeStandardRow) {
  return {
    id: row.id,
    projectId: row.project_id,
    feeItemId: row.fee_item_id,
    feeItemName: row.item_name,
    feeItemCode: row.item_code,
    name: row.name,
    method: row.method,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    resourceKinds: JSON.parse(row.resource_kinds) as ResourceKind[],
    roomUse: row.room_use,
    status: row.status,
    note: row.note,
    bindingCount: Number(row.binding_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type FeeStandard = ReturnType<typeof toFeeStandard>;

export async function listFeeStandards(
  db: Database,
  ctx: RequestContext,
  query: FeeStandardListQuery,
) {
  const { items, total } = await repo.listFeeStandards(db, scopeOf(ctx), query);

  return { items: items.map(toFeeStandard), total, page: query.page, pageSize: query.pageSize };
}

export async function getFeeStandard(db: Database, ctx: RequestContext, id: number) {
  const { items } = await repo.listFeeStandards(db, scopeOf(ctx), { id, page: 1, pageSize: 1 });
  if (items.length === 0) throw notFound('fee_standard');

  return toFeeStandard(items[0]);
}

/** A standard of the caller's scope with its item's status, or 404. */
export async function findStandardOrThrow(db: Database, ctx: RequestContext, id: number) {
  const standard = await repo.findFeeStandard(db, scopeOf(ctx), id);
  if (!standard) throw notFound('fee_standard');

  return standard;
}

/* ------------------------------------------------------------------ parameters */

const at = (...path: (string | number)[]) => ['parameters', ...path].join('.');

/** Floor bands must not share a floor; only the highest band may stay open upwards. */
function floorBandIssues(bands: MethodParameters['floor_coefficient']['bands']): FieldIssue[] {
  const issues: FieldIssue[] = [];
  bands.forEach((band, i) => {
    if (band.floorTo !== null && band.floorTo < band.floorFrom) {
      issues.push({ field: at('bands', i, 'floorTo'), message: 'validation.end_before_start' });
    }
  });
  const order = bands.map((band, index) => ({ ...band, index }));
  order.sort((a, b) => a.floorFrom - b.floorFrom);
  for (let k = 1; k < order.length; k += 1) {
    const previous = order[k - 1];
    if (previous.floorTo === null || previous.floorTo >= order[k].floorFrom) {
      issues.push({
        field: at('bands', order[k].index, 'floorFrom'),
        message: 'validation.bands_overlap',
      });
    }
  }

  return issues;
}

/** Tiers climb: each bound above the one before, and only the last one open. */
function tierIssues(tiers: MethodParameters['tiered_usage']['tiers']): FieldIssue[] {
  const issues: FieldIssue[] = [];
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last && tier.upTo !== null) {
      issues.push({ field: at('tiers', i, 'upTo'), message: 'validation.tier_last_open' });
    }
    if (!last && tier.upTo === null) {
      issues.push({ field: at('tiers', i, 'upTo'), message: 'validation.tier_last_open' });
    }
    const previous = tiers[i - 1]?.upTo;
    if (i > 0 && tier.upTo !== null && previous && Number(tier.upTo) <= Number(previous)) {
      issues.push({ field: at('tiers', i, 'upTo'), message: 'validation.tiers_ascending' });
    }
  });

  return issues;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);

  return hours * 60 + minutes;
}

/** A day/night band as minute ranges of one day; a band past midnight is two ranges. */
function bandRanges(band: { start: string; end: string }): [number, number][] {
  const start = minutesOf(band.start);
  const end = minutesOf(band.end);

  return end > start
    ? [[start, end]]
    : [
        [start, 1440],
        [0, end],
      ];
}

function parkingTemporaryIssues(p: MethodParameters['parking_temporary']): FieldIssue[] {
  const issues: FieldIssue[] = [];
  p.bands.forEach((band, i) => {
    if (band.start === band.end) {
      issues.push({ field: at('bands', i, 'end'), message: 'validation.end_before_start' });
      return;
    }
    const overlaps = p.bands
      .slice(0, i)
      .some(
        (other) =>
          other.start !== other.end &&
          bandRanges(band).some(([s, e]) => bandRanges(other).some(([os, oe]) => s < oe && os < e)),
      );
    if (overlaps)
      issues.push({ field: at('bands', i, 'start'), message: 'validation.bands_overlap' });
  });
  p.memberDiscounts.forEach((discount, i) => {
    if (p.memberDiscounts.slice(0, i).some((other) => other.level === discount.level)) {
      issues.push({ field: at('memberDiscounts', i, 'level'), message: 'validation.duplicate' });
    }
    if (Number(discount.percentOff) > 100) {
      issues.push({ field: at('memberDiscounts', i, 'percentOff'), message: 'validation.percent' });
    }
  });

  return issues;
}

function parkingMonthlyIssues(p: MethodParameters['parking_monthly']): FieldIssue[] {
  const seen = new Set<string>();

  return p.prices.flatMap((row, i) => {
    const key = `${row.vehicleType}:${row.spaceType}`;
    if (seen.has(key))
      return [{ field: at('prices', i, 'spaceType'), message: 'validation.duplicate' }];
    seen.add(key);
    return [];
  });
}

/** A formula the calculation core's parser refuses never reaches a bill run. */
function formulaIssues(formula: string): FieldIssue[] {
  try {
    parseFormula(formula);
    return [];
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return [
      {
        field: at('formula'),
        message: 'validation.formula',
        params: { position: error.position + 1 },
      },
    ];
  }
}

/** Rules a schema cannot say: bands apart, tiers climbing, no pair priced twice. */
function ruleIssues(method: StandardMethod, parameters: unknown): FieldIssue[] {
  switch (method) {
    case 'floor_coefficient':
      return floorBandIssues((parameters as MethodParameters['floor_coefficient']).bands);
    case 'tiered_usage':
      return tierIssues((parameters as MethodParameters['tiered_usage']).tiers);
    case 'parking_monthly':
      return parkingMonthlyIssues(parameters as MethodParameters['parking_monthly']);
    case 'parking_temporary':
      return parkingTemporaryIssues(parameters as MethodParameters['parking_temporary']);
    case 'rent_escalation': {
      const percent = (parameters as MethodParameters['rent_escalation']).escalationPercent;
      return Number(percent) > 100
        ? [{ field: at('escalationPercent'), message: 'validation.percent' }]
        : [];
    }
    case 'custom_formula':
      return formulaIssues((parameters as MethodParameters['custom_formula']).formula);
    case 'area_price':
    case 'fixed':
    case 'usage_price':
      return [];
  }
}

/** Writes every price and coefficient with four decimals, so both dialects store one text. */
function normalised(method: StandardMethod, parameters: Record<string, unknown>) {
  const scale4 = (value: string | null) => (value === null ? null : toScale(value, 4));
  switch (method) {
    case 'floor_coefficient': {
      const p = parameters as MethodParameters['floor_coefficient'];
      return {
        ...p,
        bands: [...p.bands]
          .sort((a, b) => a.floorFrom - b.floorFrom)
          .map((band) => ({ ...band, coefficient: toScale(band.coefficient, 4) })),
      };
    }
    case 'tiered_usage': {
      const p = parameters as MethodParameters['tiered_usage'];
      return {
        ...p,
        tiers: p.tiers.map((t) => ({ upTo: scale4(t.upTo), price: toScale(t.price, 4) })),
      };
    }
    case 'rent_escalation': {
      const p = parameters as MethodParameters['rent_escalation'];
      return {
        ...p,
        basePrice: toScale(p.basePrice, 4),
        escalationPercent: toScale(p.escalationPercent, 4),
      };
    }
    case 'parking_monthly': {
      const p = parameters as MethodParameters['parking_monthly'];
      return { prices: p.prices.map((row) => ({ ...row, price: toScale(row.price, 4) })) };
    }
    case 'parking_temporary': {
      const p = parameters as MethodParameters['parking_temporary'];
      return {
        ...p,
        firstHourPrice: toScale(p.firstHourPrice, 4),
        perHourPrice: toScale(p.perHourPrice, 4),
        dailyCap: scale4(p.dailyCap),
        bands: p.bands.map((band) => ({ ...band, perHourPrice: toScale(band.perHourPrice, 4) })),
        memberDiscounts: p.memberDiscounts.map((d) => ({
          ...d,
          percentOff: toScale(d.percentOff, 2),
        })),
      };
    }
    default:
      return parameters;
  }
}

/** Checks a method's parameters against its schema and rules; answers them normalised. */
export function parseParameters(method: StandardMethod, raw: Record<string, unknown>) {
  const parsed = methodParameters[method].safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.flatMap((issue) =>
      issueToFields({ ...issue, path: ['parameters', ...issue.path] } as typeof issue),
    );
    throw new AppError('VALIDATION_FAILED', { details });
  }

  const issues = ruleIssues(method, parsed.data);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  return normalised(method, parsed.data as Record<string, unknown>);
}

function applicabilityIssues(kinds: readonly string[], roomUse: string | null | undefined) {
  const issues: FieldIssue[] = [];
  kinds.forEach((kind, i) => {
    if (kinds.indexOf(kind) !== i)
      issues.push({ field: `resourceKinds.${i}`, message: 'validation.duplicate' });
  });
  if (roomUse && !kinds.includes('room')) {
    issues.push({ field: 'roomUse', message: 'validation.room_use_needs_room' });
  }

  return issues;
}

/* ------------------------------------------------------------------ use cases */

/** Adds a charging standard (收费标准) to a fee item: how much, on which resources. */
export async function createFeeStandard(
  db: Database,
  ctx: RequestContext,
  input: CreateFeeStandardInput,
) {
  const scope = scopeOf(ctx);
  const item = await repo.findFeeItem(db, scope, input.feeItemId);
  if (!item) throw invalidField('feeItemId', 'validation.unknown_fee_item');
  if (item.status !== 'active') throw invalidField('feeItemId', 'validation.item_archived');
  const issues = applicabilityIssues(input.resourceKinds, input.roomUse);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const parameters = parseParameters(input.method, input.parameters);

  const id = await inTransaction(db, async (tx) => {
    if (await repo.standardNameTaken(tx, item.id, input.name)) throw alreadyExists('name');

    const now = nowInstant();
    const standardId = await repo.insertFeeStandard(tx, {
      org_id: scope.orgId,
      project_id: item.project_id,
      fee_item_id: item.id,
      name: input.name,
      method: input.method,
      parameters: JSON.stringify(parameters),
      resource_kinds: JSON.stringify(input.resourceKinds),
      room_use: input.roomUse ?? null,
      status: 'active',
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'fee-standard.create',
      entityType: 'fee_standard',
      entityId: standardId,
      projectId: item.project_id,
      after: { ...input, parameters },
    });

    return standardId;
  });

  return getFeeStandard(db, ctx, id);
}

/** Edits a standard; its method stays (a different method is a new standard). */
export async function updateFeeStandard(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: UpdateFeeStandardInput,
) {
  const before = await findStandardOrThrow(db, ctx, id);
  const kinds = input.resourceKinds ?? (JSON.parse(before.resource_kinds) as string[]);
  const roomUse = input.roomUse === undefined ? before.room_use : input.roomUse;
  const issues = applicabilityIssues(kinds, roomUse);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });
  const parameters = input.parameters && parseParameters(before.method, input.parameters);

  await inTransaction(db, async (tx) => {
    if (input.name && (await repo.standardNameTaken(tx, before.fee_item_id, input.name, id))) {
      throw alreadyExists('name');
    }

    await repo.updateFeeStandard(tx, id, {
      name: input.name,
      parameters: parameters ? JSON.stringify(parameters) : undefined,
      resource_kinds: input.resourceKinds ? JSON.stringify(input.resourceKinds) : undefined,
      room_use: input.roomUse,
      status: input.status,
      note: input.note,
      updated_at: nowInstant(),
    });
    await recordAudit(tx, ctx, {
      action: 'fee-standard.update',
      entityType: 'fee_standard',
      entityId: id,
      projectId: before.project_id,
      before,
      after: input,
    });
  });

  return getFeeStandard(db, ctx, id);
}
