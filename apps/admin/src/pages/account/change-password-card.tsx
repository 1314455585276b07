import { App, Button, Card, Form, Input } from 'antd';
import { useChangePassword } from '../../api/auth';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change my own password; the server ends my other sessions. */
export function ChangePasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('account.passwordChanged'));
          form.resetFields();
        },
        onError: (error) => showError(error, form),
      },
    );

  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field }),
  });

  return (
    <Card title={t('account.changePassword')} variant="borderless">
      <Form<PasswordForm>
        name="password-change"
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 400 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[required(t('account.currentPassword'))]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('employee.passwordHint')}
          rules={[required(t('account.newPassword'))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            required(t('account.confirmPassword')),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
