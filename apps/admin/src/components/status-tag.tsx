import { Tag } from 'antd';
import type { ResourceStatus } from '../api/resources';
import { useT } from '../i18n';
import { STATUS_COLORS } from '../lib/resource-labels';

/** A resource's status as a coloured tag: vacant gold, occupied green, rented blue… */
export function StatusTag({ status }: { status: ResourceStatus }) {
  const t = useT();

  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`resource.status.${status}`)}
    </Tag>
  );
}
