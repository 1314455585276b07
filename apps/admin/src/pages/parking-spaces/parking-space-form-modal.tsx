import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useActiveCustomFields } from '../../api/custom-fields';
import {
  type CreateParkingSpaceBody,
  type ParkingSpace,
  useCreateParkingSpace,
  useParkingLotOptions,
  useUpdateParkingSpace,
} from '../../api/parking-spaces';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import {
  AreaField,
  ProjectField,
  StatusField,
  blankToNull,
  useRules,
} from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { customFieldsBody } from '../../lib/custom-field-values';
import { SPACE_TYPES, labelledOptions } from '../../lib/resource-labels';

interface ParkingSpaceFormModalProps {
  open: boolean;
  space: ParkingSpace | undefined;
  projectId: number | undefined;
  lotId: number | undefined;
  onClose: () => void;
}

function LotField() {
  const t = useT();
  const rules = useRules();
  const projectId = Form.useWatch<number | undefined>('projectId', Form.useFormInstance());
  const lots = useParkingLotOptions(projectId);

  return (
    <Form.Item
      name="lotId"
      label={t('parkingSpace.lot')}
      rules={rules.required(t('parkingSpace.lot'))}
    >
      <Select
        placeholder={t('common.select')}
        loading={lots.isFetching}
        options={lots.data?.items
          .filter((lot) => lot.projectId === projectId)
          .map((lot) => ({ value: lot.id, label: lot.name }))}
      />
    </Form.Item>
  );
}

/** Create or edit a parking space: its lot, code, type, area and status. */
export function ParkingSpaceFormModal(props: ParkingSpaceFormModalProps) {
  const { open, space, projectId, lotId, onClose } = props;
  const t = useT();
  const rules = useRules();
  const create = useCreateParkingSpace();
  const update = useUpdateParkingSpace();
  const customFields = useActiveCustomFields('parking_space');
  const initial = useMemo<Partial<CreateParkingSpaceBody>>(
    () => space ?? { projectId, lotId, spaceType: 'standard', status: 'vacant', customFields: {} },
    [space, projectId, lotId],
  );

  const submit = (values: CreateParkingSpaceBody) => {
    const body = {
      ...values,
      area: blankToNull(values.area),
      customFields: customFieldsBody(customFields, values.customFields),
    };
    if (!space) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: space.id, body: changes });
  };

  return (
    <FormModal<CreateParkingSpaceBody>
      open={open}
      name="parkingSpace"
      title={t(space ? 'parkingSpace.edit' : 'parkingSpace.create')}
      initialValues={initial}
      editing={space !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={space !== undefined} />
        </Col>
        <Col span={12}>
          <LotField />
        </Col>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('parkingSpace.code')}
            rules={rules.required(t('parkingSpace.code'))}
          >
            <Input maxLength={40} placeholder="B1-012" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="spaceType" label={t('parkingSpace.spaceType')}>
            <Select options={labelledOptions(t, 'resource.spaceType', SPACE_TYPES)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <AreaField name="area" label={t('resource.area')} />
        </Col>
        <Col span={12}>
          <StatusField kind="parking_space" />
        </Col>
        <CustomFieldInputs target="parking_space" />
      </Row>
    </FormModal>
  );
}
