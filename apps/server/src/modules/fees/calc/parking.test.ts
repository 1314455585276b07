import { describe, expect, test } from 'vitest';
import { explainZh } from './explanation.js';
import {
  computeMonthlyCard,
  priceBasicStay,
  priceLateExit,
  priceTemporaryStay,
  selectParkingPrice,
  type BasicTariff,
  type DayNightTariff,
} from './parking.js';

describe('monthly cards (DOMAIN §3.2)', () => {
  test('Example 3.1: bought 2024-03-10 for 3 months at 300 → valid to 06-09, ¥900.00', () => {
    const card = computeMonthlyCard({ monthlyPrice: '300', months: 3, start: '2024-03-10' });

    expect(card.validity).toEqual({ start: '2024-03-10', end: '2024-06-10' });
    expect(card.display).toBe('2024-03-10 至 2024-06-09');
    expect(card.explanation.amountFen).toBe(90000);
  });

  test('a renewal starts at the current expiry when that is later than today', () => {
    const card = computeMonthlyCard({
      monthlyPrice: '300',
      months: 1,
      start: '2024-06-01',
      currentExpiry: '2024-06-10',
    });

    expect(card.validity).toEqual({ start: '2024-06-10', end: '2024-07-10' });
  });

  test('a lapsed card renews from today', () => {
    const card = computeMonthlyCard({
      monthlyPrice: '300',
      months: 1,
      start: '2024-07-01',
      currentExpiry: '2024-06-10',
    });

    expect(card.validity.start).toBe('2024-07-01');
  });

  test('the price follows the vehicle and space type, the most specific row winning', () => {
    const prices = [
      { monthlyPrice: '300' },
      { vehicleType: 'large', monthlyPrice: '450' },
      { vehicleType: 'small', spaceType: 'underground', monthlyPrice: '350' },
      { vehicleType: 'small', spaceType: 'underground', ownerPrice: true, monthlyPrice: '320' },
    ];

    expect(selectParkingPrice(prices, { vehicleType: 'small' })?.monthlyPrice).toBe('300');
    expect(selectParkingPrice(prices, { vehicleType: 'large' })?.monthlyPrice).toBe('450');
    expect(
      selectParkingPrice(prices, { vehicleType: 'small', spaceType: 'underground' })?.monthlyPrice,
    ).toBe('350');
    expect(
      selectParkingPrice(prices, { vehicleType: 'small', spaceType: 'underground', isOwner: true })
        ?.monthlyPrice,
    ).toBe('320');
  });
});

// Example 3.3: free 15 min; first 60 min ¥5; then ¥2 per started 30 min; cap ¥30 per 24 h.
const basic: BasicTariff = {
  kind: 'BASIC',
  freeMinutes: 15,
  firstSegmentMinutes: 60,
  firstSegmentPrice: '5',
  stepMinutes: 30,
  stepPrice: '2',
  dailyCap: '30',
};

describe('temporary parking by duration (DOMAIN Example 3.3)', () => {
  test.each([
    [14, '0', '≤ 15 free'],
    [16, '5', 'over free → first segment; the free minutes are not deducted'],
    [60, '5', 'first segment'],
    [157, '13', '5 + ceil(97/30) = 4 × 2'],
    [600, '30', '5 + ceil(540/30) = 18 × 2 = 41 → cap'],
    [1570, '41', '1 day × 30 + (130 min → 5 + ceil(70/30) = 3 × 2 = 11)'],
  ])('%i minutes pay ¥%s (%s)', (minutes, yuan) => {
    expect(priceBasicStay(minutes, basic).exact.toString()).toBe(yuan);
  });

  test('with deductible free minutes, 16 minutes is 1 chargeable minute, and 90 is 75', () => {
    const deductible = { ...basic, freeMinutesDeductible: true };

    expect(priceBasicStay(16, deductible).exact.toString()).toBe('5');
    expect(priceBasicStay(90, deductible).exact.toString()).toBe('7'); // 75 → 5 + ceil(15/30) × 2
  });

  test('minutes are the stay rounded up: 2 h 36 min 10 s is 157 minutes', () => {
    const charge = priceTemporaryStay({
      entry: '2024-03-01T01:00:00.000Z',
      exit: '2024-03-01T03:36:10.000Z',
      tariff: basic,
    });

    expect(charge.payableFen).toBe(1300);
    expect(explainZh(charge.explanation)).toBe(
      '首段：5元 + 续时：4 次 × 2元 = 13.00元（计费时长 157 分钟；四舍五入到分）',
    );
  });

  test('a capped stay says so', () => {
    const charge = priceTemporaryStay({
      entry: '2024-03-01T00:00:00.000Z',
      exit: '2024-03-01T10:00:00.000Z',
      tariff: basic,
    });

    expect(charge.payableFen).toBe(3000);
    expect(explainZh(charge.explanation)).toContain('封顶 30元');
  });
});

