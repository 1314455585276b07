import type { Decimal } from 'decimal.js';
import {
  DEFAULT_ROUNDING,
  dec,
  fenToYuan,
  type Fen,
  type RoundingMode,
} from '../../../platform/money.js';
import { invalidInput } from './calc-error.js';
import { explain, type Explanation, type Note, type Term } from './explanation.js';
import { addDays, daysBetween, maxDate } from './periods.js';

/**
 * Late fees (违约金, DOMAIN §4): off unless the contract provides for them. Simple interest on the
 * unpaid principal of one bill line, per day from the day after the grace period to the payment
 * date inclusive, capped, never on earlier late fees. Each is its own line.
 */
export interface LateFeePolicy {
  enabled: boolean;
  /** The clause of the property service contract that allows the charge. */
  contractClauseRef?: string | null;
  ratePerDay: string;
  graceDays: number;
  cap: LateFeeCap;
  rounding?: RoundingMode;
}

export type LateFeeCap =
  | { kind: 'NONE' }
  | { kind: 'PERCENT_OF_PRINCIPAL'; percent: string }
  | { kind: 'AMOUNT'; amountFen: Fen }
  | { kind: 'PRINCIPAL' };

/** DOMAIN §9: off; if enabled, 0.0003 a day, 15 days of grace, at most 20% of the principal. */
export const DEFAULT_LATE_FEE_POLICY: LateFeePolicy = {
  enabled: false,
  ratePerDay: '0.0003',
  graceDays: 15,
  cap: { kind: 'PERCENT_OF_PRINCIPAL', percent: '20' },
};

export interface LateFeeBill {
  principalFen: Fen;
  dueDate: string;
  /** An approved deferral (缓缴): the new due date; nothing accrues before it. */
  deferredDueDate?: string | null;
  /** Payments against this line's principal; each stops accrual on its amount after its day. */
  payments?: { date: string; amountFen: Fen }[];
}

/** The first day a bill is late: the day after its (deferred) due date and the grace days. */
export function firstLateDay(bill: LateFeeBill, graceDays: number): string {
  const due = bill.deferredDueDate ? maxDate(bill.deferredDueDate, bill.dueDate) : bill.dueDate;

  return addDays(due, graceDays + 1);
}

/** The late fee of one bill line computed on `asOf` (inclusive), with how it was reached. */
export function computeLateFee(options: {
  policy: LateFeePolicy;
  bill: LateFeeBill;
  asOf: string;
}): Explanation {
  const { policy, bill } = options;
  const rounding = policy.rounding ?? DEFAULT_ROUNDING;
  if (!policy.enabled) {
    return explain({
      method: 'LATE_FEE',
      terms: [],
      notes: [{ kind: 'disabled' }],
      rounding,
      exactYuan: dec(0),
    });
  }
  if (!policy.contractClauseRef)
    throw invalidInput('late fees need the contract clause that allows them');
  if (dec(policy.ratePerDay).isNegative())
    throw invalidInput('the daily rate must not be negative');

  const terms = accrualTerms(
    bill,
    firstLateDay(bill, policy.graceDays),
    options.asOf,
    policy.ratePerDay,
  );
  const notes: Note[] = [{ kind: 'contractClause', value: policy.contractClauseRef }];
  if (terms.length === 0) notes.push({ kind: 'notLate' });

  const accrued = terms.reduce((sum, term) => sum.plus(product(term)), dec(0));
  const cap = capYuan(policy.cap, bill.principalFen);
  const capped = cap !== null && accrued.greaterThan(cap);
  if (capped) notes.push({ kind: 'capped', value: cap.toFixed(2) });

  return explain({ method: 'LATE_FEE', terms, notes, rounding, exactYuan: capped ? cap : accrued });
}

/**
 * One term per stretch of days with the same outstanding principal: a payment on a late day
 * still accrues that day (days = payment date − first late day + 1), then stops on its amount.
 */
function accrualTerms(bill: LateFeeBill, lateFrom: string, asOf: string, rate: string): Term[] {
  const payments = [...(bill.payments ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const terms: Term[] = [];
  let outstanding = bill.principalFen;
  let cursor = lateFrom;
  for (const payment of payments) {
    if (payment.date > asOf) break;
    if (payment.date >= cursor) {
      pushTerm(terms, outstanding, daysBetween(cursor, payment.date) + 1, rate);
      cursor = addDays(payment.date, 1);
    }
    outstanding = Math.max(0, outstanding - payment.amountFen);
  }
  if (asOf >= cursor) pushTerm(terms, outstanding, daysBetween(cursor, asOf) + 1, rate);

  return terms;
}

function pushTerm(terms: Term[], outstandingFen: Fen, days: number, rate: string): void {
  if (outstandingFen <= 0 || days <= 0) return;

  terms.push({
    label: 'lateDays',
    factors: [
      { kind: 'principal', value: fenToYuan(outstandingFen).toFixed(2) },
      { kind: 'dailyRate', value: rate },
      { kind: 'days', value: String(days) },
    ],
  });
}

function product(term: Term): Decimal {
  return term.factors.reduce((acc, factor) => acc.times(factor.value), dec(1));
}

function capYuan(cap: LateFeeCap, principalFen: Fen): Decimal | null {
  switch (cap.kind) {
    case 'NONE':
      return null;
    case 'PERCENT_OF_PRINCIPAL':
      return fenToYuan(principalFen).times(cap.percent).div(100);
    case 'AMOUNT':
      return fenToYuan(cap.amountFen);
    case 'PRINCIPAL':
      return fenToYuan(principalFen);
  }
}

/** Late fees of several bill lines on one date: one line each, never compounded. */
export function computeLateFees(options: {
  policy: LateFeePolicy;
  bills: LateFeeBill[];
  asOf: string;
}): { lines: Explanation[]; totalFen: Fen } {
  const lines = options.bills.map((bill) =>
    computeLateFee({ policy: options.policy, bill, asOf: options.asOf }),
  );

  return { lines, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0) };
}

/** Whether a line is overdue on a date (a deferral moves the date; grace days do not count). */
export function isOverdue(bill: LateFeeBill, on: string, graceDays = 0): boolean {
  return on >= firstLateDay(bill, graceDays);
}
