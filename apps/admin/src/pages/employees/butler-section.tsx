import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, InputNumber, Select, Space, Typography } from 'antd';
import {
  type ButlerAssignment,
  type EmployeeDetail,
  useSetButlerAssignments,
} from '../../api/employees';
import { useProjectOptions } from '../../api/projects';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface ButlerForm {
  assignments: ButlerAssignment[];
}

/**
 * 管家: the buildings and rooms this employee looks after. Resources are typed as ids
 * until the resources module offers pickers. Mount with `key={employee.id}`.
 */
export function ButlerSection({ employee }: { employee: EmployeeDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ButlerForm>();
  const projects = useProjectOptions();
  const save = useSetButlerAssignments();
  const projectOptions = projects.data?.items.map((p) => ({ value: p.id, label: p.name }));
  const typeOptions = (['building', 'room'] as const).map((type) => ({
    value: type,
    label: t(`employee.butlerType.${type}`),
  }));

  const submit = ({ assignments }: ButlerForm) =>
    save.mutate(
      { id: employee.id, assignments: assignments ?? [] },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Form<ButlerForm>
      name="butler"
      form={form}
      initialValues={{ assignments: employee.butlerAssignments }}
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary">{t('employee.butlerHint')}</Typography.Paragraph>
      <Form.List name="assignments">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('employee.noButler')} />
            )}
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[name, 'projectId']} rules={[{ required: true, message: '' }]}>
                  <Select
                    placeholder={t('employee.butlerProject')}
                    options={projectOptions}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Form.Item name={[name, 'resourceType']} rules={[{ required: true, message: '' }]}>
                  <Select
                    placeholder={t('employee.butlerType')}
                    options={typeOptions}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Form.Item name={[name, 'resourceId']} rules={[{ required: true, message: '' }]}>
                  <InputNumber
                    min={1}
                    precision={0}
                    placeholder={t('employee.butlerResource')}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} />
              </Space>
            ))}
            <Space>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ resourceType: 'building' })}
              >
                {t('employee.addButler')}
              </Button>
              <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                {t('employee.saveButler')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