describe('day and night bands (DOMAIN Example 3.4)', () => {
  const dayNight: DayNightTariff = {
    kind: 'DAY_NIGHT',
    freeMinutes: 0,
    dayStarts: '08:00',
    nightStarts: '20:00',
    day: {
      kind: 'STEPPED',
      firstUnitMinutes: 60,
      firstUnitPrice: '5',
      unitMinutes: 60,
      unitPrice: '2',
    },
    night: { kind: 'FLAT', price: '5' },
    dailyCap: '30',
  };

  test('18:30 to 09:10 next day is 7 (day) + 5 (night) + 4 (day, first hour used) = ¥16', () => {
    // 18:30 Shanghai is 10:30 UTC
    const charge = priceTemporaryStay({
      entry: '2024-03-01T10:30:00.000Z',
      exit: '2024-03-02T01:10:00.000Z',
      tariff: dayNight,
    });

    expect(charge.payableFen).toBe(1600);
    expect(explainZh(charge.explanation)).toBe(
      '首段：5元 + 白天：1 次 × 2元 + 夜间：5元 + 白天：2 次 × 2元 = 16.00元（计费时长 880 分钟；四舍五入到分）',
    );
  });

  test('each 24 hours from entry is capped on its own, and a night is charged once', () => {
    // 08:00 day 1 to 08:00 day 3 (48 h). First window: day 5 + 11 × 2 = 27, night 5: 32 → cap 30.
    // Second window: the first hour is used, so day 12 × 2 = 24, night 5: 29. Total 59.
    const charge = priceTemporaryStay({
      entry: '2024-03-01T00:00:00.000Z',
      exit: '2024-03-03T00:00:00.000Z',
      tariff: dayNight,
    });

    expect(charge.payableFen).toBe(5900);
  });
});

describe('members, coupons and exemptions (DOMAIN Example 3.5)', () => {
  test('157 min, a 1-hour coupon, VIP 0.8 and a ¥5 coupon: receivable 13.00, reductions 10.80, pay 2.20', () => {
    // 157 − 60 = 97 min → 5 + ceil(37/30) = 2 × 2 = 9; 9 × 0.8 = 7.20; 7.20 − 5 = 2.20
    const charge = priceTemporaryStay({
      entry: '2024-03-01T01:00:00.000Z',
      exit: '2024-03-01T03:37:00.000Z',
      tariff: basic,
      timeCouponMinutes: 60,
      memberRate: '0.8',
      amountCouponFen: 500,
    });

    expect(charge.receivableFen).toBe(1300);
    expect(charge.reductions).toEqual([
      { kind: 'TIME_COUPON', amountFen: 400 },
      { kind: 'MEMBER', amountFen: 180 },
      { kind: 'AMOUNT_COUPON', amountFen: 500 },
    ]);
    expect(charge.reductions.reduce((sum, r) => sum + r.amountFen, 0)).toBe(1080);
    expect(charge.payableFen).toBe(220);
  });

  test('an amount coupon never takes the charge below zero', () => {
    const charge = priceTemporaryStay({
      entry: '2024-03-01T01:00:00.000Z',
      exit: '2024-03-01T01:30:00.000Z',
      tariff: basic,
      amountCouponFen: 1000,
    });

    expect(charge.payableFen).toBe(0);
    expect(charge.reductions).toEqual([{ kind: 'AMOUNT_COUPON', amountFen: 500 }]);
  });

  test('an exempt car pays nothing', () => {
    const charge = priceTemporaryStay({
      entry: '2024-03-01T01:00:00.000Z',
      exit: '2024-03-01T09:00:00.000Z',
      tariff: basic,
      exempt: true,
    });

    expect(charge.payableFen).toBe(0);
    expect(explainZh(charge.explanation)).toContain('免费车辆');
  });

  test('after paying, a car leaving within 15 minutes pays nothing more; later, from the payment time', () => {
    expect(
      priceLateExit({
        paidAt: '2024-03-01T03:00:00.000Z',
        exit: '2024-03-01T03:15:00.000Z',
        tariff: basic,
      }),
    ).toBe(0);
    expect(
      priceLateExit({
        paidAt: '2024-03-01T03:00:00.000Z',
        exit: '2024-03-01T03:20:00.000Z',
        tariff: basic,
      }),
    ).toBe(500);
  });
});
