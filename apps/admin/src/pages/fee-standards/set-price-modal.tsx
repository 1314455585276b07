import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useBuildingOptions, useUnits } from '../../api/buildings';
import {
  type FeeStandard,
  type PriceScope,
  type SetFeePricesBody,
  useSetFeePrices,
} from '../../api/fee-standards';
import type { ResourceKind } from '../../api/resources';
import { toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { ResourceSelect } from '../../components/resource-select';
import { useT } from '../../i18n';
import { PRICE_SCOPES, priceUnit } from '../../lib/fee-labels';
import { labelledOptions } from '../../lib/resource-labels';
import { usePriceRules } from './band-editors';
import type { PriceTarget } from './matrix-rows';

type PriceRowForm = PriceTarget & { price: string };

/** Field names follow the request body (`prices.0.price`), so a refusal marks the field. */
interface SetPriceForm {
  prices: [PriceRowForm];
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
}

interface SetPriceModalProps {
  open: boolean;
  standard: FeeStandard;
  /** The matrix row it was opened from; absent: the project. */
  target: PriceTarget | undefined;
  onClose: () => void;
}

const ROW = ['prices', 0] as const;

function BuildingAndUnit({ scope, projectId }: { scope: PriceScope; projectId: number }) {
  const t = useT();
  const rules = useRules();
  const form = Form.useFormInstance<SetPriceForm>();
  const buildingId = Form.useWatch<number | undefined>([...ROW, 'buildingId']);
  const buildings = useBuildingOptions(projectId);
  const units = useUnits(buildingId);
  const unitRequired = scope === 'unit';

  return (
    <>
      <Col span={12}>
        <Form.Item
          name={[...ROW, 'buildingId']}
          label={t('resource.building')}
          rules={rules.required(t('resource.building'))}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={buildings.isFetching}
            options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
            onChange={() => form.setFieldValue([...ROW, 'unitId'], undefined)}
          />
        </Form.Item>
      </Col>
      {scope !== 'building' && (
        <Col span={12}>
          <Form.Item
            name={[...ROW, 'unitId']}
            label={t('resource.unit')}
            rules={unitRequired ? rules.required(t('resource.unit')) : []}
          >
            <Select
              allowClear={!unitRequired}
              placeholder={unitRequired ? undefined : t('price.allUnits')}
              loading={units.isFetching}
              options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
      )}
    </>
  );
}

function FloorRange() {
  const t = useT();
  const rules = useRules();
  const floor = <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />;

  return (
    <>
      <Col span={12}>
        <Form.Item
          name={[...ROW, 'floorFrom']}
          label={t('standard.floorFrom')}
          rules={rules.required(t('standard.floorFrom'))}
        >
          {floor}
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={[...ROW, 'floorTo']}
          label={t('standard.floorTo')}
          rules={rules.required(t('standard.floorTo'))}
        >
          {floor}
        </Form.Item>
      </Col>
    </>
  );
}

/** The fields that name what the price covers; they change with the scope. */
function TargetFields({ standard }: { standard: FeeStandard }) {
  const t = useT();
  const rules = useRules();
  const scope = Form.useWatch<PriceScope | undefined>([...ROW, 'scope']) ?? 'project';

  switch (scope) {
    case 'project':
      return null;
    case 'building':
    case 'unit':
      return <BuildingAndUnit scope={scope} projectId={standard.projectId} />;
    case 'floor_range':
      return (
        <>
          <BuildingAndUnit scope={scope} projectId={standard.projectId} />
          <FloorRange />
        </>
      );
    case 'resource':
      return (
        <Col span={24}>
          <Form.Item
            name={[...ROW, 'resourceId']}
            label={t('price.resource')}
            rules={rules.required(t('price.resource'))}
          >
            <ResourceSelect
              projectId={standard.projectId}
              kinds={standard.resourceKinds as ResourceKind[]}
            />
          </Form.Item>
        </Col>
      );
  }
}

/** Only the fields the scope names: the server refuses a row that names more. */
function rowBody(row: PriceRowForm): SetFeePricesBody['prices'][number] {
  const named = {
    project: {},
    building: { buildingId: row.buildingId },
    unit: { unitId: row.unitId },
    floor_range: {
      buildingId: row.buildingId,
      unitId: row.unitId ?? undefined,
      floorFrom: row.floorFrom,
      floorTo: row.floorTo,
    },
    resource: { resourceId: row.resourceId },
  }[row.scope];

  return { scope: row.scope, ...named, price: row.price.trim() };
}

/**
 * 设置价格: a new price row from a date for the project, a building, unit, floor range or resource.
 * Rows are only added; the ones bills used stay as they were.
 */
export function SetPriceModal({ open, standard, target, onClose }: SetPriceModalProps) {
  const t = useT();
  const rules = useRules();
  const setPrices = useSetFeePrices();
  const unit = priceUnit(t, standard);
  const priceRules = usePriceRules(t('price.price'));
  const initial = useMemo<Partial<SetPriceForm>>(
    () => ({
      prices: [{ scope: 'project', ...target, price: '' }],
      effectiveFrom: dayjs().startOf('month').add(1, 'month'),
    }),
    [target],
  );

  const submit = (values: SetPriceForm) =>
    setPrices.mutateAsync({
      standardId: standard.id,
      body: {
        effectiveFrom: toDate(values.effectiveFrom) ?? '',
        effectiveTo: toDate(values.effectiveTo),
        prices: [rowBody(values.prices[0])],
      },
    });

  return (
    <FormModal<SetPriceForm>
      open={open}
      name="setPrice"
      title={t('price.set')}
      initialValues={initial}
      editing={false}
      saving={setPrices.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Alert type="info" showIcon message={t('price.appendOnly')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name={[...ROW, 'scope']} label={t('price.scope')}>
            <Select options={labelledOptions(t, 'fees.scope', PRICE_SCOPES)} />
          </Form.Item>
        </Col>
        <TargetFields standard={standard} />
        <Col span={12}>
          <Form.Item name={[...ROW, 'price']} label={t('price.price')} rules={priceRules}>
            <Input inputMode="decimal" suffix={unit} placeholder="2.35" />
          </Form.Item>
        </Col>
        <Col span={12} />
        <Col span={12}>
          <Form.Item
            name="effectiveFrom"
            label={t('price.effectiveFrom')}
            rules={rules.required(t('price.effectiveFrom'))}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="effectiveTo"
            label={t('price.effectiveTo')}
            extra={t('price.effectiveToHint')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
