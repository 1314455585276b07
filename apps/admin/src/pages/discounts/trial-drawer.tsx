import { CalculatorOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Proposal, useFeeItemOptions, useProposeDiscounts } from '../../api/discounts';
import { toDate, useRules } from '../../components/form-fields';
import { type MessageKey, useT } from '../../i18n';
import { useWorkingProject } from '../../layout/project-context';
import { useApiError } from '../../lib/use-api-error';
import { AmountInput, fenText } from './discount-inputs';

interface TrialValues {
  feeItemId: number;
  start: Dayjs;
  months: number;
  monthlyFen: number;
  vacant: boolean;
  movedInOn?: Dayjs | null;
  arrearsMonths?: number | null;
  on: Dayjs;
}

type Line = Proposal['lines'][number];

/** One line per month from the start month, each of the same amount. */
function linesOf(values: TrialValues) {
  return Array.from({ length: values.months }, (_, i) => {
    const period = values.start.add(i, 'month').format('YYYY-MM');
    return { key: period, period, amountFen: values.monthlyFen, vacant: values.vacant };
  });
}

function TrialForm(props: { onRun: (values: TrialValues) => void; running: boolean }) {
  const t = useT();
  const rules = useRules();
  const project = useWorkingProject();
  const feeItems = useFeeItemOptions(project?.id);

  return (
    <Form<TrialValues>
      name="discount-trial"
      layout="vertical"
      initialValues={{ start: dayjs().startOf('month'), months: 12, vacant: false, on: dayjs() }}
      onFinish={props.onRun}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="feeItemId"
            label={t('discount.trialFeeItem')}
            rules={rules.required(t('discount.trialFeeItem'))}
          >
            <Select options={feeItems} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="monthlyFen"
            label={t('discount.trialMonthly')}
            rules={rules.required(t('discount.trialMonthly'))}
          >
            <AmountInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="start"
            label={t('discount.trialStart')}
            rules={rules.required(t('discount.trialStart'))}
          >
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="months"
            label={t('discount.trialMonths')}
            rules={rules.required(t('discount.trialMonths'))}
          >
            <InputNumber min={1} max={36} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="on"
            label={t('discount.trialOn')}
            rules={rules.required(t('discount.trialOn'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="vacant" label={t('discount.trialVacant')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="movedInOn" label={t('discount.trialMovedIn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="arrearsMonths" label={t('discount.trialArrears')}>
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Button
        type="primary"
        htmlType="submit"
        icon={<CalculatorOutlined />}
        loading={props.running}
      >
        {t('discount.trialRun')}
      </Button>
    </Form>
  );
}

/** Totals, the schemes that gave something, those that did not and why, new due dates. */
function ProposalSummary({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const nameOf = (id: number) => proposal.schemes.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={3} data-testid="trial-totals">
        <Descriptions.Item label={t('discount.receivable')}>
          {fenText(proposal.receivableFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('discount.reduction')}>
          <Typography.Text type="danger">{fenText(proposal.reductionFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('discount.net')}>
          <Typography.Text strong>{fenText(proposal.netFen)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {proposal.schemes.length === 0 && (
        <Alert type="info" showIcon message={t('discount.noSchemes')} />
      )}
      {proposal.reductions.map((r) => (
        <div key={r.ruleId}>
          <Tag color="green">{nameOf(r.ruleId)}</Tag>
          {t('discount.reduction')} {fenText(r.amountFen)}
        </div>
      ))}
      {proposal.skipped.map((s) => (
        <div key={s.ruleId}>
          <Tag>{nameOf(s.ruleId)}</Tag>
          {t('discount.skipped')}：{t(`discount.skip.${s.reason}` as MessageKey)}
        </div>
      ))}
      {proposal.dueDateChanges.map((c) => (
        <div key={c.ruleId}>
          <Tag color="blue">{nameOf(c.ruleId)}</Tag>
          {t('discount.dueDateChange', { date: c.newDueDate })}
        </div>
      ))}
    </Space>
  );
}

function ProposalLines({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const nameOf = (id: number) => proposal.schemes.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <Table<Line>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={proposal.lines}
      columns={[
        { title: t('discount.period'), dataIndex: 'key', width: 100 },
        {
          title: t('discount.receivable'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => fenText(fen),
        },
        {
          title: t('discount.reduction'),
          key: 'reductions',
          align: 'right',
          render: (_, line) =>
            line.reductions.map((r) => (
              <div key={r.ruleId} title={nameOf(r.ruleId)}>
                {fenText(r.amountFen)}
              </div>
            )),
        },
        {
          title: t('discount.net'),
          dataIndex: 'netFen',
          align: 'right',
          render: (fen: number) => fenText(fen),
        },
      ]}
    />
  );
}

/** 试算: the reductions the project's schemes would give a payment of several months. */
export function TrialDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const project = useWorkingProject();
  const propose = useProposeDiscounts();
  const showError = useApiError();

  const run = (values: TrialValues) => {
    if (!project) return;
    propose.mutate(
      {
        projectId: project.id,
        feeItemId: values.feeItemId,
        lines: linesOf(values),
        payer: { movedInOn: toDate(values.movedInOn) },
        arrearsMonths: values.arrearsMonths ?? undefined,
        on: toDate(values.on) ?? '',
      },
      { onError: (error) => showError(error) },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      title={`${t('discount.trialTitle')} · ${project?.name ?? ''}`}
      destroyOnHidden
    >
      <TrialForm onRun={run} running={propose.isPending} />
      {propose.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 24 }}>
          <ProposalSummary proposal={propose.data} />
          <ProposalLines proposal={propose.data} />
        </Space>
      )}
    </Drawer>
  );
}
