import { Tag, Typography } from 'antd';
import type { BillStatus } from '../../api/bills';
import { useT } from '../../i18n';
import { formatFen } from '../../lib/format';

export const BILL_STATUSES = ['unpaid', 'partially_paid', 'paid', 'void'] as const;
export const BILL_KINDS = ['periodic', 'temporary', 'late_fee'] as const;

const STATUS_COLORS: Record<BillStatus, string> = {
  unpaid: 'volcano',
  partially_paid: 'gold',
  paid: 'green',
  void: 'default',
};

/** 未缴 / 部分缴纳 / 已缴清 / 已作废 as a coloured tag. */
export function BillStatusTag({ status }: { status: BillStatus }) {
  const t = useT();

  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`bill.status.${status}`)}
    </Tag>
  );
}

export function OverdueTag() {
  const t = useT();

  return (
    <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
      {t('bill.overdue')}
    </Tag>
  );
}

/** An amount for a table cell: `¥1,234.56`, zero muted so the figures that matter stand out. */
export function Money({ fen, strong }: { fen: number; strong?: boolean }) {
  return (
    <Typography.Text
      type={fen === 0 ? 'secondary' : undefined}
      strong={strong && fen !== 0}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatFen(fen)}
    </Typography.Text>
  );
}
