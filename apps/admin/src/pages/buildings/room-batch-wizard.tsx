import {
  Alert,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  type RoomBatchBody,
  type RoomBatchPreview,
  type RoomBatchResult,
  useBuildingOptions,
  useCreateRoomBatch,
  usePreviewRoomBatch,
} from '../../api/buildings';
import { AreaField, StatusField, blankToNull, useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { DECORATIONS, ROOM_USES, labelledOptions } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';

export const DEFAULT_TEMPLATE = '{building}-{unit}-{floor}{room:2}';

type BatchForm = Omit<RoomBatchBody, 'projectId'>;

interface RoomBatchWizardProps {
  open: boolean;
  projectId: number | undefined;
  /** Buildings ticked in the list, picked already. */
  buildingIds: number[];
  onClose: () => void;
}

type Sample = RoomBatchPreview['sample'][number];

function PreviewStep({ preview }: { preview: RoomBatchPreview }) {
  const t = useT();

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('batch.total')} value={preview.total} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('batch.toCreate')}
            value={preview.toCreate}
            valueStyle={{ color: '#389e0d' }}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('batch.existing')} value={preview.existing} />
        </Col>
      </Row>
      {preview.existing > 0 && <Alert type="info" showIcon message={t('batch.existingHint')} />}
      <Table<Sample>
        size="small"
        rowKey="code"
        dataSource={preview.sample}
        pagination={false}
        scroll={{ y: 264 }}
        title={() => t('batch.sample', { count: preview.sample.length })}
        columns={[
          { title: t('resource.building'), dataIndex: 'buildingCode', width: 90 },
          { title: t('resource.unit'), dataIndex: 'unitCode', width: 80, render: (u) => u ?? '—' },
          { title: t('resource.floor'), dataIndex: 'floor', width: 70 },
          { title: t('room.code'), dataIndex: 'code' },
          {
            title: t('common.status'),
            dataIndex: 'exists',
            width: 100,
            render: (exists: boolean) =>
              exists ? <Tag>{t('batch.exists')}</Tag> : <Tag color="green">{t('batch.new')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}

function SettingsStep({ projectId }: { projectId: number | undefined }) {
  const t = useT();
  const rules = useRules();
  const buildings = useBuildingOptions(projectId);
  const number = (name: keyof BatchForm, label: string, min: number, max: number) => (
    <Form.Item name={name} label={label} rules={rules.required(label)}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="buildingIds"
          label={t('batch.buildings')}
          rules={rules.required(t('batch.buildings'))}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            placeholder={t('common.select')}
            loading={buildings.isFetching}
            options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
      </Col>
      <Col span={6}>{number('unitCount', t('batch.unitCount'), 0, 20)}</Col>
      <Col span={6}>{number('floorFrom', t('batch.floorFrom'), -10, 200)}</Col>
      <Col span={6}>{number('floorTo', t('batch.floorTo'), -10, 200)}</Col>
      <Col span={6}>{number('roomsPerFloor', t('batch.roomsPerFloor'), 1, 50)}</Col>
      <Col span={24}>
        <Form.Item
          name="codeTemplate"
          label={t('batch.codeTemplate')}
          extra={t('batch.codeTemplateHelp')}
          rules={rules.required(t('batch.codeTemplate'))}
        >
          <Input maxLength={60} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <AreaField name="area" label={t('resource.area')} required />
      </Col>
      <Col span={8}>
        <AreaField name="innerArea" label={t('room.innerArea')} />
      </Col>
      <Col span={8}>
        <Form.Item name="layout" label={t('room.layout')}>
          <Input maxLength={30} placeholder="3室2厅2卫" />
        </Form.Item>
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
    </Row>
  );
}

/** 批量生成房屋: buildings × units × floors × rooms by a code template, previewed first. */
export function RoomBatchWizard({ open, projectId, buildingIds, onClose }: RoomBatchWizardProps) {
  const t = useT();
  const showError = useApiError();
  const [form] = Form.useForm<BatchForm>();
  const preview = usePreviewRoomBatch();
  const create = useCreateRoomBatch();
  const [step, setStep] = useState(0);
  const [previewed, setPreviewed] = useState<RoomBatchPreview>();
  const [result, setResult] = useState<RoomBatchResult>();
  // Read when the wizard opens only: a re-render of the list must not reset the form.
  const ticked = useRef(buildingIds);
  ticked.current = buildingIds;

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setPreviewed(undefined);
    setResult(undefined);
    form.resetFields();
    form.setFieldsValue({ buildingIds: ticked.current });
  }, [open, form]);

  const body = (): RoomBatchBody => {
    const values = form.getFieldsValue(true) as BatchForm;
    return {
      ...values,
      projectId: projectId ?? 0,
      innerArea: blankToNull(values.innerArea),
      layout: blankToNull(values.layout),
      decoration: values.decoration ?? null,
    };
  };

  const showPreview = () =>
    preview.mutate(body(), {
      onSuccess: (answer) => {
        setPreviewed(answer);
        setStep(1);
      },
      onError: (error) => showError(error, form),
    });

  const generate = () =>
    create.mutate(body(), {
      onSuccess: (answer) => {
        setResult(answer);
        setStep(2);
      },
      onError: (error) => showError(error),
    });

  const footer = [
    step === 0 && (
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>
    ),
    step === 0 && (
      <Button
        key="preview"
        type="primary"
        loading={preview.isPending}
        onClick={() => form.submit()}
      >
        {t('batch.preview')}
      </Button>
    ),
    step === 1 && (
      <Button key="back" onClick={() => setStep(0)}>
        {t('batch.back')}
      </Button>
    ),
    step === 1 && (
      <Button
        key="generate"
        type="primary"
        loading={create.isPending}
        disabled={!previewed?.toCreate}
        onClick={generate}
      >
        {t('batch.generate')}
      </Button>
    ),
    step === 2 && (
      <Button key="done" type="primary" onClick={onClose}>
        {t('import.done')}
      </Button>
    ),
  ];

  return (
    <Modal
      open={open}
      width={820}
      title={t('batch.title')}
      onCancel={onClose}
      footer={footer}
      forceRender
    >
      <Steps
        size="small"
        current={step}
        style={{ margin: '16px 0 24px' }}
        items={[
          { title: t('batch.stepSettings') },
          { title: t('batch.stepPreview') },
          { title: t('batch.stepDone') },
        ]}
      />
      <Form<BatchForm>
        name="batch"
        form={form}
        layout="vertical"
        onFinish={showPreview}
        initialValues={{
          unitCount: 2,
          floorFrom: 1,
          floorTo: 6,
          roomsPerFloor: 2,
          codeTemplate: DEFAULT_TEMPLATE,
          use: 'residential',
          status: 'unsold',
        }}
        style={{ display: step === 0 ? undefined : 'none' }}
      >
        <SettingsStep projectId={open ? projectId : undefined} />
      </Form>
      {step === 1 && previewed && <PreviewStep preview={previewed} />}
      {step === 2 && result && (
        <Result
          status="success"
          title={t('batch.created', { count: result.created })}
          subTitle={t('batch.createdDetail', {
            skipped: result.skipped,
            units: result.unitsCreated,
          })}
        />
      )}
    </Modal>
  );
}
