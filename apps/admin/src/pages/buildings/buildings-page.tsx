import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  type Building,
  type BuildingQuery,
  useBuildings,
  useExportBuildings,
} from '../../api/buildings';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { BuildingFormModal } from './building-form-modal';
import { RoomBatchWizard } from './room-batch-wizard';
import { UnitsTable } from './units-table';

type Filters = Pick<BuildingQuery, 'q'>;

const NONE: number[] = [];

/** Buildings with their units; bulk room creation starts here. */
export default function BuildingsPage() {
  const t = useT();
  const can = useCan();
  const { projectId, projects } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const buildings = useBuildings({ ...list.query, projectId });
  const exporter = useExportBuildings();
  const dialog = useDialog<Building>();
  const wizard = useDialog<undefined>();
  const [picked, setPicked] = useState<number[]>([]);
  const canManage = can('resources.manage');
  const projectName = (id: number) => projects.find((p) => p.id === id)?.name ?? '—';
  // The wizard works in one project: that of the ticked buildings, else the working one.
  const pickedProject = buildings.data?.items.find((b) => picked.includes(b.id))?.projectId;
  const batchProject = pickedProject ?? working?.id;
  const batchBuildings = buildings.data?.items
    .filter((b) => picked.includes(b.id) && b.projectId === batchProject)
    .map((b) => b.id);

  const columns: ColumnsType<Building> = [
    { title: t('building.code'), dataIndex: 'code', width: 110 },
    { title: t('building.name'), dataIndex: 'name', width: 160 },
    {
      title: t('resource.project'),
      dataIndex: 'projectId',
      width: 140,
      render: (id: number) => projectName(id),
    },
    { title: t('building.floorsAbove'), dataIndex: 'floorsAbove', width: 100, align: 'right' },
    { title: t('building.floorsBelow'), dataIndex: 'floorsBelow', width: 100, align: 'right' },
    { title: t('building.unitCount'), dataIndex: 'unitCount', width: 90, align: 'right' },
    { title: t('building.roomCount'), dataIndex: 'roomCount', width: 90, align: 'right' },
    { title: t('building.note'), dataIndex: 'note', ellipsis: true },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, building) => (
        <Button type="link" size="small" onClick={() => dialog.show(building)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <PageContainer titleKey="building.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <>
                <Button icon={<AppstoreAddOutlined />} onClick={() => wizard.show()}>
                  {t('batch.open')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                  {t('building.create')}
                </Button>
              </>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('building.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <Table<Building>
        rowKey="id"
        columns={columns}
        dataSource={buildings.data?.items}
        loading={buildings.isFetching}
        pagination={list.pagination(buildings.data?.total)}
        rowSelection={
          canManage
            ? { selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(Number)) }
            : undefined
        }
        expandable={{
          expandedRowRender: (building) => <UnitsTable building={building} canManage={canManage} />,
        }}
      />
      <BuildingFormModal
        open={dialog.open}
        building={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
      <RoomBatchWizard
        open={wizard.open}
        projectId={batchProject}
        buildingIds={batchBuildings ?? NONE}
        onClose={wizard.close}
      />
    </PageContainer>
  );
}
