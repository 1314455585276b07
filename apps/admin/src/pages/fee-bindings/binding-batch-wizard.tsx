import {
  Alert,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Row,
  Statistic,
  Steps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  type BindingBatchBody,
  type BindingBatchPreview,
  type BindingBatchResult,
  type BindingTarget,
  useCreateBindingBatch,
  usePreviewBindingBatch,
} from '../../api/fee-bindings';
import { blankToNull, toDate, useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { compactQuery } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { BindingTargetFields, type TargetMode } from './binding-target-fields';
import { StandardSelect } from './standard-select';

interface BatchForm {
  projectId: number | undefined;
  standardId: number;
  mode: TargetMode;
  target: BindingTarget;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  note?: string | null;
}

interface BindingBatchWizardProps {
  open: boolean;
  projectId: number | undefined;
  onClose: () => void;
}

type OnOverlap = NonNullable<BindingBatchBody['onOverlap']>;

/** Only the target fields of the mode chosen: a building, a unit, a kind, or the filter. */
function targetOf(mode: TargetMode, target: BindingTarget = {}): BindingTarget {
  switch (mode) {
    case 'building':
      return { buildingId: target.buildingId };
    case 'unit':
      return { buildingId: target.buildingId, unitId: target.unitId };
    case 'kind':
      return { resourceKind: target.resourceKind };
    case 'filter':
      return compactQuery({ ...target, resourceKind: undefined, unitId: undefined });
  }
}

function SettingsStep({ projectId }: { projectId: number | undefined }) {
  const t = useT();
  const rules = useRules();

  return (
    <Row gutter={16}>
      <Form.Item name="projectId" hidden>
        <Input />
      </Form.Item>
      <Col span={24}>
        <Form.Item
          name="standardId"
          label={t('binding.standard')}
          rules={rules.required(t('binding.standard'))}
        >
          <StandardSelect projectId={projectId} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <BindingTargetFields />
      </Col>
      <Col span={12}>
        <Form.Item
          name="startDate"
          label={t('binding.startDate')}
          rules={rules.required(t('binding.startDate'))}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="endDate" label={t('binding.endDate')} extra={t('binding.openEnded')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="note" label={t('binding.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function PreviewStep(props: {
  preview: BindingBatchPreview;
  onOverlap: OnOverlap;
  setOnOverlap: (value: OnOverlap) => void;
}) {
  const { preview, onOverlap, setOnOverlap } = props;
  const t = useT();
  const toBind = preview.matched - preview.overlapping;

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title={t('binding.matched')} value={preview.matched} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('binding.overlapping')}
            value={preview.overlapping}
            valueStyle={preview.overlapping > 0 ? { color: '#d46b08' } : undefined}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('binding.toBind')} value={toBind} valueStyle={{ color: '#389e0d' }} />
        </Col>
      </Row>
      {preview.matched === 0 && (
        <Alert type="warning" showIcon message={t('binding.noneMatched')} />
      )}
      {preview.overlapping > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('binding.overlapHint', { count: preview.overlapping })}
          description={
            <Radio.Group
              value={onOverlap}
              onChange={(event) => setOnOverlap(event.target.value as OnOverlap)}
              options={[
                { value: 'skip', label: t('binding.overlapSkip') },
                { value: 'refuse', label: t('binding.overlapRefuse') },
              ]}
            />
          }
        />
      )}
    </>
  );
}

/**
 * 批量绑定: a standard, a target (building, unit, kind or filter) and dates; the preview counts
 * what would be bound and what overlaps before anything is written.
 */
export function BindingBatchWizard({ open, projectId, onClose }: BindingBatchWizardProps) {
  const t = useT();
  const showError = useApiError();
  const [form] = Form.useForm<BatchForm>();
  const preview = usePreviewBindingBatch();
  const create = useCreateBindingBatch();
  const [step, setStep] = useState(0);
  const [previewed, setPreviewed] = useState<BindingBatchPreview>();
  const [result, setResult] = useState<BindingBatchResult>();
  const [onOverlap, setOnOverlap] = useState<OnOverlap>('skip');

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setPreviewed(undefined);
    setResult(undefined);
    setOnOverlap('skip');
    form.resetFields();
    form.setFieldsValue({ projectId, mode: 'building', startDate: dayjs() });
  }, [open, form, projectId]);

  const body = (): BindingBatchBody => {
    const values = form.getFieldsValue(true) as BatchForm;
    return {
      standardId: values.standardId,
      target: targetOf(values.mode, values.target),
      startDate: toDate(values.startDate) ?? '',
      endDate: toDate(values.endDate),
      note: blankToNull(values.note),
      onOverlap,
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

  const confirm = () =>
    create.mutate(body(), {
      onSuccess: (answer) => {
        setResult(answer);
        setStep(2);
      },
      onError: (error) => showError(error),
    });

  const toBind = previewed
    ? previewed.matched - (onOverlap === 'skip' ? previewed.overlapping : 0)
    : 0;
  const blocked =
    !previewed || toBind <= 0 || (onOverlap === 'refuse' && previewed.overlapping > 0);
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
        key="confirm"
        type="primary"
        loading={create.isPending}
        disabled={blocked}
        onClick={confirm}
      >
        {t('binding.confirm', { count: toBind })}
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
      width={760}
      title={t('binding.batchTitle')}
      onCancel={onClose}
      footer={footer}
      forceRender
    >
      <Steps
        size="small"
        current={step}
        style={{ margin: '16px 0 24px' }}
        items={[
          { title: t('binding.stepSettings') },
          { title: t('batch.stepPreview') },
          { title: t('batch.stepDone') },
        ]}
      />
      <Form<BatchForm>
        name="bindingBatch"
        form={form}
        layout="vertical"
        onFinish={showPreview}
        style={{ display: step === 0 ? undefined : 'none' }}
      >
        <SettingsStep projectId={open ? projectId : undefined} />
      </Form>
      {step === 1 && previewed && (
        <PreviewStep preview={previewed} onOverlap={onOverlap} setOnOverlap={setOnOverlap} />
      )}
      {step === 2 && result && (
        <Result
          status="success"
          title={t('binding.created', { count: result.created })}
          subTitle={t('binding.createdDetail', {
            matched: result.matched,
            skipped: result.skipped,
          })}
        />
      )}
    </Modal>
  );
}
