import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Table } from 'antd';
import { useBuildingOptions } from '../../api/buildings';
import {
  type FeeBinding,
  type FeeBindingQuery,
  useExportFeeBindings,
  useFeeBindings,
} from '../../api/fee-bindings';
import { useFeeItemOptions } from '../../api/fee-items';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { compactQuery } from '../../lib/format';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { BindResourceModal } from './bind-resource-modal';
import { isActiveBinding, today, useBindingColumns } from './binding-columns';
import { BindingBatchWizard } from './binding-batch-wizard';
import { EndBindingModal } from './end-binding-modal';
import { StandardSelect } from './standard-select';

type Filters = Pick<FeeBindingQuery, 'q' | 'feeItemId' | 'standardId' | 'buildingId'> & {
  activeOnly?: boolean;
};

/** The filters as the API takes them: “active only” is “in force today”. */
function apiFilters({
  activeOnly,
  ...filters
}: Filters): Omit<FeeBindingQuery, 'page' | 'pageSize'> {
  return activeOnly ? { ...filters, activeOn: today() } : filters;
}

/** 收费绑定: which resources are charged by which standard; bind one, bind in bulk, end. */
export default function FeeBindingsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({ activeOnly: true });
  const filters = { ...compactQuery(apiFilters(list.filters)), projectId };
  const bindings = useFeeBindings({
    ...filters,
    page: list.query.page,
    pageSize: list.query.pageSize,
  });
  const exporter = useExportFeeBindings();
  const items = useFeeItemOptions(projectId);
  const buildings = useBuildingOptions(working?.id);
  const binding = useDialog<undefined>();
  const batch = useDialog<undefined>();
  const ending = useDialog<FeeBinding>();
  const canBind = can('fees.binding.manage');
  const columns = useBindingColumns();
  if (canBind) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_, row) =>
        isActiveBinding(row) && (
          <Button type="link" size="small" danger onClick={() => ending.show(row)}>
            {t('binding.end')}
          </Button>
        ),
    });
  }

  return (
    <PageContainer titleKey="binding.title">
      <FilterBar<Filters>
        initial={{ activeOnly: true }}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={filters} exporter={exporter} />
            {canBind && (
              <Button icon={<LinkOutlined />} onClick={() => binding.show()}>
                {t('binding.bindOne')}
              </Button>
            )}
            {canBind && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => batch.show()}>
                {t('binding.batch')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('binding.searchResource')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="feeItemId">
          <Select
            allowClear
            placeholder={t('binding.feeItem')}
            style={{ width: 130 }}
            options={items.data?.items.map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="standardId">
          <StandardSelect
            projectId={projectId}
            allowClear
            placeholder={t('binding.standard')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="buildingId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('resource.building')}
            style={{ width: 110 }}
            options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item name="activeOnly" valuePropName="checked">
          <Checkbox>{t('binding.activeOnly')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <Table<FeeBinding>
        rowKey="id"
        columns={columns}
        dataSource={bindings.data?.items}
        loading={bindings.isFetching}
        pagination={list.pagination(bindings.data?.total)}
        scroll={{ x: 1100 }}
        rowClassName={(row) => (isActiveBinding(row) ? '' : 'row-muted')}
      />
      <BindResourceModal open={binding.open} projectId={working?.id} onClose={binding.close} />
      <BindingBatchWizard open={batch.open} projectId={working?.id} onClose={batch.close} />
      <EndBindingModal open={ending.open} binding={ending.value} onClose={ending.close} />
    </PageContainer>
  );
}
