import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  type Project,
  type ProjectQuery,
  useExportProjects,
  useProjects,
  useUpdateProject,
} from '../../api/projects';
import { ExportButton } from '../../components/export-button';
import { FilterBar } from '../../components/filter-bar';
import { PageContainer } from '../../components/page-container';
import { useT } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { useCan } from '../../lib/use-can';
import { useDialog } from '../../lib/use-dialog';
import { useListState } from '../../lib/use-list-state';
import { ProjectFormModal } from './project-form-modal';
import { PROJECT_STATUSES, PROJECT_TYPES, statusKey, typeKey } from './project-labels';

type Filters = Pick<ProjectQuery, 'q' | 'type' | 'status'>;

const TYPE_COLORS: Record<Project['type'], string> = {
  residential: 'blue',
  commercial: 'gold',
  mixed: 'purple',
};

/** Projects in scope: search, filter, page, create, edit, archive, export. */
export default function ProjectsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useApiError();
  const list = useListState<Filters>({});
  const projects = useProjects(list.query);
  const exporter = useExportProjects();
  const update = useUpdateProject();
  const dialog = useDialog<Project>();
  const canManage = can('org.project.manage');

  const setStatus = (project: Project, status: Project['status']) =>
    update.mutate(
      { id: project.id, body: { status } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  const columns: ColumnsType<Project> = [
    { title: t('project.code'), dataIndex: 'code', width: 120 },
    { title: t('project.name'), dataIndex: 'name' },
    {
      title: t('project.type'),
      dataIndex: 'type',
      width: 100,
      render: (type: Project['type']) => <Tag color={TYPE_COLORS[type]}>{t(typeKey(type))}</Tag>,
    },
    { title: t('project.area'), dataIndex: 'area', width: 140, align: 'right' },
    { title: t('project.address'), dataIndex: 'address', ellipsis: true },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: Project['status']) => (
        <Badge status={status === 'active' ? 'success' : 'default'} text={t(statusKey(status))} />
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => formatInstant(value),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, project) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => dialog.show(project)}>
            {t('common.edit')}
          </Button>
          {project.status === 'active' ? (
            <Popconfirm
              title={t('project.archiveConfirm', { name: project.name })}
              onConfirm={() => setStatus(project, 'archived')}
            >
              <Button type="link" size="small" danger>
                {t('project.archive')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setStatus(project, 'active')}>
              {t('project.restore')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <PageContainer titleKey="project.title">
      <FilterBar<Filters>
        initial={{}}
        onApply={list.apply}
        actions={
          <>
            <ExportButton query={list.filterQuery} exporter={exporter} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.show()}>
                {t('project.create')}
              </Button>
            )}
          </>
        }
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('project.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="type">
          <Select
            allowClear
            placeholder={t('project.type')}
            style={{ width: 130 }}
            options={PROJECT_TYPES.map((type) => ({ value: type, label: t(typeKey(type)) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 130 }}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          />
        </Form.Item>
      </FilterBar>
      <Table<Project>
        rowKey="id"
        columns={columns}
        dataSource={projects.data?.items}
        loading={projects.isFetching}
        pagination={list.pagination(projects.data?.total)}
      />
      <ProjectFormModal open={dialog.open} project={dialog.value} onClose={dialog.close} />
    </PageContainer>
  );
}
