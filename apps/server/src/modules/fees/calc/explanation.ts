import type { Decimal } from 'decimal.js';
import {
  dec,
  fenToYuanString,
  roundToFen,
  type Fen,
  type RoundingMode,
} from '../../../platform/money.js';

/**
 * How a bill line was computed, stored with the line and shown in the console as a sentence.
 * The amount is the sum of the terms, each the product of its factors; a factor may carry a
 * divisor (15/31 of a month). Because the amount is computed from the explanation itself, the
 * sentence cannot disagree with the number.
 */
export interface Explanation {
  method: CalcMethod;
  terms: Term[];
  /** Caps, free time, coupons and other steps after the terms, in the order they applied. */
  notes: Note[];
  /** The custom formula's text, for EXPRESSION lines. */
  formula?: string;
  /** The unrounded result in yuan, as an exact decimal string. */
  exactYuan: string;
  amountFen: Fen;
  rounding: RoundingMode;
}

export type CalcMethod =
  | 'AREA_BUILT'
  | 'AREA_INNER'
  | 'FIXED'
  | 'USAGE'
  | 'TIERED_USAGE'
  | 'RENT'
  | 'PARKING_MONTHLY'
  | 'PARKING_TEMPORARY'
  | 'EXPRESSION'
  | 'LATE_FEE'
  | 'REDUCTION';

export interface Term {
  label?: TermLabel;
  factors: Factor[];
}

export interface Factor {
  kind: FactorKind;
  value: string;
  /** The value is divided by this (days / days in the month). */
  divisor?: string;
  /** A unit that replaces the kind's own, such as m³ or kWh for usage. */
  unit?: string;
}

export interface Note {
  kind: NoteKind;
  value?: string;
}

export type TermLabel =
  | 'tier'
  | 'firstSegment'
  | 'steps'
  | 'fullDays'
  | 'dayBand'
  | 'nightBand'
  | 'contractYear'
  | 'expression'
  | 'lateDays';

export type FactorKind =
  | 'builtArea'
  | 'innerArea'
  | 'pricePerSqmMonth'
  | 'coefficient'
  | 'months'
  | 'daysOfMonth'
  | 'daysOf30'
  | 'monthsPerYearDays'
  | 'days'
  | 'monthFraction4dp'
  | 'monthlyAmount'
  | 'usage'
  | 'pricePerUnit'
  | 'escalation'
  | 'amount'
  | 'count'
  | 'dailyRate'
  | 'principal';

export type NoteKind =
  | 'capped'
  | 'freeMinutes'
  | 'minutes'
  | 'timeCoupon'
  | 'memberRate'
  | 'amountCoupon'
  | 'exempt'
  | 'disabled'
  | 'notLate'
  | 'contractClause';

/** The numeric value of a factor: value, or value ÷ divisor. */
export function factorValue(factor: Factor): Decimal {
  const value = dec(factor.value);

  return factor.divisor === undefined ? value : value.div(dec(factor.divisor));
}

/** Σ over terms of Π factors, multiplying every value before dividing by the divisors. */
export function termsTotal(terms: readonly Term[]): Decimal {
  return terms.reduce((sum, term) => {
    const product = term.factors.reduce((acc, f) => acc.times(dec(f.value)), dec(1));
    const divisor = term.factors.reduce((acc, f) => acc.times(dec(f.divisor ?? 1)), dec(1));

    return sum.plus(product.div(divisor));
  }, dec(0));
}

/** Builds an explanation from its terms: the amount is their total, rounded once. */
export function explain(options: {
  method: CalcMethod;
  terms: Term[];
  notes?: Note[];
  formula?: string;
  rounding: RoundingMode;
  /** When steps after the terms (a cap, a coupon) changed the total, the result after them. */
  exactYuan?: Decimal;
}): Explanation {
  const exact = options.exactYuan ?? termsTotal(options.terms);

  return {
    method: options.method,
    terms: options.terms,
    notes: options.notes ?? [],
    ...(options.formula === undefined ? {} : { formula: options.formula }),
    exactYuan: exact.toString(),
    amountFen: roundToFen(exact, options.rounding),
    rounding: options.rounding,
  };
}

/* --------------------------------------------------------------- sentences */

type Language = 'zh' | 'en';

interface FactorText {
  label: string;
  unit: string;
}

