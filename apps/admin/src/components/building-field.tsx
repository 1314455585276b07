import { Form, Select } from 'antd';
import { useBuildingOptions } from '../api/buildings';
import { useT } from '../i18n';

/** An optional building of the project chosen in the same form (`projectId`). */
export function BuildingField() {
  const t = useT();
  const form = Form.useFormInstance();
  const projectId = Form.useWatch<number | undefined>('projectId', form);
  const buildings = useBuildingOptions(projectId);

  return (
    <Form.Item name="buildingId" label={t('resource.building')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('resource.noBuilding')}
        loading={buildings.isFetching}
        options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
      />
    </Form.Item>
  );
}
