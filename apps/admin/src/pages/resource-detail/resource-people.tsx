import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Divider, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ResourceDetail, type ResourceLink, useResourcePeople } from '../../api/resources';
import { useT } from '../../i18n';
import { ROLE_COLORS, labelOf } from '../../lib/resource-labels';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { EndLinkModal } from './end-link-modal';
import { LinkPersonModal } from './link-person-modal';
import { TransferModal } from './transfer-modal';

/** Who lives in, owns or rents the resource now, and who did before. */
export function ResourcePeople({ resource }: { resource: ResourceDetail }) {
  const t = useT();
  const can = useCan();
  const people = useResourcePeople(resource.id);
  const linking = useDialog<undefined>();
  const ending = useDialog<ResourceLink>();
  const transferring = useDialog<undefined>();
  const canManage = can('people.person.manage');
  const links = people.data?.links ?? [];
  const current = links.filter((link) => link.current);
  const past = links.filter((link) => !link.current);

  const columns: ColumnsType<ResourceLink> = [
    { title: t('person.name'), dataIndex: 'personName', width: 140 },
    {
      title: t('link.role'),
      dataIndex: 'role',
      width: 110,
      render: (role: ResourceLink['role']) => (
        <Tag color={ROLE_COLORS[role]}>{t(`person.role.${role}`)}</Tag>
      ),
    },
    {
      title: t('link.relation'),
      dataIndex: 'relation',
      width: 100,
      render: (relation: ResourceLink['relation']) => labelOf(t, 'person.relation', relation),
    },
    { title: t('link.startDate'), dataIndex: 'startDate', width: 120 },
    {
      title: t('link.endDate'),
      dataIndex: 'endDate',
      width: 120,
      render: (date: string | null) => date ?? '—',
    },
    {
      title: t('link.endReason'),
      key: 'endReason',
      dataIndex: 'endReason',
      ellipsis: true,
      render: (reason: string | null) => reason ?? '—',
    },
  ];
  const currentColumns: ColumnsType<ResourceLink> = canManage
    ? [
        ...columns.filter((c) => c.key !== 'endReason'),
        {
          title: t('common.actions'),
          key: 'actions',
          width: 90,
          render: (_, link) => (
            <Button type="link" size="small" danger onClick={() => ending.show(link)}>
              {t('link.end')}
            </Button>
          ),
        },
      ]
    : columns;

  return (
    <div>
      {canManage && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => linking.show()}>
            {t('link.add')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => transferring.show()}>
            {t('transfer.button')}
          </Button>
        </Space>
      )}
      <Table<ResourceLink>
        rowKey="id"
        size="middle"
        loading={people.isFetching}
        columns={currentColumns}
        dataSource={current}
        pagination={false}
        title={() => <Typography.Text strong>{t('link.current')}</Typography.Text>}
        locale={{ emptyText: t('link.noneCurrent') }}
      />
      {past.length > 0 && (
        <>
          <Divider />
          <Table<ResourceLink>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={past}
            pagination={past.length > 10 ? { pageSize: 10 } : false}
            title={() => <Typography.Text strong>{t('link.history')}</Typography.Text>}
            rowClassName={() => 'row-muted'}
          />
        </>
      )}
      <LinkPersonModal open={linking.open} resource={resource} onClose={linking.close} />
      <EndLinkModal open={ending.open} link={ending.value} onClose={ending.close} />
      <TransferModal open={transferring.open} resource={resource} onClose={transferring.close} />
    </div>
  );
}
