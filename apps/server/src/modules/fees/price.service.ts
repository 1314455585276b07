import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { FeePriceTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { toScale } from '../../platform/decimal.js';
import { AppError, type FieldIssue, invalidField } from '../../platform/errors.js';
import { type Scope, scopeOf } from '../../platform/scope.js';
import { nowInstant } from '../../platform/time.js';
import { inTransaction } from '../../platform/transaction.js';
import {
  type FeePriceListQuery,
  PRICED_METHODS,
  type PriceRowInput,
  type SetFeePricesInput,
} from './fees.schemas.js';
import { addDays } from './calc/periods.js';
import { type PriceRow, resolvePrice } from './calc/price-resolution.js';
import * as repo from './fees.repository.js';
import { findStandardOrThrow } from './standard.service.js';

/** The price rows of a standard, most general first: its price matrix by building, unit, floor. */
export async function listFeePrices(
  db: Database,
  ctx: RequestContext,
  standardId: number,
  query: FeePriceListQuery,
) {
  await findStandardOrThrow(db, ctx, standardId);
  const { items, total } = await repo.listFeePrices(db, scopeOf(ctx), standardId, query);

  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Which ids a row of each scope names; the others must stay empty. */
const SCOPE_FIELDS = {
  project: [],
  building: ['buildingId'],
  unit: ['unitId'],
  floor_range: ['buildingId', 'floorFrom', 'floorTo', 'unitId?'],
  resource: ['resourceId'],
} as const;

const ROW_FIELDS = ['buildingId', 'unitId', 'floorFrom', 'floorTo', 'resourceId'] as const;

function shapeIssues(row: PriceRowInput, i: number): FieldIssue[] {
  const wanted: readonly string[] = SCOPE_FIELDS[row.scope];
  const issues: FieldIssue[] = [];
  for (const field of ROW_FIELDS) {
    const required = wanted.includes(field);
    const allowed = required || wanted.includes(`${field}?`);
    if (required && row[field] === undefined) {
      issues.push({ field: `prices.${i}.${field}`, message: 'validation.required' });
    }
    if (!allowed && row[field] !== undefined) {
      issues.push({ field: `prices.${i}.${field}`, message: 'validation.not_for_scope' });
    }
  }
  if (row.floorFrom !== undefined && row.floorTo !== undefined && row.floorTo < row.floorFrom) {
    issues.push({ field: `prices.${i}.floorTo`, message: 'validation.end_before_start' });
  }

  return issues;
}

interface ResolvedRow {
  buildingId: number | null;
  unitId: number | null;
  resourceId: number | null;
}

/** Checks that every building, unit and resource a row names is of the standard's project. */
async function resolveReferences(
  db: Database,
  scope: Scope,
  projectId: number,
  rows: PriceRowInput[],
): Promise<{ resolved: ResolvedRow[]; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const resourceIds = [...new Set(rows.flatMap((r) => (r.resourceId ? [r.resourceId] : [])))];
  const resources = new Map(
    (await repo.resourcesByIds(db, scope, resourceIds))
      .filter((r) => r.projectId === projectId)
      .map((r) => [r.id, r]),
  );
  const buildings = new Map<number, boolean>();
  const units = new Map<number, number | null>();

  const resolved: ResolvedRow[] = [];
  for (const [i, row] of rows.entries()) {
    // An employee narrowed to some buildings prices those buildings, never the whole project.
    if (row.scope === 'project' && scope.buildingIds) {
      issues.push({ field: `prices.${i}.scope`, message: 'validation.project_price_narrowed' });
    }
    let buildingId = row.buildingId ?? null;
    if (buildingId !== null && !buildings.has(buildingId)) {
      buildings.set(
        buildingId,
        !!(await repo.findBuildingOfProject(db, scope, projectId, buildingId)),
      );
    }
    if (buildingId !== null && !buildings.get(buildingId)) {
      issues.push({ field: `prices.${i}.buildingId`, message: 'validation.unknown_building' });
    }
    if (row.unitId !== undefined && !units.has(row.unitId)) {
      const unit = await repo.findUnitOfProject(db, scope, projectId, row.unitId);
      units.set(row.unitId, unit?.buildingId ?? null);
    }
    const unitBuilding = row.unitId === undefined ? undefined : units.get(row.unitId);
    if (
      unitBuilding === null ||
      (unitBuilding !== undefined && buildingId !== null && unitBuilding !== buildingId)
    ) {
      issues.push({ field: `prices.${i}.unitId`, message: 'validation.unknown_unit' });
    }
    if (unitBuilding) buildingId = unitBuilding;
    if (row.resourceId !== undefined) {
      const resource = resources.get(row.resourceId);
      if (!resource)
        issues.push({ field: `prices.${i}.resourceId`, message: 'validation.unknown_resource_id' });
      buildingId = resource?.buildingId ?? null;
    }
    resolved.push({ buildingId, unitId: row.unitId ?? null, resourceId: row.resourceId ?? null });
  }

  return { resolved, issues };
}

/**
 * Sets a standard's unit prices from a date, for the project or any building, unit, floor range
 * or resource. Rows are only ever added: a later row takes over from its date, and the rows that
 * bills already used stay as they were.
 */
export async function setFeePrices(
  db: Database,
  ctx: RequestContext,
  standardId: number,
  input: SetFeePricesInput,
) {
  const scope = scopeOf(ctx);
  const standard = await findStandardOrThrow(db, ctx, standardId);
  if (!PRICED_METHODS.includes(standard.method)) {
    throw invalidField('prices', 'validation.price_not_used');
  }
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
    throw invalidField('effectiveTo', 'validation.end_before_start');
  }
  const shape = input.prices.flatMap(shapeIssues);
  if (shape.length > 0) throw new AppError('VALIDATION_FAILED', { details: shape });
  const { resolved, issues } = await resolveReferences(
    db,
    scope,
    standard.project_id,
    input.prices,
  );
  const keys = input.prices.map((row) => repo.priceKey(row));
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i)
      issues.push({ field: `prices.${i}`, message: 'validation.duplicate' });
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { details: issues });

  const createdBy = ctx.actor?.id ?? null;
  const now = nowInstant();
  const rows: Insertable<FeePriceTable>[] = input.prices.map((row, i) => ({
    org_id: scope.orgId,
    project_id: standard.project_id,
    standard_id: standardId,
    scope: row.scope,
    building_id: resolved[i].buildingId,
    unit_id: resolved[i].unitId,
    floor_from: row.floorFrom ?? null,
    floor_to: row.floorTo ?? null,
    resource_id: resolved[i].resourceId,
    price: toScale(row.price, 4),
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo ?? null,
    created_by: createdBy,
    created_at: now,
  }));

  await inTransaction(db, async (tx) => {
    const taken = await repo.priceKeysStartingOn(tx, standardId, input.effectiveFrom);
    const clash = keys.findIndex((key) => taken.has(key));
    if (clash >= 0) {
      throw new AppError('ALREADY_EXISTS', {
        params: { field: `prices.${clash}` },
        details: [{ field: `prices.${clash}`, message: 'validation.price_exists' }],
      });
    }

    await repo.insertFeePrices(tx, rows);
    await recordAudit(tx, ctx, {
      action: 'fee-price.create',
      entityType: 'fee_standard',
      entityId: standardId,
      projectId: standard.project_id,
      after: input,
    });
  });

  return { created: rows.length };
}

