import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CustomFieldFilter } from '../../api/custom-fields';
import {
  type StorageRoom,
  type StorageRoomQuery,
  useExportStorageRooms,
  useStorageRooms,
} from '../../api/storage-rooms';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useResourceColumns } from '../../components/resource-columns';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import {
  STATUSES_BY_KIND,
  STORAGE_TYPES,
  labelOf,
  labelledOptions,
} from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { useResourceRowProps } from '../../lib/use-row-navigation';
import { StorageRoomFormModal } from './storage-room-form-modal';

type Filters = Pick<StorageRoomQuery, 'q' | 'storageType' | 'status'> & CustomFieldFilter;

/** Basements and storage rooms: filter by type and status, export, create and edit. */
export default function StorageRoomsPage() {
  const t = useT();
  const can = useCan();
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const storage = useStorageRooms({ ...list.query, projectId });
  const exporter = useExportStorageRooms();
  const dialog = useDialog<StorageRoom>();
  const columns = useResourceColumns<StorageRoom>();
  const custom = useCustomFieldColumns<StorageRoom>('storage');
  const rowProps = useResourceRowProps();
  const canManage = can('resources.manage');

  const tableColumns: ColumnsType<StorageRoom> = [
    columns.code,
    columns.project,
    {
      title: t('storage.storageType'),
      dataIndex: 'storageType',
      width: 110,
      render: (type: StorageRoom['storageType']) => labelOf(t, 'resource.storageType', type),
    },
    columns.building,
    {
      title: t('resource.floor'),
      dataIndex: 'floor',
      width: 70,
      align: 'right',
      render: (floor: number | null) => floor ?? '—',
    },
    columns.area,
    columns.status,
    ...custom.columns,
    columns.owners,
  ];
  if (canManage) tableColumns.push(columns.edit((room) => dialog.show(room)));

  return (
    <PageContainer titleKey="storage.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            {custom.settings}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('storage.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('resource.searchCode')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="storageType">
          <Select
            allowClear
            placeholder={t('storage.storageType')}
            style={{ width: 120 }}
            options={labelledOptions(t, 'resource.storageType', STORAGE_TYPES)}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND.storage)}
          />
        </Form.Item>
        <CustomFieldFilters target="storage" />
      </FilterBar>
      <Table<StorageRoom>
        rowKey="id"
        columns={tableColumns}
        dataSource={storage.data?.items}
        loading={storage.isFetching}
        pagination={list.pagination(storage.data?.total)}
        onRow={rowProps}
      />
      <StorageRoomFormModal
        open={dialog.open}
        storage={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
