import { invalidInput } from './calc-error.js';
import type { Factor } from './explanation.js';
import {
  DEFAULT_PRORATION,
  monthFactors,
  type Period,
  type PeriodAnchor,
  type ProrationMethod,
} from './periods.js';

/**
 * What a bill line covers: a number of whole months, or a period that may hold partial months
 * prorated by the standard's method.
 */
export type Coverage =
  { months: number } | { period: Period; proration?: ProrationMethod; anchor?: PeriodAnchor };

/** The month factors of a coverage, one list per term (see `monthFactors`). */
export function coverageFactors(coverage: Coverage): Factor[][] {
  if ('months' in coverage) {
    if (!Number.isSafeInteger(coverage.months) || coverage.months < 1) {
      throw invalidInput(`months must be a whole number from 1: ${coverage.months}`);
    }

    return [[{ kind: 'months', value: String(coverage.months) }]];
  }
  if (coverage.period.start >= coverage.period.end) {
    throw invalidInput(`the period ends before it starts: ${coverage.period.start}`);
  }

  return monthFactors(coverage.period, coverage.proration ?? DEFAULT_PRORATION, coverage.anchor);
}
