import { describe, expect, test } from 'vitest';
import { averageUsage, checkReading, DEFAULT_ANOMALY_CONFIG, type PastUsage } from './anomalies.js';
import { METER_DEFAULTS } from './defaults.js';

const months = (...usages: string[]): PastUsage[] => usages.map((usage) => ({ usage }));
const sixMonthsOf30 = months('30', '30', '30', '30', '30', '30');

const codes = (issues: readonly { code: string }[]) => issues.map((issue) => issue.code);

describe('the defaults are DOMAIN §9 and §2.7', () => {
  test('spike 3.0 × the last 6 periods, above 10 units; drop 0.2; 2 zero periods; 45 days', () => {
    expect(DEFAULT_ANOMALY_CONFIG).toEqual({
      spikeFactor: '3.0',
      windowPeriods: 6,
      spikeMinimumUsage: '10',
      dropFactor: '0.2',
      zeroUsagePeriods: 2,
      maxIntervalDays: 45,
      rolloverNearMaxShare: '0.9',
    });
    expect(METER_DEFAULTS.lossRateAlert.WATER).toBe('0.05');
    expect(METER_DEFAULTS.lossRateAlert.ELEC).toBe('0.03');
    expect(METER_DEFAULTS.vacantWeight).toBe('1');
    expect(METER_DEFAULTS.shareMethod).toBe('BY_AREA');
  });
});

describe('the average is over the last non-estimated periods', () => {
  test('estimated periods are left out and only the last 6 count', () => {
    // non-estimated: 100, 100, 30, 20, 40, 30, 10, 50 (the estimated 500 is left out);
    // the last 6 are 30, 20, 40, 30, 10, 50 → 180 / 6 = 30
    const history: PastUsage[] = [
      ...months('100', '100', '30', '20', '40'),
      { usage: '500', estimated: true },
      ...months('30', '10', '50'),
    ];

    expect(averageUsage(history, 6)).toBe('30');
    expect(averageUsage([], 6)).toBeNull();
    expect(averageUsage([{ usage: '9', estimated: true }], 6)).toBeNull();
  });
});

