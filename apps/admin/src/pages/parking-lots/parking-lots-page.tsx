import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import {
  type CreateParkingLotBody,
  type ParkingLot,
  type ParkingLotQuery,
  useCreateParkingLot,
  useExportParkingLots,
  useParkingLots,
  useUpdateParkingLot,
} from '../../api/parking-spaces';
import { FormModal } from '../../components/form-modal';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ProjectField, useRules } from '../../components/form-fields';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { LOT_TYPES, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';

type Filters = Pick<ParkingLotQuery, 'q'>;

function ParkingLotFormModal(props: {
  open: boolean;
  lot: ParkingLot | undefined;
  projectId: number | undefined;
  onClose: () => void;
}) {
  const { open, lot, projectId, onClose } = props;
  const t = useT();
  const rules = useRules();
  const create = useCreateParkingLot();
  const update = useUpdateParkingLot();
  const initial = useMemo(
    () => lot ?? { projectId, lotType: 'underground' as const },
    [lot, projectId],
  );

  const submit = (values: CreateParkingLotBody) => {
    if (!lot) return create.mutateAsync(values);

    const { projectId: _project, ...changes } = values;
    return update.mutateAsync({ id: lot.id, body: changes });
  };

  return (
    <FormModal<CreateParkingLotBody>
      open={open}
      name="parkingLot"
      width={480}
      title={t(lot ? 'parkingLot.edit' : 'parkingLot.create')}
      initialValues={initial}
      editing={lot !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <ProjectField disabled={lot !== undefined} />
      <Form.Item
        name="code"
        label={t('parkingLot.code')}
        rules={rules.required(t('parkingLot.code'))}
      >
        <Input maxLength={40} placeholder="P1" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('parkingLot.name')}
        rules={rules.required(t('parkingLot.name'))}
      >
        <Input maxLength={100} placeholder="地下停车场" />
      </Form.Item>
      <Form.Item name="lotType" label={t('parkingLot.lotType')}>
        <Select options={labelledOptions(t, 'resource.lotType', LOT_TYPES)} />
      </Form.Item>
    </FormModal>
  );
}

/** Parking lots with how many spaces each holds; a lot opens its spaces. */
export default function ParkingLotsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { projectId, projects } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>({});
  const lots = useParkingLots({ ...list.query, projectId });
  const exporter = useExportParkingLots();
  const dialog = useDialog<ParkingLot>();
  const canManage = can('resources.manage');

  const columns: ColumnsType<ParkingLot> = [
    { title: t('parkingLot.code'), dataIndex: 'code', width: 120 },
    { title: t('parkingLot.name'), dataIndex: 'name' },
    {
      title: t('resource.project'),
      dataIndex: 'projectId',
      width: 160,
      render: (id: number) => projects.find((p) => p.id === id)?.name ?? '—',
    },
    {
      title: t('parkingLot.lotType'),
      dataIndex: 'lotType',
      width: 120,
      render: (type: ParkingLot['lotType']) => (
        <Tag color={type === 'underground' ? 'geekblue' : 'cyan'}>
          {t(`resource.lotType.${type}`)}
        </Tag>
      ),
    },
    { title: t('parkingLot.spaceCount'), dataIndex: 'spaceCount', width: 100, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, lot) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => void navigate(`/parking-spaces?lotId=${lot.id}`)}
          >
            {t('parkingLot.viewSpaces')}
          </Button>
          {canManage && (
            <Button type="link" size="small" onClick={() => dialog.show(lot)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer titleKey="parkingLot.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('parkingLot.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('parkingLot.searchPlaceholder')}
            style={{ width: 200 }}
          />
        </Form.Item>
      </FilterBar>
      <Table<ParkingLot>
        rowKey="id"
        columns={columns}
        dataSource={lots.data?.items}
        loading={lots.isFetching}
        pagination={list.pagination(lots.data?.total)}
      />
      <ParkingLotFormModal
        open={dialog.open}
        lot={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
