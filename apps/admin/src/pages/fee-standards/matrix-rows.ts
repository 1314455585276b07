import type { FeePrice, PriceScope } from '../../api/fee-standards';
import type { ResourceTree } from '../../api/rooms';
import type { Translate } from '../../i18n';
import { scopeTarget } from './price-scope';

/** Where a “set price” starts from: the scope and the target a matrix row stands for. */
export interface PriceTarget {
  scope: PriceScope;
  buildingId?: number;
  unitId?: number;
  floorFrom?: number;
  floorTo?: number;
  resourceId?: number;
}

export interface MatrixRow {
  key: string;
  label: string;
  scope?: PriceScope;
  /** The row that prices this scope itself on the day shown. */
  own?: FeePrice;
  /** Otherwise the price it takes from the scope above, if any. */
  inherited?: FeePrice;
  /** The next row of this scope that starts after the day shown. */
  next?: FeePrice;
  target?: PriceTarget;
  children?: MatrixRow[];
}

type Building = ResourceTree['buildings'][number];

/**
 * One key per thing a price can cover: rows with the same key replace each other over time.
 * Only the fields a scope names count (the server also fills a unit row's building).
 */
export function priceKey(row: PriceTarget | FeePrice): string {
  const parts = {
    project: [],
    building: [row.buildingId],
    unit: [row.unitId],
    floor_range: [row.buildingId, row.unitId, row.floorFrom, row.floorTo],
    resource: [row.resourceId],
  }[row.scope];

  return [row.scope, ...parts.map((part) => part ?? '')].join(':');
}

/** The prices in force on a day and the next ones after it, looked up by key. */
export class PriceBook {
  private readonly current = new Map<string, FeePrice>();
  private readonly upcoming = new Map<string, FeePrice>();

  constructor(current: FeePrice[], all: FeePrice[], date: string) {
    for (const row of current) this.current.set(priceKey(row), row);
    for (const row of all) {
      if (row.effectiveFrom <= date) continue;
      const key = priceKey(row);
      const known = this.upcoming.get(key);
      if (!known || row.effectiveFrom < known.effectiveFrom) this.upcoming.set(key, row);
    }
  }

  own(target: PriceTarget): FeePrice | undefined {
    return this.current.get(priceKey(target));
  }

  next(target: PriceTarget): FeePrice | undefined {
    return this.upcoming.get(priceKey(target));
  }

  /** Rows of one scope, in force now or starting later, one per key. */
  rowsOf(scope: PriceScope, match: (row: FeePrice) => boolean = () => true): FeePrice[] {
    const byKey = new Map<string, FeePrice>();
    for (const row of [...this.upcoming.values(), ...this.current.values()]) {
      if (row.scope === scope && match(row)) byKey.set(priceKey(row), row);
    }

    return [...byKey.values()];
  }
}

function targetOf(row: FeePrice): PriceTarget {
  return {
    scope: row.scope,
    buildingId: row.buildingId ?? undefined,
    unitId: row.unitId ?? undefined,
    floorFrom: row.floorFrom ?? undefined,
    floorTo: row.floorTo ?? undefined,
    resourceId: row.resourceId ?? undefined,
  };
}

function matrixRow(
  book: PriceBook,
  fields: { key: string; label: string; target: PriceTarget; inherited?: FeePrice },
  children: MatrixRow[] = [],
): MatrixRow {
  return {
    ...fields,
    scope: fields.target.scope,
    own: book.own(fields.target),
    next: book.next(fields.target),
    children: children.length > 0 ? children : undefined,
  };
}

function rowsOfPrices(t: Translate, book: PriceBook, rows: FeePrice[], inherited?: FeePrice) {
  return rows.map((row) =>
    matrixRow(book, {
      key: `${row.scope}-${row.id}`,
      label: scopeTarget(t, row),
      target: targetOf(row),
      inherited,
    }),
  );
}

/** A building with its units and the floor ranges priced in it, each unit's under the unit. */
function buildingRow(t: Translate, book: PriceBook, building: Building, project?: FeePrice) {
  const target: PriceTarget = { scope: 'building', buildingId: building.id };
  const above = book.own(target) ?? project;
  const ranges = book.rowsOf('floor_range', (row) => row.buildingId === building.id);
  const units = building.units.flatMap((unit) => {
    if (unit.id === null) return [];
    const unitTarget: PriceTarget = { scope: 'unit', unitId: unit.id };
    const unitRanges = ranges.filter((row) => row.unitId === unit.id);
    const children = rowsOfPrices(t, book, unitRanges, book.own(unitTarget) ?? above);
    const label = unit.name ?? unit.code ?? '—';

    return [
      matrixRow(
        book,
        { key: `unit-${unit.id}`, label, target: unitTarget, inherited: above },
        children,
      ),
    ];
  });
  const buildingRanges = rowsOfPrices(
    t,
    book,
    ranges.filter((row) => row.unitId === null),
    above,
  );

  return matrixRow(
    book,
    { key: `building-${building.id}`, label: building.name, target, inherited: project },
    [...units, ...buildingRanges],
  );
}

/**
 * The price matrix as a tree: the project, each building (its units and floor ranges below),
 * then the resources priced on their own.
 */
export function matrixRows(t: Translate, buildings: Building[], book: PriceBook): MatrixRow[] {
  const projectTarget: PriceTarget = { scope: 'project' };
  const project = book.own(projectTarget);
  const overrides = book.rowsOf('resource');
  const rows: MatrixRow[] = [
    matrixRow(book, { key: 'project', label: t('price.wholeProject'), target: projectTarget }),
    ...buildings.map((building) => buildingRow(t, book, building, project)),
  ];
  if (overrides.length > 0) {
    rows.push({
      key: 'resources',
      label: t('price.resourceOverrides', { count: overrides.length }),
      children: rowsOfPrices(t, book, overrides),
    });
  }

  return rows;
}
