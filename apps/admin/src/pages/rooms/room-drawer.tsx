import { App, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useBuildingOptions, useUnits } from '../../api/buildings';
import {
  type CustomField,
  type CustomValues,
  useActiveCustomFields,
} from '../../api/custom-fields';
import { type CreateRoomBody, type Room, useCreateRoom, useUpdateRoom } from '../../api/rooms';
import {
  AreaField,
  DateField,
  FloorField,
  ProjectField,
  StatusField,
  blankToNull,
  fromDate,
  toDate,
  useRules,
} from '../../components/form-fields';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import { useT } from '../../i18n';
import { customFieldsBody } from '../../lib/custom-field-values';
import { useApiError } from '../../lib/use-api-error';
import { DECORATIONS, ROOM_USES, labelledOptions } from '../../lib/resource-labels';

interface RoomForm {
  projectId: number;
  buildingId: number;
  unitId?: number | null;
  floor: number;
  code: string;
  area: string;
  innerArea?: string | null;
  layout?: string | null;
  decoration?: Room['decoration'];
  use: Room['use'];
  status: Room['status'];
  deliveryDate?: Dayjs | null;
  moveInDate?: Dayjs | null;
  customFields?: CustomValues;
}

interface RoomDrawerProps {
  open: boolean;
  /** The room being edited; undefined creates one in `projectId`. */
  room: Room | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

function toBody(values: RoomForm, fields: CustomField[]): CreateRoomBody {
  return {
    projectId: values.projectId,
    buildingId: values.buildingId,
    unitId: values.unitId ?? null,
    floor: values.floor,
    code: values.code,
    area: values.area,
    innerArea: blankToNull(values.innerArea),
    layout: blankToNull(values.layout),
    decoration: values.decoration ?? null,
    use: values.use,
    status: values.status,
    deliveryDate: toDate(values.deliveryDate),
    moveInDate: toDate(values.moveInDate),
    customFields: customFieldsBody(fields, values.customFields),
  };
}

function initialValues(room: Room | undefined, projectId: number | undefined): Partial<RoomForm> {
  if (!room) return { projectId, use: 'residential', status: 'vacant', customFields: {} };

  return {
    ...room,
    buildingId: room.buildingId ?? undefined,
    area: room.area ?? '',
    deliveryDate: fromDate(room.deliveryDate),
    moveInDate: fromDate(room.moveInDate),
  };
}

/** Create or edit a room: where it is (building, unit, floor), its areas, use and state. */
export function RoomDrawer({ open, room, projectId, onClose }: RoomDrawerProps) {
  const t = useT();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<RoomForm>();
  const create = useCreateRoom();
  const update = useUpdateRoom();
  const chosenProject = Form.useWatch('projectId', form);
  const chosenBuilding = Form.useWatch('buildingId', form);
  const buildings = useBuildingOptions(open ? chosenProject : undefined);
  const units = useUnits(open ? chosenBuilding : undefined);
  const customFields = useActiveCustomFields('room');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues(room, projectId));
  }, [open, room, projectId, form]);

  const submit = (values: RoomForm) => {
    const options = {
      onSuccess: () => {
        void message.success(t(room ? 'common.saved' : 'common.created'));
        onClose();
      },
      onError: (error: Error) => showError(error, form),
    };
    const body = toBody(values, customFields);
    if (room) {
      const { projectId: _p, buildingId: _b, ...changes } = body;
      update.mutate({ id: room.id, body: changes }, options);
    } else {
      create.mutate(body, options);
    }
  };

  return (
    <Drawer
      open={open}
      width={640}
      title={room ? t('room.editTitle', { code: room.code }) : t('room.create')}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<RoomForm> name="room" form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <ProjectField disabled={room !== undefined} />
          </Col>
          <Col span={12}>
            <Form.Item
              name="buildingId"
              label={t('resource.building')}
              rules={rules.required(t('resource.building'))}
            >
              <Select
                showSearch
                optionFilterProp="label"
                disabled={room !== undefined}
                loading={buildings.isFetching}
                placeholder={t('common.select')}
                onChange={() => form.setFieldValue('unitId', null)}
                options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitId" label={t('resource.unit')}>
              <Select
                allowClear
                loading={units.isFetching}
                placeholder={t('room.noUnit')}
                options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <FloorField required />
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('room.code')}
              extra={t('resource.codeHint')}
              rules={rules.required(t('room.code'))}
            >
              <Input maxLength={40} placeholder="1-2-1501" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="layout" label={t('room.layout')}>
              <Input maxLength={30} placeholder="3室2厅2卫" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <AreaField name="area" label={t('resource.area')} required />
          </Col>
          <Col span={12}>
            <AreaField name="innerArea" label={t('room.innerArea')} />
          </Col>
          <Col span={8}>
            <Form.Item name="decoration" label={t('room.decoration')}>
              <Select allowClear options={labelledOptions(t, 'resource.decoration', DECORATIONS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="use" label={t('room.use')}>
              <Select options={labelledOptions(t, 'resource.use', ROOM_USES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <StatusField kind="room" />
          </Col>
          <Col span={12}>
            <DateField name="deliveryDate" label={t('room.deliveryDate')} />
          </Col>
          <Col span={12}>
            <DateField name="moveInDate" label={t('room.moveInDate')} />
          </Col>
          <CustomFieldInputs target="room" />
        </Row>
      </Form>
    </Drawer>
  );
}
