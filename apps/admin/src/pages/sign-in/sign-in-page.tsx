import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../../api/auth';
import { useT } from '../../i18n';
import { LanguageSwitcher } from '../../layout/language-switcher';
import { homePath } from '../../routes';

interface Credentials {
  username: string;
  password: string;
}

const background = 'linear-gradient(135deg, #e6f0ff 0%, #f5f9ff 45%, #ffffff 70%), #f5f7fa';

/** Username or phone plus password; the server's refusal is shown as it words it. */
export default function SignInPage() {
  const t = useT();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  if (me.data)
    return <Navigate to={from && from !== '/login' ? from : homePath(me.data)} replace />;

  const submit = (values: Credentials) =>
    login.mutate(
      { ...values, channel: 'console' },
      { onSuccess: ({ profile }) => void navigate(from ?? homePath(profile), { replace: true }) },
    );

  return (
    <div style={{ minHeight: '100%', background, display: 'flex', flexDirection: 'column' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '16px 24px' }}>
        <LanguageSwitcher />
      </div>
      <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: 24 }}>
        <div style={{ width: 400, maxWidth: '100%' }}>
          <div style={{ textAlign: 'center', marginBottom: 28 }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={2} style={{ margin: '12px 0 4px' }}>
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.slogan')}</Typography.Text>
          </div>
          <Card variant="borderless" style={{ boxShadow: '0 8px 32px rgba(22, 119, 255, 0.08)' }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('signIn.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
            {login.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={login.error.message}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form<Credentials>
              name="sign-in"
              layout="vertical"
              size="large"
              onFinish={submit}
              requiredMark={false}
            >
              <Form.Item
                name="username"
                rules={[
                  { required: true, whitespace: true, message: t('signIn.usernameRequired') },
                ]}
              >
                <Input prefix={<UserOutlined />} placeholder={t('signIn.username')} autoFocus />
              </Form.Item>
              <Form.Item
                name="password"
                rules={[{ required: true, message: t('signIn.passwordRequired') }]}
              >
                <Input.Password prefix={<LockOutlined />} placeholder={t('signIn.password')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                {t('signIn.submit')}
              </Button>
            </Form>
          </Card>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 24 }}>
            {t('signIn.footer')}
          </Typography.Paragraph>
        </div>
      </div>
    </div>
  );
}
