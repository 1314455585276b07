import { Decimal } from 'decimal.js';
import {
  DEFAULT_ROUNDING,
  dec,
  type DecimalInput,
  type RoundingMode,
} from '../../../platform/money.js';
import { FeeCalcError } from './calc-error.js';
import { explain, type Explanation } from './explanation.js';

/**
 * Custom fee formulas (DOMAIN §1.2, 7007) such as `area * price * coefficient * months`. A small
 * recursive-descent parser reads numbers, + − × ÷ (or * /), parentheses, the variables below and
 * a few functions, and evaluates with exact decimals. It never reaches eval or Function, so a
 * formula can see nothing but the variables it is given.
 */

export const FORMULA_VARIABLES = [
  'area',
  'innerArea',
  'floor',
  'months',
  'days',
  'daysInMonth',
  'usage',
  'price',
  'coefficient',
  'fixedAmount',
  'households',
  'persons',
] as const;
export type FormulaVariable = (typeof FORMULA_VARIABLES)[number];

export const FORMULA_MAX_LENGTH = 500;
const MAX_DEPTH = 32;

export type FormulaProblem =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'TOO_DEEP'
  | 'UNEXPECTED_CHARACTER'
  | 'STRING'
  | 'PROPERTY_ACCESS'
  | 'UNKNOWN_VARIABLE'
  | 'UNKNOWN_FUNCTION'
  | 'WRONG_ARGUMENTS'
  | 'SYNTAX'
  | 'MISSING_VALUE'
  | 'DIVISION_BY_ZERO';

/** A formula that cannot be parsed or evaluated; `problem` and `position` say what and where. */
export class FormulaError extends FeeCalcError {
  readonly problem: FormulaProblem;
  readonly position: number;

  constructor(problem: FormulaProblem, message: string, position: number) {
    super('FORMULA_INVALID', `${message} (at ${position + 1})`);
    this.name = 'FormulaError';
    this.problem = problem;
    this.position = position;
  }
}

export type FormulaNode =
  | { type: 'number'; value: string }
  | { type: 'variable'; name: FormulaVariable; position: number }
  | { type: 'unary'; operator: '-'; operand: FormulaNode }
  | {
      type: 'binary';
      operator: '+' | '-' | '*' | '/';
      left: FormulaNode;
      right: FormulaNode;
      position: number;
    }
  | { type: 'call'; name: FormulaFunction; args: FormulaNode[] };

/* ------------------------------------------------------------------ functions */

type FormulaFunction = 'min' | 'max' | 'round' | 'ceil' | 'floor' | 'abs';

/** Each function with its allowed argument counts; round(x, places) rounds half-up. */
const FUNCTIONS: Record<
  FormulaFunction,
  { min: number; max: number; apply: (args: Decimal[]) => Decimal }
> = {
  min: { min: 1, max: 16, apply: (args) => args.reduce((a, b) => (b.lessThan(a) ? b : a)) },
  max: { min: 1, max: 16, apply: (args) => args.reduce((a, b) => (b.greaterThan(a) ? b : a)) },
  round: {
    min: 1,
    max: 2,
    apply: ([value, places]) =>
      value.toDecimalPlaces(places ? wholePlaces(places) : 0, Decimal.ROUND_HALF_UP),
  },
  ceil: { min: 1, max: 1, apply: ([value]) => value.ceil() },
  floor: { min: 1, max: 1, apply: ([value]) => value.floor() },
  abs: { min: 1, max: 1, apply: ([value]) => value.abs() },
};

function wholePlaces(places: Decimal): number {
  if (!places.isInteger() || places.isNegative() || places.greaterThan(8)) {
    throw new FormulaError('WRONG_ARGUMENTS', 'round() takes 0 to 8 decimal places', 0);
  }

  return places.toNumber();
}

function isFunction(name: string): name is FormulaFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

function isVariable(name: string, allowed: readonly string[]): name is FormulaVariable {
  return allowed.includes(name);
}

/* -------------------------------------------------------------------- tokens */

type Token =
  | { kind: 'number'; text: string; position: number }
  | { kind: 'name'; text: string; position: number }
  | { kind: 'symbol'; text: '+' | '-' | '*' | '/' | '(' | ')' | ','; position: number }
  | { kind: 'end'; text: ''; position: number };

