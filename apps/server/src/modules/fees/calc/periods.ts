import type { Factor } from './explanation.js';

/**
 * Billing periods (DOMAIN §1.5). Dates are business dates `YYYY-MM-DD`; a period is half-open
 * `[start, end)` and shows with an inclusive end. Date arithmetic runs on UTC calendar days, so
 * no time zone or clock enters it.
 */

export type BillingCycle = 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';

export const CYCLE_MONTHS: Record<BillingCycle, number> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  HALF_YEARLY: 6,
  YEARLY: 12,
};

/** Calendar periods follow months 1/4/7/10 and the year; anniversary ones each payer's own date. */
export type PeriodAnchor = 'CALENDAR' | 'ANNIVERSARY';

/**
 * How a partial month is charged (DOMAIN §1.5): A actual days, B 30-day month, C annual ÷ 365,
 * D MicroCommunity's fraction rounded to 4 decimals, E whole month if the part covers the 15th.
 */
export type ProrationMethod =
  'ACTUAL_DAYS' | 'DAYS_30' | 'ANNUAL_365' | 'MC_FRACTION_4DP' | 'NONE_IF_AFTER_15TH';

export const DEFAULT_PRORATION: ProrationMethod = 'ACTUAL_DAYS';

export interface Period {
  /** First day, inclusive. */
  start: string;
  /** Day after the last, exclusive. */
  end: string;
}

export interface BillingPeriod extends Period {
  label: string;
  /** Whether the period is shorter than its cycle (a move-in or a binding end inside it). */
  partial: boolean;
}

/* -------------------------------------------------------------------- dates */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number);

  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to` (to − from); 0 when they are the same day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day N months later, clamped to the month's length: 01-31 + 1 month → 02-29 in 2024. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));

  return `${targetYear}-${pad(targetMonth)}-${pad(targetDay)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** A period as people read it, with an inclusive end: "2024-03-10 至 2024-06-09". */
export function displayPeriod(period: Period, separator = ' 至 '): string {
  return `${period.start}${separator}${addDays(period.end, -1)}`;
}

/* ------------------------------------------------------------------ periods */

/** The calendar cycle that contains a date: for a quarter, the quarter's first and next month. */
function calendarCycleOf(date: string, cycle: BillingCycle): Period {
  const months = CYCLE_MONTHS[cycle];
  const [year, month] = date.split('-').map(Number);
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  const start = `${year}-${pad(firstMonth)}-01`;

  return { start, end: addMonths(start, months) };
}

function calendarLabel(start: string, cycle: BillingCycle): string {
  const [year, month] = start.split('-').map(Number);
  switch (cycle) {
    case 'MONTHLY':
      return start.slice(0, 7);
    case 'QUARTERLY':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'HALF_YEARLY':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'YEARLY':
      return String(year);
  }
}

/** "2024-03 (03-17~03-31)": the cycle's label with the dates a partial period covers. */
function partialLabel(label: string, period: Period): string {
  return `${label} (${period.start.slice(5)}~${addDays(period.end, -1).slice(5)})`;
}

/**
 * The billing periods of a binding from its start (交房/入住 or binding start) until `until`
 * (exclusive), cut at the binding's end. Calendar periods begin with a partial one when the
 * start is not on a cycle boundary; anniversary periods run from the start's own date, with the
 * day clamped to the month's length, and are labelled by their start date.
 */
export function billingPeriods(options: {
  cycle: BillingCycle;
  anchor: PeriodAnchor;
  start: string;
  until: string;
  bindingEnd?: string;
}): BillingPeriod[] {
  const stop = options.bindingEnd ? minDate(options.until, options.bindingEnd) : options.until;
  const periods: BillingPeriod[] = [];
  const months = CYCLE_MONTHS[options.cycle];

  for (let index = 0, cursor = options.start; cursor < stop; index += 1) {
    const cycle =
      options.anchor === 'ANNIVERSARY'
        ? {
            start: addMonths(options.start, index * months),
            end: addMonths(options.start, (index + 1) * months),
          }
        : calendarCycleOf(cursor, options.cycle);
    const period = { start: maxDate(cycle.start, cursor), end: minDate(cycle.end, stop) };
    const partial = period.start !== cycle.start || period.end !== cycle.end;
    const label =
      options.anchor === 'ANNIVERSARY' ? cycle.start : calendarLabel(cycle.start, options.cycle);
    periods.push({ ...period, label: partial ? partialLabel(label, period) : label, partial });
    cursor = period.end;
  }

  return periods;
}

/* ---------------------------------------------------------------- proration */

/**
 * What a period is worth in months, as factors to multiply a monthly fee by: one factor for the
 * whole months, and one per partial month by the proration method. Each inner array is one term
 * of the bill line. Calendar periods count whole calendar months; an anniversary period counts
 * whole months from its own start (03-17 to 04-17 is one month) and prorates what is left.
 */
export function monthFactors(
  period: Period,
  method: ProrationMethod,
  anchor: PeriodAnchor = 'CALENDAR',
): Factor[][] {
  const terms: Factor[][] = [];
  let wholeMonths = 0;

  let cursor = period.start;
  if (anchor === 'ANNIVERSARY') {
    while (addMonths(period.start, wholeMonths + 1) <= period.end) wholeMonths += 1;
    cursor = addMonths(period.start, wholeMonths);
  }

  while (cursor < period.end) {
    const monthStart = firstOfMonth(cursor);
    const monthEnd = addMonths(monthStart, 1);
    const partEnd = minDate(monthEnd, period.end);
    if (cursor === monthStart && partEnd === monthEnd) {
      wholeMonths += 1;
    } else {
      const factors = partialMonthFactors({ start: cursor, end: partEnd }, method);
      if (factors !== null) terms.push(factors);
    }
    cursor = partEnd;
  }

  if (wholeMonths > 0) terms.unshift([{ kind: 'months', value: String(wholeMonths) }]);

  return terms;
}

/** The factors of a part of one month; null when the method charges nothing for it. */
function partialMonthFactors(part: Period, method: ProrationMethod): Factor[] | null {
  const days = daysBetween(part.start, part.end);
  const [year, month] = part.start.split('-').map(Number);
  const monthDays = daysInMonth(year, month);

  switch (method) {
    case 'ACTUAL_DAYS':
      return [{ kind: 'daysOfMonth', value: String(days), divisor: String(monthDays) }];
    case 'DAYS_30':
      return [{ kind: 'daysOf30', value: String(days), divisor: '30' }];
    case 'ANNUAL_365':
      return [
        { kind: 'monthsPerYearDays', value: '12', divisor: '365' },
        { kind: 'days', value: String(days) },
      ];
    case 'MC_FRACTION_4DP': {
      // MicroCommunity rounds the fraction of the month to 4 decimals before multiplying.
      const tenThousandths = roundHalfUpInteger(days * 10_000, monthDays);
      const value = `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;

      return [{ kind: 'monthFraction4dp', value }];
    }
    case 'NONE_IF_AFTER_15TH': {
      const fifteenth = `${part.start.slice(0, 7)}-15`;
      const coversFifteenth = part.start <= fifteenth && fifteenth < part.end;

      return coversFifteenth ? [{ kind: 'months', value: '1' }] : null;
    }
  }
}

/** numerator ÷ denominator rounded half-up, for small non-negative integers. */
function roundHalfUpInteger(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
