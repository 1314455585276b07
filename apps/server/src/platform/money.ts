import { Decimal } from 'decimal.js';

/**
 * The one module that owns money arithmetic. Settled money is an integer number of fen (分);
 * prices, rates, areas and quantities are exact decimals. Nothing here goes through a JS float:
 * a `number` is accepted only when it is a safe integer.
 */

/** An integer number of fen: ¥210.02 is 21002. */
export type Fen = number;

/** What an exact decimal may be built from: a decimal string, a Decimal or a safe integer. */
export type DecimalInput = string | Decimal | number;

/**
 * Decimals with 40 significant digits, so that a division such as 210.0195 × 15 / 31 keeps far
 * more digits than rounding to fen can see.
 */
export const ExactDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const DECIMAL_PATTERN = /^[+-]?\d+(\.\d+)?$/;

/** An exact decimal; refuses floats such as 0.15 and strings that are not plain decimals. */
export function dec(value: DecimalInput): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`not a safe integer: ${value}; pass decimals as strings`);
    }

    return new ExactDecimal(value);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_PATTERN.test(text)) throw new RangeError(`not a decimal: "${value}"`);

    return new ExactDecimal(text);
  }

  return new ExactDecimal(value);
}

/** Checks that an amount is a safe integer number of fen. */
export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not whole fen: ${value}`);

  return value;
}

/* ---------------------------------------------------------------- rounding */

/**
 * HALF_UP 四舍五入 (the default), HALF_EVEN 银行家舍入, DOWN drops what is below a fen (抹零,
 * toward zero), UP goes away from zero to the next fen, YUAN rounds half-up to whole yuan.
 */
export const ROUNDING_MODES = ['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP', 'YUAN'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const DEFAULT_ROUNDING: RoundingMode = 'HALF_UP';

const DECIMAL_ROUNDING: Record<Exclude<RoundingMode, 'YUAN'>, Decimal.Rounding> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  DOWN: Decimal.ROUND_DOWN,
  UP: Decimal.ROUND_UP,
};

/** Rounds an exact amount of yuan to fen, once, with the given mode. */
export function roundToFen(yuan: DecimalInput, mode: RoundingMode = DEFAULT_ROUNDING): Fen {
  const exact = dec(yuan);
  const fen =
    mode === 'YUAN'
      ? exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(100)
      : exact.times(100).toDecimalPlaces(0, DECIMAL_ROUNDING[mode]);

  return assertFen(fen.toNumber());
}

/**
 * Splits a rounded charge into what is receivable (half-up to fen) and the rounding write-off
 * (抹零 减免) that a DOWN or YUAN mode takes off it, so the receivable never changes silently.
 */
export function roundingWriteOff(
  yuan: DecimalInput,
  mode: RoundingMode,
): { receivableFen: Fen; chargedFen: Fen; writeOffFen: Fen } {
  const receivableFen = roundToFen(yuan, 'HALF_UP');
  const chargedFen = roundToFen(yuan, mode);

  return { receivableFen, chargedFen, writeOffFen: receivableFen - chargedFen };
}

/* ------------------------------------------------------- fen and yuan text */

/** Fen as an exact decimal of yuan: 21002 → 210.02. */
export function fenToYuan(fen: Fen): Decimal {
  return dec(assertFen(fen)).div(100);
}

/** Fen as a plain yuan string with two decimals: 21002 → "210.02", -5 → "-0.05". */
export function fenToYuanString(fen: Fen): string {
  return fenToYuan(fen).toFixed(2);
}

/** A yuan amount with at most two decimals, as fen: "210.02" → 21002. Refuses "0.001". */
export function yuanToFen(yuan: DecimalInput): Fen {
  const fen = dec(yuan).times(100);
  if (!fen.isInteger()) throw new RangeError(`not a whole number of fen: ${String(yuan)}`);

  return assertFen(fen.toNumber());
}

/** How an amount shows to people: ¥1,234.56, -¥8.00. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const [whole, fraction] = fenToYuanString(Math.abs(fen)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  return `${sign}¥${grouped}.${fraction}`;
}

/* ------------------------------------------------------------ apportionment */

/**
 * Shares an amount of fen over weights with the largest-remainder method, so the parts sum to the
 * whole exactly: each gets the floor of its exact share, and the fen left over go one each to the
 * largest fractional remainders (ties to the earlier weight). A zero weight gets nothing.
 */
export function apportionFen(totalFen: Fen, weights: readonly DecimalInput[]): Fen[] {
  assertFen(totalFen, 'total');
  if (totalFen < 0) return apportionFen(-totalFen, weights).map((part) => (part === 0 ? 0 : -part));

  const exactWeights = weights.map((weight) => dec(weight));
  if (exactWeights.some((weight) => weight.isNegative())) {
    throw new RangeError('weights must not be negative');
  }
  const sum = exactWeights.reduce((acc, weight) => acc.plus(weight), dec(0));
  if (sum.isZero()) {
    if (totalFen === 0) return exactWeights.map(() => 0);
    throw new RangeError('cannot apportion over weights that sum to zero');
  }

  const exact = exactWeights.map((weight) => weight.times(totalFen).div(sum));
  const parts = exact.map((share) => share.floor().toNumber());
  const leftover = totalFen - parts.reduce((acc, part) => acc + part, 0);

  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share.minus(share.floor()) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (let i = 0; i < leftover; i += 1) parts[byRemainder[i].index] += 1;

  return parts;
}

/* ----------------------------------------------------- Chinese capital amounts */

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const DIGIT_UNITS = ['', '拾', '佰', '仟'];
const SECTION_UNITS = ['', '万', '亿', '万亿'];

/** One four-digit section (1–9999): inner zeros read as one 零, trailing zeros are silent. */
function capitalSection(section: number): string {
  let text = '';
  let pendingZero = false;
  for (let position = 3; position >= 0; position -= 1) {
    const digit = Math.floor(section / 10 ** position) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }

    if (pendingZero) text += '零';
    text += CAPITAL_DIGITS[digit] + DIGIT_UNITS[position];
    pendingZero = false;
  }

  return text;
}

/** The whole-yuan part: sections of four digits with 万/亿, one 零 across any run of zeros. */
function capitalYuan(yuan: number): string {
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);

  let text = '';
  let pendingZero = false;
  for (let index = sections.length - 1; index >= 0; index -= 1) {
    const section = sections[index];
    if (section === 0) {
      pendingZero = text !== '';
      continue;
    }

    if (text !== '' && (pendingZero || section < 1000)) text += '零';
    text += capitalSection(section) + SECTION_UNITS[index];
    pendingZero = false;
  }

  return text;
}

/**
 * An amount in Chinese capitals (大写金额) for receipts, following 《支付结算办法》: 整 after 元
 * or 角 when there are no fen, 零 for inner zeros (one for a run), 零 before the fen when the jiao
 * is zero, no 零元 before an amount below one yuan, 负 before a negative amount.
 * ¥1,234.56 → 壹仟贰佰叁拾肆元伍角陆分; ¥0 → 零元整.
 */
export function toChineseCapitalAmount(fen: Fen): string {
  assertFen(fen);
  if (fen < 0) return `负${toChineseCapitalAmount(-fen)}`;
  if (fen === 0) return '零元整';

  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let text = yuan > 0 ? `${capitalYuan(yuan)}元` : '';
  if (jiao > 0) text += `${CAPITAL_DIGITS[jiao]}角`;
  else if (fenDigit > 0 && yuan > 0) text += '零';
  if (fenDigit > 0) return `${text}${CAPITAL_DIGITS[fenDigit]}分`;

  return `${text}整`;
}
