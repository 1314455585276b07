import { CalculatorOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  DISCOUNT_KINDS,
  type DiscountScheme,
  type DiscountSchemeQuery,
  useDiscountSchemes,
  useExportDiscountSchemes,
  useFeeItemOptions,
  useUpdateDiscountScheme,
} from '../../api/discounts';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject } from '../../layout/project-context';
import { labelledOptions } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { ruleText } from './rule-text';
import { SchemeFormModal } from './scheme-form-modal';
import { TrialDrawer } from './trial-drawer';

type Filters = Pick<DiscountSchemeQuery, 'q' | 'kind' | 'status' | 'feeItemId'>;

const STATUSES = ['active', 'archived'] as const;
const KIND_COLORS: Record<DiscountScheme['kind'], string> = {
  free_months: 'magenta',
  percent_for_months: 'orange',
  fixed_reduction: 'gold',
  loyalty: 'purple',
  vacancy: 'cyan',
  deferral: 'blue',
};

/** Archive with a confirmation (schemes are never deleted), or restore at once. */
function StatusAction({ scheme }: { scheme: DiscountScheme }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateDiscountScheme();

  const setStatus = (status: DiscountScheme['status']) =>
    update.mutate(
      { id: scheme.id, body: { status } },
      {
        onSuccess: () =>
          void message.success(
            t(status === 'archived' ? 'discount.archived' : 'discount.restored'),
          ),
        onError: (error) => showError(error),
      },
    );

  if (scheme.status === 'archived') {
    return (
      <Button
        type="link"
        size="small"
        loading={update.isPending}
        onClick={() => setStatus('active')}
      >
        {t('discount.restore')}
      </Button>
    );
  }

  return (
    <Popconfirm
      title={t('discount.archiveConfirm', { name: scheme.name })}
      description={<div style={{ maxWidth: 280 }}>{t('discount.archiveHint')}</div>}
      onConfirm={() => setStatus('archived')}
    >
      <Button type="link" size="small" danger loading={update.isPending}>
        {t('discount.archive')}
      </Button>
    </Popconfirm>
  );
}

function useColumns(onEdit: (scheme: DiscountScheme) => void): ColumnsType<DiscountScheme> {
  const t = useT();
  const can = useCan();
  const manage = can('discounts.manage');

  return [
    { title: t('discount.code'), dataIndex: 'code', width: 110 },
    { title: t('discount.name'), dataIndex: 'name', width: 180 },
    {
      title: t('discount.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: DiscountScheme['kind']) => (
        <Tag color={KIND_COLORS[kind]}>{t(`discount.kind.${kind}`)}</Tag>
      ),
    },
    {
      title: t('discount.rule'),
      key: 'rule',
      width: 210,
      render: (_, scheme) => ruleText(t, scheme),
    },
    {
      title: t('discount.feeItems'),
      key: 'feeItems',
      width: 160,
      render: (_, scheme) =>
        scheme.feeItemIds === null
          ? t('discount.allFeeItems')
          : scheme.feeItems.map((item) => item.name).join('、'),
    },
    {
      title: t('discount.validity'),
      key: 'validity',
      width: 190,
      render: (_, scheme) => `${scheme.validFrom} ~ ${scheme.validTo ?? t('discount.openEnded')}`,
    },
    { title: t('discount.priority'), dataIndex: 'priority', width: 80, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      fixed: 'right',
      render: (status: DiscountScheme['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>
          {t(`discount.status.${status}`)}
        </Tag>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right' as const,
            render: (_: unknown, scheme: DiscountScheme) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(scheme)}>
                  {t('common.edit')}
                </Button>
                <StatusAction scheme={scheme} />
              </Space>
            ),
          },
        ]
      : []),
  ];
}

/**
 * 优惠方案: a project's discounts and reductions — free months, rates, fixed amounts, long-time
 * owners, vacancy, deferral — with a 试算 drawer that shows what a payment would get.
 */
export default function DiscountsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const list = useListState<Filters>({ status: 'active' });
  const query = { ...list.query, projectId };
  const schemes = useDiscountSchemes(query);
  const exporter = useExportDiscountSchemes();
  const feeItems = useFeeItemOptions(projectId);
  const dialog = useDialog<DiscountScheme>();
  const trial = useDialog();
  const columns = useColumns((scheme) => dialog.show(scheme));

  const actions = (
    <>
      <Button icon={<CalculatorOutlined />} onClick={() => trial.show()}>
        {t('discount.trial')}
      </Button>
      <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
      {can('discounts.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
          {t('discount.create')}
        </Button>
      )}
    </>
  );

  return (
    <PageContainer titleKey="discount.title">
      <FilterBar<Filters> initial={{ status: 'active' }} onApply={list.apply} actions={actions}>
        <Form.Item name="q">
          <Input allowClear placeholder={t('discount.searchPlaceholder')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('discount.kind')}
            style={{ width: 130 }}
            options={labelledOptions(t, 'discount.kind', DISCOUNT_KINDS)}
          />
        </Form.Item>
        {projectId !== undefined && (
          <Form.Item name="feeItemId">
            <Select
              allowClear
              placeholder={t('discount.feeItem')}
              style={{ width: 150 }}
              options={feeItems}
            />
          </Form.Item>
        )}
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'discount.status', STATUSES)}
          />
        </Form.Item>
      </FilterBar>
      <Table<DiscountScheme>
        rowKey="id"
        columns={columns}
        dataSource={schemes.data?.items}
        loading={schemes.isFetching}
        pagination={list.pagination(schemes.data?.total)}
        rowClassName={(scheme) => (scheme.status === 'archived' ? 'row-muted' : '')}
        scroll={{ x: 1250 }}
      />
      <SchemeFormModal open={dialog.open} scheme={dialog.value} onClose={dialog.close} />
      <TrialDrawer open={trial.open} onClose={trial.close} />
    </PageContainer>
  );
}
