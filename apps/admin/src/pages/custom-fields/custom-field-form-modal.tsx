import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import {
  CHOICE_TYPES,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  useCreateCustomField,
  useUpdateCustomField,
} from '../../api/custom-fields';
import { useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { labelledOptions } from '../../lib/resource-labels';
import { OptionsEditor } from './options-editor';

interface CustomFieldForm {
  entity: CustomFieldEntity;
  key?: string;
  label: string;
  type: CustomFieldType;
  options?: string[];
  required: boolean;
  sortOrder: number;
}

interface CustomFieldFormModalProps {
  open: boolean;
  /** The field being edited; undefined defines a new one for `entity`. */
  field: CustomField | undefined;
  entity: CustomFieldEntity;
  onClose: () => void;
}

/** The choices editor, for single and multiple choice fields only. */
function OptionsForType() {
  const type = Form.useWatch<CustomFieldType | undefined>('type', Form.useFormInstance());
  if (!type || !CHOICE_TYPES.includes(type)) return null;

  return <OptionsEditor />;
}

/** Define a custom field, or edit its label, choices, order and whether it is required. */
export function CustomFieldFormModal({ open, field, entity, onClose }: CustomFieldFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const initial = useMemo<Partial<CustomFieldForm>>(
    () => field ?? { entity, type: 'text', required: false, sortOrder: 0, options: ['', ''] },
    [field, entity],
  );

  const submit = (values: CustomFieldForm) => {
    const options = CHOICE_TYPES.includes(values.type)
      ? (values.options ?? []).map((option) => option.trim())
      : undefined;
    const common = {
      label: values.label.trim(),
      options,
      required: values.required,
      sortOrder: values.sortOrder,
    };
    if (field) return update.mutateAsync({ id: field.id, body: common });

    const key = values.key?.trim();
    return create.mutateAsync({
      ...common,
      entity: values.entity,
      type: values.type,
      key: key || undefined,
    });
  };

  return (
    <FormModal<CustomFieldForm>
      open={open}
      name="customField"
      title={t(field ? 'customField.edit' : 'customField.create')}
      initialValues={initial}
      editing={field !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      {field && (
        <Alert
          type="info"
          showIcon
          message={t('customField.fixedAfterCreate')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="entity" label={t('customField.entity')}>
            <Select
              disabled={field !== undefined}
              options={labelledOptions(t, 'customField.entity', CUSTOM_FIELD_ENTITIES)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label={t('customField.type')}>
            <Select
              disabled={field !== undefined}
              options={labelledOptions(t, 'customField.type', CUSTOM_FIELD_TYPES)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="label"
            label={t('customField.label')}
            rules={rules.required(t('customField.label'))}
          >
            <Input maxLength={30} placeholder="朝向" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="key"
            label={t('customField.key')}
            tooltip={t('customField.keyHint')}
            rules={[{ pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('customField.keyFormat') }]}
          >
            <Input maxLength={40} disabled={field !== undefined} placeholder="orientation" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <OptionsForType />
        </Col>
        <Col span={12}>
          <Form.Item
            name="sortOrder"
            label={t('customField.sortOrder')}
            tooltip={t('customField.sortOrderHint')}
          >
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="required" label={t('customField.required')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
