import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo } from 'react';
import {
  type CreateFeeItemBody,
  type FeeItem,
  useCreateFeeItem,
  useUpdateFeeItem,
} from '../../api/fee-items';
import { ProjectField, blankToNull, toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { type MessageKey, useT } from '../../i18n';
import {
  BILLING_MODES,
  DUE_RULES,
  FEE_CATEGORIES,
  FEE_CYCLES,
  PRORATIONS,
  ROUNDING_MODES,
} from '../../lib/fee-labels';
import { shiftDecimal } from '../../lib/format';
import { labelledOptions } from '../../lib/resource-labels';
import { type LateFeeForm, LateFeeFields, lateFeeBody, lateFeeFormOf } from './late-fee-fields';

type Choice = 'category' | 'cycle' | 'billingMode' | 'dueRule' | 'roundingMode' | 'proration';

interface FeeItemForm extends Pick<CreateFeeItemBody, Choice | 'projectId' | 'code' | 'name'> {
  dueValue: number;
  /** Percent as people say it (`6`); the API takes the fraction `0.06`. */
  taxRate?: string;
  lateFee: LateFeeForm;
  note?: string | null;
}

interface FeeItemFormModalProps {
  open: boolean;
  item: FeeItem | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

function Section({ titleKey }: { titleKey: MessageKey }) {
  const t = useT();

  return (
    <Divider orientation="left" orientationMargin={0} style={{ marginTop: 4 }}>
      {t(titleKey)}
    </Divider>
  );
}

/** A required select of labelled values, in a third of the row. */
function ChoiceField(props: {
  name: Choice;
  prefix: string;
  values: readonly string[];
  extra?: string;
}) {
  const t = useT();
  const rules = useRules();
  const label = t(`feeItem.${props.name}` as MessageKey);

  return (
    <Col span={8}>
      <Form.Item name={props.name} label={label} rules={rules.required(label)} extra={props.extra}>
        <Select options={labelledOptions(t, props.prefix, props.values)} />
      </Form.Item>
    </Col>
  );
}

function DueValueField() {
  const t = useT();
  const rules = useRules();
  const rule = Form.useWatch<FeeItemForm['dueRule']>('dueRule');
  const dayOfMonth = rule === 'day_of_first_month';
  const label = t(dayOfMonth ? 'feeItem.dueDay' : 'feeItem.dueDays');

  return (
    <Form.Item name="dueValue" label={label} rules={rules.required(label)}>
      <InputNumber
        min={dayOfMonth ? 1 : 0}
        max={dayOfMonth ? 28 : 366}
        precision={0}
        addonAfter={t(dayOfMonth ? 'feeItem.dayUnit' : 'feeItem.daysUnit')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

function BasicSection({ editing }: { editing: boolean }) {
  const t = useT();
  const rules = useRules();

  return (
    <Row gutter={16}>
      <Col span={8}>
        <ProjectField disabled={editing} />
      </Col>
      <Col span={8}>
        <Form.Item
          name="code"
          label={t('feeItem.code')}
          rules={rules.required(t('feeItem.code'))}
          extra={t('feeItem.codeHint')}
        >
          <Input maxLength={32} placeholder="WYF" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="name" label={t('feeItem.name')} rules={rules.required(t('feeItem.name'))}>
          <Input maxLength={100} placeholder="物业费" />
        </Form.Item>
      </Col>
      <ChoiceField name="category" prefix="fees.category" values={FEE_CATEGORIES} />
      <Col span={16}>
        <Form.Item name="note" label={t('feeItem.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function RulesSection() {
  const t = useT();

  return (
    <Row gutter={16}>
      <ChoiceField name="cycle" prefix="fees.cycle" values={FEE_CYCLES} />
      <ChoiceField
        name="billingMode"
        prefix="fees.billingMode"
        values={BILLING_MODES}
        extra={t('feeItem.billingModeHint')}
      />
      <Col span={8}>
        <Form.Item
          name="taxRate"
          label={t('feeItem.taxRate')}
          rules={[{ pattern: PERCENT, message: t('fees.percentFormat') }]}
        >
          <Input inputMode="decimal" suffix="%" placeholder="6" />
        </Form.Item>
      </Col>
      <ChoiceField name="dueRule" prefix="fees.dueRule" values={DUE_RULES} />
      <Col span={8}>
        <DueValueField />
      </Col>
      <ChoiceField name="roundingMode" prefix="fees.rounding" values={ROUNDING_MODES} />
      <ChoiceField name="proration" prefix="fees.proration" values={PRORATIONS} />
    </Row>
  );
}

function formOf(item: FeeItem | undefined, projectId: number | undefined): Partial<FeeItemForm> {
  if (!item) {
    return {
      projectId,
      category: 'property_fee',
      cycle: 'monthly',
      billingMode: 'prepaid',
      dueRule: 'days_after_period_start',
      dueValue: 15,
      roundingMode: 'half_up',
      proration: 'actual_days',
      taxRate: '6',
      lateFee: lateFeeFormOf(undefined),
    };
  }

  return {
    ...item,
    taxRate: shiftDecimal(item.taxRate, 2),
    lateFee: lateFeeFormOf(item.lateFee),
  };
}

/** Create or edit a fee item (收费项目): what it is, how it is billed, and its late fee. */
export function FeeItemFormModal({ open, item, projectId, onClose }: FeeItemFormModalProps) {
  const t = useT();
  const create = useCreateFeeItem();
  const update = useUpdateFeeItem();
  const initial = useMemo(() => formOf(item, projectId), [item, projectId]);

  const submit = (values: FeeItemForm) => {
    const body = {
      ...values,
      code: values.code.trim(),
      taxRate: values.taxRate ? shiftDecimal(values.taxRate, -2) : '0',
      note: blankToNull(values.note),
      lateFee: lateFeeBody(values.lateFee, toDate(values.lateFee.startDate)),
    };
    if (!item) return create.mutateAsync(body);

    const { projectId: _project, ...changes } = body;
    return update.mutateAsync({ id: item.id, body: changes });
  };

  return (
    <FormModal<FeeItemForm>
      open={open}
      name="feeItem"
      title={t(item ? 'feeItem.edit' : 'feeItem.create')}
      initialValues={initial}
      editing={item !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
      width={820}
    >
      <Section titleKey="feeItem.sectionBasic" />
      <BasicSection editing={item !== undefined} />
      <Section titleKey="feeItem.sectionRules" />
      <RulesSection />
      <Section titleKey="feeItem.sectionLateFee" />
      <LateFeeFields />
    </FormModal>
  );
}
