import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  apportionFen,
  dec,
  fenToYuanString,
  formatYuan,
  roundToFen,
  roundingWriteOff,
  toChineseCapitalAmount,
  yuanToFen,
} from './money.js';

describe('exact decimals', () => {
  test('a float is refused, a decimal string and a safe integer are taken', () => {
    expect(() => dec(0.15)).toThrow(/safe integer/);
    expect(() => dec(2 ** 60)).toThrow(/safe integer/);
    expect(() => dec('1e5')).toThrow(/not a decimal/);
    expect(() => dec('12,3')).toThrow(/not a decimal/);
    expect(dec('0.15').toString()).toBe('0.15');
    expect(dec(42).toString()).toBe('42');
  });

  test('a division keeps enough digits to be exact to a fen', () => {
    // 210.0195 × 15 / 31 = 101.622338709677…; HALF_UP to fen is 101.62.
    expect(roundToFen(dec('210.0195').times(15).div(31))).toBe(10162);
  });
});

describe('the float traps of DOMAIN §0.1 come out right', () => {
  test('0.15 × 130.70 is 19.61, not the float 19.60', () => {
    expect(Math.round(0.15 * 130.7 * 100) / 100).toBe(19.6); // the trap itself
    expect(roundToFen(dec('0.15').times('130.70'))).toBe(1961);
  });

  test('1.005 rounds half-up to 1.01, where (1.005).toFixed(2) gives 1.00', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(roundToFen('1.005')).toBe(101);
  });

  test('2.675 rounds half-up to 2.68, where (2.675).toFixed(2) gives 2.67', () => {
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(roundToFen('2.675')).toBe(268);
  });

  test('a year of 89.37 m² × 2.35 rounds once to 2520.23, per month first to 2520.24', () => {
    const monthly = dec('89.37').times('2.35'); // 210.0195

    expect(roundToFen(monthly.times(12))).toBe(252023); // 2520.2340
    expect(roundToFen(monthly) * 12).toBe(252024); // 210.02 × 12
  });
});

