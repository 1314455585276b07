import type { FeePrice, PriceScope } from '../../api/fee-standards';
import type { Translate } from '../../i18n';

type ScopeFields = 'scope' | 'buildingName' | 'unitName' | 'floorFrom' | 'floorTo' | 'resourceCode';

/** What a price row covers, in words: `1栋 2单元 7–12层`, `A-0101`, `全项目`. */
export function scopeTarget(t: Translate, row: Pick<FeePrice, ScopeFields>): string {
  switch (row.scope) {
    case 'project':
      return t('price.wholeProject');
    case 'building':
      return row.buildingName ?? '—';
    case 'unit':
      return [row.buildingName, row.unitName].filter(Boolean).join(' ');
    case 'floor_range':
      return [
        row.buildingName,
        row.unitName,
        t('price.floors', { from: row.floorFrom ?? '', to: row.floorTo ?? '' }),
      ]
        .filter(Boolean)
        .join(' ');
    case 'resource':
      return row.resourceCode ?? '—';
  }
}

/** The colour of each scope's tag, general to specific. */
export const SCOPE_COLORS: Record<PriceScope, string> = {
  project: 'blue',
  building: 'cyan',
  unit: 'geekblue',
  floor_range: 'purple',
  resource: 'orange',
};
