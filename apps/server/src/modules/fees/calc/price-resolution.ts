import { FeeCalcError } from './calc-error.js';
import { maxDate, minDate, type Period } from './periods.js';

/**
 * Where a unit price applies (DOMAIN §1.4): a resource override, a floor range within a
 * building (and optionally a unit), a unit, a building or the whole project.
 */
export type PriceScope =
  | { level: 'RESOURCE'; resourceId: number }
  | {
      level: 'FLOOR_RANGE';
      buildingId: number;
      unitId?: number | null;
      fromFloor: number;
      toFloor: number;
    }
  | { level: 'UNIT'; unitId: number }
  | { level: 'BUILDING'; buildingId: number }
  | { level: 'PROJECT'; projectId: number };

export interface PriceRow {
  id: number;
  scope: PriceScope;
  /** Only rooms of this type (住宅, 商铺, 车库, 办公); null for any. */
  resourceType?: string | null;
  unitPrice: string;
  effectiveFrom: string;
  /** Exclusive, like a period's end; null while it runs. */
  effectiveTo?: string | null;
}

/** Where a resource sits, to match it against price scopes. */
export interface PricedResource {
  resourceId: number;
  projectId: number;
  buildingId?: number | null;
  unitId?: number | null;
  floor?: number | null;
  resourceType?: string | null;
}

/** Most specific first: resource → floor range → unit → building → project. */
const LEVEL_RANK: Record<PriceScope['level'], number> = {
  RESOURCE: 0,
  FLOOR_RANGE: 1,
  UNIT: 2,
  BUILDING: 3,
  PROJECT: 4,
};

function scopeHolds(scope: PriceScope, resource: PricedResource): boolean {
  switch (scope.level) {
    case 'RESOURCE':
      return scope.resourceId === resource.resourceId;
    case 'FLOOR_RANGE':
      return (
        scope.buildingId === resource.buildingId &&
        (scope.unitId === undefined || scope.unitId === null || scope.unitId === resource.unitId) &&
        resource.floor !== undefined &&
        resource.floor !== null &&
        scope.fromFloor <= resource.floor &&
        resource.floor <= scope.toFloor
      );
    case 'UNIT':
      return scope.unitId === resource.unitId;
    case 'BUILDING':
      return scope.buildingId === resource.buildingId;
    case 'PROJECT':
      return scope.projectId === resource.projectId;
  }
}

function effectiveOn(row: PriceRow, date: string): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo == null || date < row.effectiveTo);
}

/**
 * The price row that applies to a resource on a date: among the rows whose scope holds it and
 * that are effective that day, the most specific level wins; within a level a row for the
 * resource's type beats one for any type, then the latest `effectiveFrom`. Null when none applies.
 */
export function resolvePrice(
  rows: readonly PriceRow[],
  resource: PricedResource,
  date: string,
): PriceRow | null {
  const candidates = rows.filter(
    (row) =>
      scopeHolds(row.scope, resource) &&
      effectiveOn(row, date) &&
      (row.resourceType == null || row.resourceType === resource.resourceType),
  );
  candidates.sort(
    (a, b) =>
      LEVEL_RANK[a.scope.level] - LEVEL_RANK[b.scope.level] ||
      Number(b.resourceType != null) - Number(a.resourceType != null) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom) ||
      b.id - a.id,
  );

  return candidates[0] ?? null;
}

export interface PricedSegment extends Period {
  price: PriceRow;
}

/**
 * The prices over a period, split where a price that matters starts or ends inside it, so each
 * part of the bill line is prorated at its own price. A day without any price is refused.
 */
export function resolvePriceSegments(
  rows: readonly PriceRow[],
  resource: PricedResource,
  period: Period,
): PricedSegment[] {
  const cuts = new Set<string>([period.start]);
  for (const row of rows) {
    if (!scopeHolds(row.scope, resource)) continue;
    for (const date of [row.effectiveFrom, row.effectiveTo]) {
      if (date != null && period.start < date && date < period.end) cuts.add(date);
    }
  }

  const starts = [...cuts].sort();
  const segments: PricedSegment[] = [];
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? period.end;
    const price = resolvePrice(rows, resource, start);
    if (!price) throw new FeeCalcError('PRICE_MISSING', `no unit price applies on ${start}`);

    const last = segments.at(-1);
    if (last && last.price.id === price.id) last.end = end;
    else
      segments.push({ start: maxDate(start, period.start), end: minDate(end, period.end), price });
  });

  return segments;
}
