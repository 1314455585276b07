import { describe, expect, test } from 'vitest';
import { explainZh } from './explanation.js';
import {
  FORMULA_MAX_LENGTH,
  FormulaError,
  computeFormulaFee,
  evaluateFormula,
  parseFormula,
  type FormulaProblem,
} from './formula.js';

function evaluate(text: string, values = {}): string {
  return evaluateFormula(parseFormula(text), values).toString();
}

function problemOf(text: string, values = {}): FormulaProblem {
  try {
    evaluateFormula(parseFormula(text), values);
  } catch (error) {
    if (error instanceof FormulaError) return error.problem;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('custom formulas evaluate with exact decimals', () => {
  test('area × price × months for room 3-2-1402 is 210.0195 → ¥210.02 (DOMAIN Example 1.1)', () => {
    const line = computeFormulaFee({
      formula: 'area * price * months',
      values: { area: '89.37', price: '2.35', months: 1 },
    });

    expect(line.exactYuan).toBe('210.0195');
    expect(line.amountFen).toBe(21002);
    expect(explainZh(line)).toBe(
      'area * price * months [area = 89.37, price = 2.35, months = 1] = 210.02元（四舍五入到分）',
    );
  });

  test('the float trap 0.15 × 130.70 stays 19.605 and rounds to 19.61', () => {
    expect(evaluate('0.15 × 130.70')).toBe('19.605');
    expect(computeFormulaFee({ formula: '0.15 * 130.70', values: {} }).amountFen).toBe(1961);
  });

  test('multiplication binds before addition; parentheses and unary minus work', () => {
    expect(evaluate('1 + 2 * 3')).toBe('7');
    expect(evaluate('(1 + 2) * 3')).toBe('9');
    expect(evaluate('10 - -2')).toBe('12');
    expect(evaluate('10 ÷ 4 − 1')).toBe('1.5');
  });

  test('a division keeps 40 significant digits, far below a fen: 1 / 3 × 3 charges ¥1.00', () => {
    expect(evaluate('1 / 3 * 3')).toBe('0.' + '9'.repeat(40));
    expect(computeFormulaFee({ formula: '1 / 3 * 3', values: {} }).amountFen).toBe(100);
  });

  test('min, max, round, ceil, floor and abs are available', () => {
    expect(evaluate('min(area, 100) * price', { area: '120.5', price: '2' })).toBe('200');
    expect(evaluate('max(1, 2, 3)')).toBe('3');
    expect(evaluate('round(2.675, 2)')).toBe('2.68');
    expect(evaluate('round(2.5)')).toBe('3');
    expect(evaluate('ceil(floor / 5)', { floor: 14 })).toBe('3');
    expect(evaluate('floor(2.9) + abs(-1)')).toBe('3');
  });

  test('the elevator band coefficient can be written as a formula: floor 14 → 1.4', () => {
    expect(evaluate('1 + (ceil(floor / 5) - 1) * 0.2', { floor: 14 })).toBe('1.4');
  });
});

describe('a formula can reach nothing but its variables', () => {
  test.each([
    ['process.exit(1)', 'PROPERTY_ACCESS'],
    ['area.constructor', 'PROPERTY_ACCESS'],
    ['constructor', 'UNKNOWN_VARIABLE'],
    ['__proto__', 'UNKNOWN_VARIABLE'],
    ['globalThis', 'UNKNOWN_VARIABLE'],
    ['require("fs")', 'STRING'],
    ['require(1)', 'UNKNOWN_FUNCTION'],
    ['eval(1)', 'UNKNOWN_FUNCTION'],
    ['Function(1)', 'UNKNOWN_FUNCTION'],
    ['toString()', 'UNKNOWN_FUNCTION'],
    ['hasOwnProperty(1)', 'UNKNOWN_FUNCTION'],
    ['"a" + 1', 'STRING'],
    ["'a'", 'STRING'],
    ['`${1}`', 'STRING'],
    ['area[0]', 'PROPERTY_ACCESS'],
    ['area = 1', 'UNEXPECTED_CHARACTER'],
    ['area; 1', 'UNEXPECTED_CHARACTER'],
    ['() => 1', 'UNEXPECTED_CHARACTER'],
    ['()', 'SYNTAX'],
    ['x * 2', 'UNKNOWN_VARIABLE'],
    ['1e9', 'SYNTAX'],
    ['2 ** 3', 'SYNTAX'],
    ['(1 + 2', 'SYNTAX'],
    ['1 +', 'SYNTAX'],
    ['', 'EMPTY'],
    ['round(1, 2, 3)', 'WRONG_ARGUMENTS'],
    ['ceil()', 'WRONG_ARGUMENTS'],
  ] as const)('%s is refused as %s', (text, problem) => {
    expect(problemOf(text)).toBe(problem);
  });

  test('the error names the problem and where it is', () => {
    expect(() => parseFormula('area * secret')).toThrow('unknown variable "secret" (at 8)');
    expect(() => parseFormula('area.constructor')).toThrow(/property access is not allowed/);
  });

  test('an over-long or over-deep formula is refused', () => {
    expect(problemOf('1+'.repeat(FORMULA_MAX_LENGTH) + '1')).toBe('TOO_LONG');
    expect(problemOf('('.repeat(100) + '1' + ')'.repeat(100))).toBe('TOO_DEEP');
    expect(problemOf('-'.repeat(100) + '1')).toBe('TOO_DEEP');
  });

  test('a standard may narrow the variables a formula can use', () => {
    expect(() => parseFormula('usage * price', ['area', 'price'])).toThrow(
      /unknown variable "usage"/,
    );
  });

  test('a variable without a value and a division by zero are refused, not zeroed', () => {
    expect(problemOf('area * price', { area: '1' })).toBe('MISSING_VALUE');
    expect(problemOf('area / days', { area: '1', days: 0 })).toBe('DIVISION_BY_ZERO');
  });

  test('a negative result is refused rather than charged as zero', () => {
    expect(() => computeFormulaFee({ formula: 'area - 100', values: { area: '89.37' } })).toThrow(
      /negative amount: -10.63/,
    );
  });

  test('values passed in cannot add variables the formula may not name', () => {
    const values = { area: '1', secret: '2' } as Record<string, string>;

    expect(problemOf('secret', values)).toBe('UNKNOWN_VARIABLE');
  });
});
