import { App, Button, Divider, Drawer, Form, Skeleton, Space } from 'antd';
import {
  type CreateEmployeeBody,
  useCreateEmployee,
  useEmployee,
  useUpdateEmployee,
} from '../../api/employees';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';
import { ButlerSection } from './butler-section';
import { EmployeeBasicForm, type EmployeeForm } from './employee-basic-form';
import { EmployeeScopeSection } from './employee-scope-section';

interface EmployeeDrawerProps {
  open: boolean;
  /** The employee being edited; undefined creates one. */
  employeeId: number | undefined;
  /** After a create the drawer stays open on the new employee for scope and butler duties. */
  onCreated: (id: number) => void;
  onClose: () => void;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function toCreateBody(values: EmployeeForm): CreateEmployeeBody {
  return {
    name: values.name,
    phone: blankToNull(values.phone),
    username: values.username,
    password: values.password ?? '',
    departmentId: values.departmentId,
    consoleLogin: values.consoleLogin,
    appLogin: values.appLogin,
    status: values.status,
    allProjects: values.allProjects ?? false,
    projectIds: values.allProjects ? [] : (values.projectIds ?? []),
  };
}

/** Create or edit an employee: basic information, data scope and butler duties. */
export function EmployeeDrawer({ open, employeeId, onCreated, onClose }: EmployeeDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<EmployeeForm>();
  const detail = useEmployee(open ? employeeId : undefined);
  const create = useCreateEmployee();
  const update = useUpdateEmployee();
  const employee = employeeId === undefined ? undefined : detail.data;
  const loading = employeeId !== undefined && !employee;

  const submit = (values: EmployeeForm) => {
    const onError = (error: Error) => showError(error, form);
    if (employeeId === undefined) {
      create.mutate(toCreateBody(values), {
        onSuccess: (created) => {
          void message.success(t('common.created'));
          onCreated(created.id);
        },
        onError,
      });
      return;
    }

    const { name, phone, departmentId, consoleLogin, appLogin, status } = values;
    update.mutate(
      {
        id: employeeId,
        // A masked number (shown to those who may not see it) is sent back only when retyped.
        body: {
          name,
          phone: phone === employee?.phone ? undefined : blankToNull(phone),
          departmentId,
          consoleLogin,
          appLogin,
          status,
        },
      },
      { onSuccess: () => void message.success(t('common.saved')), onError },
    );
  };

  return (
    <Drawer
      open={open}
      width={720}
      title={t(employeeId === undefined ? 'employee.create' : 'employee.edit')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            disabled={loading}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {loading ? (
        <Skeleton active />
      ) : (
        <>
          <Divider orientation="left" orientationMargin={0}>
            {t('employee.basic')}
          </Divider>
          <EmployeeBasicForm
            key={employeeId ?? 'new'}
            form={form}
            employee={employee}
            onFinish={submit}
          />
          {employee && (
            <>
              <Divider orientation="left" orientationMargin={0}>
                {t('employee.scope')}
              </Divider>
              <EmployeeScopeSection key={`scope-${employee.id}`} employee={employee} />
              <Divider orientation="left" orientationMargin={0}>
                {t('employee.butler')}
              </Divider>
              <ButlerSection key={`butler-${employee.id}`} employee={employee} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
