import type { Decimal } from 'decimal.js';
import { dec } from '../../../platform/money.js';
import { MeterCalcError, type MeterCalcFailure } from './calc-error.js';
import { METER_DEFAULTS } from './defaults.js';
import { computeReadingUsage, computeReplacementUsage, type MeterReplacement } from './readings.js';

/** The thresholds of the checks (DOMAIN §2.7, §9); METER_DEFAULTS unless a project sets them. */
export interface AnomalyConfig {
  spikeFactor: string;
  windowPeriods: number;
  spikeMinimumUsage: string;
  dropFactor: string;
  zeroUsagePeriods: number;
  maxIntervalDays: number;
  rolloverNearMaxShare: string;
}

export const DEFAULT_ANOMALY_CONFIG: AnomalyConfig = {
  spikeFactor: METER_DEFAULTS.spikeFactor,
  windowPeriods: METER_DEFAULTS.windowPeriods,
  spikeMinimumUsage: METER_DEFAULTS.spikeMinimumUsage,
  dropFactor: METER_DEFAULTS.dropFactor,
  zeroUsagePeriods: METER_DEFAULTS.zeroUsagePeriods,
  maxIntervalDays: METER_DEFAULTS.maxIntervalDays,
  rolloverNearMaxShare: METER_DEFAULTS.rolloverNearMaxShare,
};

/** One earlier period's usage (after the multiplier), oldest first. */
export interface PastUsage {
  usage: string;
  /** 估抄: left out of the average (DOMAIN §2.7 "non-estimated periods"). */
  estimated?: boolean;
}

export type Occupancy = 'OCCUPIED' | 'VACANT' | 'UNKNOWN';

export type ReadingStatus = 'DRAFT' | 'SUBMITTED' | 'AUDITED' | 'BILLED' | 'REJECTED';

/** Errors block the reading; it cannot be billed until corrected. */
export type ReadingError =
  | Exclude<MeterCalcFailure, 'MISSING_PREV' | 'NO_WEIGHT'>
  /** The same meter already has a reading for the period that is past draft. */
  | 'DUPLICATE';

/** Warnings let the reading stand but send it to audit (审核) before billing. */
export type ReadingWarning =
  'SPIKE' | 'DROP' | 'ZERO_USAGE' | 'VACANT_USAGE' | 'DATE_GAP' | 'ROLLOVER_DETECTED';

export interface ReadingIssue<Code extends string> {
  code: Code;
  message: string;
}

/** What to do with the reading: bill it, audit it first, keep it as a baseline, or block it. */
export type ReadingAction = 'BILL' | 'AUDIT' | 'BASELINE' | 'BLOCK';

export interface ReadingCheck {
  action: ReadingAction;
  /** The usage when it could be computed. */
  usage: string | null;
  rollover: boolean;
  /** The reading replaces a draft of the same period (DOMAIN §2.1 rule 3). */
  overwritesDraft: boolean;
  /** The average of the window, when there was history. */
  averageUsage: string | null;
  errors: ReadingIssue<ReadingError>[];
  warnings: ReadingIssue<ReadingWarning>[];
}

/**
 * The average usage of the last `windowPeriods` non-estimated periods, or null without any.
 * It is the yardstick of the spike, drop and automatic-rollover checks.
 */
export function averageUsage(history: readonly PastUsage[], windowPeriods: number): string | null {
  const window = history.filter((period) => period.estimated !== true).slice(-windowPeriods);
  if (window.length === 0 || windowPeriods < 1) return null;

  return window
    .reduce((acc, period) => acc.plus(dec(period.usage)), dec(0))
    .div(window.length)
    .toFixed();
}

/**
 * Classifies a reading (DOMAIN §2.7) before it is submitted. Errors: a missing, non-numeric or
 * negative reading (INVALID_READING), a reading below the previous one with no rollover
 * (BELOW_PREVIOUS, DOMAIN's NEGATIVE_USAGE), a second reading of the period once the first is
 * past draft (DUPLICATE). No previous reading: the reading is a baseline, not an error. Warnings:
 * spike, drop, zero usage on an occupied home, usage on a vacant home, a date gap, and a rollover
 * that was detected rather than confirmed by the operator.
 */
