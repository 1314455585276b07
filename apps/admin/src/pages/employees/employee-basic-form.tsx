import { Col, Form, type FormInstance, Input, Radio, Row, Select, Switch } from 'antd';
import type { EmployeeDetail } from '../../api/employees';
import { useProjectOptions } from '../../api/projects';
import { DepartmentSelect } from '../../components/department-select';
import { useT } from '../../i18n';

export interface EmployeeForm {
  name: string;
  phone?: string | null;
  username: string;
  password?: string;
  departmentId: number;
  consoleLogin: boolean;
  appLogin: boolean;
  status: EmployeeDetail['status'];
  allProjects?: boolean;
  projectIds?: number[];
}

export const NEW_EMPLOYEE: Partial<EmployeeForm> = {
  consoleLogin: true,
  appLogin: false,
  status: 'active',
  allProjects: false,
  projectIds: [],
};

interface EmployeeBasicFormProps {
  form: FormInstance<EmployeeForm>;
  /** Absent when creating: then the password and the data scope are asked here too. */
  employee?: EmployeeDetail;
  onFinish: (values: EmployeeForm) => void;
}

/** Name, sign-in and department of an employee; on create also password and data scope. */
export function EmployeeBasicForm({ form, employee, onFinish }: EmployeeBasicFormProps) {
  const t = useT();
  const creating = employee === undefined;
  const projects = useProjectOptions(creating);
  const allProjects = Form.useWatch('allProjects', form);
  const required = (field: string) => [
    { required: true, message: t('common.required', { field }) },
  ];

  return (
    <Form<EmployeeForm>
      name="employee"
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={employee ?? NEW_EMPLOYEE}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('employee.name')} rules={required(t('employee.name'))}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('employee.phone')}>
            <Input maxLength={11} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="username"
            label={t('employee.username')}
            rules={required(t('employee.username'))}
          >
            <Input maxLength={50} disabled={!creating} autoComplete="off" />
          </Form.Item>
        </Col>
        {creating && (
          <Col span={12}>
            <Form.Item
              name="password"
              label={t('employee.password')}
              extra={t('employee.passwordHint')}
              rules={required(t('employee.password'))}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item
            name="departmentId"
            label={t('employee.department')}
            rules={required(t('employee.department'))}
          >
            <DepartmentSelect placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label={t('common.status')}>
            <Radio.Group
              optionType="button"
              options={(['active', 'disabled'] as const).map((s) => ({
                value: s,
                label: t(`employee.status.${s}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="consoleLogin" label={t('employee.consoleLogin')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="appLogin" label={t('employee.appLogin')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {creating && (
          <>
            <Col span={12}>
              <Form.Item
                name="allProjects"
                label={t('employee.allProjects')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="projectIds"
                label={t('employee.projects')}
                extra={t('employee.scopeHint')}
                hidden={allProjects === true}
              >
                <Select
                  mode="multiple"
                  allowClear
                  optionFilterProp="label"
                  loading={projects.isPending}
                  options={projects.data?.items.map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
    </Form>
  );
}
