import { describe, expect, test } from 'vitest';
import { proposeReductions, type DiscountableLine } from './discounts.js';

/** Monthly lines of ¥210.02 (unrounded 210.0195), as a 12- or 13-month payment produces them. */
function months(count: number, vacant = false): DiscountableLine[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `2024-${String(i + 1).padStart(2, '0')}`,
    amountFen: 21002,
    exactYuan: '210.0195',
    vacant,
  }));
}

describe('discounts and reductions (DOMAIN §5.5)', () => {
  test('Ex. 5.3: pay 12 months, get 1 free: receivable 2730.26, reduction 210.02, received 2520.24', () => {
    const proposal = proposeReductions({
      lines: months(13),
      rules: [{ kind: 'FREE_MONTHS', ruleId: 1, payMonths: 12, freeMonths: 1 }],
    });

    expect(proposal.receivableFen).toBe(273_026); // 13 × 210.02
    expect(proposal.reductionFen).toBe(21_002);
    expect(proposal.netFen).toBe(252_024);
    expect(proposal.lines[12]).toMatchObject({
      netFen: 0,
      reductions: [{ ruleId: 1, kind: 'FREE_MONTHS', amountFen: 21_002 }],
    });
  });

  test('Ex. 5.4: annual prepay at 95%: 2520.24 × 0.95 = 2394.228 → reduction 126.01, received 2394.23', () => {
    const proposal = proposeReductions({
      lines: months(12),
      rules: [{ kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 12, rate: '0.95' }],
    });

    expect(proposal.receivableFen).toBe(252_024);
    expect(proposal.reductionFen).toBe(12_601);
    expect(proposal.netFen).toBe(239_423);
  });

  test('Ex. 5.4: the 126.01 is spread over the months as 10.50 × 11 + 10.51 × 1', () => {
    const proposal = proposeReductions({
      lines: months(12),
      rules: [{ kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 12, rate: '0.95' }],
    });
    const parts = proposal.lines.map((line) => line.reductions[0].amountFen);

    expect(parts.filter((part) => part === 1050)).toHaveLength(11);
    expect(parts.filter((part) => part === 1051)).toHaveLength(1);
  });

  test('Ex. 5.5: vacancy at 70% for a month: 210.02 − round(210.0195 × 0.7 = 147.01365) = 63.01', () => {
    const proposal = proposeReductions({
      lines: months(1, true),
      rules: [{ kind: 'VACANCY', ruleId: 3, rate: '0.7' }],
    });

    expect(proposal.reductionFen).toBe(6_301);
    expect(proposal.netFen).toBe(14_701);
  });

  test('Ex. 5.6: a long-time owner takes ¥50 off the annual bill: 2520.24 − 50.00 = 2470.24', () => {
    const proposal = proposeReductions({
      lines: months(12),
      rules: [{ kind: 'LOYALTY', ruleId: 4, movedInBy: '2015-12-31', amountFen: 5_000 }],
      moveInDate: '2012-06-01',
    });

    expect(proposal.reductionFen).toBe(5_000);
    expect(proposal.netFen).toBe(247_024);
    // 5000 / 12 = 416.67 each: eight months get 417 fen and four get 416
    expect(proposal.lines.map((line) => line.reductions[0].amountFen).sort()).toEqual([
      ...Array<number>(4).fill(416),
      ...Array<number>(8).fill(417),
    ]);
  });

  test('an owner who moved in after the date gets no loyalty reduction, and the reason is given', () => {
    const proposal = proposeReductions({
      lines: months(12),
      rules: [{ kind: 'LOYALTY', ruleId: 4, movedInBy: '2015-12-31', amountFen: 5_000 }],
      moveInDate: '2020-01-01',
    });

    expect(proposal.reductionFen).toBe(0);
    expect(proposal.skipped).toEqual([{ ruleId: 4, reason: 'NOT_LONG_TIME_OWNER' }]);
  });

  test('a rate for N months does not apply to fewer months, nor with arrears beyond its limit', () => {
    const rule = {
      kind: 'PERCENT_FOR_MONTHS' as const,
      ruleId: 2,
      minMonths: 12,
      rate: '0.95',
      maxArrearsMonths: 0,
    };

    expect(proposeReductions({ lines: months(6), rules: [rule] }).skipped[0].reason).toBe(
      'TOO_FEW_MONTHS',
    );
    expect(
      proposeReductions({ lines: months(12), rules: [rule], arrearsMonths: 2 }).skipped[0].reason,
    ).toBe('ARREARS');
  });

  test('rates stack before fixed amounts, whatever order the rules come in', () => {
    // 95% first: 2520.24 → 2394.23 (126.01 off); then ¥50: 2344.23
    const proposal = proposeReductions({
      lines: months(12),
      rules: [
        { kind: 'FIXED_REDUCTION', ruleId: 5, amountFen: 5_000 },
        { kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 12, rate: '0.95' },
      ],
    });

    expect(proposal.reductions.map((r) => [r.ruleId, r.amountFen])).toEqual([
      [2, 12_601],
      [5, 5_000],
    ]);
    expect(proposal.netFen).toBe(234_423);
  });

  test('reductions never take a line below zero', () => {
    const proposal = proposeReductions({
      lines: months(2),
      rules: [{ kind: 'FIXED_REDUCTION', ruleId: 5, amountFen: 100_000 }],
    });

    expect(proposal.lines.map((line) => line.netFen)).toEqual([0, 0]);
    expect(proposal.reductionFen).toBe(42_004);
  });

  test('free months come first, so a rate applies only to the months paid for', () => {
    // 13 lines, the 13th free; 95% of the remaining 2520.24 = 2394.23
    const proposal = proposeReductions({
      lines: months(13),
      rules: [
        { kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 12, rate: '0.95' },
        { kind: 'FREE_MONTHS', ruleId: 1, payMonths: 12, freeMonths: 1 },
      ],
    });

    expect(proposal.netFen).toBe(239_423);
    expect(proposal.lines[12].reductions).toHaveLength(1);
  });

  test('each line keeps its reductions with their rules, and the parts sum to the totals', () => {
    const proposal = proposeReductions({
      lines: months(12),
      rules: [
        { kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 12, rate: '0.95' },
        { kind: 'FIXED_REDUCTION', ruleId: 5, amountFen: 5_000 },
      ],
    });
    const fromLines = proposal.lines
      .flatMap((line) => line.reductions)
      .reduce((s, r) => s + r.amountFen, 0);

    expect(fromLines).toBe(proposal.reductionFen);
    expect(proposal.lines.reduce((s, line) => s + line.netFen, 0)).toBe(proposal.netFen);
  });

  test('a deferral (缓缴) changes the due date only', () => {
    const proposal = proposeReductions({
      lines: months(1),
      rules: [{ kind: 'DEFERRAL', ruleId: 6, newDueDate: '2024-06-30' }],
    });

    expect(proposal.reductionFen).toBe(0);
    expect(proposal.dueDateChanges).toEqual([{ ruleId: 6, newDueDate: '2024-06-30' }]);
  });

  test('a rate outside 0 to 1 is refused', () => {
    expect(() =>
      proposeReductions({
        lines: months(12),
        rules: [{ kind: 'PERCENT_FOR_MONTHS', ruleId: 2, minMonths: 1, rate: '95' }],
      }),
    ).toThrow(/between 0 and 1/);
  });
});