export function checkReading(input: {
  current: string | null | undefined;
  previous: string | null | undefined;
  multiplier?: string | null;
  dialDigits?: number | null;
  /** The operator marked the reading as a rollover. */
  rollover?: boolean;
  replacement?: MeterReplacement | null;
  history?: readonly PastUsage[];
  occupancy?: Occupancy;
  /** The status of a reading already recorded for this meter and period, if any. */
  existing?: ReadingStatus | null;
  /** Days between the previous and this reading, for a monthly schedule. */
  intervalDays?: number | null;
  config?: Partial<AnomalyConfig>;
}): ReadingCheck {
  const config = { ...DEFAULT_ANOMALY_CONFIG, ...input.config };
  const history = input.history ?? [];
  const average = averageUsage(history, config.windowPeriods);
  const errors: ReadingIssue<ReadingError>[] = [];
  const warnings: ReadingIssue<ReadingWarning>[] = [];
  const existing = input.existing ?? null;
  const overwritesDraft = existing === 'DRAFT' || existing === 'REJECTED';
  if (existing !== null && !overwritesDraft) {
    errors.push({
      code: 'DUPLICATE',
      message: `the period already has a ${existing.toLowerCase()} reading`,
    });
  }

  let usage: Decimal | null = null;
  let rollover = false;
  let baseline = false;
  try {
    if (input.replacement) {
      usage = dec(
        computeReplacementUsage({
          previous: input.previous,
          current: input.current,
          replacement: input.replacement,
        }).usage,
      );
    } else {
      const reading = computeReadingUsage({
        previous: input.previous,
        current: input.current,
        multiplier: input.multiplier,
        dialDigits: input.dialDigits,
        rollover: input.rollover,
        averageUsage: average,
        spikeFactor: config.spikeFactor,
        rolloverNearMaxShare: config.rolloverNearMaxShare,
      });
      usage = dec(reading.usage);
      rollover = reading.rollover;
      if (reading.rolloverBy === 'DETECTED') {
        warnings.push({
          code: 'ROLLOVER_DETECTED',
          message: `the dial went round: usage ${reading.usage}`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof MeterCalcError)) throw error;
    if (error.reason === 'MISSING_PREV') baseline = true;
    else if (error.reason !== 'NO_WEIGHT')
      errors.push({ code: error.reason, message: error.message });
  }

  if (usage !== null)
    warnings.push(...usageWarnings(usage, average, history, input.occupancy, config));
  if (
    input.intervalDays !== null &&
    input.intervalDays !== undefined &&
    input.intervalDays > config.maxIntervalDays
  ) {
    warnings.push({
      code: 'DATE_GAP',
      message: `${input.intervalDays} days since the previous reading (more than ${config.maxIntervalDays})`,
    });
  }

  const action: ReadingAction =
    errors.length > 0 ? 'BLOCK' : baseline ? 'BASELINE' : warnings.length > 0 ? 'AUDIT' : 'BILL';

  return {
    action,
    usage: usage === null ? null : usage.toFixed(),
    rollover,
    overwritesDraft,
    averageUsage: average,
    errors,
    warnings,
  };
}

function usageWarnings(
  usage: Decimal,
  average: string | null,
  history: readonly PastUsage[],
  occupancy: Occupancy | undefined,
  config: AnomalyConfig,
): ReadingIssue<ReadingWarning>[] {
  const warnings: ReadingIssue<ReadingWarning>[] = [];
  const shown = usage.toFixed();

  if (
    average !== null &&
    usage.greaterThan(dec(average).times(config.spikeFactor)) &&
    usage.greaterThan(config.spikeMinimumUsage)
  ) {
    warnings.push({
      code: 'SPIKE',
      message: `usage ${shown} is more than ${config.spikeFactor} × the average ${average}`,
    });
  }

  if (occupancy === 'OCCUPIED') {
    const zeroRun = usage.isZero() ? 1 + trailingZeroPeriods(history) : 0;
    if (zeroRun >= config.zeroUsagePeriods) {
      warnings.push({
        code: 'ZERO_USAGE',
        message: `no usage for ${zeroRun} periods on an occupied home (stuck meter?)`,
      });
    } else if (average !== null && usage.lessThan(dec(average).times(config.dropFactor))) {
      warnings.push({
        code: 'DROP',
        message: `usage ${shown} is less than ${config.dropFactor} × the average ${average}`,
      });
    }
  }

  if (occupancy === 'VACANT' && usage.greaterThan(0)) {
    warnings.push({ code: 'VACANT_USAGE', message: `usage ${shown} on a vacant home` });
  }

  return warnings;
}

function trailingZeroPeriods(history: readonly PastUsage[]): number {
  let count = 0;
  for (
    let index = history.length - 1;
    index >= 0 && dec(history[index].usage).isZero();
    index -= 1
  ) {
    count += 1;
  }

  return count;
}
