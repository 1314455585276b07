import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Select, Switch, Typography } from 'antd';
import { useBuildings } from '../../api/buildings';
import { type EmployeeDetail, useSetEmployeeProjects } from '../../api/employees';
import { useProjectOptions } from '../../api/projects';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface ScopeForm {
  allProjects: boolean;
  projectIds: number[];
  buildingIds: number[];
}

/** 数据范围: all projects, or the listed ones. Mount with `key={employee.id}`. */
export function EmployeeScopeSection({ employee }: { employee: EmployeeDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ScopeForm>();
  const projects = useProjectOptions();
  const save = useSetEmployeeProjects();
  const allProjects = Form.useWatch('allProjects', form);
  const projectIds = Form.useWatch('projectIds', form);
  const buildings = useBuildings({ page: 1, pageSize: 200 });
  const projectName = new Map(projects.data?.items.map((p) => [p.id, p.name]));
  const buildingOptions = buildings.data?.items
    .filter((b) => allProjects === true || (projectIds ?? []).includes(b.projectId))
    .map((b) => ({ value: b.id, label: `${projectName.get(b.projectId) ?? ''} · ${b.name}` }));

  const submit = (values: ScopeForm) =>
    save.mutate(
      {
        id: employee.id,
        allProjects: values.allProjects,
        projectIds: values.projectIds ?? [],
        buildingIds: values.buildingIds ?? [],
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Form<ScopeForm>
      name="scope"
      form={form}
      layout="vertical"
      initialValues={{
        allProjects: employee.allProjects,
        projectIds: employee.projectIds,
        buildingIds: employee.buildingIds,
      }}
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary">{t('employee.scopeHint')}</Typography.Paragraph>
      <Form.Item name="allProjects" label={t('employee.allProjects')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="projectIds" label={t('employee.projects')} hidden={allProjects === true}>
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          loading={projects.isPending}
          options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="buildingIds"
        label={t('employee.buildings')}
        extra={t('employee.buildingsHint')}
      >
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          loading={buildings.isPending}
          placeholder={t('employee.allBuildings')}
          options={buildingOptions}
        />
      </Form.Item>
      <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
        {t('employee.saveScope')}
      </Button>
    </Form>
  );
}
