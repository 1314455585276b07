import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useParkingSpaces } from '../../api/parking-spaces';
import {
  type CreateVehicleBody,
  type Vehicle,
  useCreateVehicle,
  useUpdateVehicle,
} from '../../api/vehicles';
import { ProjectField, blankToNull, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { PersonSelect } from '../../components/person-select';
import { useT } from '../../i18n';
import { VEHICLE_TYPES, labelledOptions } from '../../lib/resource-labels';
import { useDebounced } from '../../lib/use-debounced';

function ParkingSpaceSelect(props: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  current?: string | null;
}) {
  const t = useT();
  const projectId = Form.useWatch<number | undefined>('projectId', Form.useFormInstance());
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const spaces = useParkingSpaces(
    { projectId, q: q || undefined, page: 1, pageSize: 50 },
    { enabled: projectId !== undefined },
  );
  const options = (spaces.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.code}（${s.lotName}）`,
  }));
  if (props.value && props.current && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.current });
  }

  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={spaces.isFetching}
      placeholder={t('vehicle.noSpace')}
      value={props.value ?? undefined}
      onChange={(id?: number) => props.onChange?.(id ?? null)}
      options={options}
    />
  );
}

interface VehicleFormModalProps {
  open: boolean;
  vehicle: Vehicle | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

/** Register or edit a vehicle: plate, type, colour, owner and parking space. */
export function VehicleFormModal({ open, vehicle, projectId, onClose }: VehicleFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateVehicle();
  const update = useUpdateVehicle();
  const initial = useMemo<Partial<CreateVehicleBody>>(
    () => vehicle ?? { projectId, vehicleType: 'small_car' },
    [vehicle, projectId],
  );

  const submit = (values: CreateVehicleBody) => {
    const body = {
      ...values,
      plate: values.plate.trim().toUpperCase(),
      colour: blankToNull(values.colour),
      personId: values.personId ?? null,
      parkingSpaceId: values.parkingSpaceId ?? null,
    };
    if (!vehicle) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: vehicle.id, body: changes });
  };

  return (
    <FormModal<CreateVehicleBody>
      open={open}
      name="vehicle"
      title={t(vehicle ? 'vehicle.edit' : 'vehicle.create')}
      initialValues={initial}
      editing={vehicle !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={vehicle !== undefined} />
        </Col>
        <Col span={12}>
          <Form.Item
            name="plate"
            label={t('vehicle.plate')}
            rules={rules.required(t('vehicle.plate'))}
          >
            <Input maxLength={10} placeholder="沪A12345" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="vehicleType" label={t('vehicle.type')}>
            <Select options={labelledOptions(t, 'vehicle.type', VEHICLE_TYPES)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="colour" label={t('vehicle.colour')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item noStyle dependencies={['projectId']}>
            {({ getFieldValue }) => (
              <Form.Item name="personId" label={t('vehicle.owner')}>
                <PersonSelect
                  allowClear
                  projectId={getFieldValue('projectId') as number | undefined}
                  currentLabel={vehicle?.personName}
                />
              </Form.Item>
            )}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parkingSpaceId" label={t('vehicle.parkingSpace')}>
            <ParkingSpaceSelect current={vehicle?.parkingSpaceCode} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
