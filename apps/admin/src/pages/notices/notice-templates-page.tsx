import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  type NoticeKind,
  type NoticeTemplate,
  useNoticeKinds,
  useNoticeTemplates,
  useResetNoticeTemplate,
} from '../../api/notices';
import { PageContainer } from '../../components/page-container';
import { useI18n, useT } from '../../i18n';
import { useWorkingProject } from '../../layout/project-context';
import { formatInstant } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { ChannelLabel, kindName } from './notice-labels';
import { TemplateEditorModal } from './template-editor-modal';

function ResetAction({ template }: { template: NoticeTemplate }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const reset = useResetNoticeTemplate();
  if (template.id === null) return null;

  return (
    <Popconfirm
      title={<div style={{ maxWidth: 260 }}>{t('noticeTemplate.resetConfirm')}</div>}
      onConfirm={() =>
        reset.mutate(template.id ?? 0, {
          onSuccess: () => void message.success(t('noticeTemplate.resetDone')),
          onError: (error) => showError(error),
        })
      }
    >
      <Button type="link" size="small" danger>
        {t('noticeTemplate.reset')}
      </Button>
    </Popconfirm>
  );
}

function useColumns(
  onEdit: (template: NoticeTemplate) => void,
  canManage: boolean,
): ColumnsType<NoticeTemplate> {
  const t = useT();

  return [
    {
      title: t('noticeTemplate.channel'),
      dataIndex: 'channel',
      width: 120,
      render: (channel: NoticeTemplate['channel']) => <ChannelLabel channel={channel} />,
    },
    {
      title: t('noticeTemplate.subject'),
      dataIndex: 'subject',
      width: 240,
      render: (subject: string | null) =>
        subject ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('noticeTemplate.body'),
      dataIndex: 'body',
      render: (body: string) => (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
          ellipsis={{ rows: 3, expandable: true, symbol: '…' }}
        >
          {body}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('noticeTemplate.source'),
      key: 'source',
      width: 160,
      render: (_, template) =>
        template.isDefault ? (
          <Tag bordered={false}>{t('noticeTemplate.default')}</Tag>
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color="blue" bordered={false}>
              {t('noticeTemplate.custom')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(template.updatedAt)}
            </Typography.Text>
          </Space>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, template: NoticeTemplate) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(template)}>
                  {t('common.edit')}
                </Button>
                <ResetAction template={template} />
              </Space>
            ),
          },
        ]
      : []),
  ];
}

/** 通知模板: a project's wording of each notice on each channel, defaults where it has none. */
export default function NoticeTemplatesPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const project = useWorkingProject();
  const kinds = useNoticeKinds();
  const templates = useNoticeTemplates(project?.id);
  const [editing, setEditing] = useState<NoticeTemplate>();
  const columns = useColumns(setEditing, can('notices.template.manage'));
  const editingKind: NoticeKind | undefined = kinds.data?.kinds.find(
    (k) => k.kind === editing?.kind,
  );

  return (
    <PageContainer
      titleKey="menu.noticeTemplates"
      extra={
        project && <Tag color="geekblue">{t('noticeTemplate.project', { name: project.name })}</Tag>
      }
    >
      {!project && <Alert type="info" showIcon message={t('noticeTemplate.noProject')} />}
      {kinds.data?.kinds.map((kind) => (
        <div key={kind.kind} style={{ marginBottom: 24 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {kindName(kinds.data?.kinds, kind.kind, locale)}
          </Typography.Title>
          <Table<NoticeTemplate>
            rowKey="channel"
            columns={columns}
            dataSource={templates.data?.items.filter((item) => item.kind === kind.kind)}
            loading={templates.isFetching}
            pagination={false}
          />
        </div>
      ))}
      {project && editing && editingKind && (
        <TemplateEditorModal
          projectId={project.id}
          template={editing}
          kind={editingKind}
          onClose={() => setEditing(undefined)}
        />
      )}
    </PageContainer>
  );
}