const FACTOR_TEXT: Record<FactorKind, Record<Language, FactorText>> = {
  builtArea: { zh: { label: '建筑面积', unit: '㎡' }, en: { label: 'built area', unit: ' m²' } },
  innerArea: { zh: { label: '套内面积', unit: '㎡' }, en: { label: 'inner area', unit: ' m²' } },
  pricePerSqmMonth: {
    zh: { label: '单价', unit: '元/㎡/月' },
    en: { label: 'unit price', unit: ' yuan/m²/month' },
  },
  coefficient: { zh: { label: '系数', unit: '' }, en: { label: 'coefficient', unit: '' } },
  months: { zh: { label: '', unit: ' 个月' }, en: { label: '', unit: ' months' } },
  daysOfMonth: {
    zh: { label: '按实际天数', unit: ' 天' },
    en: { label: 'actual days', unit: ' days' },
  },
  daysOf30: {
    zh: { label: '按30天/月', unit: ' 天' },
    en: { label: '30-day month', unit: ' days' },
  },
  monthsPerYearDays: {
    zh: { label: '按年365天', unit: '' },
    en: { label: 'per 365-day year', unit: '' },
  },
  days: { zh: { label: '', unit: ' 天' }, en: { label: '', unit: ' days' } },
  monthFraction4dp: {
    zh: { label: '折算月数（4位小数）', unit: ' 个月' },
    en: { label: 'month fraction (4 dp)', unit: ' months' },
  },
  monthlyAmount: { zh: { label: '月费', unit: '元/月' }, en: { label: 'monthly', unit: ' yuan' } },
  usage: { zh: { label: '用量', unit: '' }, en: { label: 'usage', unit: '' } },
  pricePerUnit: { zh: { label: '单价', unit: '元' }, en: { label: 'unit price', unit: ' yuan' } },
  escalation: { zh: { label: '递增', unit: '' }, en: { label: 'escalation', unit: '' } },
  amount: { zh: { label: '', unit: '元' }, en: { label: '', unit: ' yuan' } },
  count: { zh: { label: '', unit: ' 次' }, en: { label: '', unit: ' times' } },
  dailyRate: { zh: { label: '日费率', unit: '' }, en: { label: 'daily rate', unit: '' } },
  principal: { zh: { label: '本金', unit: '元' }, en: { label: 'principal', unit: ' yuan' } },
};

const TERM_LABEL: Record<TermLabel, Record<Language, string>> = {
  tier: { zh: '阶梯', en: 'tier' },
  firstSegment: { zh: '首段', en: 'first segment' },
  steps: { zh: '续时', en: 'further steps' },
  fullDays: { zh: '整日封顶', en: 'full days at the cap' },
  dayBand: { zh: '白天', en: 'day' },
  nightBand: { zh: '夜间', en: 'night' },
  contractYear: { zh: '合同年', en: 'contract year' },
  expression: { zh: '公式', en: 'formula' },
  lateDays: { zh: '逾期', en: 'overdue' },
};

const ROUNDING_TEXT: Record<RoundingMode, Record<Language, string>> = {
  HALF_UP: { zh: '四舍五入到分', en: 'rounded half-up to the fen' },
  HALF_EVEN: { zh: '银行家舍入到分', en: 'rounded half-even to the fen' },
  DOWN: { zh: '舍去分以下', en: 'truncated to the fen' },
  UP: { zh: '进位到分', en: 'rounded up to the fen' },
  YUAN: { zh: '四舍五入到元', en: 'rounded half-up to the yuan' },
};

const NOTE_TEXT: Record<NoteKind, Record<Language, (value: string) => string>> = {
  capped: { zh: (v) => `封顶 ${v}元`, en: (v) => `capped at ${v} yuan` },
  freeMinutes: { zh: (v) => `免费 ${v} 分钟内不收费`, en: (v) => `free within ${v} minutes` },
  minutes: { zh: (v) => `计费时长 ${v} 分钟`, en: (v) => `${v} minutes charged` },
  timeCoupon: { zh: (v) => `停车券抵 ${v} 分钟`, en: (v) => `time coupon ${v} minutes` },
  memberRate: { zh: (v) => `会员折扣 ${v}`, en: (v) => `member rate ${v}` },
  amountCoupon: { zh: (v) => `抵扣券 ${v}元`, en: (v) => `amount coupon ${v} yuan` },
  exempt: { zh: () => '免费车辆', en: () => 'exempt vehicle' },
  disabled: { zh: () => '未启用违约金', en: () => 'late fees are off' },
  notLate: { zh: () => '未逾期', en: () => 'not overdue' },
  contractClause: { zh: (v) => `按合同约定 ${v}`, en: (v) => `per contract clause ${v}` },
};

function factorText(factor: Factor, language: Language): string {
  const text = FACTOR_TEXT[factor.kind][language];
  const value = factor.divisor === undefined ? factor.value : `${factor.value}/${factor.divisor}`;
  const singular = language === 'en' && factor.divisor === undefined && factor.value === '1';
  const unit = factor.unit ?? (singular ? text.unit.replace(/s$/, '') : text.unit);
  const label = text.label === '' ? '' : `${text.label} `;

  return `${label}${value}${unit}`;
}

function termText(term: Term, language: Language): string {
  const product = term.factors.map((factor) => factorText(factor, language)).join(' × ');
  if (term.label === undefined) return product;

  return language === 'zh'
    ? `${TERM_LABEL[term.label].zh}：${product}`
    : `${TERM_LABEL[term.label].en}: ${product}`;
}

function sentence(explanation: Explanation, language: Language): string {
  const body =
    explanation.formula !== undefined && explanation.terms.length === 0
      ? explanation.formula
      : explanation.terms.map((term) => termText(term, language)).join(' + ');
  const notes = explanation.notes.map((note) => NOTE_TEXT[note.kind][language](note.value ?? ''));
  const tail = [...notes, ROUNDING_TEXT[explanation.rounding][language]];
  const amount = fenToYuanString(explanation.amountFen);

  return language === 'zh'
    ? `${body} = ${amount}元（${tail.join('；')}）`
    : `${body} = ${amount} yuan (${tail.join('; ')})`;
}

/** The explanation as a Chinese sentence: "建筑面积 89.37㎡ × 单价 2.35元/㎡/月 × 1 个月 = 210.02元（四舍五入到分）". */
export function explainZh(explanation: Explanation): string {
  return sentence(explanation, 'zh');
}

/** The explanation as an English sentence. */
export function explainEn(explanation: Explanation): string {
  return sentence(explanation, 'en');
}
