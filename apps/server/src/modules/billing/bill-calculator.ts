import type { FeeCycle, ProrationMethod, RoundingMode, StandardMethod } from '../../db/schema.js';
import { dec } from '../../platform/money.js';
import {
  type BillingCycle,
  type Coverage,
  type Explanation,
  FeeCalcError,
  type PriceRow,
  type ProrationMethod as CalcProration,
  type CalcFailure,
  addDays,
  addMonths,
  billingPeriods,
  coefficientFor,
  computeAreaFeeBySegments,
  computeFormulaFee,
  computeRentFee,
  coverageFactors,
  explain,
  resolvePrice,
  resolvePriceSegments,
  selectParkingPrice,
  termsTotal,
  withCoverage,
  type Period,
} from '../fees/calc/index.js';
import type { MethodParameters } from '../fees/fees.schemas.js';

/**
 * Turns a binding into bills: which periods of a month range it owes, and what each costs.
 * Pure: the bill run loads the rows, this decides, the run writes. The same code answers the
 * preview, so what the preview shows is what the run creates.
 */

export interface ChargeItem {
  id: number;
  name: string;
  category: string;
  cycle: FeeCycle;
  roundingMode: RoundingMode;
  proration: ProrationMethod;
  dueRule: 'days_after_period_start' | 'days_after_period_end' | 'day_of_first_month';
  dueValue: number;
}

export interface ChargeStandard {
  id: number;
  method: StandardMethod;
  parameters: MethodParameters[StandardMethod];
  /** The standard's prices, in the calculation core's form (exclusive `effectiveTo`). */
  prices: PriceRow[];
}

/** A binding with what the calculation needs to know of its resource. */
export interface ChargeTarget {
  bindingId: number;
  resourceId: number;
  projectId: number;
  buildingId: number | null;
  unitId: number | null;
  floor: number | null;
  area: string | null;
  innerArea: string | null;
  feeCoefficient: string | null;
  spaceType: string | null;
  vehicleType: string | null;
  /** 交房 or 入住 date: billing never starts before it. */
  handoverDate: string | null;
  leaseStart: string | null;
  bindingStart: string;
  /** Inclusive; null while the binding runs. */
  bindingEnd: string | null;
}

export interface ComputedBill {
  /** The calculation as stored with the bill (JSON of `explanation`). */
  calculation: string;
  periodKey: string;
  periodLabel: string;
  periodStart: string;
  /** Inclusive. */
  periodEnd: string;
  dueDate: string;
  explanation: Explanation;
}

export interface CalcSkip {
  reason: CalcFailure | 'NOT_PERIODIC' | 'ONE_OFF' | 'NO_PAYER';
  message: string;
  periodKey: string | null;
}

/** Months `YYYY-MM` as the period [first day of `from`, first day after `to`). */
export function monthRange(fromMonth: string, toMonth: string): Period {
  return { start: `${fromMonth}-01`, end: addMonths(`${toMonth}-01`, 1) };
}

const CYCLES: Record<Exclude<FeeCycle, 'one_off'>, BillingCycle> = {
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  half_yearly: 'HALF_YEARLY',
  yearly: 'YEARLY',
};

const PRORATION: Record<ProrationMethod, CalcProration> = {
  actual_days: 'ACTUAL_DAYS',
  thirty_day_month: 'DAYS_30',
  none: 'NONE_IF_AFTER_15TH',
};

const ROUNDING: Record<RoundingMode, Explanation['rounding']> = {
  half_up: 'HALF_UP',
  half_even: 'HALF_EVEN',
  down: 'DOWN',
  up: 'UP',
  yuan: 'YUAN',
};

/** Methods whose bills come from elsewhere (meter readings, the parking gate). */
const NOT_PERIODIC: readonly StandardMethod[] = [
  'usage_price',
  'tiered_usage',
  'parking_temporary',
];

/**
 * The bills a binding owes for the periods that start inside `range`, each computed; or the
 * reasons it cannot be billed. A period starts where the cycle starts, or later when billing
 * starts inside it (handover, binding start), and ends early at the binding's end.
 */
export function billsForBinding(
  item: ChargeItem,
  standard: ChargeStandard,
  target: ChargeTarget,
  range: Period,
  memo: ChargeMemo = newChargeMemo(),
): { bills: ComputedBill[]; skips: CalcSkip[] } {
  if (item.cycle === 'one_off') {
    return { bills: [], skips: [{ reason: 'ONE_OFF', message: item.name, periodKey: null }] };
  }
  if (NOT_PERIODIC.includes(standard.method)) {
    return { bills: [], skips: [{ reason: 'NOT_PERIODIC', message: item.name, periodKey: null }] };
  }

  const start = [target.bindingStart, target.handoverDate ?? target.bindingStart].reduce((a, b) =>
    a >= b ? a : b,
  );
  const bills: ComputedBill[] = [];
  const skips: CalcSkip[] = [];
  for (const period of periodsOf(item, start, target.bindingEnd, range, memo)) {
    try {
      bills.push({ ...period, ...memoisedCharge(item, standard, target, period, memo) });
    } catch (error) {
      if (!(error instanceof FeeCalcError)) throw error;
      skips.push({ reason: error.reason, message: error.message, periodKey: period.periodKey });
    }
  }

  return { bills, skips };
}

