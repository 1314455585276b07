import { DEFAULT_ROUNDING, dec, type RoundingMode } from '../../../platform/money.js';
import { invalidInput } from './calc-error.js';
import { explain, type Explanation, type Term } from './explanation.js';
import { assertNotNegative } from './periodic-fees.js';

/** One tier of a tiered tariff: usage up to `upTo` (inclusive, cumulative) at `unitPrice`. */
export interface Tier {
  /** The cumulative usage where the tier ends; null for the last, open tier. */
  upTo: string | null;
  unitPrice: string;
}

/** Usage × unit price (+ nothing else): a meter line at a flat price. */
export function computeUsageFee(options: {
  usage: string;
  unitPrice: string;
  unit?: string;
  rounding?: RoundingMode;
}): Explanation {
  assertNotNegative(options.usage, 'usage');
  assertNotNegative(options.unitPrice, 'unit price');

  const terms: Term[] = [
    {
      factors: [
        { kind: 'usage', value: options.usage, unit: options.unit },
        { kind: 'pricePerUnit', value: options.unitPrice },
      ],
    },
  ];

  return explain({ method: 'USAGE', terms, rounding: options.rounding ?? DEFAULT_ROUNDING });
}

/**
 * Tiered usage (阶梯, DOMAIN §2.5): this bill's usage fills the tiers from where the account's
 * cumulative usage in the reset window already stands. Each segment is exact; the line total is
 * rounded once.
 */
export function computeTieredUsageFee(options: {
  usage: string;
  cumulativeBefore: string;
  tiers: Tier[];
  unit?: string;
  rounding?: RoundingMode;
}): Explanation {
  assertNotNegative(options.usage, 'usage');
  assertNotNegative(options.cumulativeBefore, 'cumulative usage');
  assertTiers(options.tiers);

  const from = dec(options.cumulativeBefore);
  const to = from.plus(options.usage);
  const terms: Term[] = [];
  let tierStart = dec(0);
  for (const tier of options.tiers) {
    const tierEnd = tier.upTo === null ? null : dec(tier.upTo);
    const low = from.greaterThan(tierStart) ? from : tierStart;
    const high = tierEnd === null || to.lessThan(tierEnd) ? to : tierEnd;
    if (high.greaterThan(low)) {
      terms.push({
        label: 'tier',
        factors: [
          { kind: 'usage', value: high.minus(low).toString(), unit: options.unit },
          { kind: 'pricePerUnit', value: tier.unitPrice },
        ],
      });
    }
    if (tierEnd === null) break;
    tierStart = tierEnd;
  }

  return explain({ method: 'TIERED_USAGE', terms, rounding: options.rounding ?? DEFAULT_ROUNDING });
}

function assertTiers(tiers: readonly Tier[]): void {
  if (tiers.length === 0 || tiers[tiers.length - 1].upTo !== null) {
    throw invalidInput('the last tier must be open-ended');
  }
  tiers.forEach((tier, index) => {
    assertNotNegative(tier.unitPrice, 'tier price');
    const previous = index === 0 ? null : tiers[index - 1].upTo;
    if (tier.upTo !== null && previous !== null && !dec(tier.upTo).greaterThan(previous)) {
      throw invalidInput(`tier bounds must rise: ${tier.upTo} after ${previous}`);
    }
  });
}
