import { EnvironmentOutlined } from '@ant-design/icons';
import { Select, Space } from 'antd';
import { useT } from '../i18n';
import { useCurrentProject } from './project-context';

const ALL = 0;

/** The header's choice of project, from the projects the signed-in user may see. */
export function ProjectSwitcher() {
  const t = useT();
  const { projectId, setProjectId, projects } = useCurrentProject();

  return (
    <Space size={4}>
      <EnvironmentOutlined style={{ color: '#8c8c8c' }} />
      <Select
        aria-label={t('header.project')}
        variant="borderless"
        style={{ minWidth: 160 }}
        popupMatchSelectWidth={false}
        value={projectId ?? ALL}
        onChange={(value: number) => setProjectId(value === ALL ? undefined : value)}
        options={[
          { value: ALL, label: t('header.allProjects') },
          ...projects.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
    </Space>
  );
}
