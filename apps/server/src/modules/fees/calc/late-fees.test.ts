import { describe, expect, test } from 'vitest';
import { dec } from '../../../platform/money.js';
import { explainZh } from './explanation.js';
import {
  DEFAULT_LATE_FEE_POLICY,
  computeLateFee,
  computeLateFees,
  isOverdue,
  type LateFeePolicy,
} from './late-fees.js';

const enabled: LateFeePolicy = {
  ...DEFAULT_LATE_FEE_POLICY,
  enabled: true,
  contractClauseRef: '物业服务合同第十二条',
};

describe('late fees are off by default (DOMAIN §4.1)', () => {
  test('the default policy charges nothing, however late', () => {
    const line = computeLateFee({
      policy: DEFAULT_LATE_FEE_POLICY,
      bill: { principalFen: 21002, dueDate: '2024-03-31' },
      asOf: '2025-03-31',
    });

    expect(line.amountFen).toBe(0);
    expect(explainZh(line)).toContain('未启用违约金');
  });

  test('enabling them needs the contract clause that allows them', () => {
    expect(() =>
      computeLateFee({
        policy: { ...enabled, contractClauseRef: null },
        bill: { principalFen: 21002, dueDate: '2024-03-31' },
        asOf: '2024-06-10',
      }),
    ).toThrow(/contract clause/);
  });
});

describe('simple daily late fees (DOMAIN §4.2)', () => {
  test('Example 4.1: ¥210.02 due 03-31, 15 days of grace, paid 06-10: 56 days × 0.0003 → ¥3.53', () => {
    // first late day 04-16; 16–30 April (15) + May (31) + 1–10 June (10) = 56 days
    // 210.02 × 0.0003 × 56 = 3.528336
    const line = computeLateFee({
      policy: enabled,
      bill: { principalFen: 21002, dueDate: '2024-03-31' },
      asOf: '2024-06-10',
    });

    expect(line.exactYuan).toBe('3.528336');
    expect(line.amountFen).toBe(353);
    expect(explainZh(line)).toBe(
      '逾期：本金 210.02元 × 日费率 0.0003 × 56 天 = 3.53元（按合同约定 物业服务合同第十二条；四舍五入到分）',
    );
  });

  test('Example 4.2: January and February bills at 0.05%/day on 03-31: 6.30 + 3.26 = ¥9.56', () => {
    // DOMAIN says "prepaid, due on the 1st" yet counts January from 02-01: the bill becomes late
    // on the 1st of the next month, so its due date is the month's last day.
    // January: 02-01 … 03-31 = 29 + 31 = 60 days → 210.02 × 0.0005 × 60 = 6.3006 → 6.30
    // February: 03-01 … 03-31 = 31 days → 210.02 × 0.0005 × 31 = 3.25531 → 3.26
    const result = computeLateFees({
      policy: { ...enabled, ratePerDay: '0.0005', graceDays: 0, cap: { kind: 'NONE' } },
      bills: [
        { principalFen: 21002, dueDate: '2024-01-31' },
        { principalFen: 21002, dueDate: '2024-02-29' },
      ],
      asOf: '2024-03-31',
    });

    expect(result.lines.map((line) => line.amountFen)).toEqual([630, 326]);
    expect(result.totalFen).toBe(956);
  });

  test('Example 4.3: ¥1,000 at 0.05%/day for 500 days accrues ¥250.00, capped at 20% → ¥200.00', () => {
    // 1000 × 0.0005 × 500 = 250; 20% of 1000 = 200
    const line = computeLateFee({
      policy: { ...enabled, ratePerDay: '0.0005', graceDays: 0 },
      bill: { principalFen: 100_000, dueDate: '2023-01-01' },
      asOf: '2024-05-15', // 2023-01-02 … 2024-05-15 = 365 + 135 = 500 days
    });

    expect(line.amountFen).toBe(20_000);
    expect(explainZh(line)).toContain('× 500 天');
    expect(explainZh(line)).toContain('封顶 200.00元');
  });

  test('a cap of the principal or of an amount works the same way', () => {
    // 100.00 × 0.001 × 1460 days = 146.00 accrued
    const bill = { principalFen: 10_000, dueDate: '2020-01-01' };
    const asOf = '2024-01-01';
    const policy = { ...enabled, ratePerDay: '0.001' };

    expect(
      computeLateFee({ policy: { ...policy, cap: { kind: 'PRINCIPAL' } }, bill, asOf }).amountFen,
    ).toBe(10_000);
    expect(
      computeLateFee({
        policy: { ...policy, cap: { kind: 'AMOUNT', amountFen: 1234 } },
        bill,
        asOf,
      }).amountFen,
    ).toBe(1234);
  });

  test('nothing accrues within the grace days', () => {
    const line = computeLateFee({
      policy: enabled,
      bill: { principalFen: 21002, dueDate: '2024-03-31' },
      asOf: '2024-04-15',
    });

    expect(line.amountFen).toBe(0);
    expect(explainZh(line)).toContain('未逾期');
  });

  test('a partial payment stops accrual on what it paid, after its own day', () => {
    // 1000.00 late from 04-16; 600.00 paid 04-25: 1000 × 0.0003 × 10 = 3.00,
    // then 400 × 0.0003 × 5 (04-26 … 04-30) = 0.60 → 3.60
    const line = computeLateFee({
      policy: enabled,
      bill: {
        principalFen: 100_000,
        dueDate: '2024-03-31',
        payments: [{ date: '2024-04-25', amountFen: 60_000 }],
      },
      asOf: '2024-04-30',
    });

    expect(line.terms).toHaveLength(2);
    expect(line.amountFen).toBe(360);
  });

  test('a late fee is never charged on an earlier late fee: the basis is the principal alone', () => {
    const twoMonths = computeLateFee({
      policy: enabled,
      bill: { principalFen: 21002, dueDate: '2024-03-31' },
      asOf: '2024-06-14',
    });
    const oneMonth = computeLateFee({
      policy: enabled,
      bill: { principalFen: 21002, dueDate: '2024-03-31' },
      asOf: '2024-05-15',
    });

    // 60 days vs 30 days of the same principal: exactly double, no interest on interest
    expect(dec(twoMonths.exactYuan).equals(dec(oneMonth.exactYuan).times(2))).toBe(true);
  });

  test('a deferral (缓缴) moves the due date: nothing accrues before the new date', () => {
    const bill = { principalFen: 21002, dueDate: '2024-03-31', deferredDueDate: '2024-05-31' };

    expect(isOverdue(bill, '2024-05-31')).toBe(false);
    expect(isOverdue(bill, '2024-06-01')).toBe(true);
    // first late day 2024-06-16 with 15 days of grace; to 06-20 = 5 days → 0.31503 → 0.32
    expect(computeLateFee({ policy: enabled, bill, asOf: '2024-06-20' }).amountFen).toBe(32);
  });
});
