import { Button, Card, DatePicker, Empty, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type FeeStandard, useEffectivePrice } from '../../api/fee-standards';
import type { ResourceKind } from '../../api/resources';
import { useRules } from '../../components/form-fields';
import { ResourceSelect } from '../../components/resource-select';
import { useT } from '../../i18n';
import { formatUnitPrice, priceUnit } from '../../lib/fee-labels';
import { labelOf } from '../../lib/resource-labels';
import { useApiError } from '../../lib/use-api-error';
import { scopeTarget } from './price-scope';

interface TrialForm {
  resourceId: number;
  date: Dayjs;
}

/** 试算: the unit price one resource pays on a day, and which scope's row it comes from. */
export function PriceTrial({ standard }: { standard: FeeStandard }) {
  const t = useT();
  const rules = useRules();
  const showError = useApiError();
  const [form] = Form.useForm<TrialForm>();
  const trial = useEffectivePrice();

  const run = (values: TrialForm) =>
    trial.mutate(
      {
        standardId: standard.id,
        resourceId: values.resourceId,
        date: values.date.format('YYYY-MM-DD'),
      },
      { onError: (error) => showError(error, form) },
    );
  const answer = trial.data;
  const unit = priceUnit(t, standard);

  return (
    <Card variant="borderless" title={t('price.trial')}>
      <Form<TrialForm>
        name="priceTrial"
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs() }}
        onFinish={run}
      >
        <Form.Item
          name="resourceId"
          label={t('price.resource')}
          rules={rules.required(t('price.resource'))}
        >
          <ResourceSelect
            projectId={standard.projectId}
            kinds={standard.resourceKinds as ResourceKind[]}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('price.trialDate')}
          rules={rules.required(t('price.trialDate'))}
        >
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={trial.isPending} block>
          {t('price.trialRun')}
        </Button>
      </Form>
      {answer && !answer.price && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('price.trialNone')} />
      )}
      {answer?.price && answer.source && (
        <div data-testid="price-trial-answer" style={{ marginTop: 16, textAlign: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0, color: '#389e0d' }}>
            {formatUnitPrice(answer.price, unit)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('price.trialSource', {
              scope: labelOf(t, 'fees.scope', answer.source.scope),
              target: scopeTarget(t, answer.source),
              from: answer.source.effectiveFrom,
            })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
