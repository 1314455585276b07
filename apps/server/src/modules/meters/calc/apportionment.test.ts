import { describe, expect, test } from 'vitest';
import { computeUsageFee } from '../../fees/calc/usage-fees.js';
import {
  apportionAmount,
  apportionUsage,
  computeMeterBalance,
  shareWeights,
  type ShareParticipant,
} from './apportionment.js';
import { MeterCalcError } from './calc-error.js';

// DOMAIN Example 2.7: A 89.37 m², 3 persons, 1500 kWh · B 120.50 m², 4, 2200 · C 65.13 m², 1, 820.
const homes: ShareParticipant[] = [
  { key: 'A', area: '89.37', headcount: 3, usage: '1500' },
  { key: 'B', area: '120.50', headcount: 4, usage: '2200' },
  { key: 'C', area: '65.13', headcount: 1, usage: '820' },
];

const fen = (result: { parts: { key: string; amountFen: number }[] }) =>
  Object.fromEntries(result.parts.map((part) => [part.key, part.amountFen]));

const sum = (parts: readonly { amountFen: number }[]) =>
  parts.reduce((acc, part) => acc + part.amountFen, 0);

describe('the balance of a master meter (DOMAIN §2.6)', () => {
  test('Example 2.6: 5000 − 4520 − 400 = 80 kWh lost, 1.60%; 480 kWh shareable × 0.52 = ¥249.60', () => {
    const balance = computeMeterBalance({
      master: '5000',
      privateUsages: ['1500', '2200', '820'],
      publicUsages: ['250', '150'],
      meterType: 'ELEC',
    });

    expect(balance).toEqual({
      master: '5000',
      privateUsage: '4520',
      publicUsage: '400',
      loss: '80',
      lossRate: '0.016000',
      threshold: '0.03',
      alert: null,
      shareable: '480',
    });
    expect(computeUsageFee({ usage: balance.shareable, unitPrice: '0.52' }).amountFen).toBe(24960);
  });

  test('an absorbed loss leaves only the public usage to share', () => {
    const balance = computeMeterBalance({
      master: '5000',
      privateUsages: ['4520'],
      publicUsages: ['250', '150'],
      meterType: 'ELEC',
      lossTreatment: 'ABSORB',
    });

    expect(balance.loss).toBe('80');
    expect(balance.shareable).toBe('400');
  });

  test('electricity alerts above 3%: exactly 3% is not an alert, 3.01% is', () => {
    // 1000 − 970 = 30 → 30 / 1000 = 0.03, not > 0.03
    const atThreshold = computeMeterBalance({
      master: '1000',
      privateUsages: ['970'],
      publicUsages: [],
      meterType: 'ELEC',
    });
    // 1000 − 969.9 = 30.1 → 0.0301 > 0.03
    const above = computeMeterBalance({
      master: '1000',
      privateUsages: ['969.9'],
      publicUsages: [],
      meterType: 'ELEC',
    });

    expect(atThreshold).toMatchObject({ lossRate: '0.030000', alert: null });
    expect(above).toMatchObject({ lossRate: '0.030100', alert: 'ABOVE_THRESHOLD' });
  });

  test('water alerts above 5% (DOMAIN §9), and a project may set its own threshold', () => {
    const water = (privateUsage: string, lossRateAlert?: string) =>
      computeMeterBalance({
        master: '1000',
        privateUsages: [privateUsage],
        publicUsages: [],
        meterType: 'WATER',
        lossRateAlert,
      }).alert;

    expect(water('950')).toBeNull(); // 50 / 1000 = 5%
    expect(water('949.99')).toBe('ABOVE_THRESHOLD'); // 50.01 / 1000 = 5.001%
    expect(water('960', '0.02')).toBe('ABOVE_THRESHOLD'); // 4% > 2%
  });

  test('a negative loss is an alert (a sub-meter over-reads) and is never shared', () => {
    // 1000 − 980 − 40 = −20
    const balance = computeMeterBalance({
      master: '1000',
      privateUsages: ['980'],
      publicUsages: ['40'],
      meterType: 'ELEC',
    });

    expect(balance).toMatchObject({ loss: '-20', lossRate: '-0.020000', alert: 'NEGATIVE' });
    expect(balance.shareable).toBe('40');
  });

  test('a master that read zero has no loss rate', () => {
    const balance = computeMeterBalance({
      master: '0',
      privateUsages: [],
      publicUsages: [],
      meterType: 'GAS',
    });

    expect(balance).toMatchObject({ loss: '0', lossRate: null, alert: null });
  });
});

