import { Descriptions, type DescriptionsProps } from 'antd';
import {
  type CustomFieldTarget,
  type CustomValues,
  useActiveCustomFields,
} from '../api/custom-fields';
import { useT } from '../i18n';
import { displayCustomValue } from '../lib/custom-field-values';

type Item = NonNullable<DescriptionsProps['items']>[number];

/** Descriptions items for a record's custom values, to add to a detail's own items. */
export function useCustomFieldItems(target: CustomFieldTarget, values: CustomValues): Item[] {
  const t = useT();
  const fields = useActiveCustomFields(target);

  return fields.map((field) => ({
    key: `cf.${field.key}`,
    label: field.label,
    children: displayCustomValue(values[field.key], t),
  }));
}

/** A record's custom values as a block of their own; nothing when there are no fields. */
export function CustomFieldDescriptions(props: {
  target: CustomFieldTarget;
  values: CustomValues;
  column?: DescriptionsProps['column'];
}) {
  const t = useT();
  const items = useCustomFieldItems(props.target, props.values);
  if (items.length === 0) return null;

  return <Descriptions title={t('customField.section')} column={props.column ?? 2} items={items} />;
}
