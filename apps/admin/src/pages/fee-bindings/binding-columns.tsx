import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { FeeBinding } from '../../api/fee-bindings';
import { useT } from '../../i18n';
import { labelOf } from '../../lib/resource-labels';

export const today = () => dayjs().format('YYYY-MM-DD');

/** Whether a binding still charges today or later (not ended before today). */
export function isActiveBinding(binding: FeeBinding): boolean {
  return binding.endDate === null || binding.endDate >= today();
}

export function useBindingColumns(): ColumnsType<FeeBinding> {
  const t = useT();

  return [
    {
      title: t('binding.resource'),
      dataIndex: 'resourceCode',
      width: 110,
      render: (code: string, binding) => (
        <Link to={`/resources/${binding.resourceId}`}>{code}</Link>
      ),
    },
    {
      title: t('resource.kind'),
      dataIndex: 'resourceKind',
      width: 80,
      render: (kind: string) => labelOf(t, 'resource.kind', kind),
    },
    {
      title: t('resource.building'),
      dataIndex: 'buildingName',
      width: 80,
      render: (name: string | null) => name ?? '—',
    },
    { title: t('binding.feeItem'), dataIndex: 'feeItemName', width: 110 },
    {
      title: t('binding.standard'),
      dataIndex: 'standardName',
      ellipsis: true,
      render: (name: string, binding) => (
        <Link to={`/fee-standards/${binding.standardId}`}>{name}</Link>
      ),
    },
    {
      title: t('standard.method'),
      dataIndex: 'method',
      width: 130,
      render: (method: string) => labelOf(t, 'fees.method', method),
    },
    { title: t('binding.startDate'), dataIndex: 'startDate', width: 105 },
    {
      title: t('binding.endDate'),
      dataIndex: 'endDate',
      width: 105,
      render: (date: string | null) => date ?? t('binding.openEnd'),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 80,
      render: (_, binding) =>
        isActiveBinding(binding) ? (
          <Tag color="green">{t('binding.active')}</Tag>
        ) : (
          <Tag>{t('binding.ended')}</Tag>
        ),
    },
  ];
}
