import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import {
  type CustomFieldTarget,
  type CustomValues,
  useActiveCustomFields,
} from '../api/custom-fields';
import { useT } from '../i18n';
import { displayCustomValue } from '../lib/custom-field-values';

/** How many custom columns a list shows until the user picks others. */
const SHOWN_BY_DEFAULT = 3;

function storageKey(target: CustomFieldTarget): string {
  return `aishang.customColumns.${target}`;
}

function storedChoice(target: CustomFieldTarget): string[] | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(target)) ?? 'null') as unknown;
    return Array.isArray(stored) ? stored.filter((key) => typeof key === 'string') : null;
  } catch {
    return null;
  }
}

/**
 * Table columns for the active custom fields of a resource kind or of people: the first
 * three by default; when there are more, `settings` is a button to choose which show
 * (remembered in this browser).
 */
export function useCustomFieldColumns<R extends { customFields: CustomValues }>(
  target: CustomFieldTarget,
): { columns: ColumnType<R>[]; settings: ReactNode } {
  const t = useT();
  const fields = useActiveCustomFields(target);
  const [chosen, setChosen] = useState(() => storedChoice(target));
  const shownKeys = chosen ?? fields.slice(0, SHOWN_BY_DEFAULT).map((field) => field.key);

  const choose = (keys: string[]) => {
    setChosen(keys);
    localStorage.setItem(storageKey(target), JSON.stringify(keys));
  };

  const columns = fields
    .filter((field) => shownKeys.includes(field.key))
    .map<ColumnType<R>>((field) => ({
      title: field.label,
      key: `cf.${field.key}`,
      width: field.type === 'multiple' || field.type === 'text' ? 150 : 110,
      ellipsis: true,
      render: (_, row) => displayCustomValue(row.customFields[field.key], t),
    }));

  const settings =
    fields.length > SHOWN_BY_DEFAULT ? (
      <Popover
        trigger="click"
        placement="bottomRight"
        title={t('customField.columnsTitle')}
        content={
          <Checkbox.Group
            value={shownKeys}
            onChange={choose}
            style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 320 }}
            options={fields.map((field) => ({ value: field.key, label: field.label }))}
          />
        }
      >
        <Button icon={<SettingOutlined />}>
          {t('customField.columns', { shown: columns.length, total: fields.length })}
        </Button>
      </Popover>
    ) : null;

  return { columns, settings };
}
