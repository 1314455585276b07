import { Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBills } from '../../api/bills';
import { BillTotalsRow } from '../bills/bill-totals';
import { useBillColumns } from '../bills/bill-columns';

/** A resource's bills, newest period first, with the totals of all of them; a row opens the bill. */
export function ResourceBills({ resourceId }: { resourceId: number }) {
  const navigate = useNavigate();
  const columns = useBillColumns();
  const [page, setPage] = useState(1);
  const bills = useBills({ resourceId, page, pageSize: 12 });

  return (
    <Table
      rowKey="id"
      size="small"
      loading={bills.isFetching}
      columns={columns}
      dataSource={bills.data?.items}
      scroll={{ x: 'max-content' }}
      onRow={(bill) => ({
        onClick: () => void navigate(`/bills/${bill.id}`),
        style: { cursor: 'pointer' },
      })}
      pagination={{
        current: page,
        pageSize: 12,
        total: bills.data?.total,
        showSizeChanger: false,
        onChange: setPage,
      }}
      summary={() => <BillTotalsRow totals={bills.data?.totals} count={bills.data?.total ?? 0} />}
    />
  );
}