describe('apportioning ¥249.60 among three households (DOMAIN Example 2.7)', () => {
  test('by area: exact 8111.55 / 10937.02 / 5911.44 → 81.12 / 109.37 / 59.11; the leftover fen to A (0.55)', () => {
    // Σ area 275.00; 24960 × 89.37 / 275 = 8111.5549…; floors 8111 + 10937 + 5911 = 24959.
    const result = apportionAmount(24960, homes, { method: 'BY_AREA' });

    expect(fen(result)).toEqual({ A: 8112, B: 10937, C: 5911 });
    expect(sum(result.parts)).toBe(24960);
    expect(result.weightSum).toBe('275');
    // What the bill stores as its share basis and ratio: 89.37 / 275 = 0.3249818…
    expect(result.parts[0]).toMatchObject({
      basis: '89.37',
      weight: '89.37',
      ratio: '0.324982',
      vacant: false,
    });
  });

  test('by headcount: 3 / 4 / 1 of 8 persons → 93.60 / 124.80 / 31.20', () => {
    const result = apportionAmount(24960, homes, { method: 'BY_HEADCOUNT' });

    expect(fen(result)).toEqual({ A: 9360, B: 12480, C: 3120 });
    expect(result.parts.map((part) => part.ratio)).toEqual(['0.375000', '0.500000', '0.125000']);
  });

  test('by usage: exact 8283.19 / 12148.67 / 4528.14 → 82.83 / 121.49 / 45.28; the leftover fen to B (0.67)', () => {
    // Σ usage 4520; 24960 × 2200 / 4520 = 12148.672…
    const result = apportionAmount(24960, homes, { method: 'BY_USAGE' });

    expect(fen(result)).toEqual({ A: 8283, B: 12149, C: 4528 });
  });

  test('by area with C vacant at 50%: exact 9201.13 / 12406.13 / 3352.74 → 92.01 / 124.06 / 33.53', () => {
    // weights 89.37, 120.50, 65.13 × 0.5 = 32.565; Σ 242.435; floors 24959; leftover to C (0.74).
    const vacantC = homes.map((home) => (home.key === 'C' ? { ...home, vacant: true } : home));
    const result = apportionAmount(24960, vacantC, { method: 'BY_AREA', vacantWeight: '0.5' });

    expect(fen(result)).toEqual({ A: 9201, B: 12406, C: 3353 });
    expect(result.parts[2]).toMatchObject({ basis: '65.13', weight: '32.565', vacant: true });
    expect(sum(result.parts)).toBe(24960);
  });

  test('a vacant home counts in full by default (DOMAIN §9 vacant weight 1.0)', () => {
    const vacantC = homes.map((home) => (home.key === 'C' ? { ...home, vacant: true } : home));

    expect(fen(apportionAmount(24960, vacantC, { method: 'BY_AREA' }))).toEqual({
      A: 8112,
      B: 10937,
      C: 5911,
    });
  });
});

