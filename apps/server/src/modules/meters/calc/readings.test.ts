import { describe, expect, test } from 'vitest';
import { computeUsageFee } from '../../fees/calc/usage-fees.js';
import { MeterCalcError } from './calc-error.js';
import { computeReadingUsage, computeReplacementUsage, dialTurn } from './readings.js';

/** The reason a calculation was refused, or null when it was not. */
function refusal(calculate: () => unknown): string | null {
  try {
    calculate();
  } catch (error) {
    if (error instanceof MeterCalcError) return error.reason;
    throw error;
  }

  return null;
}

describe('usage is (current − previous) × multiplier (DOMAIN §2.1, §2.4)', () => {
  test('Example 2.1: water 1234.5 → 1268.2 is 33.7 m³, × 5.00 元 = ¥168.50', () => {
    // 1268.2 − 1234.5 = 33.7; 33.7 × 5.00 = 168.50
    const reading = computeReadingUsage({ previous: '1234.5', current: '1268.2' });

    expect(reading).toEqual({
      usage: '33.7',
      dialUsage: '33.7',
      multiplier: '1',
      rollover: false,
      rolloverBy: null,
    });
    expect(computeUsageFee({ usage: reading.usage, unitPrice: '5.00' }).amountFen).toBe(16850);
  });

  test('Example 2.4: a 200/5 A CT is multiplier 40; 1520.36 → 1538.81 is 18.45 × 40 = 738 kWh', () => {
    const reading = computeReadingUsage({
      previous: '1520.36',
      current: '1538.81',
      multiplier: '40',
    });

    expect(reading.dialUsage).toBe('18.45');
    expect(reading.usage).toBe('738');
  });

  test('decimal readings are exact, never floats: 0.1 → 0.3 is 0.2', () => {
    // In JS floats 0.3 − 0.1 is 0.19999999999999998.
    expect(computeReadingUsage({ previous: '0.1', current: '0.3' }).usage).toBe('0.2');
  });

  test('the same reading twice is zero usage, not an error', () => {
    expect(computeReadingUsage({ previous: '500', current: '500.00' }).usage).toBe('0');
  });

  test('no previous reading: the reading is a baseline (MISSING_PREV), never usage', () => {
    // DOMAIN §2.1 rule 1: a 1234 m³ dial billed at 3.5 元 would be ¥4,319 instead of ~¥105.
    expect(refusal(() => computeReadingUsage({ previous: null, current: '1234' }))).toBe(
      'MISSING_PREV',
    );
  });

  test('a missing, non-numeric, float-style or negative reading is INVALID_READING', () => {
    for (const current of [null, undefined, '', '  ', 'abc', '12,5', '1e3', '-3']) {
      expect(refusal(() => computeReadingUsage({ previous: '10', current }))).toBe(
        'INVALID_READING',
      );
    }
    expect(refusal(() => computeReadingUsage({ previous: 'x', current: '10' }))).toBe(
      'INVALID_READING',
    );
  });

  test('a multiplier must be a positive decimal', () => {
    for (const multiplier of ['0', '-40', 'forty']) {
      expect(refusal(() => computeReadingUsage({ previous: '1', current: '2', multiplier }))).toBe(
        'INVALID_INPUT',
      );
    }
  });
});

