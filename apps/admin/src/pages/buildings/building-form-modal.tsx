import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useMemo } from 'react';
import {
  type Building,
  type CreateBuildingBody,
  useCreateBuilding,
  useUpdateBuilding,
} from '../../api/buildings';
import { FormModal } from '../../components/form-modal';
import { ProjectField, blankToNull, useRules } from '../../components/form-fields';
import { useT } from '../../i18n';

interface BuildingFormModalProps {
  open: boolean;
  /** The building being edited; undefined creates one in `projectId`. */
  building: Building | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

type BuildingForm = CreateBuildingBody;

/** Create or edit a building: code, name, floors above and below ground. */
export function BuildingFormModal({ open, building, projectId, onClose }: BuildingFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreateBuilding();
  const update = useUpdateBuilding();
  const initial = useMemo(() => building ?? { projectId, sortOrder: 0 }, [building, projectId]);

  const submit = (values: BuildingForm) => {
    const body = { ...values, note: blankToNull(values.note) };
    if (!building) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: building.id, body: changes });
  };

  return (
    <FormModal<BuildingForm>
      open={open}
      name="building"
      title={t(building ? 'building.edit' : 'building.create')}
      initialValues={initial}
      editing={building !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={24}>
          <ProjectField disabled={building !== undefined} />
        </Col>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('building.code')}
            extra={t('building.codeHint')}
            rules={rules.required(t('building.code'))}
          >
            <Input maxLength={40} placeholder="1" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t('building.name')}
            rules={rules.required(t('building.name'))}
          >
            <Input maxLength={100} placeholder="1号楼" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="floorsAbove" label={t('building.floorsAbove')}>
            <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="floorsBelow" label={t('building.floorsBelow')}>
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sortOrder" label={t('building.sortOrder')}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('building.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
