import type { Decimal } from 'decimal.js';
import {
  DEFAULT_ROUNDING,
  dec,
  roundToFen,
  type Fen,
  type RoundingMode,
} from '../../../platform/money.js';
import { invalidInput } from './calc-error.js';
import { explain, type Explanation, type Note, type Term } from './explanation.js';
import { addMonths, displayPeriod, maxDate, type Period } from './periods.js';

/* ------------------------------------------------------------ monthly cards */

/** A monthly parking price for a kind of vehicle and space; a null field matches any. */
export interface ParkingPrice {
  vehicleType?: string | null;
  spaceType?: string | null;
  /** 业主 vs 非业主 price; null for both. */
  ownerPrice?: boolean | null;
  monthlyPrice: string;
}

/** The price row that fits a car best: every set field must match, more matching fields win. */
export function selectParkingPrice(
  prices: readonly ParkingPrice[],
  car: { vehicleType: string; spaceType?: string | null; isOwner?: boolean },
): ParkingPrice | null {
  const fits = prices.filter(
    (price) =>
      (price.vehicleType == null || price.vehicleType === car.vehicleType) &&
      (price.spaceType == null || price.spaceType === car.spaceType) &&
      (price.ownerPrice == null || price.ownerPrice === (car.isOwner ?? false)),
  );
  const specificity = (price: ParkingPrice) =>
    [price.vehicleType, price.spaceType, price.ownerPrice].filter((field) => field != null).length;

  return fits.sort((a, b) => specificity(b) - specificity(a))[0] ?? null;
}

/**
 * A monthly card (月卡) for N months (DOMAIN §3.2): valid `[start, start + N months)` with the day
 * clamped; a renewal starts at the later of the current expiry and today.
 */
export function computeMonthlyCard(options: {
  monthlyPrice: string;
  months: number;
  start: string;
  currentExpiry?: string | null;
  rounding?: RoundingMode;
}): { validity: Period; display: string; explanation: Explanation } {
  if (!Number.isSafeInteger(options.months) || options.months < 1) {
    throw invalidInput(`months must be a whole number from 1: ${options.months}`);
  }

  const start = options.currentExpiry
    ? maxDate(options.currentExpiry, options.start)
    : options.start;
  const validity = { start, end: addMonths(start, options.months) };
  const terms: Term[] = [
    {
      factors: [
        { kind: 'monthlyAmount', value: options.monthlyPrice },
        { kind: 'months', value: String(options.months) },
      ],
    },
  ];
  const explanation = explain({
    method: 'PARKING_MONTHLY',
    terms,
    rounding: options.rounding ?? DEFAULT_ROUNDING,
  });

  return { validity, display: displayPeriod(validity), explanation };
}

/* -------------------------------------------------------- temporary parking */

/**
 * The basic temporary-parking tariff (DOMAIN §3.3): free minutes, a first segment, then a price
 * per started step, and a cap per 24 hours from entry (null: no cap).
 */
export interface BasicTariff {
  kind: 'BASIC';
  freeMinutes: number;
  /** Whether the free minutes come off a longer stay (default: they do not). */
  freeMinutesDeductible?: boolean;
  firstSegmentMinutes: number;
  firstSegmentPrice: string;
  stepMinutes: number;
  stepPrice: string;
  dailyCap: string | null;
}

/** A band priced per started unit, the first unit of the stay at its own price. */
export interface SteppedBand {
  kind: 'STEPPED';
  firstUnitMinutes: number;
  firstUnitPrice: string;
  unitMinutes: number;
  unitPrice: string;
}

/** A band charged once for each time the stay is in it (¥5 a night). */
export interface FlatBand {
  kind: 'FLAT';
  price: string;
}

/** Day and night bands (DOMAIN §3.4), in Asia/Shanghai local time `HH:mm`. */
export interface DayNightTariff {
  kind: 'DAY_NIGHT';
  freeMinutes: number;
  dayStarts: string;
  nightStarts: string;
  day: SteppedBand | FlatBand;
  night: SteppedBand | FlatBand;
  dailyCap: string | null;
}

export type TemporaryTariff = BasicTariff | DayNightTariff;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Minutes of a stay, rounded up: 2 h 36 min 10 s is 157 minutes. */
export function stayMinutes(entry: string, exit: string): number {
  const ms = Date.parse(exit) - Date.parse(entry);
  if (!Number.isFinite(ms) || ms < 0) throw invalidInput(`the exit is before the entry: ${exit}`);

  return Math.ceil(ms / MINUTE_MS);
}

interface Priced {
  terms: Term[];
  notes: Note[];
  exact: Decimal;
}

