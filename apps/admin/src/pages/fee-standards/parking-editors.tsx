import { Col, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { SPACE_TYPES, VEHICLE_TYPES, labelOf } from '../../lib/resource-labels';
import { PRICE_PATTERN, usePriceRules } from './band-editors';
import { ListEditor } from './list-editor';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * 月租: a monthly price for each vehicle type on each space type; a blank cell means that pair
 * cannot rent a card.
 */
export function ParkingMonthlyGrid() {
  const t = useT();
  const rule = { pattern: PRICE_PATTERN, message: t('fees.priceFormat') };
  const rows = VEHICLE_TYPES.map((vehicleType) => ({ vehicleType }));

  return (
    <Form.Item label={t('standard.monthlyGrid')} extra={t('standard.monthlyGridHint')}>
      <Table
        size="small"
        rowKey="vehicleType"
        pagination={false}
        bordered
        dataSource={rows}
        columns={[
          {
            title: t('vehicle.type'),
            dataIndex: 'vehicleType',
            width: 110,
            render: (type: string) => labelOf(t, 'vehicle.type', type),
          },
          ...SPACE_TYPES.map((spaceType) => ({
            title: t(`resource.spaceType.${spaceType}`),
            key: spaceType,
            render: (_: unknown, row: { vehicleType: string }) => (
              <Form.Item
                name={['parameters', 'grid', row.vehicleType, spaceType]}
                rules={[rule]}
                style={{ margin: 0 }}
              >
                <Input
                  size="small"
                  inputMode="decimal"
                  aria-label={`${labelOf(t, 'vehicle.type', row.vehicleType)} ${t(`resource.spaceType.${spaceType}`)}`}
                  suffix={<Typography.Text type="secondary">{t('fees.unit.yuan')}</Typography.Text>}
                />
              </Form.Item>
            ),
          })),
        ]}
      />
    </Form.Item>
  );
}

function TimeBands() {
  const t = useT();
  const rules = useRules();
  const priceRules = usePriceRules(t('standard.bandPrice'));
  const clockRules = [
    ...rules.required(t('standard.bandStart')),
    { pattern: CLOCK, message: t('standard.clockFormat') },
  ];

  return (
    <ListEditor
      name={['parameters', 'bands']}
      max={4}
      addLabel={t('standard.addTimeBand')}
      newRow={{ name: '', start: '08:00', end: '20:00', perHourPrice: '' }}
      columns={[
        {
          name: 'name',
          title: t('standard.bandName'),
          span: 6,
          input: <Input maxLength={20} placeholder={t('standard.bandNamePlaceholder')} />,
          rules: rules.required(t('standard.bandName')),
        },
        {
          name: 'start',
          title: t('standard.bandStart'),
          span: 5,
          input: <Input placeholder="08:00" />,
          rules: clockRules,
        },
        {
          name: 'end',
          title: t('standard.bandEnd'),
          span: 5,
          input: <Input placeholder="20:00" />,
          rules: clockRules,
        },
        {
          name: 'perHourPrice',
          title: t('standard.bandPrice'),
          span: 6,
          input: <Input inputMode="decimal" suffix={t('fees.unit.perHour')} />,
          rules: priceRules,
        },
      ]}
    />
  );
}

function MemberDiscounts() {
  const t = useT();
  const rules = useRules();

  return (
    <ListEditor
      name={['parameters', 'memberDiscounts']}
      max={10}
      addLabel={t('standard.addMemberDiscount')}
      newRow={{ level: '', percentOff: '' }}
      columns={[
        {
          name: 'level',
          title: t('standard.memberLevel'),
          span: 11,
          input: <Input maxLength={20} placeholder={t('standard.memberLevelPlaceholder')} />,
          rules: rules.required(t('standard.memberLevel')),
        },
        {
          name: 'percentOff',
          title: t('standard.percentOff'),
          span: 11,
          input: <Input inputMode="decimal" suffix="%" placeholder="20" />,
          rules: [
            ...rules.required(t('standard.percentOff')),
            { pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('fees.percentFormat') },
          ],
        },
      ]}
    />
  );
}

/** 临停: free minutes, first hour, each hour after, a daily cap, day/night bands, member rates. */
export function ParkingTemporaryFields() {
  const t = useT();
  const firstHourRules = usePriceRules(t('standard.firstHourPrice'));
  const perHourRules = usePriceRules(t('standard.perHourPrice'));
  const hour = t('fees.unit.perHour');

  return (
    <Row gutter={16}>
      <Col span={6}>
        <Form.Item name={['parameters', 'freeMinutes']} label={t('standard.freeMinutes')}>
          <InputNumber
            min={0}
            max={1440}
            precision={0}
            addonAfter={t('standard.minutes')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={['parameters', 'firstHourPrice']}
          label={t('standard.firstHourPrice')}
          rules={firstHourRules}
        >
          <Input inputMode="decimal" suffix={hour} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={['parameters', 'perHourPrice']}
          label={t('standard.perHourPrice')}
          rules={perHourRules}
        >
          <Input inputMode="decimal" suffix={hour} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={['parameters', 'dailyCap']}
          label={t('standard.dailyCap')}
          rules={[{ pattern: PRICE_PATTERN, message: t('fees.priceFormat') }]}
        >
          <Input
            inputMode="decimal"
            suffix={t('standard.perDay')}
            placeholder={t('standard.noCap')}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Typography.Title level={5} style={{ fontSize: 14 }}>
          {t('standard.timeBands')}
        </Typography.Title>
        <TimeBands />
      </Col>
      <Col span={24}>
        <Typography.Title level={5} style={{ fontSize: 14 }}>
          {t('standard.memberDiscounts')}
        </Typography.Title>
        <MemberDiscounts />
      </Col>
    </Row>
  );
}
