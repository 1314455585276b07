import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CustomFieldFilter } from '../../api/custom-fields';
import {
  type AdSpace,
  type AdSpaceQuery,
  useAdSpaces,
  useExportAdSpaces,
} from '../../api/ad-spaces';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useResourceColumns } from '../../components/resource-columns';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { STATUSES_BY_KIND, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { useResourceRowProps } from '../../lib/use-row-navigation';
import { AdSpaceFormModal } from './ad-space-form-modal';

type Filters = Pick<AdSpaceQuery, 'q' | 'status'> & CustomFieldFilter;

const dash = (value: string | null) => value ?? '—';

/** Ad spaces: where they are, their size and lease; a row opens the archive. */
export default function AdSpacesPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const adSpaces = useAdSpaces({ ...list.query, projectId });
  const exporter = useExportAdSpaces();
  const dialog = useDialog<AdSpace>();
  const columns = useResourceColumns<AdSpace>();
  const custom = useCustomFieldColumns<AdSpace>('ad_space');
  const rowProps = useResourceRowProps();
  const canManage = can('resources.manage');

  const tableColumns: ColumnsType<AdSpace> = [
    columns.code,
    columns.project,
    { title: t('adSpace.location'), dataIndex: 'location', ellipsis: true },
    { title: t('adSpace.size'), dataIndex: 'size', width: 110, render: dash },
    columns.area,
    { title: t('resource.leaseStart'), dataIndex: 'leaseStart', width: 110, render: dash },
    { title: t('resource.leaseEnd'), dataIndex: 'leaseEnd', width: 110, render: dash },
    columns.status,
    ...custom.columns,
    columns.owners,
  ];
  if (canManage) tableColumns.push(columns.edit((adSpace) => dialog.show(adSpace)));

  return (
    <PageContainer titleKey="adSpace.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            {custom.settings}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('adSpace.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('adSpace.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND.ad_space)}
          />
        </Form.Item>
        <CustomFieldFilters target="ad_space" />
      </FilterBar>
      <Table<AdSpace>
        rowKey="id"
        columns={tableColumns}
        dataSource={adSpaces.data?.items}
        loading={adSpaces.isFetching}
        pagination={list.pagination(adSpaces.data?.total)}
        scroll={{ x: 1200 }}
        onRow={rowProps}
      />
      <AdSpaceFormModal
        open={dialog.open}
        adSpace={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
