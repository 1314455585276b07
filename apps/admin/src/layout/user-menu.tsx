import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { type Profile, useLogout } from '../api/auth';
import { useT } from '../i18n';

/** The signed-in user's name with My account and Sign out. */
export function UserMenu({ me }: { me: Profile }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Dropdown
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('header.myAccount') },
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut') },
        ],
        onClick: ({ key }) => (key === 'sign-out' ? signOut() : void navigate('/account')),
      }}
    >
      <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" style={{ background: '#1677ff' }}>
          {me.name.slice(0, 1)}
        </Avatar>
        <Typography.Text>{me.name}</Typography.Text>
      </Space>
    </Dropdown>
  );
}