/**
 * A price row as the calculation core reads it. Our `effective_to` is the last day (as people
 * enter it); the core's is exclusive, like a period's end, so it moves one day on.
 */
export function toPriceRow(
  row: Pick<
    repo.FeePriceRow,
    | 'id'
    | 'scope'
    | 'buildingId'
    | 'unitId'
    | 'floorFrom'
    | 'floorTo'
    | 'resourceId'
    | 'price'
    | 'effectiveFrom'
    | 'effectiveTo'
  >,
  projectId: number,
): PriceRow {
  const scopes: Record<repo.FeePriceRow['scope'], () => PriceRow['scope']> = {
    project: () => ({ level: 'PROJECT', projectId }),
    building: () => ({ level: 'BUILDING', buildingId: row.buildingId ?? 0 }),
    unit: () => ({ level: 'UNIT', unitId: row.unitId ?? 0 }),
    floor_range: () => ({
      level: 'FLOOR_RANGE',
      buildingId: row.buildingId ?? 0,
      unitId: row.unitId,
      fromFloor: row.floorFrom ?? 0,
      toFloor: row.floorTo ?? 0,
    }),
    resource: () => ({ level: 'RESOURCE', resourceId: row.resourceId ?? 0 }),
  };

  return {
    id: row.id,
    scope: scopes[row.scope](),
    unitPrice: row.price,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo === null ? null : addDays(row.effectiveTo, 1),
  };
}

/**
 * The unit price that applies to a resource on a date, picked by the calculation core's
 * `resolvePrice` (calc/price-resolution.ts): resource → floor range → unit → building → project,
 * then the latest effective date (DOMAIN.md §1.4).
 */
export async function effectivePrice(
  db: Database,
  ctx: RequestContext,
  standardId: number,
  query: { resourceId: number; date: string },
) {
  const standard = await findStandardOrThrow(db, ctx, standardId);
  const [resource] = await repo.resourcesByIds(db, scopeOf(ctx), [query.resourceId]);
  if (!resource || resource.projectId !== standard.project_id) {
    throw invalidField('resourceId', 'validation.unknown_resource_id');
  }

  const candidates = await repo.priceCandidates(db, standardId, resource, query.date);
  const chosen = resolvePrice(
    candidates.map((row) => toPriceRow(row, standard.project_id)),
    { ...resource, resourceId: resource.id },
    query.date,
  );
  const source = candidates.find((row) => row.id === chosen?.id) ?? null;

  return {
    standardId,
    resourceId: resource.id,
    date: query.date,
    price: source?.price ?? null,
    source,
  };
}