describe('parts add up to the whole exactly', () => {
  test('100 fen equally over 3 is 34 + 33 + 33; the tie goes to the smallest key, not the first listed', () => {
    // 100 / 3 = 33.33… each; floors 99; one fen left, remainders tie, key "A" < "B" < "C".
    const result = apportionAmount(100, [{ key: 'C' }, { key: 'B' }, { key: 'A' }], {
      method: 'EQUAL',
    });

    expect(result.parts.map((part) => [part.key, part.amountFen])).toEqual([
      ['C', 33],
      ['B', 33],
      ['A', 34],
    ]);
  });

  test('awkward totals over awkward areas always sum to the total', () => {
    const areas = ['33.33', '66.67', '0.01', '120.5', '77.77', '12.34', '98.76'];
    const participants = areas.map((area, index) => ({ key: `R${index}`, area }));
    for (const total of [1, 2, 7, 100, 101, 24959, 999_999, 1_000_003]) {
      expect(sum(apportionAmount(total, participants, { method: 'BY_AREA' }).parts)).toBe(total);
    }
  });

  test('a refund (negative total) is split the same way, the parts negative', () => {
    const result = apportionAmount(-100, [{ key: 'A' }, { key: 'B' }, { key: 'C' }], {
      method: 'BY_HOUSEHOLD',
    });

    expect(result.parts.map((part) => part.amountFen)).toEqual([-34, -33, -33]);
  });

  test('shared usage splits to 2 decimals: 480 kWh by area is 155.99 / 210.33 / 113.68', () => {
    // 48000 hundredths × 89.37 / 275 = 15599.127…, × 120.5 / 275 = 21032.727…,
    // × 65.13 / 275 = 11368.145…; floors 47999, the last hundredth to B (0.727).
    const result = apportionUsage('480', 2, homes, { method: 'BY_AREA' });

    expect(result.parts.map((part) => part.usage)).toEqual(['155.99', '210.33', '113.68']);
    expect(result.totalUsage).toBe('480');
  });

  test('shared usage with more decimals than asked for is refused, not rounded away', () => {
    expect(() => apportionUsage('480.005', 2, homes, { method: 'BY_AREA' })).toThrow(
      /more than 2 decimals/,
    );
  });
});

describe('who takes part', () => {
  test('a home without the basis of the method is skipped and listed', () => {
    const result = apportionAmount(
      1000,
      [
        { key: 'A', area: '80' },
        { key: 'B', area: null },
        { key: 'C', area: '0' },
        { key: 'D', area: '120' },
      ],
      { method: 'BY_AREA' },
    );

    expect(fen(result)).toEqual({ A: 400, D: 600 });
    expect(result.skipped).toEqual([
      { key: 'B', reason: 'NO_AREA' },
      { key: 'C', reason: 'NO_AREA' },
    ]);
  });

  test('a home with zero usage stays in with a zero part, so its bill can say why', () => {
    const result = apportionAmount(
      900,
      [
        { key: 'A', usage: '30' },
        { key: 'B', usage: '0' },
        { key: 'C', usage: '60' },
      ],
      { method: 'BY_USAGE' },
    );

    expect(fen(result)).toEqual({ A: 300, B: 0, C: 600 });
    expect(result.parts[1].ratio).toBe('0.000000');
  });

  test('custom weights are used as given, even for a vacant home', () => {
    // area × floor coefficient set by the project: 100 × 1.2 = 120 and 100 × 0.8 = 80
    const weights = shareWeights(
      [
        { key: 'A', weight: '120' },
        { key: 'B', weight: '80', vacant: true },
      ],
      { method: 'CUSTOM', vacantWeight: '0.5' },
    );

    expect(weights.participants.map((part) => [part.weight, part.ratio])).toEqual([
      ['120', '0.600000'],
      ['80', '0.400000'],
    ]);
  });

  test('all weights zero cannot carry an amount: NO_WEIGHT', () => {
    const share = () =>
      apportionAmount(
        100,
        [
          { key: 'A', usage: '0' },
          { key: 'B', usage: '0' },
        ],
        {
          method: 'BY_USAGE',
        },
      );

    expect(share).toThrow(MeterCalcError);
    expect(share).toThrow(/no participant has a weight/);
  });

  test('negative bases and repeated keys are refused', () => {
    expect(() => apportionAmount(100, [{ key: 'A', area: '-1' }], { method: 'BY_AREA' })).toThrow(
      /must not be negative/,
    );
    expect(() => apportionAmount(100, [{ key: 'A' }, { key: 'A' }], { method: 'EQUAL' })).toThrow(
      /twice/,
    );
  });
});
