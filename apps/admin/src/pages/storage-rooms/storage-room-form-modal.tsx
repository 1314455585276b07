import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useActiveCustomFields } from '../../api/custom-fields';
import {
  type CreateStorageRoomBody,
  type StorageRoom,
  useCreateStorageRoom,
  useUpdateStorageRoom,
} from '../../api/storage-rooms';
import { BuildingField } from '../../components/building-field';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import {
  AreaField,
  FloorField,
  ProjectField,
  StatusField,
  blankToNull,
  useRules,
} from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { customFieldsBody } from '../../lib/custom-field-values';
import { STORAGE_TYPES, labelledOptions } from '../../lib/resource-labels';

interface StorageRoomFormModalProps {
  open: boolean;
  storage: StorageRoom | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

/** Create or edit a basement or storage room. */
export function StorageRoomFormModal(props: StorageRoomFormModalProps) {
  const { open, storage, projectId, onClose } = props;
  const t = useT();
  const rules = useRules();
  const create = useCreateStorageRoom();
  const update = useUpdateStorageRoom();
  const customFields = useActiveCustomFields('storage');
  const initial = useMemo<Partial<CreateStorageRoomBody>>(
    () => storage ?? { projectId, storageType: 'storage_room', status: 'vacant', customFields: {} },
    [storage, projectId],
  );

  const submit = (values: CreateStorageRoomBody) => {
    const body = {
      ...values,
      buildingId: values.buildingId ?? null,
      floor: values.floor ?? null,
      area: blankToNull(values.area),
      customFields: customFieldsBody(customFields, values.customFields),
    };
    if (!storage) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: storage.id, body: changes });
  };

  return (
    <FormModal<CreateStorageRoomBody>
      open={open}
      name="storage"
      title={t(storage ? 'storage.edit' : 'storage.create')}
      initialValues={initial}
      editing={storage !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={storage !== undefined} />
        </Col>
        <Col span={12}>
          <Form.Item name="storageType" label={t('storage.storageType')}>
            <Select options={labelledOptions(t, 'resource.storageType', STORAGE_TYPES)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('storage.code')}
            rules={rules.required(t('storage.code'))}
          >
            <Input maxLength={40} placeholder="CC-B1-01" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <BuildingField />
        </Col>
        <Col span={12}>
          <FloorField />
        </Col>
        <Col span={12}>
          <AreaField name="area" label={t('resource.area')} />
        </Col>
        <Col span={12}>
          <StatusField kind="storage" />
        </Col>
        <CustomFieldInputs target="storage" />
      </Row>
    </FormModal>
  );
}
