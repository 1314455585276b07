import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';

/**
 * Moves a decimal string's point `places` to the right (left when negative), in text so that
 * no float rounding creeps in: `movePoint('0.95', 2)` is `'95'`, `movePoint('9.5', -1)` `'0.95'`.
 */
export function movePoint(value: string, places: number): string {
  const [whole, fraction = ''] = value.trim().split('.');
  const digits = `${whole}${fraction}`;
  const point = whole.length + places;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const fracPart = padded.slice(at).replace(/0+$/, '');

  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** Integer fen as `¥1,234.56`, without going through floats. */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');

  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** `"210.02"` → 21002; undefined for anything that is not yuan with at most two decimals. */
export function yuanToFen(text: string | null | undefined): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec((text ?? '').trim());
  if (!match) return undefined;

  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `0.9500` → `95%`. */
export function percentText(rate: string): string {
  return `${movePoint(rate, 2)}%`;
}

type RateMode = 'percent' | 'zhe';

/**
 * The share still paid, typed as 95 % or as 9.5 折; the value is the API's fraction (`0.95`),
 * so the server's field errors land on this input.
 */
export function RateInput(props: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<RateMode>('percent');
  const places = mode === 'percent' ? 2 : 1;
  const shown = props.value ? movePoint(props.value, places) : null;

  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber<string>
        id={props.id}
        stringMode
        min="0"
        max={mode === 'percent' ? '100' : '10'}
        precision={mode === 'percent' ? 2 : 3}
        value={shown}
        onChange={(text) => props.onChange?.(text ? movePoint(text, -places) : null)}
        style={{ width: '100%' }}
        placeholder={mode === 'percent' ? '95' : '9.5'}
      />
      <Select<RateMode>
        value={mode}
        onChange={setMode}
        style={{ width: 110 }}
        options={[
          { value: 'percent', label: t('discount.rateMode.percent') },
          { value: 'zhe', label: t('discount.rateMode.zhe') },
        ]}
      />
    </Space.Compact>
  );
}

/** An amount typed in yuan; the value is integer fen, as the API takes it. */
export function AmountInput(props: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
}) {
  const shown =
    props.value === null || props.value === undefined ? null : movePoint(String(props.value), -2);

  return (
    <InputNumber<string>
      id={props.id}
      stringMode
      min="0"
      precision={2}
      prefix="¥"
      value={shown}
      onChange={(text) => props.onChange?.(yuanToFen(text) ?? null)}
      style={{ width: '100%' }}
    />
  );
}