type BilledPeriod = Omit<ComputedBill, 'explanation' | 'calculation'> & Period;

/**
 * The periods billed for a charge starting on `start` (binding start or handover) and ending
 * with the binding: those that begin inside the range. Periods are counted from the start of
 * the cycle that holds the range's first day, so a period begun before the range (a quarter
 * begun last month) is not billed again in part.
 */
function periodsOf(
  item: ChargeItem,
  start: string,
  bindingEnd: string | null,
  range: Period,
  memo: ChargeMemo,
): BilledPeriod[] {
  const key = `${item.id}|${start}|${bindingEnd}|${range.start}|${range.end}`;
  const known = memo.periods.get(key);
  if (known) return known;

  const cycle = CYCLES[item.cycle as Exclude<FeeCycle, 'one_off'>];
  const periods = billingPeriods({
    cycle,
    anchor: 'CALENDAR',
    start: start > range.start ? start : range.start,
    until: range.end,
    bindingEnd: bindingEnd === null ? undefined : addDays(bindingEnd, 1),
  }).flatMap((period): BilledPeriod[] => {
    const cycleStart = cycleStartOf(period.start, cycle);
    const outside = period.start < range.start || period.start >= range.end;
    if (outside || (cycleStart < range.start && period.start !== start)) return [];

    return [
      {
        start: period.start,
        end: period.end,
        periodKey: period.partial ? period.label.slice(0, period.label.indexOf(' ')) : period.label,
        periodLabel: period.label,
        periodStart: period.start,
        periodEnd: addDays(period.end, -1),
        dueDate: dueDateOf(item, {
          start: cycleStart,
          end: addMonths(cycleStart, monthsOf(cycle)),
        }),
      },
    ];
  });
  memo.periods.set(key, periods);

  return periods;
}

/**
 * Charges already computed in this run, by everything they depend on. Homes of one layout on
 * one price compute the same line, so a run of 100,000 rooms computes a few hundred.
 */
export interface ChargeMemo {
  charges: Map<string, { explanation: Explanation; calculation: string } | Error>;
  periods: Map<string, BilledPeriod[]>;
}

export function newChargeMemo(): ChargeMemo {
  return { charges: new Map(), periods: new Map() };
}

function memoisedCharge(
  item: ChargeItem,
  standard: ChargeStandard,
  target: ChargeTarget,
  period: Period,
  memo: ChargeMemo,
): { explanation: Explanation; calculation: string } {
  const key = chargeKey(item, standard, target, period);
  let found = memo.charges.get(key);
  if (found === undefined) {
    try {
      const explanation = computeCharge(item, standard, target, period);
      found = { explanation, calculation: JSON.stringify(explanation) };
    } catch (error) {
      if (!(error instanceof FeeCalcError)) throw error;
      found = error;
    }
    memo.charges.set(key, found);
  }
  if (found instanceof Error) throw found;

  return found;
}

/** What a charge depends on: the item, the standard, the period, the resource's facts, the prices. */
function chargeKey(
  item: ChargeItem,
  standard: ChargeStandard,
  target: ChargeTarget,
  period: Period,
): string {
  let prices = '';
  if (standard.prices.length > 0) {
    try {
      prices = resolvePriceSegments(standard.prices, target, period)
        .map((segment) => `${segment.price.id}@${segment.start}~${segment.end}`)
        .join(',');
    } catch {
      prices = 'none';
    }
  }
  const contract =
    standard.method === 'rent_escalation' ? (target.leaseStart ?? target.bindingStart) : '';

  return [
    item.id,
    standard.id,
    period.start,
    period.end,
    target.area,
    target.innerArea,
    target.floor,
    target.feeCoefficient,
    target.spaceType,
    target.vehicleType,
    contract,
    prices,
  ].join('|');
}

function monthsOf(cycle: BillingCycle): number {
  return { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 }[cycle];
}

function cycleStartOf(date: string, cycle: BillingCycle): string {
  const months = monthsOf(cycle);
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / months) * months + 1;

  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** The due date of a cycle by the item's rule (DOMAIN §1.5; the late fee counts from it). */
