import { Input, InputNumber } from 'antd';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { ListEditor } from './list-editor';

/** A price or coefficient: up to ten digits and four decimals, as the server takes it. */
export const PRICE_PATTERN = /^\d{1,10}(\.\d{1,4})?$/;

export function usePriceRules(label: string) {
  const t = useT();
  const rules = useRules();

  return [...rules.required(label), { pattern: PRICE_PATTERN, message: t('fees.priceFormat') }];
}

/** 楼层系数: floors from–to (the top band open) and the coefficient the price is multiplied by. */
export function FloorBandsEditor() {
  const t = useT();
  const rules = useRules();
  const coefficientRules = usePriceRules(t('standard.coefficient'));
  const floor = <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />;

  return (
    <ListEditor
      name={['parameters', 'bands']}
      min={1}
      max={50}
      addLabel={t('standard.addBand')}
      newRow={{ floorTo: null, coefficient: '1.00' }}
      columns={[
        {
          name: 'floorFrom',
          title: t('standard.floorFrom'),
          span: 7,
          input: floor,
          rules: rules.required(t('standard.floorFrom')),
        },
        {
          name: 'floorTo',
          title: t('standard.floorToOpen'),
          span: 7,
          input: (
            <InputNumber
              min={-10}
              max={200}
              precision={0}
              style={{ width: '100%' }}
              placeholder="∞"
            />
          ),
        },
        {
          name: 'coefficient',
          title: t('standard.coefficient'),
          span: 8,
          input: <Input inputMode="decimal" placeholder="1.05" />,
          rules: coefficientRules,
        },
      ]}
    />
  );
}

/** 阶梯: each tier's upper bound (the last open) and its price. */
export function TiersEditor({ unit }: { unit: string }) {
  const t = useT();
  const priceRules = usePriceRules(t('standard.tierPrice'));

  return (
    <ListEditor
      name={['parameters', 'tiers']}
      min={1}
      max={10}
      addLabel={t('standard.addTier')}
      newRow={{ upTo: '', price: '' }}
      columns={[
        {
          name: 'upTo',
          title: t('standard.tierUpTo'),
          span: 11,
          input: <Input inputMode="decimal" placeholder={t('standard.tierOpen')} />,
          rules: [{ pattern: PRICE_PATTERN, message: t('fees.decimalFormat') }],
        },
        {
          name: 'price',
          title: t('standard.tierPrice'),
          span: 11,
          input: <Input inputMode="decimal" suffix={unit} placeholder="3.50" />,
          rules: priceRules,
        },
      ]}
    />
  );
}