describe('reading checks (DOMAIN §2.7)', () => {
  test('Example 2.8: average 30 m³, current 95 m³ → 95 / 30 = 3.17 > 3 → SPIKE, audit before billing', () => {
    const check = checkReading({
      previous: '1000',
      current: '1095',
      history: sixMonthsOf30,
      occupancy: 'OCCUPIED',
    });

    expect(check.usage).toBe('95');
    expect(check.averageUsage).toBe('30');
    expect(codes(check.warnings)).toEqual(['SPIKE']);
    expect(check.errors).toEqual([]);
    expect(check.action).toBe('AUDIT');
  });

  test('exactly 3 × the average is not a spike (the rule is "more than")', () => {
    const check = checkReading({ previous: '1000', current: '1090', history: sixMonthsOf30 });

    expect(check.warnings).toEqual([]);
    expect(check.action).toBe('BILL');
  });

  test('a spike must also exceed the absolute minimum of 10 units', () => {
    // average 2, usage 8 > 3 × 2 = 6 but not > 10
    expect(
      checkReading({ previous: '0', current: '8', history: months('2', '2') }).warnings,
    ).toEqual([]);
    // usage 11 > 10 and > 6
    expect(
      codes(checkReading({ previous: '0', current: '11', history: months('2', '2') }).warnings),
    ).toEqual(['SPIKE']);
  });

  test('a project may set its own spike factor', () => {
    const check = checkReading({
      previous: '0',
      current: '61',
      history: sixMonthsOf30,
      config: { spikeFactor: '2' },
    });

    expect(codes(check.warnings)).toEqual(['SPIKE']);
  });

  test('zero usage on an occupied home for 2 periods running is ZERO_USAGE (stuck meter)', () => {
    const check = checkReading({
      previous: '500',
      current: '500',
      history: months('30', '0'),
      occupancy: 'OCCUPIED',
    });

    expect(codes(check.warnings)).toEqual(['ZERO_USAGE']);
    expect(check.action).toBe('AUDIT');
  });

  test('one zero period on an occupied home is a DROP against the average, not yet a stuck meter', () => {
    const check = checkReading({
      previous: '500',
      current: '500',
      history: sixMonthsOf30,
      occupancy: 'OCCUPIED',
    });

    expect(codes(check.warnings)).toEqual(['DROP']);
  });

  test('DROP is below 0.2 × the average on an occupied home: 5 < 6 is, 6 is not', () => {
    const drop = (current: string, occupancy: 'OCCUPIED' | 'VACANT' | 'UNKNOWN') =>
      codes(checkReading({ previous: '0', current, history: sixMonthsOf30, occupancy }).warnings);

    expect(drop('5', 'OCCUPIED')).toEqual(['DROP']);
    expect(drop('6', 'OCCUPIED')).toEqual([]);
    expect(drop('5', 'UNKNOWN')).toEqual([]);
  });

  test('usage on a vacant home is VACANT_USAGE; no usage on it is fine', () => {
    expect(
      codes(checkReading({ previous: '10', current: '12.5', occupancy: 'VACANT' }).warnings),
    ).toEqual(['VACANT_USAGE']);
    expect(
      checkReading({
        previous: '10',
        current: '10',
        history: months('0', '0'),
        occupancy: 'VACANT',
      }).action,
    ).toBe('BILL');
  });

  test('more than 45 days between readings is DATE_GAP', () => {
    expect(codes(checkReading({ previous: '0', current: '5', intervalDays: 46 }).warnings)).toEqual(
      ['DATE_GAP'],
    );
    expect(checkReading({ previous: '0', current: '5', intervalDays: 45 }).warnings).toEqual([]);
  });

  test('no previous reading: a baseline, not billed and not an error', () => {
    const check = checkReading({ previous: null, current: '1234', occupancy: 'OCCUPIED' });

    expect(check).toMatchObject({ action: 'BASELINE', usage: null, errors: [], warnings: [] });
  });

  test('a missing or non-numeric reading is an error that blocks', () => {
    for (const current of [null, '', 'n/a', '12..5']) {
      const check = checkReading({ previous: '10', current });

      expect(codes(check.errors)).toEqual(['INVALID_READING']);
      expect(check.action).toBe('BLOCK');
    }
  });

  test('below the previous reading with no rollover possible is BELOW_PREVIOUS (NEGATIVE_USAGE)', () => {
    const check = checkReading({ previous: '5230', current: '5200', history: sixMonthsOf30 });

    expect(codes(check.errors)).toEqual(['BELOW_PREVIOUS']);
    expect(check.usage).toBeNull();
    expect(check.action).toBe('BLOCK');
  });

  test('Example 2.2 detected as a rollover is billed only after audit; confirmed by the operator it is billed', () => {
    // 100000 − 99950 + 30 = 80 ≤ 3 × 30 = 90, and 99950 ≥ 90000
    const detected = checkReading({
      previous: '99950',
      current: '30',
      dialDigits: 5,
      history: sixMonthsOf30,
    });
    const confirmed = checkReading({
      previous: '99950',
      current: '30',
      dialDigits: 5,
      rollover: true,
      history: sixMonthsOf30,
    });

    expect(detected).toMatchObject({ usage: '80', rollover: true, action: 'AUDIT' });
    expect(codes(detected.warnings)).toEqual(['ROLLOVER_DETECTED']);
    expect(confirmed).toMatchObject({ usage: '80', rollover: true, action: 'BILL', warnings: [] });
  });

  test('Example 2.3 through the checks: a replacement is 74 m³ and billable', () => {
    const check = checkReading({
      previous: '5230',
      current: '45',
      replacement: { oldFinal: '5262', newInitial: '3' },
      history: sixMonthsOf30,
      occupancy: 'OCCUPIED',
    });

    expect(check).toMatchObject({ usage: '74', action: 'BILL' });
  });

  test('a second reading of the period overwrites a draft but is refused once submitted or billed', () => {
    const again = (existing: 'DRAFT' | 'REJECTED' | 'SUBMITTED' | 'AUDITED' | 'BILLED') =>
      checkReading({ previous: '10', current: '20', existing });

    expect(again('DRAFT')).toMatchObject({ overwritesDraft: true, action: 'BILL', errors: [] });
    expect(again('REJECTED')).toMatchObject({ overwritesDraft: true, action: 'BILL' });
    for (const status of ['SUBMITTED', 'AUDITED', 'BILLED'] as const) {
      const check = again(status);

      expect(codes(check.errors)).toEqual(['DUPLICATE']);
      expect(check.action).toBe('BLOCK');
    }
  });
});
