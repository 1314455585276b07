import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useBuildingOptions, useUnits } from '../../api/buildings';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { RESOURCE_KINDS } from '../../lib/fee-labels';
import { ROOM_USES, STATUSES_BY_KIND, labelledOptions } from '../../lib/resource-labels';

/** How a bulk binding picks its resources. */
export type TargetMode = 'building' | 'unit' | 'kind' | 'filter';
export const TARGET_MODES: readonly TargetMode[] = ['building', 'unit', 'kind', 'filter'];

function BuildingField({ required }: { required: boolean }) {
  const t = useT();
  const rules = useRules();
  const form = Form.useFormInstance();
  const projectId = Form.useWatch<number | undefined>('projectId');
  const buildings = useBuildingOptions(projectId);

  return (
    <Form.Item
      name={['target', 'buildingId']}
      label={t('resource.building')}
      rules={required ? rules.required(t('resource.building')) : []}
    >
      <Select
        allowClear={!required}
        showSearch
        optionFilterProp="label"
        loading={buildings.isFetching}
        options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
        onChange={() => form.setFieldValue(['target', 'unitId'], undefined)}
      />
    </Form.Item>
  );
}

function UnitField() {
  const t = useT();
  const rules = useRules();
  const buildingId = Form.useWatch<number | undefined>(['target', 'buildingId']);
  const units = useUnits(buildingId);

  return (
    <Form.Item
      name={['target', 'unitId']}
      label={t('resource.unit')}
      rules={rules.required(t('resource.unit'))}
    >
      <Select
        loading={units.isFetching}
        options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  );
}

function FilterFields() {
  const t = useT();
  const floor = <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />;

  return (
    <Row gutter={16}>
      <Col span={8}>
        <BuildingField required={false} />
      </Col>
      <Col span={8}>
        <Form.Item name={['target', 'floorFrom']} label={t('standard.floorFrom')}>
          {floor}
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['target', 'floorTo']} label={t('standard.floorTo')}>
          {floor}
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['target', 'roomUse']} label={t('room.use')}>
          <Select allowClear options={labelledOptions(t, 'resource.use', ROOM_USES)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['target', 'status']} label={t('common.status')}>
          <Select
            allowClear
            options={labelledOptions(t, 'resource.status', [
              ...STATUSES_BY_KIND.room,
              'sold' as const,
            ])}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['target', 'q']} label={t('binding.codeContains')}>
          <Input maxLength={100} placeholder="1-2-" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The target of a bulk binding: a building, a unit, every resource of a kind, or a filter. */
export function BindingTargetFields() {
  const t = useT();
  const rules = useRules();
  const mode = Form.useWatch<TargetMode | undefined>('mode') ?? 'building';

  return (
    <>
      <Form.Item name="mode" label={t('binding.targetMode')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={labelledOptions(t, 'binding.mode', TARGET_MODES)}
        />
      </Form.Item>
      {mode === 'building' && <BuildingField required />}
      {mode === 'unit' && (
        <Row gutter={16}>
          <Col span={12}>
            <BuildingField required />
          </Col>
          <Col span={12}>
            <UnitField />
          </Col>
        </Row>
      )}
      {mode === 'kind' && (
        <Form.Item
          name={['target', 'resourceKind']}
          label={t('resource.kind')}
          rules={rules.required(t('resource.kind'))}
        >
          <Select options={labelledOptions(t, 'resource.kind', RESOURCE_KINDS)} />
        </Form.Item>
      )}
      {mode === 'filter' && <FilterFields />}
    </>
  );
}
