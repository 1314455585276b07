import type { Decimal } from 'decimal.js';
import { DEFAULT_ROUNDING, dec, type RoundingMode } from '../../../platform/money.js';
import { FeeCalcError, invalidInput } from './calc-error.js';
import { coverageFactors, type Coverage } from './coverage.js';
import { explain, type Explanation, type Factor, type Term } from './explanation.js';
import { addMonths, maxDate, minDate, type Period, type ProrationMethod } from './periods.js';

/**
 * Fees charged per month over a coverage: area × unit price (× coefficient), a fixed amount per
 * resource, and rent with a yearly escalation. Each rounds once, at the end of the line.
 */

/** 建筑面积 (built) or 套内面积 (inner) × unit price per m² per month (× coefficient) × months. */
export function computeAreaFee(options: {
  areaKind: 'BUILT' | 'INNER';
  area: string | null | undefined;
  unitPrice: string;
  coefficient?: string;
  coverage: Coverage;
  rounding?: RoundingMode;
}): Explanation {
  if (options.area === null || options.area === undefined || dec(options.area).isZero()) {
    throw new FeeCalcError(
      'AREA_MISSING',
      `the resource has no ${options.areaKind.toLowerCase()} area`,
    );
  }
  assertNotNegative(options.unitPrice, 'unit price');

  const base: Factor[] = [
    { kind: options.areaKind === 'BUILT' ? 'builtArea' : 'innerArea', value: options.area },
    { kind: 'pricePerSqmMonth', value: options.unitPrice },
  ];
  if (options.coefficient !== undefined)
    base.push({ kind: 'coefficient', value: options.coefficient });

  return explain({
    method: options.areaKind === 'BUILT' ? 'AREA_BUILT' : 'AREA_INNER',
    terms: withCoverage(base, options.coverage),
    rounding: options.rounding ?? DEFAULT_ROUNDING,
  });
}

/**
 * Area × unit price over a period in which the price changes (see `resolvePriceSegments`): each
 * part is prorated at its own price and the line is rounded once.
 */
export function computeAreaFeeBySegments(options: {
  areaKind: 'BUILT' | 'INNER';
  area: string | null | undefined;
  segments: { start: string; end: string; unitPrice: string }[];
  coefficient?: string;
  proration?: ProrationMethod;
  rounding?: RoundingMode;
}): Explanation {
  const parts = options.segments.map((segment) =>
    computeAreaFee({
      ...options,
      unitPrice: segment.unitPrice,
      coverage: { period: segment, proration: options.proration },
    }),
  );

  return explain({
    method: options.areaKind === 'BUILT' ? 'AREA_BUILT' : 'AREA_INNER',
    terms: parts.flatMap((part) => part.terms),
    rounding: options.rounding ?? DEFAULT_ROUNDING,
  });
}

/** A fixed amount per resource (per household, per space) per month × months. */
export function computeFixedFee(options: {
  monthlyAmount: string;
  coverage: Coverage;
  rounding?: RoundingMode;
}): Explanation {
  assertNotNegative(options.monthlyAmount, 'monthly amount');

  return explain({
    method: 'FIXED',
    terms: withCoverage(
      [{ kind: 'monthlyAmount', value: options.monthlyAmount }],
      options.coverage,
    ),
    rounding: options.rounding ?? DEFAULT_ROUNDING,
  });
}

/**
 * Rent that rises each contract year: the monthly rent in contract year k (from 0) is
 * base × (1 + rate)^k when compounding, base × (1 + rate × k) when simple. A period that
 * crosses a contract anniversary is split there.
 */
export function computeRentFee(options: {
  baseMonthlyRent: string;
  escalationRate: string;
  compounding?: 'COMPOUND' | 'SIMPLE';
  contractStart: string;
  period: Period;
  proration?: ProrationMethod;
  rounding?: RoundingMode;
}): Explanation {
  assertNotNegative(options.baseMonthlyRent, 'base rent');
  assertNotNegative(options.escalationRate, 'escalation rate');
  if (options.period.start < options.contractStart) {
    throw invalidInput(`the period starts before the contract: ${options.period.start}`);
  }

  const terms: Term[] = [];
  for (let year = 0; ; year += 1) {
    const yearStart = addMonths(options.contractStart, year * 12);
    if (yearStart >= options.period.end) break;

    const piece = {
      start: maxDate(yearStart, options.period.start),
      end: minDate(addMonths(options.contractStart, (year + 1) * 12), options.period.end),
    };
    if (piece.start >= piece.end) continue;

    const escalation = escalationFactor(options.escalationRate, year, options.compounding);
    const base: Factor[] = [
      { kind: 'monthlyAmount', value: options.baseMonthlyRent },
      { kind: 'escalation', value: escalation.toString() },
    ];
    const coverage = { period: piece, proration: options.proration };
    terms.push(
      ...withCoverage(base, coverage).map((term) => ({ ...term, label: 'contractYear' as const })),
    );
  }

  return explain({ method: 'RENT', terms, rounding: options.rounding ?? DEFAULT_ROUNDING });
}

function escalationFactor(rate: string, year: number, compounding = 'COMPOUND'): Decimal {
  return compounding === 'COMPOUND'
    ? dec(1).plus(dec(rate)).pow(year)
    : dec(1).plus(dec(rate).times(year));
}

/** One term per month factor list: the base factors followed by the months or days. */
export function withCoverage(base: Factor[], coverage: Coverage): Term[] {
  return coverageFactors(coverage).map((months) => ({ factors: [...base, ...months] }));
}

export function assertNotNegative(value: string, what: string): void {
  if (dec(value).isNegative()) throw invalidInput(`${what} must not be negative: ${value}`);
}
