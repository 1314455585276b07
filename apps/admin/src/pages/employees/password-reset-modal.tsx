import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { type Employee, useResetPassword } from '../../api/employees';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

/** Sets a new password for an employee (an administrator's reset). */
export function PasswordResetModal(props: {
  open: boolean;
  employee: Employee | undefined;
  onClose: () => void;
}) {
  const { open, employee, onClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const showError = useApiError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ newPassword }: { newPassword: string }) => {
    if (!employee) return;

    reset.mutate(
      { id: employee.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('employee.passwordReset'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`${t('employee.resetPassword')} · ${employee?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      confirmLoading={reset.isPending}
      forceRender
    >
      <Form
        name="password-reset"
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="newPassword"
          label={t('employee.newPassword')}
          extra={t('employee.passwordHint')}
          rules={[
            { required: true, message: t('common.required', { field: t('employee.newPassword') }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
