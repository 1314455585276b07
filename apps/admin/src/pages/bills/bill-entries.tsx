import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BillEntry } from '../../api/bills';
import { useT } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { Money } from './bill-tags';

const KIND_COLORS: Record<BillEntry['kind'], string> = {
  payment: 'green',
  reduction: 'blue',
  offset: 'cyan',
  void: 'default',
  deferral: 'orange',
};

/** 账单流水: every entry that moved the bill's balance, oldest first, as the API lists them. */
export function BillEntries({ entries }: { entries: BillEntry[] }) {
  const t = useT();
  const columns: ColumnsType<BillEntry> = [
    { title: t('bill.entry.date'), dataIndex: 'entryDate', width: 110 },
    {
      title: t('bill.entry.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (kind: BillEntry['kind']) => (
        <Tag color={KIND_COLORS[kind]}>{t(`bill.entry.${kind}`)}</Tag>
      ),
    },
    {
      title: t('bill.entry.amount'),
      dataIndex: 'amountFen',
      width: 120,
      align: 'right',
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('bill.entry.newDueDate'),
      dataIndex: 'newDueDate',
      width: 120,
      render: (date: string | null) => date ?? '—',
    },
    { title: t('bill.entry.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
    {
      title: t('bill.entry.by'),
      dataIndex: 'createdByName',
      width: 110,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatInstant(at),
    },
  ];

  return (
    <Table<BillEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: t('bill.noEntries') }}
    />
  );
}
