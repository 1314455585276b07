import {
  DEFAULT_ROUNDING,
  apportionFen,
  assertFen,
  dec,
  roundToFen,
  type Fen,
  type RoundingMode,
} from '../../../platform/money.js';
import { invalidInput } from './calc-error.js';

/**
 * Discounts and reductions (减免, DOMAIN §5.5) that the cashier proposes for the bill lines a payer
 * is about to pay. Nothing here changes a receivable: each reduction is a separate entry on the
 * line it belongs to, recorded with the rule that made it.
 */

/** A bill line offered for payment, one per month when a payment covers several months. */
export interface DiscountableLine {
  /** The bill line's id or period label; reductions refer to it. */
  key: string;
  amountFen: Fen;
  /** The line's unrounded amount in yuan, so a vacancy rate applies before rounding (Ex. 5.5). */
  exactYuan?: string;
  vacant?: boolean;
}

export type DiscountRule =
  /** Pay N months, get M more free (赠送月份): the last M lines are reduced to zero. */
  | { kind: 'FREE_MONTHS'; ruleId: number; payMonths: number; freeMonths: number }
  /** Pay at least N months at a rate (0.95 = pay 95%), optionally only without arrears. */
  | {
      kind: 'PERCENT_FOR_MONTHS';
      ruleId: number;
      minMonths: number;
      rate: string;
      maxArrearsMonths?: number;
    }
  /** A fixed reduction over the lines, optionally only from N months. */
  | { kind: 'FIXED_REDUCTION'; ruleId: number; amountFen: Fen; minMonths?: number }
  /** Long-time owners (老业主) who moved in on or before a date: a rate or a fixed amount. */
  | {
      kind: 'LOYALTY';
      ruleId: number;
      movedInBy: string;
      rate?: string;
      amountFen?: Fen;
    }
  /** Vacant units (空置房): pay a rate of each vacant line, or a fixed amount off per line. */
  | { kind: 'VACANCY'; ruleId: number; rate?: string; amountFenPerLine?: Fen }
  /** Deferral (缓缴): a new due date; no reduction. */
  | { kind: 'DEFERRAL'; ruleId: number; newDueDate: string };

export type DiscountKind = DiscountRule['kind'];

export interface Reduction {
  ruleId: number;
  kind: DiscountKind;
  amountFen: Fen;
}

export interface ProposedLine {
  key: string;
  amountFen: Fen;
  reductions: Reduction[];
  netFen: Fen;
}

export interface ProposedReductions {
  lines: ProposedLine[];
  /** Each rule's total, in the order applied. */
  reductions: Reduction[];
  /** Rules that did not apply, and why. */
  skipped: {
    ruleId: number;
    reason: 'TOO_FEW_MONTHS' | 'ARREARS' | 'NOT_LONG_TIME_OWNER' | 'NO_VACANT_LINES';
  }[];
  dueDateChanges: { ruleId: number; newDueDate: string }[];
  receivableFen: Fen;
  reductionFen: Fen;
  netFen: Fen;
}

/** Stacking order: free months, then rates, then fixed amounts (DOMAIN §5.5). */
const STAGE: Record<DiscountKind, number> = {
  FREE_MONTHS: 0,
  VACANCY: 1,
  PERCENT_FOR_MONTHS: 2,
  LOYALTY: 3,
  FIXED_REDUCTION: 4,
  DEFERRAL: 5,
};

/**
 * Proposes the reductions for lines about to be paid: free months first, then rates, then fixed
 * amounts, each on the net the earlier ones left, never below zero per line. A reduction over
 * several months is spread by largest remainder so every month's net is exact.
 */
export function proposeReductions(options: {
  lines: DiscountableLine[];
  rules: DiscountRule[];
  moveInDate?: string | null;
  arrearsMonths?: number;
  rounding?: RoundingMode;
}): ProposedReductions {
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const lines: ProposedLine[] = options.lines.map((line) => ({
    key: line.key,
    amountFen: assertFen(line.amountFen),
    reductions: [],
    netFen: line.amountFen,
  }));
  const result: ProposedReductions = {
    lines,
    reductions: [],
    skipped: [],
    dueDateChanges: [],
    receivableFen: sum(lines.map((line) => line.amountFen)),
    reductionFen: 0,
    netFen: 0,
  };

  const ordered = [...options.rules].sort((a, b) => STAGE[a.kind] - STAGE[b.kind]);
  for (const rule of ordered) {
    const parts = ruleParts(rule, options, lines, rounding, result);
    if (parts === null) continue;

    const total = sum(parts);
    parts.forEach((part, index) => {
      if (part === 0) return;
      lines[index].reductions.push({ ruleId: rule.ruleId, kind: rule.kind, amountFen: part });
      lines[index].netFen -= part;
    });
    if (total > 0)
      result.reductions.push({ ruleId: rule.ruleId, kind: rule.kind, amountFen: total });
  }

  result.reductionFen = sum(result.reductions.map((reduction) => reduction.amountFen));
  result.netFen = result.receivableFen - result.reductionFen;

  return result;
}

