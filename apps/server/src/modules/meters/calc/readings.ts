import type { Decimal } from 'decimal.js';
import { dec } from '../../../platform/money.js';
import { invalidMeterInput, MeterCalcError } from './calc-error.js';
import { METER_DEFAULTS } from './defaults.js';

/** The usage of one reading, with how it was reached, for the reading row and the bill line. */
export interface ReadingUsage {
  /** Usage after the multiplier, an exact decimal string. */
  usage: string;
  /** The dial difference before the multiplier (after rollover, if any). */
  dialUsage: string;
  multiplier: string;
  /** True when the dial went past its maximum and back through zero (flag ROLLOVER). */
  rollover: boolean;
  /** How the rollover was decided: by the operator, or detected by the §2.2 rule. */
  rolloverBy: 'OPERATOR' | 'DETECTED' | null;
}

/**
 * A reading as an exact decimal. A meter reading is never negative, never blank and never a
 * float: what an operator typed or an import gave is refused with INVALID_READING, not coerced.
 */
export function parseReading(value: string | null | undefined, what = 'reading'): Decimal {
  if (value === null || value === undefined || value.trim() === '') {
    throw new MeterCalcError('INVALID_READING', `${what} is missing`);
  }
  let reading: Decimal;
  try {
    reading = dec(value);
  } catch {
    throw new MeterCalcError('INVALID_READING', `${what} is not a number: "${value}"`);
  }
  if (reading.isNegative()) {
    throw new MeterCalcError('INVALID_READING', `${what} must not be negative: ${value}`);
  }

  return reading;
}

/** 倍率: 1 when not given; must be positive (a CT of 200/5 A is 40). */
export function parseMultiplier(value: string | null | undefined, what = 'multiplier'): Decimal {
  if (value === null || value === undefined) return dec(1);
  let multiplier: Decimal;
  try {
    multiplier = dec(value);
  } catch {
    throw invalidMeterInput(`${what} is not a number: "${value}"`);
  }
  if (!multiplier.greaterThan(0)) throw invalidMeterInput(`${what} must be positive: ${value}`);

  return multiplier;
}

/**
 * Where the dial wraps: a meter with N integer digits shows at most 10^N − 1 (5 digits → 99999)
 * and goes on from 0, so a full turn of the dial is 10^N.
 */
export function dialTurn(dialDigits: number): Decimal {
  if (!Number.isSafeInteger(dialDigits) || dialDigits < 1 || dialDigits > 15) {
    throw invalidMeterInput(`dial digits must be a whole number from 1 to 15: ${dialDigits}`);
  }

  return dec(10).pow(dialDigits);
}

/**
 * Usage of an ordinary reading (DOMAIN §2.1, §2.2, §2.4):
 * `(current − previous) × multiplier`; when the current reading is below the previous one, the
 * dial has gone round only if the operator says so (`rollover: true`) or the automatic rule of
 * §2.2 holds, and then `(10^N − previous + current) × multiplier`. Anything else is refused with
 * BELOW_PREVIOUS (NEGATIVE_USAGE: block billing), because a guessed rollover bills a whole dial.
 *
 * Automatic detection needs all three: the previous reading is within the last 10% of the dial
 * (≥ 0.9 × 10^N), there is an average to compare with, and the rolled-over usage is at most
 * `spikeFactor` × that average. Without history there is nothing to say the rollover is
 * plausible, so the operator has to confirm it.
 *
 * No previous reading means this reading is the baseline (MISSING_PREV), never usage: a dial at
 * 1234 m³ is not 1234 m³ used (§2.1 rule 1).
 */
