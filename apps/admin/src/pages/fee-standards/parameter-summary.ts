import type { FeeStandard } from '../../api/fee-standards';
import type { Translate } from '../../i18n';
import { formatDecimal } from '../../lib/format';
import { labelOf } from '../../lib/resource-labels';

type Params = Record<string, unknown>;

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A standard's parameters in one short line for the list: `按建筑面积`, `3 级阶梯（按年）`… */
export function parameterSummary(t: Translate, standard: FeeStandard): string {
  const p: Params = standard.parameters;
  switch (standard.method) {
    case 'area_price':
      return labelOf(t, 'fees.areaBasis', text(p.areaBasis));
    case 'fixed':
      return t('standard.summary.fixed');
    case 'floor_coefficient':
      return t('standard.summary.bands', {
        basis: labelOf(t, 'fees.areaBasis', text(p.areaBasis)),
        count: count(p.bands),
      });
    case 'usage_price':
      return labelOf(t, 'fees.meter', text(p.meterType));
    case 'tiered_usage':
      return t('standard.summary.tiers', {
        count: count(p.tiers),
        period: labelOf(t, 'fees.tierPeriod', text(p.tierPeriod)),
      });
    case 'rent_escalation':
      return t('standard.summary.rent', {
        price: formatDecimal(text(p.basePrice) || '0'),
        percent: formatDecimal(text(p.escalationPercent) || '0', 0),
      });
    case 'parking_monthly':
      return t('standard.summary.monthly', { count: count(p.prices) });
    case 'parking_temporary':
      return t('standard.summary.temporary', {
        free: Number(p.freeMinutes ?? 0),
        price: formatDecimal(text(p.perHourPrice) || '0'),
      });
    case 'custom_formula':
      return text(p.formula);
  }
}
