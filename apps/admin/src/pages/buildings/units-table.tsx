import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Table } from 'antd';
import { type Building, type Unit, useCreateUnit, useUnits } from '../../api/buildings';
import { FormModal } from '../../components/form-modal';
import { useRules } from '../../components/form-fields';
import { useT } from '../../i18n';
import { useDialog } from '../../lib/use-dialog';

interface UnitForm {
  code: string;
  name: string;
  sortOrder?: number;
}

/** A building's units, shown when its row is expanded, with Add unit. */
export function UnitsTable({ building, canManage }: { building: Building; canManage: boolean }) {
  const t = useT();
  const rules = useRules();
  const units = useUnits(building.id);
  const create = useCreateUnit();
  const dialog = useDialog<undefined>();
  const next = (units.data?.length ?? 0) + 1;

  return (
    <div style={{ padding: '4px 0 4px 32px', maxWidth: 640 }}>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={units.isFetching}
        dataSource={units.data}
        pagination={false}
        columns={[
          { title: t('unit.code'), dataIndex: 'code', width: 120 },
          { title: t('unit.name'), dataIndex: 'name' },
          { title: t('building.sortOrder'), dataIndex: 'sortOrder', width: 90 },
        ]}
        locale={{ emptyText: t('unit.none') }}
        footer={
          canManage
            ? () => (
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => dialog.show()}
                >
                  {t('unit.create')}
                </Button>
              )
            : undefined
        }
      />
      <FormModal<UnitForm>
        open={dialog.open}
        name="unit"
        width={420}
        title={t('unit.createIn', { building: building.name })}
        initialValues={{
          code: String(next),
          name: t('unit.defaultName', { n: next }),
          sortOrder: next,
        }}
        editing={false}
        saving={create.isPending}
        onSubmit={(body) => create.mutateAsync({ buildingId: building.id, body })}
        onClose={dialog.close}
      >
        <Form.Item name="code" label={t('unit.code')} rules={rules.required(t('unit.code'))}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('unit.name')} rules={rules.required(t('unit.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('building.sortOrder')}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