export function computeReadingUsage(input: {
  previous: string | null | undefined;
  current: string | null | undefined;
  multiplier?: string | null;
  /** Integer digits on the dial; null when the meter's dial is not known. */
  dialDigits?: number | null;
  /** The operator marked this reading as a rollover (flag ROLLOVER). */
  rollover?: boolean;
  /** Average usage (after the multiplier) of the last periods, for automatic detection. */
  averageUsage?: string | null;
  spikeFactor?: string;
  rolloverNearMaxShare?: string;
}): ReadingUsage {
  const current = parseReading(input.current, 'current reading');
  if (input.previous === null || input.previous === undefined) {
    throw new MeterCalcError('MISSING_PREV', 'no previous reading: this reading is the baseline');
  }
  const previous = parseReading(input.previous, 'previous reading');
  const multiplier = parseMultiplier(input.multiplier);
  const result = (dialUsage: Decimal, rolloverBy: ReadingUsage['rolloverBy']): ReadingUsage => ({
    usage: dialUsage.times(multiplier).toFixed(),
    dialUsage: dialUsage.toFixed(),
    multiplier: multiplier.toFixed(),
    rollover: rolloverBy !== null,
    rolloverBy,
  });

  if (!current.lessThan(previous)) return result(current.minus(previous), null);

  const below = `current reading ${current.toFixed()} is below the previous ${previous.toFixed()}`;
  if (input.dialDigits === null || input.dialDigits === undefined) {
    throw new MeterCalcError('BELOW_PREVIOUS', `${below} and the meter has no dial digits`);
  }
  const turn = dialTurn(input.dialDigits);
  // current < previous, so a previous that fits the dial means both do.
  if (!previous.lessThan(turn)) {
    throw invalidMeterInput(
      `previous reading ${previous.toFixed()} does not fit a ${input.dialDigits}-digit dial`,
    );
  }
  const rolledOver = turn.minus(previous).plus(current);
  if (input.rollover === true) return result(rolledOver, 'OPERATOR');

  const nearMax = previous.greaterThanOrEqualTo(
    turn.times(input.rolloverNearMaxShare ?? METER_DEFAULTS.rolloverNearMaxShare),
  );
  const average =
    input.averageUsage === null || input.averageUsage === undefined
      ? null
      : dec(input.averageUsage);
  const plausible =
    average !== null &&
    rolledOver
      .times(multiplier)
      .lessThanOrEqualTo(average.times(input.spikeFactor ?? METER_DEFAULTS.spikeFactor));
  if (nearMax && plausible) return result(rolledOver, 'DETECTED');

  throw new MeterCalcError(
    'BELOW_PREVIOUS',
    `${below}; a rollover would be ${rolledOver.times(multiplier).toFixed()}, which ${
      nearMax
        ? 'is not plausible against the usual usage'
        : 'needs the previous reading near the dial maximum'
    }`,
  );
}

/** The old and new meter of a replacement within a period (换表, DOMAIN §2.3). */
export interface MeterReplacement {
  /** The old meter's reading when it was removed. */
  oldFinal: string;
  oldMultiplier?: string | null;
  /** The new meter's reading when it was fitted. */
  newInitial: string;
  newMultiplier?: string | null;
}

/** The usage of a period in which the meter was replaced, each meter's part shown. */
export interface ReplacementUsage {
  usage: string;
  oldMeterUsage: string;
  newMeterUsage: string;
  /** The next period's previous reading: the new meter's current reading. */
  nextPrevious: string;
}

/**
 * Usage across a replacement (DOMAIN §2.3):
 * `(oldFinal − previous) × oldMultiplier + (current − newInitial) × newMultiplier`.
 * Each part must be zero or more: a replacement is not also a rollover, and a part below zero is
 * refused with BELOW_PREVIOUS so the event is corrected rather than netted off.
 */
export function computeReplacementUsage(input: {
  previous: string | null | undefined;
  current: string | null | undefined;
  replacement: MeterReplacement;
}): ReplacementUsage {
  const current = parseReading(input.current, 'current reading');
  if (input.previous === null || input.previous === undefined) {
    throw new MeterCalcError('MISSING_PREV', 'no previous reading: this reading is the baseline');
  }
  const previous = parseReading(input.previous, 'previous reading');
  const oldFinal = parseReading(input.replacement.oldFinal, "old meter's final reading");
  const newInitial = parseReading(input.replacement.newInitial, "new meter's initial reading");
  const oldMultiplier = parseMultiplier(input.replacement.oldMultiplier, 'old multiplier');
  const newMultiplier = parseMultiplier(input.replacement.newMultiplier, 'new multiplier');

  if (oldFinal.lessThan(previous)) {
    throw new MeterCalcError(
      'BELOW_PREVIOUS',
      `old meter's final reading ${oldFinal.toFixed()} is below the previous ${previous.toFixed()}`,
    );
  }
  if (current.lessThan(newInitial)) {
    throw new MeterCalcError(
      'BELOW_PREVIOUS',
      `current reading ${current.toFixed()} is below the new meter's initial ${newInitial.toFixed()}`,
    );
  }
  const oldMeterUsage = oldFinal.minus(previous).times(oldMultiplier);
  const newMeterUsage = current.minus(newInitial).times(newMultiplier);

  return {
    usage: oldMeterUsage.plus(newMeterUsage).toFixed(),
    oldMeterUsage: oldMeterUsage.toFixed(),
    newMeterUsage: newMeterUsage.toFixed(),
    nextPrevious: current.toFixed(),
  };
}