describe('area × price never drifts a fen (the 7,614 pairs of DOMAIN §0.1)', () => {
  test('two-decimal price × two-decimal area rounds like integer arithmetic on hundredths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 99_999 }),
        (p, a) => {
          // price p and area a in hundredths: the product is in 1e-4 yuan; half-up to fen
          const product = BigInt(p) * BigInt(a);
          const expected = Number((product + 50n) / 100n);
          const price = new Decimal(p).div(100).toFixed(2);
          const area = new Decimal(a).div(100).toFixed(2);

          expect(roundToFen(dec(price).times(area))).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('rounding modes', () => {
  test.each([
    ['HALF_UP', '19.605', 1961],
    ['HALF_UP', '-19.605', -1961],
    ['HALF_EVEN', '19.605', 1960],
    ['HALF_EVEN', '19.615', 1962],
    ['DOWN', '19.609', 1960],
    ['DOWN', '-19.609', -1960],
    ['UP', '19.601', 1961],
    ['UP', '19.600', 1960],
    ['YUAN', '19.50', 2000],
    ['YUAN', '19.49', 1900],
  ] as const)('%s takes %s yuan to %i fen', (mode, yuan, fen) => {
    expect(roundToFen(yuan, mode)).toBe(fen);
  });

  test('HALF_UP is the default', () => {
    expect(roundToFen('0.125')).toBe(13);
  });

  test('a whole-yuan or 抹零 mode keeps the receivable and books the difference as a write-off', () => {
    expect(roundingWriteOff('210.0195', 'YUAN')).toEqual({
      receivableFen: 21002,
      chargedFen: 21000,
      writeOffFen: 2,
    });
    expect(roundingWriteOff('210.0195', 'HALF_UP').writeOffFen).toBe(0);
  });
});

describe('fen and yuan as text', () => {
  test.each([
    [123456, '¥1,234.56'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456789, '¥1,234,567.89'],
    [-800, '-¥8.00'],
  ])('%i fen shows as %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  test('yuan strings become fen exactly and more than two decimals are refused', () => {
    expect(yuanToFen('210.02')).toBe(21002);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('-3')).toBe(-300);
    expect(() => yuanToFen('0.001')).toThrow(/whole number of fen/);
    expect(fenToYuanString(-5)).toBe('-0.05');
  });

  test('an amount past the safe integers is refused', () => {
    expect(() => roundToFen('100000000000000000')).toThrow(/whole fen/);
  });
});

describe('largest-remainder apportionment', () => {
  const households = { A: '89.37', B: '120.50', C: '65.13' };

  test('DOMAIN Example 2.7: ¥249.60 by area gives 81.12 / 109.37 / 59.11', () => {
    // exact fen 8111.55 / 10937.02 / 5911.44: floors 8111 + 10937 + 5911 = 24959, the leftover
    // fen goes to A (remainder .55 is the largest).
    expect(apportionFen(24960, Object.values(households))).toEqual([8112, 10937, 5911]);
  });

  test('DOMAIN Example 2.7: by headcount 93.60 / 124.80 / 31.20', () => {
    expect(apportionFen(24960, [3, 4, 1])).toEqual([9360, 12480, 3120]);
  });

  test('DOMAIN Example 2.7: by usage 82.83 / 121.49 / 45.28 (the leftover fen to B)', () => {
    expect(apportionFen(24960, [1500, 2200, 820])).toEqual([8283, 12149, 4528]);
  });

  test('DOMAIN Example 2.7: by area with C vacant at 50% gives 92.01 / 124.06 / 33.53', () => {
    const vacantC = new Decimal(households.C).times('0.5').toString(); // 32.565
    expect(apportionFen(24960, [households.A, households.B, vacantC])).toEqual([9201, 12406, 3353]);
  });

  test('DOMAIN Example 5.4: 126.01 over twelve months is 10.50 × 11 + 10.51 × 1', () => {
    const parts = apportionFen(12601, Array<number>(12).fill(1));

    expect(parts.filter((part) => part === 1050)).toHaveLength(11);
    expect(parts.filter((part) => part === 1051)).toHaveLength(1);
  });

  test('ties go to the earlier weight, a zero weight gets nothing, a negative total works', () => {
    expect(apportionFen(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportionFen(100, [0, 1, 3])).toEqual([0, 25, 75]);
    expect(apportionFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(apportionFen(0, [0, 0])).toEqual([0, 0]);
    expect(() => apportionFen(1, [0, 0])).toThrow(/sum to zero/);
    expect(() => apportionFen(1, [-1, 2])).toThrow(/negative/);
  });

  test('the parts always sum to the whole and each is within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const parts = apportionFen(total, weights);
          const sum = weights.reduce((acc, weight) => acc + weight, 0);

          expect(parts.reduce((acc, part) => acc + part, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = new Decimal(total).times(weights[i]).div(sum);
            expect(exact.minus(part).abs().lessThan(1)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('amounts in Chinese capitals (大写金额)', () => {
  test.each([
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [0, '零元整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [150, '壹元伍角整'],
    [5, '伍分'],
    [56, '伍角陆分'],
    [105, '壹元零伍分'],
    // 《支付结算办法》's own examples
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    // zeros across sections
    [1000100, '壹万零壹元整'],
    [100000000, '壹佰万元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [1000000000000000, '壹拾万亿元整'],
    [21002, '贰佰壹拾元零贰分'],
    [252024, '贰仟伍佰贰拾元贰角肆分'],
    [-800, '负捌元整'],
  ])('%i fen reads %s', (fen, text) => {
    expect(toChineseCapitalAmount(fen)).toBe(text);
  });

  test('an amount that is not whole fen is refused', () => {
    expect(() => toChineseCapitalAmount(1.5)).toThrow(/whole fen/);
  });
});
