import { describe, expect, test } from 'vitest';
import { FeeCalcError } from './calc-error.js';
import { explainEn, explainZh } from './explanation.js';
import {
  computeAreaFee,
  computeAreaFeeBySegments,
  computeFixedFee,
  computeRentFee,
} from './periodic-fees.js';

const room1402 = { areaKind: 'BUILT' as const, area: '89.37', unitPrice: '2.35' };

describe('area × unit price (DOMAIN Example 1.1, room 3-2-1402)', () => {
  test('one month is 89.37 × 2.35 = 210.0195 → ¥210.02', () => {
    const line = computeAreaFee({ ...room1402, coverage: { months: 1 } });

    expect(line.exactYuan).toBe('210.0195');
    expect(line.amountFen).toBe(21002);
  });

  test('a quarter computed then rounded once is 630.0585 → ¥630.06', () => {
    expect(computeAreaFee({ ...room1402, coverage: { months: 3 } }).amountFen).toBe(63006);
  });

  test('a year rounded once is 2520.2340 → ¥2520.23; twelve rounded months make ¥2520.24', () => {
    const year = computeAreaFee({ ...room1402, coverage: { months: 12 } });
    const month = computeAreaFee({ ...room1402, coverage: { months: 1 } });

    expect(year.amountFen).toBe(252023);
    expect(month.amountFen * 12).toBe(252024);
  });

  test('the line explains itself as a sentence in Chinese and English', () => {
    const line = computeAreaFee({ ...room1402, coverage: { months: 1 } });

    expect(explainZh(line)).toBe(
      '建筑面积 89.37㎡ × 单价 2.35元/㎡/月 × 1 个月 = 210.02元（四舍五入到分）',
    );
    expect(explainEn(line)).toBe(
      'built area 89.37 m² × unit price 2.35 yuan/m²/month × 1 month = 210.02 yuan ' +
        '(rounded half-up to the fen)',
    );
  });

  test('inner area uses 套内面积, and the rounding mode of the item', () => {
    const line = computeAreaFee({
      areaKind: 'INNER',
      area: '72.10',
      unitPrice: '2.35',
      coverage: { months: 1 },
      rounding: 'YUAN',
    });

    // 72.10 × 2.35 = 169.435 → whole yuan 169
    expect(line.amountFen).toBe(16900);
    expect(explainZh(line)).toContain('套内面积 72.10㎡');
    expect(explainZh(line)).toContain('四舍五入到元');
  });

  test('a room without an area is refused with AREA_MISSING, not charged zero', () => {
    const attempt = () => computeAreaFee({ ...room1402, area: null, coverage: { months: 1 } });

    expect(attempt).toThrow(FeeCalcError);
    expect(attempt).toThrow(/no built area/);
  });
});

