import type { DiscountScheme } from '../../api/discounts';
import type { Translate } from '../../i18n';
import { fenText, percentText } from './discount-inputs';

type Parameters = Record<string, string | number | undefined>;

/** A rate or an amount off, the two ways long-time owner and vacancy schemes give. */
function benefit(t: Translate, p: Parameters, amountKey: string): string {
  if (p.rate !== undefined)
    return t('discount.rule.payRate', { rate: percentText(String(p.rate)) });

  return t('discount.rule.amountOff', { amount: fenText(Number(p[amountKey])) });
}

/** A scheme's rule in one phrase: 预交12个月赠送1个月. */
export function ruleText(
  t: Translate,
  scheme: Pick<DiscountScheme, 'kind' | 'parameters'>,
): string {
  const p = scheme.parameters as Parameters;
  switch (scheme.kind) {
    case 'free_months':
      return t('discount.rule.free_months', {
        pay: Number(p.payMonths),
        free: Number(p.freeMonths),
      });
    case 'percent_for_months': {
      const base = t('discount.rule.percent_for_months', {
        months: Number(p.minMonths),
        rate: percentText(String(p.rate)),
      });
      if (p.maxArrearsMonths === undefined) return base;
      return base + t('discount.rule.arrears', { months: Number(p.maxArrearsMonths) });
    }
    case 'fixed_reduction': {
      const base = t('discount.rule.amountOff', { amount: fenText(Number(p.amountFen)) });
      if (p.minMonths === undefined) return base;
      return t('discount.rule.fromMonths', { months: Number(p.minMonths) }) + base;
    }
    case 'loyalty':
      return t('discount.rule.loyalty', {
        date: String(p.movedInBy),
        benefit: benefit(t, p, 'amountFen'),
      });
    case 'vacancy':
      return t('discount.rule.vacancy', { benefit: benefit(t, p, 'amountFenPerMonth') });
    case 'deferral':
      return p.newDueDate !== undefined
        ? t('discount.rule.deferDate', { date: String(p.newDueDate) })
        : t('discount.rule.deferDays', { days: Number(p.deferDays) });
  }
}
