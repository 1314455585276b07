import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useFeeItemOptions } from '../../api/fee-items';
import {
  type FeeStandard,
  type FeeStandardQuery,
  useExportFeeStandards,
  useFeeStandards,
  useUpdateFeeStandard,
} from '../../api/fee-standards';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { ARCHIVE_STATUSES, PRICED_METHODS, STANDARD_METHODS } from '../../lib/fee-labels';
import { labelOf, labelledOptions } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { FeeStandardFormModal } from './fee-standard-form-modal';
import { parameterSummary } from './parameter-summary';

type Filters = Pick<FeeStandardQuery, 'q' | 'feeItemId' | 'method' | 'status'>;

/** Archive with a confirmation, or restore at once. */
function StatusAction({ standard }: { standard: FeeStandard }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateFeeStandard();

  const setStatus = (status: FeeStandard['status']) =>
    update.mutate(
      { id: standard.id, body: { status } },
      {
        onSuccess: () =>
          void message.success(t(status === 'archived' ? 'fees.archived' : 'fees.restored')),
        onError: (error) => showError(error),
      },
    );

  if (standard.status === 'archived') {
    return (
      <Button type="link" size="small" onClick={() => setStatus('active')}>
        {t('fees.restore')}
      </Button>
    );
  }

  return (
    <Popconfirm
      title={t('standard.archiveConfirm', { name: standard.name })}
      description={<div style={{ maxWidth: 280 }}>{t('standard.archiveHint')}</div>}
      onConfirm={() => setStatus('archived')}
    >
      <Button type="link" size="small" danger>
        {t('fees.archive')}
      </Button>
    </Popconfirm>
  );
}

function useColumns(onEdit: (standard: FeeStandard) => void, canManage: boolean) {
  const t = useT();
  const columns: ColumnsType<FeeStandard> = [
    {
      title: t('standard.name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, standard) => <Link to={`/fee-standards/${standard.id}`}>{name}</Link>,
    },
    { title: t('standard.feeItem'), dataIndex: 'feeItemName', width: 110 },
    {
      title: t('standard.method'),
      dataIndex: 'method',
      width: 150,
      render: (method: string) => labelOf(t, 'fees.method', method),
    },
    {
      title: t('standard.parameters'),
      key: 'parameters',
      ellipsis: true,
      render: (_, standard) => (
        <Typography.Text type="secondary">{parameterSummary(t, standard)}</Typography.Text>
      ),
    },
    {
      title: t('standard.resourceKinds'),
      dataIndex: 'resourceKinds',
      width: 130,
      render: (kinds: string[]) => (
        <Space size={[4, 4]} wrap>
          {kinds.map((kind) => (
            <Tag key={kind} bordered={false}>
              {labelOf(t, 'resource.kind', kind)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('standard.bindingCount'), dataIndex: 'bindingCount', width: 70, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: FeeStandard['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>{t(`fees.status.${status}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canManage ? 170 : 80,
      fixed: 'right',
      render: (_, standard) => (
        <Space size={0}>
          <Link to={`/fee-standards/${standard.id}`}>
            <Button type="link" size="small">
              {t(PRICED_METHODS.includes(standard.method) ? 'standard.prices' : 'standard.open')}
            </Button>
          </Link>
          {canManage && (
            <Button type="link" size="small" onClick={() => onEdit(standard)}>
              {t('common.edit')}
            </Button>
          )}
          {canManage && <StatusAction standard={standard} />}
        </Space>
      ),
    },
  ];

  return columns;
}

/** 收费标准: how much each fee item charges, by which method; a row opens its price matrix. */
export default function FeeStandardsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const standards = useFeeStandards({ ...list.query, projectId });
  const items = useFeeItemOptions(projectId);
  const exporter = useExportFeeStandards();
  const dialog = useDialog<FeeStandard>();
  const canManage = can('fees.item.manage');
  const columns = useColumns((standard) => dialog.show(standard), canManage);

  return (
    <PageContainer titleKey="standard.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('standard.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('standard.searchKeyword')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="feeItemId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('standard.feeItem')}
            style={{ width: 160 }}
            options={items.data?.items.map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="method">
          <Select
            allowClear
            placeholder={t('standard.method')}
            style={{ width: 170 }}
            options={labelledOptions(t, 'fees.method', STANDARD_METHODS)}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'fees.status', ARCHIVE_STATUSES)}
          />
        </Form.Item>
      </FilterBar>
      <Table<FeeStandard>
        rowKey="id"
        columns={columns}
        dataSource={standards.data?.items}
        loading={standards.isFetching}
        pagination={list.pagination(standards.data?.total)}
        scroll={{ x: 1100 }}
        rowClassName={(standard) => (standard.status === 'archived' ? 'row-muted' : '')}
      />
      <FeeStandardFormModal
        open={dialog.open}
        standard={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
