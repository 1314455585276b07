import { describe, expect, test } from 'vitest';
import { dec } from '../../../platform/money.js';
import { explainZh } from './explanation.js';
import { coefficientFor, segmentCoefficient } from './floor-coefficient.js';
import { computeAreaFee } from './periodic-fees.js';

describe('floor coefficients (DOMAIN §1.3, Example 1.3)', () => {
  const bands = {
    kind: 'FLOOR_BANDS' as const,
    bands: [
      { fromFloor: 1, toFloor: 6, coefficient: '1.00' },
      { fromFloor: 7, toFloor: 12, coefficient: '1.05' },
      { fromFloor: 13, toFloor: null, coefficient: '1.10' },
    ],
  };

  test('floor 14, 120.50 m² at 2.00 in band 13+ (1.10) is 265.1000 → ¥265.10', () => {
    const coefficient = coefficientFor(bands, { floor: 14 });
    const line = computeAreaFee({
      areaKind: 'BUILT',
      area: '120.50',
      unitPrice: '2.00',
      coefficient,
      coverage: { months: 1 },
    });

    expect(coefficient).toBe('1.1');
    expect(dec('2.00').times(coefficient).toFixed(2)).toBe('2.20'); // the effective price
    expect(line.amountFen).toBe(26510);
    expect(explainZh(line)).toBe(
      '建筑面积 120.50㎡ × 单价 2.00元/㎡/月 × 系数 1.1 × 1 个月 = 265.10元（四舍五入到分）',
    );
  });

  test('bands of five floors: floor 14 is band ceil(14/5) = 3, coefficient 1 + 2 × 0.2 = 1.4', () => {
    expect(segmentCoefficient(14, 5, '0.2')).toBe('1.4');
    expect(
      coefficientFor({ kind: 'FLOOR_SEGMENTS', floorsPerBand: 5, step: '0.2' }, { floor: 5 }),
    ).toBe('1');
    expect(
      coefficientFor({ kind: 'FLOOR_SEGMENTS', floorsPerBand: 5, step: '0.2' }, { floor: 6 }),
    ).toBe('1.2');
  });

  test('an elevator fee can give floors 1–2 a coefficient of zero', () => {
    const elevator = {
      kind: 'FLOOR_BANDS' as const,
      bands: [
        { fromFloor: 1, toFloor: 2, coefficient: '0.00' },
        { fromFloor: 3, toFloor: null, coefficient: '1.00' },
      ],
    };

    expect(coefficientFor(elevator, { floor: 2 })).toBe('0');
  });

  test('the coefficient stored on the room is used as it is; a missing band is refused', () => {
    expect(coefficientFor({ kind: 'ROOM' }, { coefficient: '0.85' })).toBe('0.85');
    expect(() => coefficientFor({ kind: 'ROOM' }, {})).toThrow(/no fee coefficient/);
    expect(() =>
      coefficientFor({ kind: 'FLOOR_BANDS', bands: bands.bands.slice(0, 2) }, { floor: 14 }),
    ).toThrow(/no coefficient band holds floor 14/);
  });
});