/** Prices a stay of whole minutes under the basic tariff. */
export function priceBasicStay(minutes: number, tariff: BasicTariff): Priced {
  const notes: Note[] = [{ kind: 'minutes', value: String(minutes) }];
  if (minutes <= tariff.freeMinutes) {
    return {
      terms: [],
      notes: [...notes, { kind: 'freeMinutes', value: String(tariff.freeMinutes) }],
      exact: dec(0),
    };
  }

  const chargeable = tariff.freeMinutesDeductible ? minutes - tariff.freeMinutes : minutes;
  const fullDays = tariff.dailyCap === null ? 0 : Math.floor(chargeable / DAY_MINUTES);
  const rest = chargeable - fullDays * DAY_MINUTES;
  const terms: Term[] = [];
  if (fullDays > 0 && tariff.dailyCap !== null) {
    terms.push({
      label: 'fullDays',
      factors: [
        { kind: 'count', value: String(fullDays), unit: ' 天' },
        { kind: 'amount', value: tariff.dailyCap },
      ],
    });
  }

  const restTerms = basicSegmentTerms(rest, tariff);
  const restExact = termsSum(restTerms);
  const capped = tariff.dailyCap !== null && restExact.greaterThan(tariff.dailyCap);
  const exact = dec(tariff.dailyCap ?? 0)
    .times(fullDays)
    .plus(capped ? dec(tariff.dailyCap ?? 0) : restExact);
  if (capped) notes.push({ kind: 'capped', value: tariff.dailyCap ?? '' });

  return { terms: [...terms, ...restTerms], notes, exact };
}

function basicSegmentTerms(minutes: number, tariff: BasicTariff): Term[] {
  if (minutes <= 0) return [];

  const first: Term = {
    label: 'firstSegment',
    factors: [{ kind: 'amount', value: tariff.firstSegmentPrice }],
  };
  if (minutes <= tariff.firstSegmentMinutes) return [first];

  const steps = Math.ceil((minutes - tariff.firstSegmentMinutes) / tariff.stepMinutes);

  return [
    first,
    {
      label: 'steps',
      factors: [
        { kind: 'count', value: String(steps) },
        { kind: 'amount', value: tariff.stepPrice },
      ],
    },
  ];
}

function termsSum(terms: readonly Term[]): Decimal {
  return terms.reduce(
    (sum, term) => sum.plus(term.factors.reduce((acc, factor) => acc.times(factor.value), dec(1))),
    dec(0),
  );
}

function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);

  return hours * 60 + minutes;
}

/**
 * Prices a stay under day/night bands: the stay is cut at the band boundaries and at each
 * 24 hours from entry; the first unit applies once per stay; each 24-hour window is capped.
 */
