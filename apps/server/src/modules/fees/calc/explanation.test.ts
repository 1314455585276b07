import { describe, expect, test } from 'vitest';
import { dec } from '../../../platform/money.js';
import { explain, explainEn, explainZh, termsTotal } from './explanation.js';

describe('an explanation is the computation itself', () => {
  test('the amount is Σ terms of Π factors, dividing once at the end of each term', () => {
    // 89.37 × 2.35 × 15/31 + 89.37 × 2.35 × 2 = 101.622338709677… + 420.039
    const terms = [
      {
        factors: [
          { kind: 'builtArea' as const, value: '89.37' },
          { kind: 'pricePerSqmMonth' as const, value: '2.35' },
          { kind: 'daysOfMonth' as const, value: '15', divisor: '31' },
        ],
      },
      {
        factors: [
          { kind: 'builtArea' as const, value: '89.37' },
          { kind: 'pricePerSqmMonth' as const, value: '2.35' },
          { kind: 'months' as const, value: '2' },
        ],
      },
    ];
    const line = explain({ method: 'AREA_BUILT', terms, rounding: 'HALF_UP' });

    expect(termsTotal(terms).toFixed(6)).toBe('521.661339');
    expect(line.amountFen).toBe(52166);
    expect(explainZh(line)).toBe(
      '建筑面积 89.37㎡ × 单价 2.35元/㎡/月 × 按实际天数 15/31 天 + ' +
        '建筑面积 89.37㎡ × 单价 2.35元/㎡/月 × 2 个月 = 521.66元（四舍五入到分）',
    );
  });

  test('the rounding mode is named in the sentence', () => {
    const terms = [{ factors: [{ kind: 'amount' as const, value: '19.605' }] }];

    expect(explainZh(explain({ method: 'FIXED', terms, rounding: 'HALF_EVEN' }))).toBe(
      '19.605元 = 19.60元（银行家舍入到分）',
    );
    expect(explainEn(explain({ method: 'FIXED', terms, rounding: 'DOWN' }))).toBe(
      '19.605 yuan = 19.60 yuan (truncated to the fen)',
    );
  });

  test('notes come before the rounding, in the order they applied', () => {
    const line = explain({
      method: 'PARKING_TEMPORARY',
      terms: [{ label: 'firstSegment', factors: [{ kind: 'amount', value: '45' }] }],
      notes: [{ kind: 'capped', value: '30' }],
      exactYuan: dec(30),
      rounding: 'HALF_UP',
    });

    expect(explainZh(line)).toBe('首段：45元 = 30.00元（封顶 30元；四舍五入到分）');
    expect(explainEn(line)).toBe(
      'first segment: 45 yuan = 30.00 yuan (capped at 30 yuan; rounded half-up to the fen)',
    );
  });

  test('an explanation survives JSON, so a bill line can store it', () => {
    const line = explain({
      method: 'FIXED',
      terms: [
        {
          factors: [
            { kind: 'monthlyAmount', value: '80.00' },
            { kind: 'months', value: '3' },
          ],
        },
      ],
      rounding: 'HALF_UP',
    });
    const stored = JSON.parse(JSON.stringify(line)) as typeof line;

    expect(stored).toEqual(line);
    expect(explainZh(stored)).toBe('月费 80.00元/月 × 3 个月 = 240.00元（四舍五入到分）');
  });
});
