import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Session, useRevokeSession, useSessions } from '../../api/auth';
import { useT } from '../../i18n';
import { describeUserAgent, formatInstant } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';

/** My live sessions; any but this one can be ended. */
export function SessionsCard() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const sessions = useSessions();
  const revoke = useRevokeSession();

  const columns: ColumnsType<Session> = [
    {
      title: t('account.device'),
      dataIndex: 'userAgent',
      ellipsis: true,
      render: (agent: string | null, session) => (
        <span title={agent ?? undefined}>
          {session.current && (
            <Tag color="green" style={{ marginRight: 8 }}>
              {t('account.current')}
            </Tag>
          )}
          {describeUserAgent(agent)}
        </span>
      ),
    },
    {
      title: t('account.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (channel: Session['channel']) => t(`account.channel.${channel}`),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
    {
      title: t('account.lastSeen'),
      dataIndex: 'lastSeenAt',
      width: 160,
      render: (value: string) => formatInstant(value),
    },
    {
      title: t('account.expiresAt'),
      dataIndex: 'expiresAt',
      width: 160,
      render: (value: string) => formatInstant(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, session) =>
        session.current ? null : (
          <Popconfirm
            title={t('account.revokeConfirm')}
            onConfirm={() =>
              revoke.mutate(session.id, {
                onSuccess: () => void message.success(t('account.revoked')),
                onError: (error) => showError(error),
              })
            }
          >
            <Button type="link" size="small" danger>
              {t('account.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('account.sessions')} variant="borderless">
      <Table<Session>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sessions.data}
        loading={sessions.isFetching}
        pagination={false}
      />
    </Card>
  );
}
