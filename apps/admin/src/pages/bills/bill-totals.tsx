import { Table, Typography } from 'antd';
import type { BillTotals } from '../../api/bills';
import { useT } from '../../i18n';
import { Money } from './bill-tags';

/**
 * The table's last row: the sums over every bill the filters match, not only this page.
 * Its cells line up with useBillColumns: five columns of text, five of money, the status.
 */
export function BillTotalsRow({ totals, count }: { totals?: BillTotals; count: number }) {
  const t = useT();
  if (!totals) return null;

  const amounts = [
    totals.chargedFen,
    totals.paidFen,
    totals.reducedFen,
    totals.offsetFen,
    totals.outstandingFen,
  ];

  return (
    <Table.Summary fixed="bottom">
      <Table.Summary.Row style={{ background: '#fafafa' }}>
        <Table.Summary.Cell index={0} colSpan={5}>
          <Typography.Text strong>{t('bill.totalsLabel', { count })}</Typography.Text>
        </Table.Summary.Cell>
        {amounts.map((fen, offset) => (
          <Table.Summary.Cell key={offset} index={5 + offset} align="right">
            <Money fen={fen} strong />
          </Table.Summary.Cell>
        ))}
        <Table.Summary.Cell index={10} />
      </Table.Summary.Row>
    </Table.Summary>
  );
}
