import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import {
  type Vehicle,
  type VehicleQuery,
  useExportVehicles,
  useVehicles,
} from '../../api/vehicles';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { ImportButton } from '../../components/import-dialog';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { useCurrentProject, useWorkingProject } from '../../layout/project-context';
import { VEHICLE_TYPES, labelledOptions } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { VehicleFormModal } from './vehicle-form-modal';

type Filters = Pick<VehicleQuery, 'q' | 'vehicleType'>;

const TYPE_COLORS: Record<Vehicle['vehicleType'], string> = {
  small_car: 'blue',
  large_car: 'purple',
  new_energy: 'green',
  motorcycle: 'orange',
  other: 'default',
};

/** Vehicles by plate or owner; `?q=` arrives from the header search. */
export default function VehiclesPage() {
  const t = useT();
  const can = useCan();
  const [params] = useSearchParams();
  const initial: Filters = params.get('q') ? { q: params.get('q') ?? undefined } : {};
  const { projectId } = useCurrentProject();
  const working = useWorkingProject();
  const list = useListState<Filters>(initial);
  const vehicles = useVehicles({ ...list.query, projectId });
  const exporter = useExportVehicles();
  const dialog = useDialog<Vehicle>();
  const canManage = can('people.vehicle.manage');

  const columns: ColumnsType<Vehicle> = [
    {
      title: t('vehicle.plate'),
      dataIndex: 'plate',
      width: 130,
      render: (plate: string) => <span style={{ fontWeight: 500, letterSpacing: 1 }}>{plate}</span>,
    },
    {
      title: t('vehicle.type'),
      dataIndex: 'vehicleType',
      width: 120,
      render: (type: Vehicle['vehicleType']) => (
        <Tag color={TYPE_COLORS[type]}>{t(`vehicle.type.${type}`)}</Tag>
      ),
    },
    { title: t('vehicle.colour'), dataIndex: 'colour', width: 90, render: (c) => c ?? '—' },
    { title: t('vehicle.owner'), dataIndex: 'personName', width: 130, render: (n) => n ?? '—' },
    {
      title: t('vehicle.parkingSpace'),
      dataIndex: 'parkingSpaceCode',
      render: (code: string | null, vehicle) =>
        code ? <Link to={`/resources/${vehicle.parkingSpaceId}`}>{code}</Link> : '—',
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, vehicle) => (
        <Button type="link" size="small" onClick={() => dialog.show(vehicle)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <PageContainer titleKey="vehicle.title">
      <FilterBar<Filters>
        initial={initial}
        onApply={list.apply}
        actions={
          <>
            {working && <ImportButton kind="vehicles" projectId={working.id} />}
            <ExportButton query={{ ...list.filterQuery, projectId }} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('vehicle.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('vehicle.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="vehicleType">
          <Select
            allowClear
            placeholder={t('vehicle.type')}
            style={{ width: 130 }}
            options={labelledOptions(t, 'vehicle.type', VEHICLE_TYPES)}
          />
        </Form.Item>
      </FilterBar>
      <Table<Vehicle>
        rowKey="id"
        columns={columns}
        dataSource={vehicles.data?.items}
        loading={vehicles.isFetching}
        pagination={list.pagination(vehicles.data?.total)}
      />
      <VehicleFormModal
        open={dialog.open}
        vehicle={dialog.value}
        projectId={working?.id}
        onClose={dialog.close}
      />
    </PageContainer>
  );
}
