import { Button, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Link } from 'react-router';
import type { ResourceStatus } from '../api/resources';
import { useT } from '../i18n';
import { StatusTag } from './status-tag';

interface ResourceRow {
  id: number;
  code: string;
  area: string | null;
  status: ResourceStatus;
  owners: string | null;
  projectName: string;
  buildingName: string | null;
}

/** The columns every resource list shares: code (to the detail page), area, status, owners. */
export function useResourceColumns<R extends ResourceRow>() {
  const t = useT();

  return {
    code: {
      title: t('resource.code'),
      dataIndex: 'code',
      width: 130,
      fixed: 'left',
      render: (code: string, row) => (
        <Link to={`/resources/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {code}
        </Link>
      ),
    } satisfies ColumnType<R>,
    project: {
      title: t('resource.project'),
      dataIndex: 'projectName',
      width: 130,
      ellipsis: true,
    } satisfies ColumnType<R>,
    building: {
      title: t('resource.building'),
      dataIndex: 'buildingName',
      width: 110,
      render: (name: string | null) => name ?? '—',
    } satisfies ColumnType<R>,
    area: {
      title: t('resource.areaShort'),
      dataIndex: 'area',
      width: 110,
      align: 'right',
      render: (area: string | null) => area ?? '—',
    } satisfies ColumnType<R>,
    status: {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: ResourceStatus) => <StatusTag status={status} />,
    } satisfies ColumnType<R>,
    owners: {
      title: t('resource.owners'),
      dataIndex: 'owners',
      width: 160,
      ellipsis: true,
      render: (owners: string | null) =>
        owners ?? <Typography.Text type="secondary">{t('resource.noOwner')}</Typography.Text>,
    } satisfies ColumnType<R>,
    /** An Edit link that does not also open the row's detail page. */
    edit: (onEdit: (row: R) => void): ColumnType<R> => ({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={(event) => {
            event.stopPropagation();
            onEdit(row);
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    }),
  };
}