const SYMBOLS: Record<string, '+' | '-' | '*' | '/' | '(' | ')' | ','> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
  '(': '(',
  ')': ')',
  ',': ',',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }

    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (number) {
      if (/^[A-Za-z_.]/.test(text.slice(i + number[0].length))) {
        throw new FormulaError('SYNTAX', `a number runs into "${text[i + number[0].length]}"`, i);
      }
      tokens.push({ kind: 'number', text: number[0], position: i });
      i += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', text: name[0], position: i });
      i += name[0].length;
    } else if (char in SYMBOLS) {
      tokens.push({ kind: 'symbol', text: SYMBOLS[char], position: i });
      i += 1;
    } else {
      throw refusedCharacter(char, i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });

  return tokens;
}

function refusedCharacter(char: string, position: number): FormulaError {
  if (char === '"' || char === "'" || char === '`') {
    return new FormulaError('STRING', 'strings are not allowed in a formula', position);
  }
  if (char === '.' || char === '[' || char === ']') {
    return new FormulaError(
      'PROPERTY_ACCESS',
      'property access is not allowed in a formula',
      position,
    );
  }

  return new FormulaError(
    'UNEXPECTED_CHARACTER',
    `"${char}" is not allowed in a formula`,
    position,
  );
}

/* -------------------------------------------------------------------- parser */

/**
 * Parses a formula, refusing anything but numbers, operators, parentheses, the allowed variables
 * and the known functions. Run it when a standard is saved so a bad formula never reaches a bill run.
 */
export function parseFormula(
  text: string,
  allowed: readonly string[] = FORMULA_VARIABLES,
): FormulaNode {
  if (text.length > FORMULA_MAX_LENGTH) {
    throw new FormulaError(
      'TOO_LONG',
      `a formula has at most ${FORMULA_MAX_LENGTH} characters`,
      FORMULA_MAX_LENGTH,
    );
  }
  if (text.trim() === '') throw new FormulaError('EMPTY', 'the formula is empty', 0);

  const parser = new Parser(tokenize(text), allowed);
  const node = parser.expression(0);
  parser.expectEnd();

  return node;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly allowed: readonly string[],
  ) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    this.index += 1;

    return token;
  }

  private accept(symbol: string): boolean {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return false;

    this.index += 1;
    return true;
  }

  private expect(symbol: string): void {
    const token = this.peek();
    if (!this.accept(symbol)) {
      throw new FormulaError(
        'SYNTAX',
        `expected "${symbol}" but found ${describe(token)}`,
        token.position,
      );
    }
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') {
      throw new FormulaError('SYNTAX', `unexpected ${describe(token)}`, token.position);
    }
  }

  /** expression := term (('+' | '-') term)* */
  expression(depth: number): FormulaNode {
    if (depth > MAX_DEPTH) {
      throw new FormulaError('TOO_DEEP', 'the formula nests too deeply', this.peek().position);
    }

    let node = this.term(depth);
    for (
      let token = this.peek();
      token.kind === 'symbol' && (token.text === '+' || token.text === '-');
      token = this.peek()
    ) {
      this.next();
      node = {
        type: 'binary',
        operator: token.text,
        left: node,
        right: this.term(depth),
        position: token.position,
      };
    }

    return node;
  }

  /** term := unary (('*' | '/') unary)* */
  private term(depth: number): FormulaNode {
    let node = this.unary(depth);
    for (
      let token = this.peek();
      token.kind === 'symbol' && (token.text === '*' || token.text === '/');
      token = this.peek()
    ) {
      this.next();
      node = {
        type: 'binary',
        operator: token.text,
        left: node,
        right: this.unary(depth),
        position: token.position,
      };
    }

    return node;
  }

  /** unary := ('-' | '+') unary | primary */
  private unary(depth: number): FormulaNode {
    if (depth > MAX_DEPTH) {
      throw new FormulaError('TOO_DEEP', 'the formula nests too deeply', this.peek().position);
    }
    if (this.accept('-')) return { type: 'unary', operator: '-', operand: this.unary(depth + 1) };
    if (this.accept('+')) return this.unary(depth + 1);

    return this.primary(depth);
  }

  /** primary := number | variable | function '(' arguments ')' | '(' expression ')' */
  private primary(depth: number): FormulaNode {
    const token = this.next();
    if (token.kind === 'number') return { type: 'number', value: token.text };
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.expression(depth + 1);
      this.expect(')');

      return inner;
    }
    if (token.kind === 'name') return this.name(token, depth);

    throw new FormulaError('SYNTAX', `unexpected ${describe(token)}`, token.position);
  }

  private name(token: Token, depth: number): FormulaNode {
    const isCall = this.peek().kind === 'symbol' && this.peek().text === '(';
    if (isCall) {
      if (!isFunction(token.text)) {
        throw new FormulaError(
          'UNKNOWN_FUNCTION',
          `unknown function "${token.text}"`,
          token.position,
        );
      }

      return this.call(token.text, token.position, depth);
    }
    if (!isVariable(token.text, this.allowed)) {
      throw new FormulaError(
        'UNKNOWN_VARIABLE',
        `unknown variable "${token.text}"`,
        token.position,
      );
    }

    return { type: 'variable', name: token.text, position: token.position };
  }

  private call(name: FormulaFunction, position: number, depth: number): FormulaNode {
    this.expect('(');
    const args: FormulaNode[] = [];
    if (!this.accept(')')) {
      do args.push(this.expression(depth + 1));
      while (this.accept(','));
      this.expect(')');
    }

    const { min, max } = FUNCTIONS[name];
    if (args.length < min || args.length > max) {
      const count = min === max ? `${min}` : `${min} to ${max}`;
      throw new FormulaError(
        'WRONG_ARGUMENTS',
        `${name}() takes ${count} arguments, not ${args.length}`,
        position,
      );
    }

    return { type: 'call', name, args };
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the formula' : `"${token.text}"`;
}

