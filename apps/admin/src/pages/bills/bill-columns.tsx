import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Bill } from '../../api/bills';
import { useT } from '../../i18n';
import { BillStatusTag, Money, OverdueTag } from './bill-tags';

type MoneyField = 'chargedFen' | 'paidFen' | 'reducedFen' | 'offsetFen' | 'outstandingFen';

/** The bill list's columns: who and what, the period, then the amounts right-aligned. */
export function useBillColumns(): ColumnsType<Bill> {
  const t = useT();
  const money = (field: MoneyField, titleKey: Parameters<typeof t>[0], strong = false) => ({
    title: t(titleKey),
    dataIndex: field,
    width: 96,
    align: 'right' as const,
    render: (fen: number) => <Money fen={fen} strong={strong} />,
  });

  return [
    {
      title: t('bill.resource'),
      dataIndex: 'resourceCode',
      width: 116,
      render: (code: string, bill) => (
        <Space direction="vertical" size={0}>
          <Link to={`/resources/${bill.resourceId}`} onClick={(e) => e.stopPropagation()}>
            {code}
          </Link>
          {bill.buildingName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bill.buildingName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('bill.payer'),
      dataIndex: 'payerName',
      width: 96,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('bill.noPayer')}</Typography.Text>,
    },
    { title: t('bill.feeItem'), dataIndex: 'feeItemName', width: 104, ellipsis: true },
    { title: t('bill.period'), dataIndex: 'periodLabel', width: 90 },
    {
      title: t('bill.dueDate'),
      dataIndex: 'dueDate',
      width: 104,
      render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{date}</span>,
    },
    money('chargedFen', 'bill.charged'),
    money('paidFen', 'bill.paid'),
    money('reducedFen', 'bill.reduced'),
    money('offsetFen', 'bill.offset'),
    money('outstandingFen', 'bill.outstanding', true),
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 120,
      fixed: 'right',
      render: (status: Bill['status'], bill) => (
        <Space size={4}>
          <BillStatusTag status={status} />
          {bill.overdue && <OverdueTag />}
        </Space>
      ),
    },
  ];
}
