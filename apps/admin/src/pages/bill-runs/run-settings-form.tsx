import { Checkbox, Col, DatePicker, Form, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useBuildingOptions } from '../../api/buildings';
import { useFeeItemOptions } from '../../api/fee-items';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { useCurrentProject } from '../../layout/project-context';

export interface RunSettings {
  projectId: number;
  months: [Dayjs, Dayjs];
  feeItemIds: number[];
  buildingIds?: number[];
  notify: boolean;
}

/** The project's active items a run can bill: everything but one-off charges. */
function usePeriodicItems(projectId: number | undefined) {
  const items = useFeeItemOptions(projectId);
  const periodic = items.data?.items.filter((item) => item.cycle !== 'one_off') ?? [];

  return {
    loading: items.isFetching,
    options: periodic.map((i) => ({ value: i.id, label: i.name })),
  };
}

/** ① 选择范围: the project, the months, the fee items and optionally some buildings. */
export function RunSettingsFields() {
  const t = useT();
  const rules = useRules();
  const form = Form.useFormInstance<RunSettings>();
  const { projects } = useCurrentProject();
  const projectId = Form.useWatch('projectId', form);
  const items = usePeriodicItems(projectId);
  const buildings = useBuildingOptions(projectId);

  return (
    <Row gutter={24}>
      <Col span={12}>
        <Form.Item
          name="projectId"
          label={t('billRun.project')}
          rules={rules.required(t('billRun.project'))}
        >
          <Select
            options={projects.map((p) => ({ value: p.id, label: p.name }))}
            onChange={() => form.setFieldsValue({ feeItemIds: [], buildingIds: [] })}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="months"
          label={t('billRun.months')}
          rules={rules.required(t('billRun.months'))}
        >
          <DatePicker.RangePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="feeItemIds"
          label={t('billRun.feeItems')}
          extra={t('billRun.feeItemsHint')}
          rules={rules.required(t('billRun.feeItems'))}
        >
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            loading={items.loading}
            options={items.options}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="buildingIds" label={t('billRun.buildings')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder={t('billRun.allBuildings')}
            loading={buildings.isFetching}
            options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="notify" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('billRun.notify')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
