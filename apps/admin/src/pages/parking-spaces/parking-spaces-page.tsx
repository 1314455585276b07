import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import type { CustomFieldFilter } from '../../api/custom-fields';
import {
  type ParkingSpace,
  type ParkingSpaceQuery,
  useExportParkingSpaces,
  useParkingLotOptions,
  useParkingSpaces,
} from '../../api/parking-spaces';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ImportButton } from '../../components/import-dialog';
import { PageContainer } from '../../components/page-container';
import { useResourceColumns } from '../../components/resource-columns';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { SPACE_TYPES, STATUSES_BY_KIND, labelOf, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { useResourceRowProps } from '../../lib/use-row-navigation';
import { ParkingSpaceFormModal } from './parking-space-form-modal';

type Filters = Pick<ParkingSpaceQuery, 'q' | 'lotId' | 'spaceType' | 'status'> & CustomFieldFilter;

/** Parking spaces, by lot and type; `?lotId=` arrives from the parking lots page. */
export default function ParkingSpacesPage() {
  const t = useT();
  const can = useCan();
  const [params] = useSearchParams();
  const initial: Filters = params.get('lotId') ? { lotId: Number(params.get('lotId')) } : {};
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>(initial);
  const query = { ...list.query, projectId };
  const spaces = useParkingSpaces(query);
  const lots = useParkingLotOptions(projectId);
  const exporter = useExportParkingSpaces();
  const dialog = useDialog<ParkingSpace>();
  const columns = useResourceColumns<ParkingSpace>();
  const custom = useCustomFieldColumns<ParkingSpace>('parking_space');
  const rowProps = useResourceRowProps();
  const canManage = can('resources.manage');

  const tableColumns: ColumnsType<ParkingSpace> = [
    columns.code,
    columns.project,
    { title: t('parkingSpace.lot'), dataIndex: 'lotName', width: 150 },
    {
      title: t('parkingSpace.spaceType'),
      dataIndex: 'spaceType',
      width: 110,
      render: (type: ParkingSpace['spaceType']) => labelOf(t, 'resource.spaceType', type),
    },
    columns.area,
    columns.status,
    ...custom.columns,
    columns.owners,
  ];
  if (canManage) tableColumns.push(columns.edit((space) => dialog.show(space)));

  return (
    <PageContainer titleKey="parkingSpace.title">
      <FilterBar<Filters>
        initial={initial}
        onApply={list.apply}
        actions={
          <>
            {custom.settings}
            {working && <ImportButton kind="parking-spaces" projectId={working.id} />}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('parkingSpace.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('resource.searchCode')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="lotId">
          <Select
            allowClear
            placeholder={t('parkingSpace.lot')}
            style={{ width: 160 }}
            options={lots.data?.items.map((lot) => ({ value: lot.id, label: lot.name }))}
          />
        </Form.Item>
        <Form.Item name="spaceType">
          <Select
            allowClear
            placeholder={t('parkingSpace.spaceType')}
            style={{ width: 120 }}
            options={labelledOptions(t, 'resource.spaceType', SPACE_TYPES)}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 110 }}
            options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND.parking_space)}
          />
        </Form.Item>
        <CustomFieldFilters target="parking_space" />
      </FilterBar>
      <Table<ParkingSpace>
        rowKey="id"
        columns={tableColumns}
        dataSource={spaces.data?.items}
        loading={spaces.isFetching}
        pagination={list.pagination(spaces.data?.total)}
        onRow={rowProps}
      />
      <ParkingSpaceFormModal
        open={dialog.open}
        space={dialog.value}
        projectId={working?.id}
        lotId={list.filters.lotId}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
