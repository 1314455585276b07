import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  type FeeItem,
  type FeeItemQuery,
  useExportFeeItems,
  useFeeItems,
  useUpdateFeeItem,
} from '../../api/fee-items';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { ARCHIVE_STATUSES, FEE_CATEGORIES, FEE_CYCLES } from '../../lib/fee-labels';
import { formatDecimal, shiftDecimal } from '../../lib/format';
import { labelOf, labelledOptions } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { FeeItemFormModal } from './fee-item-form-modal';

type Filters = Pick<FeeItemQuery, 'q' | 'category' | 'cycle' | 'status'>;

/** Archive with a confirmation, or restore at once. */
function StatusAction({ item }: { item: FeeItem }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateFeeItem();

  const setStatus = (status: FeeItem['status']) =>
    update.mutate(
      { id: item.id, body: { status } },
      {
        onSuccess: () =>
          void message.success(t(status === 'archived' ? 'fees.archived' : 'fees.restored')),
        onError: (error) => showError(error),
      },
    );

  if (item.status === 'archived') {
    return (
      <Button type="link" size="small" onClick={() => setStatus('active')}>
        {t('fees.restore')}
      </Button>
    );
  }

  return (
    <Popconfirm
      title={t('feeItem.archiveConfirm', { name: item.name })}
      description={<div style={{ maxWidth: 280 }}>{t('feeItem.archiveHint')}</div>}
      onConfirm={() => setStatus('archived')}
    >
      <Button type="link" size="small" danger>
        {t('fees.archive')}
      </Button>
    </Popconfirm>
  );
}

/** The late fee in a word: off, or the daily rate in ‰ and the grace days. */
function LateFeeCell({ lateFee }: { lateFee: FeeItem['lateFee'] }) {
  const t = useT();
  if (!lateFee.enabled)
    return <Typography.Text type="secondary">{t('feeItem.off')}</Typography.Text>;

  return (
    <Tag color="orange" bordered={false}>
      {t('feeItem.lateFeeSummary', {
        rate: shiftDecimal(lateFee.ratePerDay, 3),
        days: lateFee.graceDays,
      })}
    </Tag>
  );
}

function useColumns(onEdit: (item: FeeItem) => void, canManage: boolean): ColumnsType<FeeItem> {
  const t = useT();
  const columns: ColumnsType<FeeItem> = [
    {
      title: t('feeItem.code'),
      dataIndex: 'code',
      width: 100,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('feeItem.name'), dataIndex: 'name', ellipsis: true },
    { title: t('resource.project'), dataIndex: 'projectName', width: 120, ellipsis: true },
    {
      title: t('feeItem.category'),
      dataIndex: 'category',
      width: 90,
      render: (value: string) => labelOf(t, 'fees.category', value),
    },
    {
      title: t('feeItem.cycle'),
      dataIndex: 'cycle',
      width: 80,
      render: (value: string) => labelOf(t, 'fees.cycle', value),
    },
    {
      title: t('feeItem.billingMode'),
      dataIndex: 'billingMode',
      width: 80,
      render: (value: string) => labelOf(t, 'fees.billingMode', value),
    },
    {
      title: t('feeItem.taxRate'),
      dataIndex: 'taxRate',
      width: 70,
      align: 'right',
      render: (rate: string) => `${formatDecimal(shiftDecimal(rate, 2), 0)}%`,
    },
    {
      title: t('feeItem.sectionLateFee'),
      dataIndex: 'lateFee',
      width: 150,
      render: (lateFee: FeeItem['lateFee']) => <LateFeeCell lateFee={lateFee} />,
    },
    { title: t('feeItem.standardCount'), dataIndex: 'standardCount', width: 80, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: FeeItem['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>{t(`fees.status.${status}`)}</Tag>
      ),
    },
  ];
  if (!canManage) return columns;

  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: 120,
    fixed: 'right',
    render: (_, item) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => onEdit(item)}>
          {t('common.edit')}
        </Button>
        <StatusAction item={item} />
      </Space>
    ),
  });

  return columns;
}

/** 收费项目: what the company charges, with its cycle, due rule, rounding and late fee. */
export default function FeeItemsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const items = useFeeItems({ ...list.query, projectId });
  const exporter = useExportFeeItems();
  const dialog = useDialog<FeeItem>();
  const canManage = can('fees.item.manage');
  const columns = useColumns((item) => dialog.show(item), canManage);

  return (
    <PageContainer titleKey="feeItem.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('feeItem.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('feeItem.searchKeyword')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="category">
          <Select
            allowClear
            placeholder={t('feeItem.category')}
            style={{ width: 120 }}
            options={labelledOptions(t, 'fees.category', FEE_CATEGORIES)}
          />
        </Form.Item>
        <Form.Item name="cycle">
          <Select
            allowClear
            placeholder={t('feeItem.cycle')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'fees.cycle', FEE_CYCLES)}
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
      <Table<FeeItem>
        rowKey="id"
        columns={columns}
        dataSource={items.data?.items}
        loading={items.isFetching}
        pagination={list.pagination(items.data?.total)}
        scroll={{ x: 1100 }}
        rowClassName={(item) => (item.status === 'archived' ? 'row-muted' : '')}
      />
      <FeeItemFormModal
        open={dialog.open}
        item={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