/* ----------------------------------------------------------------- evaluation */

export type FormulaValues = Partial<Record<FormulaVariable, DecimalInput>>;

/** Evaluates a parsed formula with exact decimals; a variable without a value is refused. */
export function evaluateFormula(node: FormulaNode, values: FormulaValues): Decimal {
  switch (node.type) {
    case 'number':
      return dec(node.value);
    case 'variable': {
      const value = Object.prototype.hasOwnProperty.call(values, node.name)
        ? values[node.name]
        : undefined;
      if (value === undefined) {
        throw new FormulaError('MISSING_VALUE', `no value for "${node.name}"`, node.position);
      }

      return dec(value);
    }
    case 'unary':
      return evaluateFormula(node.operand, values).negated();
    case 'binary':
      return binary(node, evaluateFormula(node.left, values), evaluateFormula(node.right, values));
    case 'call':
      return FUNCTIONS[node.name].apply(node.args.map((arg) => evaluateFormula(arg, values)));
  }
}

function binary(
  node: Extract<FormulaNode, { type: 'binary' }>,
  left: Decimal,
  right: Decimal,
): Decimal {
  switch (node.operator) {
    case '+':
      return left.plus(right);
    case '-':
      return left.minus(right);
    case '*':
      return left.times(right);
    case '/':
      if (right.isZero())
        throw new FormulaError('DIVISION_BY_ZERO', 'division by zero', node.position);

      return left.div(right);
  }
}

/** A bill line from a custom formula; a negative result is refused rather than charged as zero. */
export function computeFormulaFee(options: {
  formula: string;
  values: FormulaValues;
  rounding?: RoundingMode;
}): Explanation {
  const tree = parseFormula(options.formula);
  const exact = evaluateFormula(tree, options.values);
  if (exact.isNegative()) {
    throw new FeeCalcError(
      'FORMULA_NEGATIVE',
      `the formula gives a negative amount: ${exact.toString()}`,
    );
  }

  const used = [...variablesOf(tree)];
  const bindings = used.map((name) => `${name} = ${dec(options.values[name] ?? 0).toString()}`);

  return explain({
    method: 'EXPRESSION',
    terms: [],
    formula:
      bindings.length === 0 ? options.formula : `${options.formula} [${bindings.join(', ')}]`,
    exactYuan: exact,
    rounding: options.rounding ?? DEFAULT_ROUNDING,
  });
}

/** The variables a formula refers to. */
export function variablesOf(
  node: FormulaNode,
  into = new Set<FormulaVariable>(),
): Set<FormulaVariable> {
  if (node.type === 'variable') into.add(node.name);
  if (node.type === 'unary') variablesOf(node.operand, into);
  if (node.type === 'binary') {
    variablesOf(node.left, into);
    variablesOf(node.right, into);
  }
  if (node.type === 'call') node.args.forEach((arg) => variablesOf(arg, into));

  return into;
}