describe('rollover: the dial goes past 10^N − 1 and on from 0 (DOMAIN §2.2)', () => {
  test('a 5-digit dial turns at 100000', () => {
    expect(dialTurn(5).toFixed()).toBe('100000');
    expect(refusal(() => dialTurn(0))).toBe('INVALID_INPUT');
  });

  test('Example 2.2: confirmed by the operator, 99950 → 30 on 5 digits is 100000 − 99950 + 30 = 80 m³', () => {
    const reading = computeReadingUsage({
      previous: '99950',
      current: '30',
      dialDigits: 5,
      rollover: true,
    });

    expect(reading).toMatchObject({ usage: '80', rollover: true, rolloverBy: 'OPERATOR' });
  });

  test('Example 2.2 detected: previous ≥ 0.9 × 100000 and 80 ≤ 3 × an average of 60', () => {
    const reading = computeReadingUsage({
      previous: '99950',
      current: '30',
      dialDigits: 5,
      averageUsage: '60',
    });

    expect(reading).toMatchObject({ usage: '80', rolloverBy: 'DETECTED' });
  });

  test('detection at the bounds: previous exactly 90000 and usage exactly 3 × the average', () => {
    // previous 90000 = 0.9 × 100000 exactly (≥ holds); 100000 − 90000 + 0 = 10000 ≤ 3 × 5000.
    expect(
      computeReadingUsage({ previous: '90000', current: '0', dialDigits: 5, averageUsage: '5000' })
        .usage,
    ).toBe('10000');
    // 100000 − 99950 + 100 = 150 = 3 × 50: still plausible (≤).
    expect(
      computeReadingUsage({ previous: '99950', current: '100', dialDigits: 5, averageUsage: '50' })
        .usage,
    ).toBe('150');
  });

  test('rollover with a multiplier: 4 digits, ×40, 9990.5 → 2.25 is (10000 − 9990.5 + 2.25) × 40 = 470', () => {
    // dial: 9.5 + 2.25 = 11.75; × 40 = 470. Plausible against 3 × 200 = 600 after the multiplier.
    const reading = computeReadingUsage({
      previous: '9990.5',
      current: '2.25',
      multiplier: '40',
      dialDigits: 4,
      averageUsage: '200',
    });

    expect(reading).toMatchObject({ dialUsage: '11.75', usage: '470', rolloverBy: 'DETECTED' });
  });

  test('below the previous reading with no dial digits configured is BELOW_PREVIOUS', () => {
    expect(
      refusal(() => computeReadingUsage({ previous: '99950', current: '30', rollover: true })),
    ).toBe('BELOW_PREVIOUS');
  });

  test('not near the dial maximum, a lower reading is BELOW_PREVIOUS (a misread, not a rollover)', () => {
    // 50000 < 0.9 × 100000 = 90000
    expect(
      refusal(() =>
        computeReadingUsage({
          previous: '50000',
          current: '30',
          dialDigits: 5,
          averageUsage: '60000',
        }),
      ),
    ).toBe('BELOW_PREVIOUS');
  });

  test('a rollover that would exceed 3 × the average is implausible: BELOW_PREVIOUS', () => {
    // 80 > 3 × 26 = 78
    expect(
      refusal(() =>
        computeReadingUsage({
          previous: '99950',
          current: '30',
          dialDigits: 5,
          averageUsage: '26',
        }),
      ),
    ).toBe('BELOW_PREVIOUS');
  });

  test('without history nothing says a rollover is plausible, so the operator must confirm it', () => {
    expect(
      refusal(() => computeReadingUsage({ previous: '99950', current: '30', dialDigits: 5 })),
    ).toBe('BELOW_PREVIOUS');
  });

  test('readings that do not fit the dial are refused', () => {
    expect(
      refusal(() =>
        computeReadingUsage({ previous: '100000', current: '3', dialDigits: 5, rollover: true }),
      ),
    ).toBe('INVALID_INPUT');
    // 4 digits show at most 9999.99…: 99999.9 is a misread or the wrong dial setting.
    expect(
      refusal(() =>
        computeReadingUsage({ previous: '99999.9', current: '1', dialDigits: 4, rollover: true }),
      ),
    ).toBe('INVALID_INPUT');
  });
});

describe('replacement: the old meter to its final reading, the new one from its initial (DOMAIN §2.3)', () => {
  test('Example 2.3: 5230 → removed at 5262, new from 3 to 45 is 32 + 42 = 74 m³', () => {
    const usage = computeReplacementUsage({
      previous: '5230',
      current: '45',
      replacement: { oldFinal: '5262', newInitial: '3' },
    });

    expect(usage).toEqual({
      usage: '74',
      oldMeterUsage: '32',
      newMeterUsage: '42',
      nextPrevious: '45',
    });
  });

  test('each meter has its own multiplier: (1530.36 − 1520.36) × 40 + (12.5 − 0) × 80 = 400 + 1000', () => {
    const usage = computeReplacementUsage({
      previous: '1520.36',
      current: '12.5',
      replacement: {
        oldFinal: '1530.36',
        oldMultiplier: '40',
        newInitial: '0',
        newMultiplier: '80',
      },
    });

    expect(usage).toMatchObject({ oldMeterUsage: '400', newMeterUsage: '1000', usage: '1400' });
  });

  test('an old final below the previous, or a current below the new initial, is BELOW_PREVIOUS', () => {
    expect(
      refusal(() =>
        computeReplacementUsage({
          previous: '5230',
          current: '45',
          replacement: { oldFinal: '5200', newInitial: '3' },
        }),
      ),
    ).toBe('BELOW_PREVIOUS');
    expect(
      refusal(() =>
        computeReplacementUsage({
          previous: '5230',
          current: '2',
          replacement: { oldFinal: '5262', newInitial: '3' },
        }),
      ),
    ).toBe('BELOW_PREVIOUS');
  });

  test('a replacement with no previous reading is still a baseline', () => {
    expect(
      refusal(() =>
        computeReplacementUsage({
          previous: undefined,
          current: '45',
          replacement: { oldFinal: '5262', newInitial: '3' },
        }),
      ),
    ).toBe('MISSING_PREV');
  });
});
