import { Col, DatePicker, Divider, Form, Input, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import {
  type CustomField,
  type CustomFieldTarget,
  useActiveCustomFields,
} from '../api/custom-fields';
import { type Translate, useT } from '../i18n';
import { useRules } from './form-fields';

/** The server's rule for numbers: up to 15 digits and 6 decimals. */
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

const choices = (field: CustomField) =>
  field.options.map((option) => ({ value: option, label: option }));

/** The control of a type; Form.Item's direct child, so it receives id, value and onChange. */
function controlOf(field: CustomField, t: Translate): ReactNode {
  switch (field.type) {
    case 'text':
      return <Input maxLength={500} />;
    case 'number':
      return <Input inputMode="decimal" placeholder="0.00" />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'single':
      return <Select allowClear placeholder={t('common.select')} options={choices(field)} />;
    case 'multiple':
      return (
        <Select
          mode="multiple"
          allowClear
          placeholder={t('common.select')}
          options={choices(field)}
        />
      );
    case 'boolean':
      return <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />;
  }
}

/** How each type's value moves between the form (API shape) and its control. */
function valueProps(field: CustomField) {
  switch (field.type) {
    case 'date':
      return {
        getValueProps: (value: unknown) => ({
          value: typeof value === 'string' && value ? dayjs(value) : undefined,
        }),
        normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
      };
    case 'boolean':
      return { valuePropName: 'checked' };
    case 'text':
    case 'number':
    case 'single':
    case 'multiple':
      return {};
  }
}

function useFieldRules(field: CustomField): Rule[] {
  const t = useT();
  const rules = useRules();
  // A switch is never empty: a required one left off means no.
  const required = field.required && field.type !== 'boolean' ? rules.required(field.label) : [];
  if (field.type !== 'number') return required;

  return [...required, { pattern: NUMBER, message: t('customField.numberFormat') }];
}

function CustomFieldInput({ field }: { field: CustomField }) {
  const t = useT();
  const rules = useFieldRules(field);

  return (
    <Form.Item
      name={['customFields', field.key]}
      label={field.label}
      rules={rules}
      {...valueProps(field)}
    >
      {controlOf(field, t)}
    </Form.Item>
  );
}

/**
 * The form items of the active custom fields of a resource kind or of people, as columns of
 * the form's Row, under a divider; nothing when there are none. Values sit under
 * `customFields.<key>`, the names the server's `details` use, so refusals mark the right item.
 */
export function CustomFieldInputs({
  target,
  span = 12,
}: {
  target: CustomFieldTarget;
  span?: number;
}) {
  const t = useT();
  const fields = useActiveCustomFields(target);
  if (fields.length === 0) return null;

  return (
    <>
      <Col span={24}>
        <Divider orientation="left" plain style={{ marginTop: 0 }}>
          {t('customField.section')}
        </Divider>
      </Col>
      {fields.map((field) => (
        <Col key={field.id} span={span}>
          <CustomFieldInput field={field} />
        </Col>
      ))}
    </>
  );
}
