import { DatePicker, Form, InputNumber, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DiscountKind } from '../../api/discounts';
import { fromDate, toDate, useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { AmountInput, RateInput } from './discount-inputs';

/** The parameters as the form holds them: dates as pickers' values, one alternative chosen. */
export interface ParameterValues {
  payMonths?: number;
  freeMonths?: number;
  minMonths?: number | null;
  rate?: string | null;
  maxArrearsMonths?: number | null;
  amountFen?: number | null;
  amountFenPerMonth?: number | null;
  movedInBy?: Dayjs;
  newDueDate?: Dayjs;
  deferDays?: number | null;
}

/** Which alternative a loyalty, vacancy or deferral scheme takes. */
export interface Choices {
  benefit: 'rate' | 'amount';
  deferBy: 'date' | 'days';
}

const months = (max = 120) => (
  <InputNumber min={1} max={max} precision={0} style={{ width: '100%' }} />
);

function MonthsField(props: {
  name: string;
  labelKey: 'discount.payMonths' | 'discount.freeMonths' | 'discount.minMonths';
  required?: boolean;
}) {
  const t = useT();
  const rules = useRules();
  const label = t(props.labelKey);

  return (
    <Form.Item
      name={['parameters', props.name]}
      label={label}
      rules={props.required === false ? [] : rules.required(label)}
    >
      {months()}
    </Form.Item>
  );
}

function RateField() {
  const t = useT();
  const rules = useRules();

  return (
    <Form.Item
      name={['parameters', 'rate']}
      label={t('discount.rate')}
      tooltip={t('discount.rateHint')}
      rules={rules.required(t('discount.rate'))}
    >
      <RateInput />
    </Form.Item>
  );
}

function AmountField(props: { name: 'amountFen' | 'amountFenPerMonth' }) {
  const t = useT();
  const rules = useRules();
  const label = t(props.name === 'amountFen' ? 'discount.amount' : 'discount.amountPerMonth');

  return (
    <Form.Item name={['parameters', props.name]} label={label} rules={rules.required(label)}>
      <AmountInput />
    </Form.Item>
  );
}

/** A rate or an amount: the radio picks which field shows. */
function BenefitFields({ amountName }: { amountName: 'amountFen' | 'amountFenPerMonth' }) {
  const t = useT();
  const benefit = Form.useWatch(['choices', 'benefit']) as Choices['benefit'] | undefined;

  return (
    <>
      <Form.Item name={['choices', 'benefit']} label={t('discount.benefit')}>
        <Radio.Group
          options={[
            { value: 'rate', label: t('discount.benefit.rate') },
            { value: 'amount', label: t('discount.benefit.amount') },
          ]}
        />
      </Form.Item>
      {benefit === 'amount' ? <AmountField name={amountName} /> : <RateField />}
    </>
  );
}

function DeferralFields() {
  const t = useT();
  const rules = useRules();
  const deferBy = Form.useWatch(['choices', 'deferBy']) as Choices['deferBy'] | undefined;

  return (
    <>
      <Form.Item name={['choices', 'deferBy']} label={t('discount.deferBy')}>
        <Radio.Group
          options={[
            { value: 'date', label: t('discount.deferBy.date') },
            { value: 'days', label: t('discount.deferBy.days') },
          ]}
        />
      </Form.Item>
      {deferBy === 'days' ? (
        <Form.Item
          name={['parameters', 'deferDays']}
          label={t('discount.deferDays')}
          tooltip={t('discount.deferDaysHint')}
          rules={rules.required(t('discount.deferDays'))}
        >
          <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item
          name={['parameters', 'newDueDate']}
          label={t('discount.newDueDate')}
          rules={rules.required(t('discount.newDueDate'))}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}

/** The fields of one kind of scheme; they change with the kind chosen. */
export function KindParameterFields({ kind }: { kind: DiscountKind | undefined }) {
  const t = useT();
  const rules = useRules();

  switch (kind) {
    case 'free_months':
      return (
        <>
          <MonthsField name="payMonths" labelKey="discount.payMonths" />
          <MonthsField name="freeMonths" labelKey="discount.freeMonths" />
        </>
      );
    case 'percent_for_months':
      return (
        <>
          <MonthsField name="minMonths" labelKey="discount.minMonths" />
          <RateField />
          <Form.Item
            name={['parameters', 'maxArrearsMonths']}
            label={t('discount.maxArrearsMonths')}
            tooltip={t('discount.maxArrearsHint')}
          >
            <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'fixed_reduction':
      return (
        <>
          <AmountField name="amountFen" />
          <MonthsField name="minMonths" labelKey="discount.minMonths" required={false} />
        </>
      );
    case 'loyalty':
      return (
        <>
          <Form.Item
            name={['parameters', 'movedInBy']}
            label={t('discount.movedInBy')}
            rules={rules.required(t('discount.movedInBy'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <BenefitFields amountName="amountFen" />
        </>
      );
    case 'vacancy':
      return <BenefitFields amountName="amountFenPerMonth" />;
    case 'deferral':
      return <DeferralFields />;
    case undefined:
      return null;
  }
}

const orNull = <V,>(value: V | null | undefined) => (value === undefined ? null : value);

/** The body's `parameters` of a kind from the form: only the chosen alternative is sent. */
export function parametersBody(
  kind: DiscountKind,
  p: ParameterValues,
  choices: Choices,
): Record<string, unknown> {
  switch (kind) {
    case 'free_months':
      return { payMonths: p.payMonths, freeMonths: p.freeMonths };
    case 'percent_for_months':
      return { minMonths: p.minMonths, rate: p.rate, maxArrearsMonths: orNull(p.maxArrearsMonths) };
    case 'fixed_reduction':
      return { amountFen: p.amountFen, minMonths: orNull(p.minMonths) };
    case 'loyalty':
      return {
        movedInBy: toDate(p.movedInBy),
        ...(choices.benefit === 'rate' ? { rate: p.rate } : { amountFen: p.amountFen }),
      };
    case 'vacancy':
      return choices.benefit === 'rate'
        ? { rate: p.rate }
        : { amountFenPerMonth: p.amountFenPerMonth };
    case 'deferral':
      return choices.deferBy === 'date'
        ? { newDueDate: toDate(p.newDueDate) }
        : { deferDays: p.deferDays };
  }
}

/** The form's parameters and choices from a saved scheme. */
export function parametersForm(parameters: Record<string, unknown>): {
  parameters: ParameterValues;
  choices: Choices;
} {
  const p = parameters as ParameterValues & { movedInBy?: string; newDueDate?: string };

  return {
    parameters: { ...p, movedInBy: fromDate(p.movedInBy), newDueDate: fromDate(p.newDueDate) },
    choices: {
      benefit: p.rate === undefined && (p.amountFen ?? p.amountFenPerMonth) ? 'amount' : 'rate',
      deferBy: p.deferDays ? 'days' : 'date',
    },
  };
}
