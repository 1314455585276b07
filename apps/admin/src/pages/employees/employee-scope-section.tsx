import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Select, Switch, Typography } from 'antd';
import { type EmployeeDetail, useSetEmployeeProjects } from '../../api/employees';
import { useProjectOptions } from '../../api/projects';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface ScopeForm {
  allProjects: boolean;
  projectIds: number[];
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

  const submit = (values: ScopeForm) =>
    save.mutate(
      { id: employee.id, allProjects: values.allProjects, projectIds: values.projectIds ?? [] },
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
      initialValues={{ allProjects: employee.allProjects, projectIds: employee.projectIds }}
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
      <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
        {t('employee.saveScope')}
      </Button>
    </Form>
  );
}
