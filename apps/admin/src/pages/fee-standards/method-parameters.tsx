import { Alert, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { StandardMethod } from '../../api/fee-standards';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { AREA_BASES, METER_TYPES, priceUnit } from '../../lib/fee-labels';
import { labelledOptions } from '../../lib/resource-labels';
import { FloorBandsEditor, TiersEditor, usePriceRules } from './band-editors';
import { FormulaField } from './formula-field';
import { ParkingMonthlyGrid, ParkingTemporaryFields } from './parking-editors';

function AreaBasisField({ withNone = false }: { withNone?: boolean }) {
  const t = useT();
  const values = withNone ? [...AREA_BASES, 'none' as const] : AREA_BASES;

  return (
    <Form.Item name={['parameters', 'areaBasis']} label={t('standard.areaBasis')}>
      <Radio.Group options={labelledOptions(t, 'fees.areaBasis', values)} />
    </Form.Item>
  );
}

function MeterTypeField() {
  const t = useT();

  return (
    <Form.Item name={['parameters', 'meterType']} label={t('standard.meterType')}>
      <Select options={labelledOptions(t, 'fees.meter', METER_TYPES)} />
    </Form.Item>
  );
}

/** Where the unit price of a priced method is set: the price matrix, not this form. */
function PricedByScope() {
  const t = useT();

  return (
    <Alert
      type="info"
      showIcon
      message={t('standard.pricedByScope')}
      style={{ marginBottom: 16 }}
    />
  );
}

function TieredUsageFields({ unit }: { unit: string }) {
  const t = useT();

  return (
    <Row gutter={16}>
      <Col span={12}>
        <MeterTypeField />
      </Col>
      <Col span={12}>
        <Form.Item name={['parameters', 'tierPeriod']} label={t('standard.tierPeriod')}>
          <Radio.Group options={labelledOptions(t, 'fees.tierPeriod', ['month', 'year'])} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={t('standard.tiers')} extra={t('standard.tiersHint')} required>
          <TiersEditor unit={unit} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function RentEscalationFields() {
  const t = useT();
  const rules = useRules();
  const basePriceRules = usePriceRules(t('standard.basePrice'));

  return (
    <Row gutter={16}>
      <Col span={24}>
        <AreaBasisField withNone />
      </Col>
      <Col span={8}>
        <Form.Item
          name={['parameters', 'basePrice']}
          label={t('standard.basePrice')}
          rules={basePriceRules}
        >
          <Input inputMode="decimal" suffix={t('fees.unit.yuan')} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name={['parameters', 'escalationPercent']}
          label={t('standard.escalationPercent')}
          rules={rules.required(t('standard.escalationPercent'))}
        >
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['parameters', 'anniversaryMonth']} label={t('standard.anniversaryMonth')}>
          <InputNumber
            min={1}
            max={12}
            precision={0}
            addonAfter={t('standard.month')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The parameters of the method picked: the form changes with the method. */
export function MethodParameters({ method }: { method: StandardMethod | undefined }) {
  const t = useT();
  const parameters = Form.useWatch<Record<string, unknown> | undefined>('parameters');
  if (!method) return null;
  const unit = priceUnit(t, { method, parameters: parameters ?? {} });

  switch (method) {
    case 'area_price':
      return (
        <>
          <AreaBasisField />
          <PricedByScope />
        </>
      );
    case 'fixed':
      return <PricedByScope />;
    case 'floor_coefficient':
      return (
        <>
          <AreaBasisField />
          <Form.Item label={t('standard.floorBands')} extra={t('standard.floorBandsHint')} required>
            <FloorBandsEditor />
          </Form.Item>
          <PricedByScope />
        </>
      );
    case 'usage_price':
      return (
        <>
          <MeterTypeField />
          <PricedByScope />
        </>
      );
    case 'tiered_usage':
      return <TieredUsageFields unit={unit} />;
    case 'rent_escalation':
      return <RentEscalationFields />;
    case 'parking_monthly':
      return <ParkingMonthlyGrid />;
    case 'parking_temporary':
      return <ParkingTemporaryFields />;
    case 'custom_formula':
      return (
        <>
          <FormulaField />
          <PricedByScope />
        </>
      );
  }
}