export function dueDateOf(item: Pick<ChargeItem, 'dueRule' | 'dueValue'>, cycle: Period): string {
  switch (item.dueRule) {
    case 'days_after_period_start':
      return addDays(cycle.start, item.dueValue);
    case 'days_after_period_end':
      return addDays(cycle.end, item.dueValue - 1);
    case 'day_of_first_month': {
      const last = addDays(addMonths(`${cycle.start.slice(0, 7)}-01`, 1), -1);
      const day = Math.min(Math.max(item.dueValue, 1), Number(last.slice(8)));

      return `${cycle.start.slice(0, 7)}-${String(day).padStart(2, '0')}`;
    }
  }
}

/** One period's charge for a binding, by its standard's method. */
export function computeCharge(
  item: ChargeItem,
  standard: ChargeStandard,
  target: ChargeTarget,
  period: Period,
): Explanation {
  const rounding = ROUNDING[item.roundingMode];
  const proration = PRORATION[item.proration];
  const coverage: Coverage = { period, proration };
  const priced = { ...target, resourceId: target.resourceId };

  switch (standard.method) {
    case 'area_price':
    case 'floor_coefficient': {
      const parameters = standard.parameters as MethodParameters[
        'area_price' | 'floor_coefficient'];
      const inner = parameters.areaBasis === 'inner';
      const coefficient =
        standard.method === 'floor_coefficient'
          ? coefficientFor(
              {
                kind: 'FLOOR_BANDS',
                bands: (parameters as MethodParameters['floor_coefficient']).bands.map((band) => ({
                  fromFloor: band.floorFrom,
                  toFloor: band.floorTo,
                  coefficient: band.coefficient,
                })),
              },
              { floor: target.floor },
            )
          : undefined;

      return computeAreaFeeBySegments({
        areaKind: inner ? 'INNER' : 'BUILT',
        area: inner ? target.innerArea : target.area,
        segments: resolvePriceSegments(standard.prices, priced, period).map((segment) => ({
          start: segment.start,
          end: segment.end,
          unitPrice: segment.price.unitPrice,
        })),
        coefficient,
        proration,
        rounding,
      });
    }
    case 'fixed': {
      const terms = resolvePriceSegments(standard.prices, priced, period).flatMap((segment) =>
        withCoverage([{ kind: 'monthlyAmount', value: segment.price.unitPrice }], {
          period: segment,
          proration,
        }),
      );

      return explain({ method: 'FIXED', terms, rounding });
    }
    case 'parking_monthly': {
      const parameters = standard.parameters as MethodParameters['parking_monthly'];
      const price = selectParkingPrice(
        parameters.prices.map((row) => ({
          vehicleType: row.vehicleType,
          spaceType: row.spaceType,
          monthlyPrice: row.price,
        })),
        { vehicleType: target.vehicleType ?? 'small_car', spaceType: target.spaceType },
      );
      if (!price) {
        throw new FeeCalcError('PRICE_MISSING', 'no monthly parking price fits this space');
      }

      return explain({
        method: 'PARKING_MONTHLY',
        terms: withCoverage([{ kind: 'monthlyAmount', value: price.monthlyPrice }], coverage),
        rounding,
      });
    }
    case 'rent_escalation': {
      const parameters = standard.parameters as MethodParameters['rent_escalation'];
      const area =
        parameters.areaBasis === 'none'
          ? '1'
          : parameters.areaBasis === 'inner'
            ? target.innerArea
            : target.area;
      if (area === null || dec(area).isZero()) {
        throw new FeeCalcError('AREA_MISSING', 'the resource has no area to charge rent on');
      }

      return computeRentFee({
        baseMonthlyRent: dec(parameters.basePrice).times(dec(area)).toString(),
        escalationRate: dec(parameters.escalationPercent).div(100).toString(),
        contractStart: target.leaseStart ?? target.bindingStart,
        period,
        proration,
        rounding,
      });
    }
    case 'custom_formula': {
      const parameters = standard.parameters as MethodParameters['custom_formula'];
      const price = resolvePrice(standard.prices, priced, period.start);
      const months = termsTotal(coverageFactors(coverage).map((factors) => ({ factors })));

      return computeFormulaFee({
        formula: parameters.formula,
        values: {
          area: target.area ?? '0',
          innerArea: target.innerArea ?? '0',
          floor: target.floor ?? 0,
          months,
          coefficient: target.feeCoefficient ?? '1',
          price: price?.unitPrice ?? '0',
          fixedAmount: price?.unitPrice ?? '0',
        },
        rounding,
      });
    }
    default:
      throw new FeeCalcError('INVALID_INPUT', `${standard.method} is not billed by runs`);
  }
}
