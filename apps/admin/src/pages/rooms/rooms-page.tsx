import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CustomFieldFilter } from '../../api/custom-fields';
import { type Room, type RoomQuery, useExportRooms, useRooms } from '../../api/rooms';
import { useCustomFieldColumns } from '../../components/custom-field-columns';
import { CustomFieldFilters } from '../../components/custom-field-filters';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ImportButton } from '../../components/import-dialog';
import { PageContainer } from '../../components/page-container';
import { useResourceColumns } from '../../components/resource-columns';
import { useT } from '../../i18n';
import { useWorkingProject } from '../../layout/project-context';
import { compactQuery } from '../../lib/format';
import {
  DECORATIONS,
  ROOM_USES,
  STATUSES_BY_KIND,
  labelOf,
  labelledOptions,
} from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { RoomDrawer } from './room-drawer';
import { RoomTree, TREE_ROOT, filterOfKey } from './room-tree';

type Filters = Pick<RoomQuery, 'q' | 'status' | 'decoration' | 'use' | 'mine'> & CustomFieldFilter;
type FilterForm = Omit<Filters, 'mine'> & { mine?: boolean };

/** Rooms of the working project: the tree on the left narrows the list on the right. */
export default function RoomsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const project = useWorkingProject();
  const [treeKey, setTreeKey] = useState(TREE_ROOT);
  const list = useListState<Filters>({});
  const query: RoomQuery = { ...list.query, ...filterOfKey(treeKey), projectId: project?.id };
  const rooms = useRooms(query, { enabled: project !== undefined });
  const exporter = useExportRooms();
  const drawer = useDialog<Room>();
  const columns = useResourceColumns<Room>();
  const custom = useCustomFieldColumns<Room>('room');
  const canManage = can('resources.manage');

  const selectTreeNode = (key: string) => {
    setTreeKey(key);
    list.apply(list.filters);
  };

  const tableColumns: ColumnsType<Room> = [
    columns.code,
    columns.building,
    { title: t('resource.unit'), dataIndex: 'unitName', width: 90, render: (u) => u ?? '—' },
    { title: t('resource.floor'), dataIndex: 'floor', width: 70, align: 'right' },
    columns.area,
    {
      title: t('room.innerAreaShort'),
      dataIndex: 'innerArea',
      width: 110,
      align: 'right',
      render: (area: string | null) => area ?? '—',
    },
    { title: t('room.layout'), dataIndex: 'layout', width: 110, render: (l) => l ?? '—' },
    {
      title: t('room.decoration'),
      dataIndex: 'decoration',
      width: 80,
      render: (d: Room['decoration']) => labelOf(t, 'resource.decoration', d),
    },
    {
      title: t('room.use'),
      dataIndex: 'use',
      width: 80,
      render: (use: Room['use']) => labelOf(t, 'resource.use', use),
    },
    columns.status,
    ...custom.columns,
    columns.owners,
  ];
  if (canManage) tableColumns.push(columns.edit((room) => drawer.show(room)));

  return (
    <PageContainer
      titleKey="room.title"
      card={false}
      extra={
        <Space>
          {custom.settings}
          {project && <ImportButton kind="rooms" projectId={project.id} />}
          <ExportButton
            query={compactQuery({ ...query, page: undefined, pageSize: undefined })}
            exporter={exporter}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.show()}>
              {t('room.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={7} xl={6}>
          <Card
            title={t('room.tree')}
            variant="borderless"
            style={{ minHeight: 560 }}
            styles={{ body: { paddingInline: 12 } }}
          >
            <RoomTree
              key={project?.id}
              project={project}
              selectedKey={treeKey}
              onSelect={selectTreeNode}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card variant="borderless">
            <FilterBar<FilterForm>
              initial={{}}
              onApply={({ mine, ...rest }) =>
                list.apply({ ...rest, mine: mine ? 'true' : undefined })
              }
            >
              <Form.Item name="q">
                <Input
                  allowClear
                  placeholder={t('room.searchPlaceholder')}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <Form.Item name="status">
                <Select
                  allowClear
                  placeholder={t('common.status')}
                  style={{ width: 110 }}
                  options={labelledOptions(t, 'resource.status', STATUSES_BY_KIND.room)}
                />
              </Form.Item>
              <Form.Item name="decoration">
                <Select
                  allowClear
                  placeholder={t('room.decoration')}
                  style={{ width: 110 }}
                  options={labelledOptions(t, 'resource.decoration', DECORATIONS)}
                />
              </Form.Item>
              <Form.Item name="use">
                <Select
                  allowClear
                  placeholder={t('room.use')}
                  style={{ width: 100 }}
                  options={labelledOptions(t, 'resource.use', ROOM_USES)}
                />
              </Form.Item>
              <CustomFieldFilters target="room" />
              <Form.Item name="mine" valuePropName="checked" label={t('room.mine')}>
                <Switch size="small" />
              </Form.Item>
            </FilterBar>
            <Table<Room>
              rowKey="id"
              size="middle"
              columns={tableColumns}
              dataSource={rooms.data?.items}
              loading={rooms.isFetching}
              pagination={list.pagination(rooms.data?.total)}
              scroll={{ x: 1300 }}
              onRow={(room) => ({
                onClick: () => void navigate(`/resources/${room.id}`),
                style: { cursor: 'pointer' },
              })}
            />
          </Card>
        </Col>
      </Row>
      <RoomDrawer
        open={drawer.open}
        room={drawer.value}
        projectId={project?.id}
        onClose={drawer.close}
      />
    </PageContainer>
  );
}
