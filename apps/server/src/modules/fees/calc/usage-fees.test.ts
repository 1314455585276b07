import { describe, expect, test } from 'vitest';
import { explainZh } from './explanation.js';
import { computeTieredUsageFee, computeUsageFee } from './usage-fees.js';

// Beijing water (DOMAIN §2.5): 0–180 m³ at 5.00, 181–260 at 7.00, above 260 at 9.00 a year.
const beijingWater = [
  { upTo: '180', unitPrice: '5.00' },
  { upTo: '260', unitPrice: '7.00' },
  { upTo: null, unitPrice: '9.00' },
];

describe('usage × unit price', () => {
  test('shared electricity 480 kWh × 0.52 is ¥249.60 (DOMAIN Example 2.6)', () => {
    const line = computeUsageFee({ usage: '480', unitPrice: '0.52', unit: 'kWh' });

    expect(line.amountFen).toBe(24960);
    expect(explainZh(line)).toBe('用量 480kWh × 单价 0.52元 = 249.60元（四舍五入到分）');
  });
});

describe('tiered usage fills the tiers from the cumulative usage so far', () => {
  test('Example 2.5a: from 170 m³, 30 m³ is 10 × 5.00 + 20 × 7.00 = ¥190.00', () => {
    const line = computeTieredUsageFee({
      usage: '30',
      cumulativeBefore: '170',
      tiers: beijingWater,
      unit: 'm³',
    });

    expect(line.amountFen).toBe(19000);
    expect(explainZh(line)).toBe(
      '阶梯：用量 10m³ × 单价 5.00元 + 阶梯：用量 20m³ × 单价 7.00元 = 190.00元（四舍五入到分）',
    );
  });

  test('Example 2.5b: from 250 m³, 25 m³ is 10 × 7.00 + 15 × 9.00 = ¥205.00', () => {
    const line = computeTieredUsageFee({
      usage: '25',
      cumulativeBefore: '250',
      tiers: beijingWater,
    });

    expect(line.amountFen).toBe(20500);
  });

  test('Example 2.5c: electricity from 2800 kWh, 400 kWh is 39.0640 + 172.2560 → ¥211.32', () => {
    const line = computeTieredUsageFee({
      usage: '400',
      cumulativeBefore: '2800',
      tiers: [
        { upTo: '2880', unitPrice: '0.4883' },
        { upTo: '4800', unitPrice: '0.5383' },
        { upTo: null, unitPrice: '0.7883' },
      ],
    });

    expect(line.exactYuan).toBe('211.32');
    expect(line.amountFen).toBe(21132);
  });

  test('usage that crosses every tier pays each in turn', () => {
    // 180 × 5 + 80 × 7 + 40 × 9 = 900 + 560 + 360 = 1820
    const line = computeTieredUsageFee({
      usage: '300',
      cumulativeBefore: '0',
      tiers: beijingWater,
    });

    expect(line.terms).toHaveLength(3);
    expect(line.amountFen).toBe(182_000);
  });

  test('tiers must rise and end open', () => {
    expect(() =>
      computeTieredUsageFee({ usage: '1', cumulativeBefore: '0', tiers: beijingWater.slice(0, 2) }),
    ).toThrow(/open-ended/);
    expect(() =>
      computeTieredUsageFee({
        usage: '1',
        cumulativeBefore: '0',
        tiers: [
          { upTo: '10', unitPrice: '1' },
          { upTo: '5', unitPrice: '2' },
          { upTo: null, unitPrice: '3' },
        ],
      }),
    ).toThrow(/must rise/);
  });
});
