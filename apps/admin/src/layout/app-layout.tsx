import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, theme } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Profile } from '../api/auth';
import { type Translate, useT } from '../i18n';
import { type AppRoute, menuRoutes, routeOf } from '../routes';
import { HeaderSearch } from './header-search';
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

/** Menu entries in route-table order; grouped ones gather under their sub-menu. */
function menuItems(routes: AppRoute[], t: Translate): ItemType[] {
  const items: ItemType[] = [];
  const groups = new Map<string, ItemType[]>();
  for (const route of routes) {
    const item = { key: route.path, icon: route.icon, label: t(route.labelKey) };
    if (!route.group) {
      items.push(item);
      continue;
    }

    let children = groups.get(route.group.key);
    if (!children) {
      children = [];
      groups.set(route.group.key, children);
      items.push({
        key: route.group.key,
        icon: route.group.icon,
        label: t(route.group.labelKey),
        children,
      });
    }
    children.push(item);
  }

  return items;
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
  const [openGroups, setOpenGroups] = useState<string[]>(() =>
    current?.group ? [current.group.key] : [],
  );
  const currentGroup = current?.group?.key;
  const pageTitle = current ? `${t(current.labelKey)} - ${t('app.fullName')}` : t('app.fullName');

  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);

  useEffect(() => {
    if (currentGroup)
      setOpenGroups((open) => (open.includes(currentGroup) ? open : [...open, currentGroup]));
  }, [currentGroup]);

  const items = menuItems(menuRoutes(me), t);

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
            openKeys={collapsed ? undefined : openGroups}
            onOpenChange={setOpenGroups}
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
              {me.kind === 'employee' && <HeaderSearch me={me} />}
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