/** The reduction a rule puts on each line (in fen), or null when it does not apply. */
function ruleParts(
  rule: DiscountRule,
  options: { lines: DiscountableLine[]; moveInDate?: string | null; arrearsMonths?: number },
  lines: ProposedLine[],
  rounding: RoundingMode,
  result: ProposedReductions,
): Fen[] | null {
  const months = lines.length;
  const skip = (reason: ProposedReductions['skipped'][number]['reason']) => {
    result.skipped.push({ ruleId: rule.ruleId, reason });
    return null;
  };

  switch (rule.kind) {
    case 'FREE_MONTHS': {
      if (months < rule.payMonths + rule.freeMonths) return skip('TOO_FEW_MONTHS');

      return lines.map((line, index) => (index >= months - rule.freeMonths ? line.netFen : 0));
    }
    case 'VACANCY': {
      const vacant = options.lines.map((line) => line.vacant === true);
      if (!vacant.some(Boolean)) return skip('NO_VACANT_LINES');

      return lines.map((line, index) => {
        if (!vacant[index]) return 0;
        if (rule.rate !== undefined) {
          const exact = options.lines[index].exactYuan ?? dec(line.amountFen).div(100);
          return clamp(
            line.amountFen - roundToFen(dec(exact).times(rate(rule.rate)), rounding),
            line,
          );
        }

        return clamp(rule.amountFenPerLine ?? 0, line);
      });
    }
    case 'PERCENT_FOR_MONTHS': {
      if (months < rule.minMonths) return skip('TOO_FEW_MONTHS');
      if (
        rule.maxArrearsMonths !== undefined &&
        (options.arrearsMonths ?? 0) > rule.maxArrearsMonths
      ) {
        return skip('ARREARS');
      }

      return spreadRate(lines, rule.rate, rounding);
    }
    case 'LOYALTY': {
      if (!options.moveInDate || options.moveInDate > rule.movedInBy)
        return skip('NOT_LONG_TIME_OWNER');
      if (rule.rate !== undefined) return spreadRate(lines, rule.rate, rounding);

      return spreadAmount(lines, rule.amountFen ?? 0);
    }
    case 'FIXED_REDUCTION': {
      if (rule.minMonths !== undefined && months < rule.minMonths) return skip('TOO_FEW_MONTHS');

      return spreadAmount(lines, rule.amountFen);
    }
    case 'DEFERRAL':
      result.dueDateChanges.push({ ruleId: rule.ruleId, newDueDate: rule.newDueDate });
      return null;
  }
}

/** Σ net − round(Σ net × rate), spread over the lines by their net. */
function spreadRate(lines: ProposedLine[], rateText: string, rounding: RoundingMode): Fen[] {
  const net = sum(lines.map((line) => line.netFen));
  const payable = roundToFen(dec(net).times(rate(rateText)).div(100), rounding);

  return spreadAmount(lines, net - payable);
}

/** An amount spread over the lines by their net, by largest remainder; never more than the net. */
function spreadAmount(lines: ProposedLine[], amountFen: Fen): Fen[] {
  assertFen(amountFen);
  const net = sum(lines.map((line) => line.netFen));
  const total = Math.min(Math.max(amountFen, 0), net);
  if (total === 0) return lines.map(() => 0);

  return apportionFen(
    total,
    lines.map((line) => line.netFen),
  );
}

function rate(text: string): string {
  const value = dec(text);
  if (value.isNegative() || value.greaterThan(1))
    throw invalidInput(`a discount rate is between 0 and 1: ${text}`);

  return value.toString();
}

function clamp(part: Fen, line: ProposedLine): Fen {
  return Math.min(Math.max(part, 0), line.netFen);
}

function sum(values: readonly Fen[]): Fen {
  return values.reduce((acc, value) => acc + value, 0);
}
