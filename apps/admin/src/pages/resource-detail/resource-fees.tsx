import { Table } from 'antd';
import { type FeeBinding, useResourceFeeBindings } from '../../api/fee-bindings';
import { useT } from '../../i18n';
import { isActiveBinding, useBindingColumns } from '../fee-bindings/binding-columns';

/** 收费项目: the fee items this resource is charged, through which standard, from when. */
export function ResourceFees({ resourceId }: { resourceId: number }) {
  const t = useT();
  const bindings = useResourceFeeBindings(resourceId);
  const hidden = new Set(['resourceCode', 'resourceKind', 'buildingName']);
  const columns = useBindingColumns().filter(
    (column) => !('dataIndex' in column && hidden.has(String(column.dataIndex))),
  );

  return (
    <Table<FeeBinding>
      rowKey="id"
      size="middle"
      loading={bindings.isFetching}
      columns={columns}
      dataSource={bindings.data?.items}
      pagination={false}
      locale={{ emptyText: t('binding.noneForResource') }}
      rowClassName={(row) => (isActiveBinding(row) ? '' : 'row-muted')}
    />
  );
}