export function priceDayNightStay(entry: string, minutes: number, tariff: DayNightTariff): Priced {
  const notes: Note[] = [{ kind: 'minutes', value: String(minutes) }];
  if (minutes <= tariff.freeMinutes) {
    return {
      terms: [],
      notes: [...notes, { kind: 'freeMinutes', value: String(tariff.freeMinutes) }],
      exact: dec(0),
    };
  }

  const entryMinute = Math.floor(Date.parse(entry) / MINUTE_MS) + SHANGHAI_OFFSET_MINUTES;
  const dayStarts = minuteOfDay(tariff.dayStarts);
  const nightStarts = minuteOfDay(tariff.nightStarts);
  if (!(dayStarts < nightStarts)) {
    throw invalidInput(`the day must start before the night: ${tariff.dayStarts}`);
  }
  const isDay = (at: number) => {
    const local = (((entryMinute + at) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    return dayStarts <= local && local < nightStarts;
  };
  const nextSwitch = (at: number) => {
    const local = (((entryMinute + at) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    const boundary =
      [dayStarts, nightStarts, dayStarts + DAY_MINUTES, nightStarts + DAY_MINUTES].find(
        (b) => b > local,
      ) ?? local + DAY_MINUTES;
    return at + boundary - local;
  };

  const terms: Term[] = [];
  const windows: Decimal[] = [];
  let firstUnitUsed = false;
  for (let at = 0; at < minutes;) {
    const windowIndex = Math.floor(at / DAY_MINUTES);
    const end = Math.min(nextSwitch(at), (windowIndex + 1) * DAY_MINUTES, minutes);
    const day = isDay(at);
    const band = day ? tariff.day : tariff.night;
    // A flat band is charged once per stretch, not again where a 24-hour window cuts it.
    const continues = at > 0 && isDay(at - 1) === day && at % DAY_MINUTES === 0;

    const pieceTerms = bandTerms(band, end - at, day, firstUnitUsed, continues);
    if (band.kind === 'STEPPED') firstUnitUsed = true;
    terms.push(...pieceTerms);
    windows[windowIndex] = (windows[windowIndex] ?? dec(0)).plus(termsSum(pieceTerms));
    at = end;
  }

  let exact = dec(0);
  for (const amount of windows) {
    const capped = tariff.dailyCap !== null && amount.greaterThan(tariff.dailyCap);
    if (capped) notes.push({ kind: 'capped', value: tariff.dailyCap ?? '' });
    exact = exact.plus(capped ? dec(tariff.dailyCap ?? 0) : amount);
  }

  return { terms, notes, exact };
}

function bandTerms(
  band: SteppedBand | FlatBand,
  minutes: number,
  day: boolean,
  firstUnitUsed: boolean,
  continues: boolean,
): Term[] {
  const label = day ? 'dayBand' : 'nightBand';
  if (band.kind === 'FLAT')
    return continues ? [] : [{ label, factors: [{ kind: 'amount', value: band.price }] }];

  const terms: Term[] = [];
  let rest = minutes;
  if (!firstUnitUsed) {
    terms.push({
      label: 'firstSegment',
      factors: [{ kind: 'amount', value: band.firstUnitPrice }],
    });
    rest -= band.firstUnitMinutes;
  }
  if (rest > 0) {
    const units = Math.ceil(rest / band.unitMinutes);
    terms.push({
      label,
      factors: [
        { kind: 'count', value: String(units) },
        { kind: 'amount', value: band.unitPrice },
      ],
    });
  }

  return terms;
}

/* ------------------------------------------------- members, coupons, exemptions */

export type ParkingReductionKind = 'TIME_COUPON' | 'MEMBER' | 'AMOUNT_COUPON';

export interface TemporaryParkingCharge {
  /** The undiscounted price of the whole stay: the receivable. */
  receivableFen: Fen;
  /** Each deduction, a 减免 line so the ledger balances. */
  reductions: { kind: ParkingReductionKind; amountFen: Fen }[];
  payableFen: Fen;
  explanation: Explanation;
}

/**
 * A temporary stay priced in the order of DOMAIN §3.5: exempt cars pay nothing; time coupons take
 * minutes off before pricing; the tariff (with its daily cap); the member rate, rounded to fen;
 * amount coupons, never below zero. The receivable is the undiscounted price and every step
 * after it is a reduction.
 */
export function priceTemporaryStay(options: {
  entry: string;
  exit: string;
  tariff: TemporaryTariff;
  exempt?: boolean;
  timeCouponMinutes?: number;
  memberRate?: string;
  amountCouponFen?: Fen;
  rounding?: RoundingMode;
}): TemporaryParkingCharge {
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const minutes = stayMinutes(options.entry, options.exit);
  if (options.exempt) {
    const explanation = explain({
      method: 'PARKING_TEMPORARY',
      terms: [],
      notes: [{ kind: 'exempt' }],
      rounding,
      exactYuan: dec(0),
    });
    return { receivableFen: 0, reductions: [], payableFen: 0, explanation };
  }

  const full = priceStay(options.entry, minutes, options.tariff);
  const receivableFen = roundToFen(full.exact, rounding);

  const couponMinutes = Math.min(options.timeCouponMinutes ?? 0, minutes);
  const couponEntry = new Date(Date.parse(options.entry) + couponMinutes * MINUTE_MS).toISOString();
  const priced =
    couponMinutes > 0 ? priceStay(couponEntry, minutes - couponMinutes, options.tariff) : full;
  const afterCouponFen = roundToFen(priced.exact, rounding);

  const memberFen =
    options.memberRate === undefined
      ? afterCouponFen
      : roundToFen(dec(afterCouponFen).times(options.memberRate).div(100), 'HALF_UP');
  const payableFen = Math.max(0, memberFen - (options.amountCouponFen ?? 0));

  const reductions = [
    { kind: 'TIME_COUPON' as const, amountFen: receivableFen - afterCouponFen },
    { kind: 'MEMBER' as const, amountFen: afterCouponFen - memberFen },
    { kind: 'AMOUNT_COUPON' as const, amountFen: memberFen - payableFen },
  ].filter((reduction) => reduction.amountFen !== 0);

  const notes: Note[] = [...priced.notes];
  if (couponMinutes > 0) notes.unshift({ kind: 'timeCoupon', value: String(couponMinutes) });
  if (options.memberRate !== undefined)
    notes.push({ kind: 'memberRate', value: options.memberRate });
  if (options.amountCouponFen)
    notes.push({ kind: 'amountCoupon', value: dec(options.amountCouponFen).div(100).toFixed(2) });
  const explanation = explain({
    method: 'PARKING_TEMPORARY',
    terms: priced.terms,
    notes,
    rounding,
    exactYuan: dec(payableFen).div(100),
  });

  return { receivableFen, reductions, payableFen, explanation };
}

function priceStay(entry: string, minutes: number, tariff: TemporaryTariff): Priced {
  return tariff.kind === 'BASIC'
    ? priceBasicStay(minutes, tariff)
    : priceDayNightStay(entry, minutes, tariff);
}

/**
 * After paying at a kiosk or by phone the car has `graceMinutes` to leave (中央收费后离场时间);
 * a later exit pays for the time from the payment, as a new stay without free minutes.
 */
export function priceLateExit(options: {
  paidAt: string;
  exit: string;
  tariff: TemporaryTariff;
  graceMinutes?: number;
}): Fen {
  const minutes = stayMinutes(options.paidAt, options.exit);
  if (minutes <= (options.graceMinutes ?? 15)) return 0;

  const tariff = { ...options.tariff, freeMinutes: 0 };

  return roundToFen(priceStay(options.paidAt, minutes, tariff).exact);
}
