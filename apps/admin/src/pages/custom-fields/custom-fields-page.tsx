import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  CUSTOM_FIELD_ENTITIES,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldQuery,
  useCustomFields,
  useUpdateCustomField,
} from '../../api/custom-fields';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { labelledOptions } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { CustomFieldFormModal } from './custom-field-form-modal';

type Filters = Pick<CustomFieldQuery, 'q' | 'status'>;

const STATUSES = ['active', 'archived'] as const;

/** Archive with a confirmation, or restore at once. */
function StatusAction({ field }: { field: CustomField }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateCustomField();

  const setStatus = (status: CustomField['status']) =>
    update.mutate(
      { id: field.id, body: { status } },
      {
        onSuccess: () =>
          void message.success(
            t(status === 'archived' ? 'customField.archived' : 'customField.restored'),
          ),
        onError: (error) => showError(error),
      },
    );

  if (field.status === 'archived') {
    return (
      <Button
        type="link"
        size="small"
        loading={update.isPending}
        onClick={() => setStatus('active')}
      >
        {t('customField.restore')}
      </Button>
    );
  }

  return (
    <Popconfirm
      title={t('customField.archiveConfirm', { label: field.label })}
      description={<div style={{ maxWidth: 280 }}>{t('customField.archiveHint')}</div>}
      onConfirm={() => setStatus('archived')}
    >
      <Button type="link" size="small" danger loading={update.isPending}>
        {t('customField.archive')}
      </Button>
    </Popconfirm>
  );
}

/**
 * Custom fields (自定义字段) of rooms, shops, parking, ad spaces, storage, owners and tenants:
 * one tab per entity; define, edit, archive and restore.
 */
export default function CustomFieldsPage() {
  const t = useT();
  const [entity, setEntity] = useState<CustomFieldEntity>('room');
  const list = useListState<Filters>({});
  const fields = useCustomFields({ ...list.query, entity });
  const dialog = useDialog<CustomField>();

  const columns: ColumnsType<CustomField> = [
    { title: t('customField.label'), dataIndex: 'label', width: 160 },
    {
      title: t('customField.key'),
      dataIndex: 'key',
      width: 160,
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
    {
      title: t('customField.type'),
      dataIndex: 'type',
      width: 110,
      render: (type: CustomField['type']) => t(`customField.type.${type}`),
    },
    {
      title: t('customField.options'),
      dataIndex: 'options',
      render: (options: string[]) =>
        options.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {options.map((option) => (
              <Tag key={option} bordered={false}>
                {option}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('customField.required'),
      dataIndex: 'required',
      width: 80,
      render: (required: boolean) =>
        required ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no'),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: CustomField['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>
          {t(`customField.status.${status}`)}
        </Tag>
      ),
    },
    { title: t('customField.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, field) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => dialog.show(field)}>
            {t('common.edit')}
          </Button>
          <StatusAction field={field} />
        </Space>
      ),
    },
  ];

  return (
    <PageContainer titleKey="customField.title">
      <Tabs
        activeKey={entity}
        onChange={(key) => {
          setEntity(key as CustomFieldEntity);
          list.apply(list.filters);
        }}
        items={CUSTOM_FIELD_ENTITIES.map((key) => ({
          key,
          label: t(`customField.entity.${key}`),
        }))}
        style={{ marginTop: -8 }}
      />
      {(entity === 'owner' || entity === 'tenant') && (
        <Typography.Paragraph type="secondary">{t('customField.personHint')}</Typography.Paragraph>
      )}
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
            {t('customField.create')}
          </Button>
        }
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('customField.searchPlaceholder')}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'customField.status', STATUSES)}
          />
        </Form.Item>
      </FilterBar>
      <Table<CustomField>
        rowKey="id"
        columns={columns}
        dataSource={fields.data?.items}
        loading={fields.isFetching}
        pagination={list.pagination(fields.data?.total)}
        rowClassName={(field) => (field.status === 'archived' ? 'row-muted' : '')}
      />
      <CustomFieldFormModal
        open={dialog.open}
        field={dialog.value}
        entity={entity}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
