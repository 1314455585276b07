import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, theme } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Profile } from '../api/auth';
import { useT } from '../i18n';
import { menuRoutes, routeOf } from '../routes';
import { LanguageSwitcher } from './language-switcher';
import { ProjectProvider } from './project-context';
import { ProjectSwitcher } from './project-switcher';
import { UserMenu } from './user-menu';

const { Sider, Header, Content, Footer } = Layout;

function Logo({ collapsed }: { collapsed: boolean }) {
  const t = useT();

  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        alignItems: 'center',
        justifyContent: collapsed ? 'center' : 'flex-start',
        padding: collapsed ? 0 : '0 20px',
        gap: 10,
        color: '#fff',
        fontSize: 18,
        fontWeight: 600,
        letterSpacing: 1,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      <img src="/favicon.svg" alt="" width={30} height={30} />
      {!collapsed && <span data-testid="logo">{t('app.name')}</span>}
    </div>
  );
}

/** The console frame: side menu from the route table, header tools, page content. */
export function AppLayout({ me, children }: { me: Profile; children: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const current = routeOf(location.pathname);
  const selected = current?.path;
  const pageTitle = current ? `${t(current.labelKey)} - ${t('app.fullName')}` : t('app.fullName');

  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);

  const items = menuRoutes(me).map((route) => ({
    key: route.path,
    icon: route.icon,
    label: t(route.labelKey),
  }));

  return (
    <ProjectProvider projects={me.projects}>
      <Layout style={{ minHeight: '100%' }}>
        <Sider
          width={220}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Logo collapsed={collapsed} />
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => void navigate(key)}
          />
        </Sider>
        <Layout>
          <Header
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
              position: 'sticky',
              top: 0,
              zIndex: 10,
              background: token.colorBgContainer,
            }}
          >
            <Button
              type="text"
              aria-label="toggle menu"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <Space size="middle">
              {me.kind === 'employee' && <ProjectSwitcher />}
              <LanguageSwitcher />
              <UserMenu me={me} />
            </Space>
          </Header>
          <Content style={{ margin: 24 }}>{children}</Content>
          <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, paddingTop: 0 }}>
            {t('app.fullName')} © {new Date().getFullYear()}
          </Footer>
        </Layout>
      </Layout>
    </ProjectProvider>
  );
}
