import { App, Button, Flex, Form, Steps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  type BillRunBody,
  type BillRunPreview,
  usePreviewBillRun,
  useStartBillRun,
} from '../../api/bill-runs';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useWorkingProject } from '../../layout/project-context';
import { RunPreview } from './run-preview';
import { RunProgress } from './run-progress';
import { type RunSettings, RunSettingsFields } from './run-settings-form';

type Step = 'settings' | 'preview' | 'run';
const STEP_INDEX: Record<Step, number> = { settings: 0, preview: 1, run: 2 };

function bodyOf(values: RunSettings): BillRunBody {
  return {
    projectId: values.projectId,
    fromMonth: values.months[0].format('YYYY-MM'),
    toMonth: values.months[1].format('YYYY-MM'),
    feeItemIds: values.feeItemIds,
    buildingIds: values.buildingIds?.length ? values.buildingIds : undefined,
    notify: values.notify,
  };
}

/** The form field a refusal's detail belongs to: `feeItemIds.0` → feeItemIds, `toMonth` → months. */
function formFieldOf(field: string): string {
  const head = field.split('.')[0];

  return head === 'fromMonth' || head === 'toMonth' ? 'months' : head;
}

/** Shows a refused preview or start on the form's fields, and its message. */
function useRefusal(form: ReturnType<typeof Form.useForm<RunSettings>>[0]) {
  const { message } = App.useApp();

  return (error: Error) => {
    if (error instanceof ApiError && error.details.length > 0) {
      form.setFields(
        error.details.map((issue) => ({
          name: formFieldOf(issue.field) as keyof RunSettings,
          errors: [issue.message],
        })),
      );
    }
    void message.error(error.message);
  };
}

/**
 * 批量生成账单: ① the scope, ② a preview that writes nothing, ③ the run as a job with its
 * progress, ④ what it made. Leaving the page mid-run is fine: the run goes on, and 生成记录
 * shows it.
 */
export function BillRunWizard() {
  const t = useT();
  const working = useWorkingProject();
  const [form] = Form.useForm<RunSettings>();
  const preview = usePreviewBillRun();
  const start = useStartBillRun();
  const refuse = useRefusal(form);
  const [step, setStep] = useState<Step>('settings');
  const [previewed, setPreviewed] = useState<BillRunPreview>();
  const [runId, setRunId] = useState<number>();
  const [finished, setFinished] = useState(false);

  const showPreview = (values: RunSettings) =>
    preview.mutate(bodyOf(values), {
      onSuccess: (answer) => {
        setPreviewed(answer);
        setStep('preview');
      },
      onError: refuse,
    });

  const startRun = () =>
    start.mutate(bodyOf(form.getFieldsValue(true) as RunSettings), {
      onSuccess: (run) => {
        setRunId(run.id);
        setFinished(false);
        setStep('run');
      },
      onError: refuse,
    });

  const again = () => {
    setPreviewed(undefined);
    setRunId(undefined);
    setFinished(false);
    setStep('settings');
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <Steps
        current={finished ? 3 : STEP_INDEX[step]}
        style={{ margin: '8px 0 32px' }}
        items={[
          { title: t('billRun.stepSettings') },
          { title: t('billRun.stepPreview') },
          { title: t('billRun.stepRun') },
          { title: t('billRun.stepResult') },
        ]}
      />
      <Form<RunSettings>
        name="billRun"
        form={form}
        layout="vertical"
        initialValues={{
          projectId: working?.id,
          months: [dayjs().startOf('month'), dayjs().startOf('month')],
          feeItemIds: [],
          notify: true,
        }}
        onFinish={showPreview}
        style={{ display: step === 'settings' ? undefined : 'none', maxWidth: 760 }}
      >
        <RunSettingsFields />
        <Button
          type="primary"
          htmlType="submit"
          loading={preview.isPending}
          style={{ marginTop: 24 }}
        >
          {t('billRun.preview')}
        </Button>
      </Form>
      {step === 'preview' && previewed && (
        <>
          <RunPreview preview={previewed} />
          <Flex gap={8} style={{ marginTop: 24 }}>
            <Button onClick={() => setStep('settings')}>{t('billRun.back')}</Button>
            <Button
              type="primary"
              loading={start.isPending}
              disabled={previewed.billCount === 0}
              onClick={startRun}
            >
              {t('billRun.start')}
            </Button>
          </Flex>
        </>
      )}
      {step === 'run' && runId !== undefined && (
        <RunProgress runId={runId} onAgain={again} onFinished={setFinished} />
      )}
    </div>
  );
}
