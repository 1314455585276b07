import {
  Alert,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { FeeItem, LateFeeBody } from '../../api/fee-items';
import { fromDate, useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { LATE_FEE_CAPS } from '../../lib/fee-labels';
import { shiftDecimal } from '../../lib/format';
import { labelledOptions } from '../../lib/resource-labels';

/** How people enter the daily rate: per mille (万分之 is ‰ × 10) or percent a day. */
export type RateUnit = 'permille' | 'percent';

/** The late-fee part of the fee-item form, in the units people type. */
export interface LateFeeForm {
  enabled: boolean;
  contractClauseRef?: string | null;
  startDate?: Dayjs | null;
  /** The rate in `rateUnit`; the API takes a fraction a day. */
  ratePerDay?: string;
  rateUnit: RateUnit;
  graceDays?: number | null;
  capKind: 'none' | 'percent' | 'fixed';
  capPercent?: string | null;
  /** The cap in 元; the API takes fen. */
  capFen?: string | null;
}

const RATE_PLACES: Record<RateUnit, number> = { permille: 3, percent: 2 };
const DECIMAL = /^\d{1,10}(\.\d{1,6})?$/;
const YUAN = /^\d{1,10}(\.\d{1,2})?$/;

/** The form's late-fee values from a saved item (rate as ‰, cap in 元). */
export function lateFeeFormOf(lateFee: FeeItem['lateFee'] | undefined): LateFeeForm {
  if (!lateFee) return { enabled: false, rateUnit: 'permille', capKind: 'none', graceDays: 0 };

  return {
    enabled: lateFee.enabled,
    contractClauseRef: lateFee.contractClauseRef,
    startDate: fromDate(lateFee.startDate),
    ratePerDay: shiftDecimal(lateFee.ratePerDay, RATE_PLACES.permille),
    rateUnit: 'permille',
    graceDays: lateFee.graceDays,
    capKind: lateFee.capKind,
    capPercent: lateFee.capPercent,
    capFen: lateFee.capFen === null ? null : shiftDecimal(String(lateFee.capFen), -2),
  };
}

/** The API's late-fee settings from the form: off sends only `enabled: false`. */
export function lateFeeBody(form: LateFeeForm, startDate: string | null): LateFeeBody {
  if (!form.enabled) return { enabled: false };

  return {
    enabled: true,
    contractClauseRef: form.contractClauseRef?.trim() || null,
    startDate,
    ratePerDay: shiftDecimal(form.ratePerDay ?? '0', -RATE_PLACES[form.rateUnit]),
    graceDays: form.graceDays ?? 0,
    capKind: form.capKind,
    capPercent: form.capKind === 'percent' ? (form.capPercent ?? null) : null,
    capFen: form.capKind === 'fixed' && form.capFen ? Number(shiftDecimal(form.capFen, 2)) : null,
  };
}

function CapFields() {
  const t = useT();
  const rules = useRules();
  const capKind = Form.useWatch<LateFeeForm['capKind']>(['lateFee', 'capKind']);

  return (
    <>
      <Col span={12}>
        <Form.Item name={['lateFee', 'capKind']} label={t('feeItem.cap')}>
          <Radio.Group
            optionType="button"
            options={labelledOptions(t, 'fees.cap', LATE_FEE_CAPS)}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        {capKind === 'percent' && (
          <Form.Item
            name={['lateFee', 'capPercent']}
            label={t('feeItem.capPercent')}
            rules={[
              ...rules.required(t('feeItem.capPercent')),
              { pattern: DECIMAL, message: t('fees.decimalFormat') },
            ]}
          >
            <Input inputMode="decimal" suffix="%" placeholder="20" />
          </Form.Item>
        )}
        {capKind === 'fixed' && (
          <Form.Item
            name={['lateFee', 'capFen']}
            label={t('feeItem.capAmount')}
            rules={[
              ...rules.required(t('feeItem.capAmount')),
              { pattern: YUAN, message: t('fees.yuanFormat') },
            ]}
          >
            <Input inputMode="decimal" suffix={t('fees.unit.yuan')} placeholder="500.00" />
          </Form.Item>
        )}
      </Col>
    </>
  );
}

/**
 * 滞纳金: a switch, and when on the contract clause it rests on (required: a property company
 * may charge one only where the contract says so), the daily rate, grace days and cap.
 */
export function LateFeeFields() {
  const t = useT();
  const rules = useRules();
  const enabled = Form.useWatch<boolean>(['lateFee', 'enabled']);

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name={['lateFee', 'enabled']}
          label={t('feeItem.lateFeeEnabled')}
          valuePropName="checked"
          extra={enabled ? undefined : t('feeItem.lateFeeHint')}
        >
          <Switch />
        </Form.Item>
      </Col>
      {enabled && (
        <>
          <Col span={24}>
            <Alert type="warning" showIcon message={t('feeItem.lateFeeHint')} />
          </Col>
          <Col span={24} style={{ marginTop: 16 }}>
            <Form.Item
              name={['lateFee', 'contractClauseRef']}
              label={t('feeItem.clauseRef')}
              rules={rules.required(t('feeItem.clauseRef'))}
            >
              <Input maxLength={200} placeholder={t('feeItem.clausePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('feeItem.ratePerDay')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name={['lateFee', 'ratePerDay']}
                  noStyle
                  rules={[
                    ...rules.required(t('feeItem.ratePerDay')),
                    { pattern: DECIMAL, message: t('fees.decimalFormat') },
                  ]}
                >
                  <Input
                    inputMode="decimal"
                    placeholder="0.5"
                    aria-label={t('feeItem.ratePerDay')}
                  />
                </Form.Item>
                <Form.Item name={['lateFee', 'rateUnit']} noStyle>
                  <Select
                    style={{ width: 100 }}
                    options={[
                      { value: 'permille', label: t('feeItem.rateUnit.permille') },
                      { value: 'percent', label: t('feeItem.rateUnit.percent') },
                    ]}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['lateFee', 'graceDays']} label={t('feeItem.graceDays')}>
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['lateFee', 'startDate']} label={t('feeItem.lateFeeStart')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <CapFields />
        </>
      )}
    </Row>
  );
}
