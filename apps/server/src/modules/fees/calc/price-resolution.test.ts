import { describe, expect, test } from 'vitest';
import { resolvePrice, resolvePriceSegments, type PriceRow } from './price-resolution.js';

const project = {
  id: 1,
  scope: { level: 'PROJECT', projectId: 10 },
  unitPrice: '2.35',
  effectiveFrom: '2024-01-01',
} as const;
const building7 = {
  id: 2,
  scope: { level: 'BUILDING', buildingId: 7 },
  unitPrice: '2.50',
  effectiveFrom: '2024-01-01',
} as const;
const override = {
  id: 3,
  scope: { level: 'RESOURCE', resourceId: 701 },
  unitPrice: '1.80',
  effectiveFrom: '2024-01-01',
} as const;
const rows: PriceRow[] = [project, building7, override];

const room = (resourceId: number, buildingId: number) => ({
  resourceId,
  projectId: 10,
  buildingId,
  floor: 3,
});

describe('the most specific effective price applies (DOMAIN §1.4)', () => {
  test('a room in building 7 with an override pays 1.80', () => {
    expect(resolvePrice(rows, room(701, 7), '2024-03-01')?.unitPrice).toBe('1.80');
  });

  test('other rooms of building 7 pay 2.50', () => {
    expect(resolvePrice(rows, room(702, 7), '2024-03-01')?.unitPrice).toBe('2.50');
  });

  test('rooms of other buildings pay the project price 2.35', () => {
    expect(resolvePrice(rows, room(801, 8), '2024-03-01')?.unitPrice).toBe('2.35');
  });

  test('a floor range beats the unit and the building, but not the room override', () => {
    const high: PriceRow = {
      id: 4,
      scope: { level: 'FLOOR_RANGE', buildingId: 7, fromFloor: 13, toFloor: 30 },
      unitPrice: '2.80',
      effectiveFrom: '2024-01-01',
    };
    const unit: PriceRow = {
      id: 5,
      scope: { level: 'UNIT', unitId: 72 },
      unitPrice: '2.60',
      effectiveFrom: '2024-01-01',
    };
    const all = [...rows, high, unit];

    expect(
      resolvePrice(all, { ...room(702, 7), unitId: 72, floor: 14 }, '2024-03-01')?.unitPrice,
    ).toBe('2.80');
    expect(
      resolvePrice(all, { ...room(702, 7), unitId: 72, floor: 3 }, '2024-03-01')?.unitPrice,
    ).toBe('2.60');
    expect(
      resolvePrice(all, { ...room(701, 7), unitId: 72, floor: 14 }, '2024-03-01')?.unitPrice,
    ).toBe('1.80');
  });

  test('within a level the latest effectiveFrom on or before the date wins', () => {
    const raise: PriceRow = { ...project, id: 6, unitPrice: '2.60', effectiveFrom: '2025-01-01' };

    expect(resolvePrice([project, raise], room(801, 8), '2024-12-31')?.unitPrice).toBe('2.35');
    expect(resolvePrice([project, raise], room(801, 8), '2025-01-01')?.unitPrice).toBe('2.60');
  });

  test('an ended override gives way to the next level; a price for the room type beats one for any', () => {
    const ended: PriceRow = { ...override, effectiveTo: '2024-03-01' };
    const shops: PriceRow = { ...building7, id: 7, resourceType: 'shop', unitPrice: '5.00' };

    expect(resolvePrice([project, building7, ended], room(701, 7), '2024-03-01')?.unitPrice).toBe(
      '2.50',
    );
    expect(
      resolvePrice([building7, shops], { ...room(705, 7), resourceType: 'shop' }, '2024-03-01')
        ?.unitPrice,
    ).toBe('5.00');
    expect(
      resolvePrice([building7, shops], { ...room(706, 7), resourceType: 'home' }, '2024-03-01')
        ?.unitPrice,
    ).toBe('2.50');
  });

  test('nothing applies before the first price', () => {
    expect(resolvePrice(rows, room(801, 8), '2023-12-31')).toBeNull();
  });
});

describe('a price change inside a period splits it', () => {
  test('a building price from 2024-03-17 splits March at that day', () => {
    const change: PriceRow = {
      ...building7,
      id: 8,
      unitPrice: '2.70',
      effectiveFrom: '2024-03-17',
    };
    const segments = resolvePriceSegments([project, building7, change], room(702, 7), {
      start: '2024-03-01',
      end: '2024-04-01',
    });

    expect(segments.map((s) => [s.start, s.end, s.price.unitPrice])).toEqual([
      ['2024-03-01', '2024-03-17', '2.50'],
      ['2024-03-17', '2024-04-01', '2.70'],
    ]);
  });

  test('a change that does not touch the resource leaves the period whole', () => {
    const elsewhere: PriceRow = {
      ...building7,
      id: 9,
      scope: { level: 'BUILDING', buildingId: 8 },
      effectiveFrom: '2024-03-10',
    };
    const segments = resolvePriceSegments([project, building7, elsewhere], room(702, 7), {
      start: '2024-03-01',
      end: '2024-04-01',
    });

    expect(segments).toHaveLength(1);
  });

  test('a day without a price is refused as PRICE_MISSING', () => {
    expect(() =>
      resolvePriceSegments([building7], room(801, 8), { start: '2024-03-01', end: '2024-04-01' }),
    ).toThrow(/no unit price applies on 2024-03-01/);
  });
});
