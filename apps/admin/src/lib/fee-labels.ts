import type { FeeStandard, PriceScope, StandardMethod } from '../api/fee-standards';
import type { Translate } from '../i18n';
import { formatDecimal } from './format';

/** The values the fees API takes, in the order pickers show them (fees.schemas.ts). */
export const FEE_CATEGORIES = [
  'property_fee',
  'water',
  'electricity',
  'gas',
  'parking',
  'rent',
  'deposit',
  'other',
] as const;
export const FEE_CYCLES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'one_off'] as const;
export const BILLING_MODES = ['prepaid', 'postpaid'] as const;
export const DUE_RULES = [
  'days_after_period_start',
  'days_after_period_end',
  'day_of_first_month',
] as const;
export const ROUNDING_MODES = ['half_up', 'half_even', 'down', 'up', 'yuan'] as const;
export const PRORATIONS = ['actual_days', 'thirty_day_month', 'none'] as const;
export const ARCHIVE_STATUSES = ['active', 'archived'] as const;
export const LATE_FEE_CAPS = ['none', 'percent', 'fixed'] as const;
export const STANDARD_METHODS = [
  'area_price',
  'fixed',
  'floor_coefficient',
  'usage_price',
  'tiered_usage',
  'rent_escalation',
  'parking_monthly',
  'parking_temporary',
  'custom_formula',
] as const satisfies readonly StandardMethod[];
export const PRICE_SCOPES = [
  'project',
  'building',
  'unit',
  'floor_range',
  'resource',
] as const satisfies readonly PriceScope[];
export const METER_TYPES = ['water', 'electricity', 'gas', 'other'] as const;
export const AREA_BASES = ['building', 'inner'] as const;
export const RESOURCE_KINDS = ['room', 'shop', 'parking_space', 'ad_space', 'storage'] as const;

/** Methods whose unit price is kept by scope (fee_price); the others carry it in parameters. */
export const PRICED_METHODS: readonly StandardMethod[] = [
  'area_price',
  'fixed',
  'floor_coefficient',
  'usage_price',
  'custom_formula',
];

/** The variables a custom formula may use (the server's calc/formula.ts FORMULA_VARIABLES). */
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
export const FORMULA_FUNCTIONS = ['min', 'max', 'round', 'ceil', 'floor', 'abs'] as const;

/** What a unit price of a standard is per: `元/㎡/月`, `元/吨`… */
export function priceUnit(t: Translate, standard: Pick<FeeStandard, 'method' | 'parameters'>) {
  switch (standard.method) {
    case 'area_price':
    case 'floor_coefficient':
      return t('fees.unit.perAreaMonth');
    case 'fixed':
      return t('fees.unit.perMonth');
    case 'usage_price':
    case 'tiered_usage': {
      const meter = standard.parameters.meterType;
      return t(`fees.unit.meter.${typeof meter === 'string' ? meter : 'other'}` as never);
    }
    case 'parking_monthly':
      return t('fees.unit.perMonth');
    case 'parking_temporary':
      return t('fees.unit.perHour');
    case 'rent_escalation':
    case 'custom_formula':
      return t('fees.unit.yuan');
  }
}

/** A unit price with its unit: `2.35 元/㎡/月`; a dash for none. */
export function formatUnitPrice(price: string | null | undefined, unit: string): string {
  return price ? `${formatDecimal(price)} ${unit}` : '—';
}
