import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CustomFieldFilter } from '../../api/custom-fields';
import { type Shop, type ShopQuery, useExportShops, useShops } from '../../api/shops';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ImportButton } from '../../components/import-dialog';
import { PageContainer } from '../../components/page-container';
import { useResourceColumns } from '../../components/resource-columns';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { STATUSES_BY_KIND, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { useResourceRowProps } from '../../lib/use-row-navigation';
import { ShopFormModal } from './shop-form-modal';

type Filters = Pick<ShopQuery, 'q' | 'status'> & CustomFieldFilter;

const dash = (value: string | number | null) => value ?? '—';

/** Shops: search, filter, export, create and edit; a row opens the shop's archive. */
export default function ShopsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const query = { ...list.query, projectId };
  const shops = useShops(query);
  const exporter = useExportShops();
  const dialog = useDialog<Shop>();
  const columns = useResourceColumns<Shop>();
  const custom = useCustomFieldColumns<Shop>('shop');
  const rowProps = useResourceRowProps();
  const canManage = can('resources.manage');

  const tableColumns: ColumnsType<Shop> = [
    columns.code,
    columns.project,
    columns.building,
    { title: t('resource.floor'), dataIndex: 'floor', width: 70, align: 'right', render: dash },
    columns.area,
    columns.status,
    { title: t('resource.leaseStart'), dataIndex: 'leaseStart', width: 110, render: dash },
    { title: t('resource.leaseEnd'), dataIndex: 'leaseEnd', width: 110, render: dash },
    { title: t('shop.businessScope'), dataIndex: 'businessScope', ellipsis: true, render: dash },
    {
      title: t('shop.rentStandardShort'),
      dataIndex: 'rentStandard',
      width: 120,
      align: 'right',
      render: dash,
    },
    ...custom.columns,
    columns.owners,
  ];
  if (canManage) tableColumns.push(columns.edit((shop) => dialog.show(shop)));

  return (
    <PageContainer titleKey="shop.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            {custom.settings}
            {working && <ImportButton kind="shops" projectId={working.id} />}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('shop.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('resource.searchCode')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 120 }}
            options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND.shop)}
          />
        </Form.Item>
        <CustomFieldFilters target="shop" />
      </FilterBar>
      <Table<Shop>
        rowKey="id"
        columns={tableColumns}
        dataSource={shops.data?.items}
        loading={shops.isFetching}
        pagination={list.pagination(shops.data?.total)}
        scroll={{ x: 1300 }}
        onRow={rowProps}
      />
      <ShopFormModal
        open={dialog.open}
        shop={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