describe('proration of a move-in on 2024-03-17 (DOMAIN Example 1.5)', () => {
  // monthly fee unrounded 210.0195; 17–31 March is 15 days of March's 31
  const march = { start: '2024-03-17', end: '2024-04-01' };
  const prorated = (proration: Parameters<typeof computeAreaFee>[0]['coverage']) =>
    computeAreaFee({ ...room1402, coverage: proration });

  test('A, actual days: 210.0195 × 15/31 = 101.62234 → ¥101.62', () => {
    const line = prorated({ period: march, proration: 'ACTUAL_DAYS' });

    expect(line.amountFen).toBe(10162);
    expect(explainZh(line)).toContain('按实际天数 15/31 天');
  });

  test('B, 30-day month: 210.0195 × 15/30 = 105.00975 → ¥105.01', () => {
    expect(prorated({ period: march, proration: 'DAYS_30' }).amountFen).toBe(10501);
  });

  test('C, annual ÷ 365: 210.0195 × 12/365 × 15 = 103.57126 → ¥103.57', () => {
    expect(prorated({ period: march, proration: 'ANNUAL_365' }).amountFen).toBe(10357);
  });

  test('D, fraction to 4 decimals: 15/31 → 0.4839; 210.0195 × 0.4839 = 101.62844 → ¥101.63', () => {
    const line = prorated({ period: march, proration: 'MC_FRACTION_4DP' });

    expect(line.exactYuan).toBe('101.62843605');
    expect(line.amountFen).toBe(10163);
  });

  test('E: nothing for a move-in after the 15th, a whole month for one on or before it', () => {
    expect(prorated({ period: march, proration: 'NONE_IF_AFTER_15TH' }).amountFen).toBe(0);
    expect(
      prorated({
        period: { start: '2024-03-15', end: '2024-04-01' },
        proration: 'NONE_IF_AFTER_15TH',
      }).amountFen,
    ).toBe(21002);
  });

  test('actual days is the default', () => {
    expect(prorated({ period: march }).amountFen).toBe(10162);
  });

  test('then 2024-Q2 is billed as three whole months: ¥630.06', () => {
    const quarter = prorated({ period: { start: '2024-04-01', end: '2024-07-01' } });

    expect(quarter.amountFen).toBe(63006);
  });

  test('an anniversary month from 03-17 to 04-17 is one whole month, not 15/31 + 16/30', () => {
    const period = { start: '2024-03-17', end: '2024-04-17' };

    expect(prorated({ period, anchor: 'ANNIVERSARY' }).amountFen).toBe(21002);
    // calendar split: 210.0195 × 15/31 + 210.0195 × 16/30 = 101.6223… + 112.0104 = 213.6327…
    expect(prorated({ period }).amountFen).toBe(21363);
  });

  test('an anniversary period cut short prorates only what is left after its whole months', () => {
    // 03-17 → 05-17 is two months; 05-17 … 05-26 is 9 days of May: 210.0195 × (2 + 9/31)
    // = 420.039 + 60.97340… = 481.01240… → 481.01
    const line = prorated({
      period: { start: '2024-03-17', end: '2024-05-26' },
      anchor: 'ANNIVERSARY',
    });

    expect(line.amountFen).toBe(48101);
  });

  test('a partial quarter is the partial month plus whole months, rounded once', () => {
    // 210.0195 × 15/31 + 210.0195 × 2 = 101.622338… + 420.039 = 521.661338… → 521.66
    const line = prorated({ period: { start: '2024-03-17', end: '2024-06-01' } });

    expect(line.terms).toHaveLength(2);
    expect(line.amountFen).toBe(52166);
  });
});

describe('a price change inside the period splits the line (DOMAIN §1.4)', () => {
  test('2.35 until 03-17 and 2.50 from then: each part prorated, the line rounded once', () => {
    // 89.37 × 2.35 × 16/31 + 89.37 × 2.50 × 15/31 = 108.39716… + 108.10887… = 216.50603… → 216.51
    const line = computeAreaFeeBySegments({
      areaKind: 'BUILT',
      area: '89.37',
      segments: [
        { start: '2024-03-01', end: '2024-03-17', unitPrice: '2.35' },
        { start: '2024-03-17', end: '2024-04-01', unitPrice: '2.50' },
      ],
    });

    expect(line.terms).toHaveLength(2);
    expect(line.amountFen).toBe(21651);
  });
});

describe('fixed per household (DOMAIN Example 1.2)', () => {
  test('80.00 a month over a quarterly cycle is 3 × 80.00 = ¥240.00', () => {
    const line = computeFixedFee({ monthlyAmount: '80.00', coverage: { months: 3 } });

    expect(line.amountFen).toBe(24000);
    expect(explainZh(line)).toBe('月费 80.00元/月 × 3 个月 = 240.00元（四舍五入到分）');
  });
});

describe('rent with a yearly escalation', () => {
  const lease = { baseMonthlyRent: '5000.00', escalationRate: '0.05', contractStart: '2024-03-01' };

  test('the first contract year pays the base rent', () => {
    const line = computeRentFee({ ...lease, period: { start: '2024-03-01', end: '2024-06-01' } });

    expect(line.amountFen).toBe(1_500_000);
  });

  test('the third year compounds: 5000 × 1.05² = 5512.50 a month', () => {
    const line = computeRentFee({ ...lease, period: { start: '2026-03-01', end: '2026-04-01' } });

    expect(line.amountFen).toBe(551_250);
  });

  test('simple escalation adds the rate once a year: 5000 × (1 + 0.05 × 2) = 5500', () => {
    const line = computeRentFee({
      ...lease,
      compounding: 'SIMPLE',
      period: { start: '2026-03-01', end: '2026-04-01' },
    });

    expect(line.amountFen).toBe(550_000);
  });

  test('a period across the anniversary is split there', () => {
    // Jan–Feb 2025 at 5000, March 2025 at 5250: 10000 + 5250 = 15250
    const line = computeRentFee({ ...lease, period: { start: '2025-01-01', end: '2025-04-01' } });

    expect(line.terms).toHaveLength(2);
    expect(line.amountFen).toBe(1_525_000);
    expect(explainZh(line)).toContain('合同年：月费 5000.00元/月 × 递增 1.05 × 1 个月');
  });
});
