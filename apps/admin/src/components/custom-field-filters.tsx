import { Form, Select } from 'antd';
import { type CustomFieldTarget, useActiveCustomFields } from '../api/custom-fields';
import { useT } from '../i18n';

/**
 * Filters for the choice and yes/no custom fields of a resource kind or of people, inside a
 * FilterBar: each adds `cf.<key>` to the list query (a multiple choice field matches records
 * holding the chosen option among theirs).
 */
export function CustomFieldFilters({ target }: { target: CustomFieldTarget }) {
  const t = useT();
  const fields = useActiveCustomFields(target).filter(
    (field) => field.type === 'single' || field.type === 'multiple' || field.type === 'boolean',
  );

  return fields.map((field) => (
    <Form.Item key={field.id} name={`cf.${field.key}`}>
      <Select
        allowClear
        placeholder={field.label}
        aria-label={field.label}
        popupMatchSelectWidth={false}
        style={{ width: 120 }}
        options={
          field.type === 'boolean'
            ? [
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]
            : field.options.map((option) => ({ value: option, label: option }))
        }
      />
    </Form.Item>
  ));
}
