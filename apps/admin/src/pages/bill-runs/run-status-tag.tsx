import { Tag } from 'antd';
import type { BillRunStatus } from '../../api/bill-runs';
import { useT } from '../../i18n';

const STATUS_COLORS: Record<BillRunStatus, string> = {
  queued: 'default',
  running: 'processing',
  completed: 'success',
  cancelled: 'warning',
  failed: 'error',
};

export function RunStatusTag({ status }: { status: BillRunStatus }) {
  const t = useT();

  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`billRun.status.${status}`)}
    </Tag>
  );
}
